/**
 * What the injected page reader (entrypoints/page-reader.ts) returns to the popup, and the size
 * limits on it. Types and constants only: safe to import anywhere (no Readability here).
 */

export const ARTICLE_LIMITS = {
  title: 1000,
  byline: 300,
  siteName: 200,
  /** A key sentence, as sent to the background. */
  sentence: 500,
  keySentences: 5,
  paragraph: 20_000,
  readingMinutes: 10_000,
} as const;

/** The article Readability found, reduced to what the popup shows and saves. */
export interface ArticleReading {
  title: string;
  /** '' when the page names no author. */
  byline: string;
  /** '' when the page names no site. */
  siteName: string;
  /** Characters of article text. */
  textLength: number;
  words: number;
  /** At about 230 words a minute. */
  readingMinutes: number;
  /** 3–5 sentences picked from the article, in article order. */
  keySentences: string[];
}

export interface PageReading {
  /** `link[rel=canonical]` (http(s)) else the page's address, without #hash. */
  url: string;
  /** Host of `url` ('' when it has none). */
  host: string;
  /** Bare arXiv ids linked or written on the page, unique, capped. */
  arxivIds: string[];
  /** null when Readability finds no article on the page. */
  article: ArticleReading | null;
}

/** The popup checks what comes back from the page before using it. */
export function isPageReading(value: unknown): value is PageReading {
  if (typeof value !== 'object' || value === null) return false;
  const reading = value as Partial<PageReading>;
  return (
    typeof reading.url === 'string' &&
    typeof reading.host === 'string' &&
    Array.isArray(reading.arxivIds) &&
    reading.arxivIds.every((id) => typeof id === 'string') &&
    (reading.article === null ||
      (typeof reading.article === 'object' &&
        typeof reading.article?.title === 'string' &&
        Array.isArray(reading.article.keySentences)))
  );
}
