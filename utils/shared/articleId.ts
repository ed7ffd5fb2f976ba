import { LIMITS } from '@/utils/shared/paper';
import { canonicalHttpUrl } from '@/utils/shared/url';

/** An article saved from any page is stored under `url:` and its address. */
export const ARTICLE_ID_PREFIX = 'url:';

/**
 * The id an article is stored under: `url:` + its address as {@link canonicalHttpUrl} writes it
 * (no #hash). Undefined for anything but an http(s) URL, and for one longer than `LIMITS.url`
 * once written out (percent-encoding can lengthen it).
 */
export function articleId(url: string): string | undefined {
  const canonical = canonicalHttpUrl(url);
  return canonical && canonical.length <= LIMITS.url ? ARTICLE_ID_PREFIX + canonical : undefined;
}

/**
 * Whether `id` can name a saved article: `url:` followed by an address the URL parser reads as
 * http(s). Every id {@link articleId} makes passes; so do ids stored before addresses were
 * normalised (`url:https://example.com/a"><img src=x>`), which must stay reachable to be unsaved.
 * Whether the article exists is the store's answer, not this check's.
 */
export function isArticleId(id: string): boolean {
  return (
    id.startsWith(ARTICLE_ID_PREFIX) &&
    id.length <= ARTICLE_ID_PREFIX.length + LIMITS.url &&
    canonicalHttpUrl(id.slice(ARTICLE_ID_PREFIX.length)) !== undefined
  );
}
