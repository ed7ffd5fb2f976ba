const ABSOLUTE_HTTP = /^https?:\/\//i;

export interface HttpUrlOptions {
  /** Longest accepted URL, before and after the URL parser normalises it. */
  max?: number;
  /** Resolve a relative `raw` against this URL (else only absolute http(s) URLs are taken). */
  base?: string;
}

/**
 * The URL as the URL parser writes it when `raw` is an http(s) URL, else undefined. This is the
 * one rule for what may become a link or a stored URL: `javascript:`, `data:` and the like never
 * pass.
 */
export function httpUrl(raw: unknown, options: HttpUrlOptions = {}): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const text = raw.trim();
  if (text.length > max || (options.base === undefined && !ABSOLUTE_HTTP.test(text))) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(text, options.base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.length <= max ? url.href : undefined;
}

/** The host name of a URL (lower-cased by the URL parser), or undefined when it has none. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `url`, resolved against `base`, as the URL parser writes it (spaces and quotes percent-encoded,
 * host lower-cased) and without its #hash, when it is an http(s) URL; else undefined. The one
 * normalisation of an address used as a key: a saved article's id is made from it.
 */
export function canonicalHttpUrl(
  url: string | null | undefined,
  base?: string,
): string | undefined {
  if (!url) return undefined; // an empty href would resolve to the base itself
  return httpUrl(url, base === undefined ? {} : { base })?.split('#')[0];
}
