/**
 * arXiv abstract pages:
 *   https://arxiv.org/abs/<id>       (e.g. /abs/2106.09608)
 *   https://arxiv.org/abs/<id>vN     (e.g. /abs/2106.09608v2; the version is dropped)
 *   https://arxiv.org/abs/<archive>/<7 digits>   (old-style ids, e.g. /abs/hep-th/9901001)
 *
 * Read from the `citation_*` meta tags (citation_title, citation_author "Last, First",
 * citation_abstract, citation_arxiv_id), falling back to the page body (h1.title, .authors a,
 * blockquote.abstract); comments (td.comments) and categories (td.subjects) come from the body.
 */

import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import {
  authorLinks,
  collector,
  dropLabel,
  firstLast,
  isArxivPage,
  safeScan,
  subjects,
  textOf,
} from '@/utils/content/adapters/dom';
import { arxivIdFrom, firstArxivId } from '@/utils/shared/arxivId';
import { cleanText, LIMITS } from '@/utils/shared/paper';

function pathId(url: URL): string {
  return isArxivPage(url) && url.pathname.startsWith('/abs/') ? arxivIdFrom(url.pathname) : '';
}

export const arxivAbs: SiteAdapter = {
  name: 'arxiv-abs',
  matches: (url) => pathId(url) !== '',
  scan: (doc, url) =>
    safeScan(doc, 'arxiv-abs', 'arXiv abstract pages', url, () => {
      const meta: Record<string, string[]> = {};
      for (const m of doc.querySelectorAll('meta[name^="citation_"]')) {
        const name = m.getAttribute('name') ?? '';
        meta[name] = [...(meta[name] ?? []), m.getAttribute('content') ?? ''];
      }
      const one = (name: string, max: number) => cleanText(meta[name]?.[0], max);
      const h1 = doc.querySelector('h1.title');
      const authors = (meta.citation_author ?? [])
        .slice(0, LIMITS.authors)
        .map(firstLast)
        .filter(Boolean);
      const out = collector(() => ({
        paper: {
          id: firstArxivId([meta.citation_arxiv_id?.[0], url.pathname]),
          title:
            one('citation_title', LIMITS.title) || dropLabel(textOf(h1, LIMITS.title), 'Title:'),
          authors: authors.length ? authors : authorLinks(doc.querySelectorAll('.authors a')),
          abstract:
            one('citation_abstract', LIMITS.abstract) ||
            dropLabel(
              textOf(doc.querySelector('blockquote.abstract'), LIMITS.abstract),
              'Abstract:',
            ),
          comments: textOf(doc.querySelector('td.comments'), LIMITS.comments),
          ...subjects(
            doc.querySelector('td.subjects') ??
              doc.querySelector('.primary-subject')?.parentElement,
          ),
        },
        // The one-line dateline above the title: a toggle at the end of a long title could wrap.
        anchor: doc.querySelector('.dateline') ?? h1,
      }));
      out.add(null);
      return out.entries;
    }),
};
