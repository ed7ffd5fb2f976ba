/**
 * arXiv catch-up listings (everything announced since a day, in one page):
 *   https://arxiv.org/catchup/<cat>/<YYYY-MM-DD>           (e.g. /catchup/cs.CL/2026-11-30)
 *   https://arxiv.org/catchup/<cat>/<YYYY-MM-DD>?abs=True  (with abstracts)
 *
 * The page heads its list with "Catchup results for <category> since <day>" and uses the
 * listing markup of /list/ (`dl > dt + dd`, "New submissions (…)", "Cross submissions (…)",
 * "Replacement submissions (…)" headings), so it is read by the listing reader.
 */

import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import { listingEntries } from '@/utils/content/adapters/arxivListing';
import { isArxivPage, safeScan } from '@/utils/content/adapters/dom';

const PATH = /^\/catchup\/([A-Za-z][\w.-]*)\/(\d{4}-\d\d-\d\d)\/?$/;

function parsePath(url: URL): RegExpExecArray | null {
  return isArxivPage(url) ? PATH.exec(url.pathname) : null;
}

export const arxivCatchup: SiteAdapter = {
  name: 'arxiv-catchup',
  matches: (url) => parsePath(url) !== null,
  scan(doc, url) {
    const path = parsePath(url);
    return safeScan(
      doc,
      'arxiv-listing',
      path ? `arXiv ${path[1]} · catch-up since ${path[2]}` : 'arXiv catch-up',
      url,
      () => listingEntries(doc, false),
    );
  },
};
