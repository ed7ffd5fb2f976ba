/**
 * All site adapters, and the lookup the content script uses. URLs handled:
 *   https://arxiv.org/list/<cat>/{new,recent,pastweek,current,YYMM,YYYY,YYYY-MM}  → arxivListing
 *   https://arxiv.org/catchup/<cat>/<YYYY-MM-DD>                                 → arxivCatchup
 *   https://arxiv.org/abs/<id>[vN]                                               → arxivAbs
 *   https://arxiv.org/html/<id>[vN]                                              → arxivHtml
 *   https://arxiv.org/search/[<archive>|advanced]?query=…                        → arxivSearch
 *   https://huggingface.co/papers[?date=…], /papers/date/<YYYY-MM-DD>,
 *     /papers/week/<YYYY-Www>, /papers/month/<YYYY-MM>, /papers/trending         → hfDaily
 *   https://huggingface.co/papers/<arxiv-id>                                     → hfPaperPage
 */
import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import { arxivAbs } from '@/utils/content/adapters/arxivAbs';
import { arxivCatchup } from '@/utils/content/adapters/arxivCatchup';
import { arxivHtml } from '@/utils/content/adapters/arxivHtml';
import { arxivListing } from '@/utils/content/adapters/arxivListing';
import { arxivSearch } from '@/utils/content/adapters/arxivSearch';
import { hfDaily } from '@/utils/content/adapters/hfDaily';
import { hfPaperPage } from '@/utils/content/adapters/hfPaper';

export const adapters: readonly SiteAdapter[] = [
  arxivListing,
  arxivCatchup,
  arxivAbs,
  arxivHtml,
  arxivSearch,
  hfDaily,
  hfPaperPage,
];

/** The adapter for a page URL, or undefined when Paperlight does not read that page. */
export function findAdapter(url: URL): SiteAdapter | undefined {
  return adapters.find((adapter) => {
    try {
      return adapter.matches(url);
    } catch {
      return false;
    }
  });
}
