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
