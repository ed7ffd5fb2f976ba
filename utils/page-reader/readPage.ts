/**
 * Reads the page it runs in: the article (Readability on a clone of the document) and the arXiv
 * papers it references. Only the injected script (entrypoints/page-reader.ts) imports this module,
 * so Readability stays out of the popup and the content script. Returns plain data only.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { countWords, pickKeySentences, readingMinutes } from '@/utils/page-reader/keySentences';
import { findArxivIds } from '@/utils/shared/arxivId';
import { ARTICLE_LIMITS, type PageReading } from '@/utils/shared/pageReaderResult';
import { cleanText } from '@/utils/shared/paper';
import { canonicalHttpUrl, hostOf } from '@/utils/shared/url';

/** Readability gives up on pages with more elements than this (keeps huge pages responsive). */
const MAX_ELEMENTS = 30_000;

/** `link[rel=canonical]` when it is an http(s) URL, else the page's own address (no #hash). */
export function canonicalUrl(doc: Document, location: string): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return (
    canonicalHttpUrl(canonical?.getAttribute('href'), location) ??
    canonicalHttpUrl(location, location) ??
    location
  );
}

/** The text of each block of Readability's article HTML, parsed inertly (no scripts, no loads). */
function paragraphsOf(contentHtml: string, fallback: string): string[] {
  const parsed = new DOMParser().parseFromString(contentHtml, 'text/html');
  const blocks = parsed.body.querySelectorAll('p, li, blockquote, pre, h2, h3, h4, dd, td');
  const texts: string[] = [];
  for (const block of blocks) {
    // Nested blocks (a <p> inside an <li>) are read once, from the innermost.
    if (block.querySelector('p, li, blockquote')) continue;
    const text = cleanText(block.textContent, ARTICLE_LIMITS.paragraph);
    if (text) texts.push(text);
  }
  return texts.length > 0 ? texts : [fallback];
}

/** Reads `doc` (the live document; it is cloned before Readability touches it). */
export function readPage(doc: Document, location: string): PageReading {
  const url = canonicalUrl(doc, location);
  const host = hostOf(url) ?? ''; // about:blank and the like have none
  const links: string[] = [];
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    links.push(anchor.href);
  }
  const arxivIds = findArxivIds({ links, text: doc.body?.textContent ?? '' });

  const reading: PageReading = { url, host, arxivIds, article: null };
  const tooBig = doc.getElementsByTagName('*').length > MAX_ELEMENTS;
  if (tooBig || !isProbablyReaderable(doc)) return reading;
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  const text = parsed?.textContent ?? '';
  if (!parsed || countWords(text) < 50) return reading;

  const words = countWords(text);
  const keySentences = pickKeySentences(paragraphsOf(parsed.content ?? '', text)).map((sentence) =>
    cleanText(sentence, ARTICLE_LIMITS.sentence),
  );
  reading.article = {
    title: cleanText(parsed.title || doc.title, ARTICLE_LIMITS.title) || host || url,
    byline: cleanText(parsed.byline, ARTICLE_LIMITS.byline),
    siteName: cleanText(parsed.siteName, ARTICLE_LIMITS.siteName),
    textLength: text.length,
    words,
    readingMinutes: readingMinutes(words),
    keySentences: keySentences.slice(0, ARTICLE_LIMITS.keySentences),
  };
  return reading;
}
