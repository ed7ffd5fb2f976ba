/**
 * Hugging Face paper pages, one paper each ("HF paper pages"):
 *   https://huggingface.co/papers/<arxiv-id>        e.g. /papers/2408.01234
 *
 * Primary source: the `div.SVELTE_HYDRATER[data-target="PaperContent"]` `data-props` JSON, whose
 * `paper` holds `id, title, summary, authors[].name, upvotes, githubRepo, projectPage,
 * ai_summary, submittedOnDailyAt` (any island whose `paper.id` is the page's id is accepted). The
 * props are only trusted when their paper is the one in the URL. Fallback: the `h1` title (else
 * `meta[property="og:title"]` without its "Paper page - " prefix) and `meta[name="description"]`
 * as the abstract. After an in-place navigation (`inPlace`) the meta tags are stale, and the
 * page's heading is only read when the page also links to the paper on arXiv
 * (`arxiv.org/abs/<id>` or `/pdf/<id>`), so that a heading left from the previous view is never
 * taken for this paper's title. The sighting kind is 'hf-daily'; the label tells the page apart.
 */

import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import { collector, safeScan, textOf } from '@/utils/content/adapters/dom';
import { findProps, isHfPage } from '@/utils/content/adapters/hfPageProps';
import { arxivIdFrom, arxivIdFromUrl, firstArxivId } from '@/utils/shared/arxivId';
import { obj, paperFromHfJson, str } from '@/utils/shared/hfPaperJson';
import { cleanText, type DetectedPaper, LIMITS } from '@/utils/shared/paper';

const PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?$/;

function meta(doc: Document, selector: string): string {
  return doc.querySelector(selector)?.getAttribute('content') ?? '';
}

function linksToArxiv(doc: Document, id: string): boolean {
  for (const a of doc.querySelectorAll('a[href*="arxiv.org/"]')) {
    if (arxivIdFromUrl(a.getAttribute('href') ?? '') === id) return true;
  }
  return false;
}

/** The meta description as an abstract, unless it is HF's generic line ("Join the discussion on
 * this paper page") or too short to be one. */
function abstractFrom(description: string): string {
  const text = cleanText(description, LIMITS.abstract);
  return text.length >= 100 && !/^join the discussion/i.test(text) ? text : '';
}

export const hfPaperPage: SiteAdapter = {
  name: 'hf-paper',
  matches: (url) => isHfPage(url) && PATH.test(url.pathname),
  scan(doc, url, options) {
    const id = arxivIdFrom(PATH.exec(url.pathname)?.[1]);
    const inPlace = options?.inPlace === true;
    return safeScan(doc, 'hf-daily', 'HF paper pages', url, () => {
      const papers = collector((paper: DetectedPaper) => ({ paper, anchor: null }));
      if (!id) return papers.entries;
      const props = findProps(
        doc,
        'div.SVELTE_HYDRATER[data-props]',
        (raw) => raw.includes(id),
        (json) => firstArxivId([str(obj(json.paper).id), str(json.id)]) === id,
      );
      if (props) papers.add(paperFromHfJson(props));
      if (papers.entries.length) return papers.entries;
      if (inPlace && !linksToArxiv(doc, id)) return papers.entries;
      const heading = textOf(doc.querySelector('h1'), LIMITS.title);
      const ogTitle = inPlace ? '' : meta(doc, 'meta[property="og:title"]');
      papers.add({
        id,
        title: heading || cleanText(ogTitle.replace(/^Paper page\s*[-–—:]\s*/i, ''), LIMITS.title),
        authors: [],
        abstract: inPlace ? '' : abstractFrom(meta(doc, 'meta[name="description"]')),
      });
      return papers.entries;
    });
  },
};
