/**
 * arXiv search results:
 *   https://arxiv.org/search/?query=<q>&searchtype=<field>[&abstracts=show&order=…&size=…&start=…]
 *   https://arxiv.org/search/<archive>?query=<q>&searchtype=<field>   (e.g. /search/cs?…)
 *   https://arxiv.org/search/advanced?advanced=&terms-0-term=<q>&terms-0-field=…
 *
 * Each result is an `li.arxiv-result`: `p.list-title a` ("arXiv:2408.01234"), `p.title`,
 * `p.authors a`, `.tags .tag[data-tooltip]` category codes (primary first; the doi tags have no
 * tooltip), `span.abstract-full` / `span.abstract-short` (with a "△ Less" / "▽ More" toggle
 * link inside), an optional `p.comments` and the `p.is-size-7` "Submitted …" line.
 */

import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import {
  authorLinks,
  collector,
  dropLabel,
  isArxivPage,
  linksIn,
  safeScan,
  textOf,
} from '@/utils/content/adapters/dom';
import { firstArxivId } from '@/utils/shared/arxivId';
import { categoryList, LIMITS } from '@/utils/shared/paper';

const TOGGLE = /\s*[△▽]\s*(Less|More)\s*$/;

export const arxivSearch: SiteAdapter = {
  name: 'arxiv-search',
  matches: (url) => isArxivPage(url) && /^\/search(\/|$)/.test(url.pathname),
  scan(doc, url) {
    const q = url.searchParams.get('query') || url.searchParams.get('terms-0-term') || '';
    const query = q.trim().replace(/\s+/g, ' ').slice(0, 80);
    return safeScan(
      doc,
      'arxiv-search',
      query ? `arXiv search · ${query}` : 'arXiv search',
      url,
      () => {
        const out = collector((li: Element) => {
          const idLine = li.querySelector('p.list-title');
          const link = idLine?.querySelector('a');
          const tags = li.querySelector('.tags')?.querySelectorAll('.tag[data-tooltip]') ?? [];
          const categories = categoryList(Array.from(tags, (tag) => tag.textContent));
          const full = textOf(li.querySelector('span.abstract-full'), LIMITS.abstract + 10);
          const short = textOf(li.querySelector('span.abstract-short'), LIMITS.abstract + 10);
          return {
            paper: {
              id: firstArxivId([link?.textContent, link?.getAttribute('href')]),
              title: textOf(li.querySelector('p.title'), LIMITS.title),
              authors: authorLinks(linksIn(li.querySelector('p.authors'))),
              abstract: (full.replace(TOGGLE, '') || short.replace(TOGGLE, '')).slice(
                0,
                LIMITS.abstract,
              ),
              comments: dropLabel(
                textOf(li.querySelector('p.comments'), LIMITS.comments + 10),
                'Comments:',
              ).slice(0, LIMITS.comments),
              primaryCategory: categories[0],
              categories,
            },
            // The short "Submitted …" line: nothing sits to the right of it (the id line has the
            // category tags there), so the mark covers nothing.
            anchor: li.querySelector('p.is-size-7:not(.comments)') ?? idLine ?? li,
            shownIn: [li],
          };
        });
        for (const li of doc.querySelectorAll('li.arxiv-result')) out.add(li);
        return out.entries;
      },
    );
  },
};
