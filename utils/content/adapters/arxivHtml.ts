/**
 * arXiv's HTML renderings of papers (LaTeXML):
 *   https://arxiv.org/html/<id>vN     (e.g. /html/2408.01234v2; the version is dropped)
 *   https://arxiv.org/html/<id>       (the latest version, e.g. /html/2408.01234)
 *   https://arxiv.org/html/<id>vN/    (with a trailing slash, also before a #section)
 *
 * The id comes from the URL. Title: `h1.ltx_title_document` (footnotes, `.ltx_note`, skipped;
 * formulas are MathML with the TeX in `alttext`). Authors: each `.ltx_personname` holds a name, or
 * several separated by commas or "and", before the first `<br>` (affiliations and e-mails
 * follow it), with `<sup>` affiliation marks. Abstract: `.ltx_abstract` without its "Abstract"
 * heading. Sent as an abstract page ('arxiv-abs': one paper, read by the user).
 */

import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import {
  collector,
  dropLabel,
  isArxivPage,
  safeScan,
  walkedText,
} from '@/utils/content/adapters/dom';
import { arxivIdFrom } from '@/utils/shared/arxivId';
import { cleanText, LIMITS } from '@/utils/shared/paper';

const PATH = /^\/html\/([^/]+)\/?$/;

function pathId(url: URL): string {
  const m = isArxivPage(url) ? PATH.exec(url.pathname) : null;
  return m?.[1] ? arxivIdFrom(m[1]) : '';
}

/** The names in one `.ltx_personname`: its text up to the first line break, marks dropped. */
function personNames(person: Element): string[] {
  let text = '';
  for (let node = person.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue;
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName === 'br') break;
      if (el.localName !== 'sup') text += walkedText(el, LIMITS.authorName);
    }
  }
  return text
    .split(/,|\band\b|&/)
    .map((name) => cleanText(name.replace(/[*†‡§¶∗]/g, ''), LIMITS.authorName))
    .filter((name) => name.length > 1 && !name.includes('@'));
}

export const arxivHtml: SiteAdapter = {
  name: 'arxiv-html',
  matches: (url) => pathId(url) !== '',
  scan: (doc, url) =>
    safeScan(doc, 'arxiv-abs', 'arXiv HTML papers', url, () => {
      const h1 = doc.querySelector('h1.ltx_title_document');
      const out = collector(() => ({
        paper: {
          id: pathId(url),
          title: walkedText(h1, LIMITS.title),
          authors: Array.from(doc.querySelectorAll('.ltx_personname'))
            .flatMap(personNames)
            .slice(0, LIMITS.authors),
          abstract: dropLabel(
            walkedText(doc.querySelector('.ltx_abstract'), LIMITS.abstract + 10),
            'Abstract',
          ).slice(0, LIMITS.abstract),
        },
        anchor: h1,
      }));
      out.add(null);
      return out.entries;
    }),
};
