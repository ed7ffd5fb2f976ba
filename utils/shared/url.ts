/**
 * The URL as a string when it is an absolute http(s) URL, else undefined.
 * Every href the popup renders goes through here: `javascript:`, `data:` and the like never become links.
 */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href;
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
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}
