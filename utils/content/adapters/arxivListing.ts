/**
 * arXiv listing pages:
 *   https://arxiv.org/list/<cat>/new          (e.g. /list/quant-ph/new, /list/cs.CL/new)
 *   https://arxiv.org/list/<cat>/recent       (one section per announcement day)
 *   https://arxiv.org/list/<cat>/pastweek
 *   https://arxiv.org/list/<cat>/current
 *   https://arxiv.org/list/<cat>/<YYMM>       (monthly, e.g. /list/cs/2301)
 *   https://arxiv.org/list/<cat>/<YYYY-MM>    (monthly, current URL form, e.g. /list/cs/2023-01)
 *   https://arxiv.org/list/<cat>/<YYYY>       (yearly, e.g. /list/cs/2023)
 *   each also with ?skip=<n>&show=<n>
 *
 * Markup: `dl > dt` (the `a[title="Abstract"]` link, "(cross-list from X)" / "(replaced)" marks)
 * followed by `dd` (`.list-title`, `.list-authors a`, `.list-comments`, `.list-subjects
 * .primary-subject`, `p.mathjax` abstract on /new). Mid-2024 pages head each section's `dl` with
 * "New submissions for Friday, 9 August 2024 (showing …)"; current pages with "New submissions
 * (showing …)", "Cross submissions (…)", "Replacement submissions (…)", and /recent pages with one
 * "Mon, 27 Jul 2026 (showing 47 of 47 entries )" section per day. The dt marks decide the section
 * first, then the heading; an unmarked entry under no section heading (monthly, yearly, /recent)
 * counts as 'new'. `listingDay` is set on /recent and /pastweek only.
 */

import type { DetectedEntry, SiteAdapter } from '@/utils/content/adapters/adapter';
import {
  authorLinks,
  collector,
  hasClass,
  isArxivPage,
  labelledText,
  linksIn,
  safeScan,
  subjects,
  textOf,
} from '@/utils/content/adapters/dom';
import { arxivIdFrom, firstArxivId } from '@/utils/shared/arxivId';
import { type DetectedPaper, LIMITS, type ListingSection } from '@/utils/shared/paper';

const PATH = /^\/list\/([A-Za-z][\w.-]*)\/([\w-]+)\/?$/;
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const NAMED: Record<string, string> = {
  new: 'new',
  recent: 'recent',
  pastweek: 'past week',
  current: 'current month',
};

function monthLabel(year: number, month: number): string | undefined {
  const name = MONTHS[month - 1];
  return name ? `${name} ${year}` : undefined;
}

/**
 * The human form of a listing period, or undefined when it is not one. Four digits are YYMM
 * ("2301" → "Jan 2023") unless they cannot be a month ("2023" → "2023"); 2001–2012 are read as
 * years, as arxiv.org reads them today.
 */
export function periodLabel(period: string): string | undefined {
  if (Object.hasOwn(NAMED, period)) return NAMED[period];
  const ym = /^(\d{4})(?:-(\d\d?)|(\d\d))$/.exec(period);
  if (ym) return monthLabel(Number(ym[1]), Number(ym[2] ?? ym[3]));
  if (/^\d{2}$/.test(period)) return String((Number(period) >= 91 ? 1900 : 2000) + Number(period));
  if (!/^\d{4}$/.test(period)) return undefined;
  const n = Number(period);
  const yy = Math.floor(n / 100);
  const asYear = n >= 1991 && n <= 2099 ? period : undefined;
  if (n >= 2001 && n <= 2012) return asYear;
  return monthLabel(yy >= 91 ? 1900 + yy : 2000 + yy, n % 100) ?? asYear;
}

function parsePath(url: URL): { cat: string; period: string; label: string } | undefined {
  const m = isArxivPage(url) ? PATH.exec(url.pathname) : null;
  const label = m?.[2] ? periodLabel(m[2]) : undefined;
  return m?.[1] && m[2] && label ? { cat: m[1], period: m[2], label } : undefined;
}

function sectionOf(heading: string): ListingSection | undefined {
  const h = heading.toLowerCase();
  if (h.startsWith('new submissions')) return 'new';
  if (h.startsWith('cross')) return 'cross-list';
  if (h.startsWith('replacement')) return 'replacement';
  return undefined;
}

interface MetaParts {
  title?: Element;
  authors?: Element;
  comments?: Element;
  subjects?: Element;
  abstract?: Element;
}

const META_CLASS = /(?:^|\s)list-(title|authors|comments|subjects)(?:\s|$)/;

/**
 * The parts of an entry's `dd > div.meta`, found by walking the meta's children once (a handful of
 * `querySelector` calls per entry cost more on a 2,000-entry page). Falls back to class lookups
 * when the parts are not where arXiv puts them.
 */
function metaParts(dd: Element): MetaParts {
  const first = dd.firstElementChild;
  const meta = first && hasClass(first, 'meta') ? first : dd;
  const parts: MetaParts = {};
  for (let el = meta.firstElementChild; el; el = el.nextElementSibling) {
    if (el.localName === 'p') {
      if (!parts.abstract && hasClass(el, 'mathjax')) parts.abstract = el;
      continue;
    }
    const part = META_CLASS.exec(el.getAttribute('class') ?? '')?.[1] as
      | keyof MetaParts
      | undefined;
    if (part && !parts[part]) parts[part] = el;
  }
  if (parts.title) return parts;
  const found = (selector: string) => dd.querySelector(selector) ?? undefined;
  return {
    title: found('.list-title'),
    authors: found('.list-authors'),
    comments: found('.list-comments'),
    subjects: found('.list-subjects'),
    abstract: found('p.mathjax'),
  };
}

/**
 * The entries of an arXiv listing's `dl > dt + dd` markup (also served on /catchup), in one pass
 * in document order: headings set the section (and, with `byDay`, the day), each dd completes its
 * dt. Runs inside `safeScan`.
 */
export function listingEntries(doc: Document, byDay: boolean): DetectedEntry[] {
  let section: ListingSection | undefined;
  let day = '';
  let dt: Element | null = null;
  const out = collector((dd: Element) => {
    const link = dt?.querySelector('a[title="Abstract"]');
    if (!dt || !link) return null;
    const marks = dt.textContent ?? '';
    const meta = metaParts(dd);
    const { primaryCategory, categories } = subjects(meta.subjects);
    const paper: DetectedPaper = {
      id:
        arxivIdFrom(link.getAttribute('id')) ||
        firstArxivId([link.getAttribute('href'), link.textContent]),
      title: labelledText(meta.title, 'Title:', LIMITS.title),
      authors: authorLinks(linksIn(meta.authors)),
      comments: labelledText(meta.comments, 'Comments:', LIMITS.comments),
      primaryCategory,
      categories,
      abstract: textOf(meta.abstract, LIMITS.abstract),
      section: marks.includes('(cross-list from')
        ? 'cross-list'
        : marks.includes('(replaced)')
          ? 'replacement'
          : (section ?? 'new'),
    };
    if (byDay && day) paper.listingDay = day;
    return { paper, anchor: dt, shownIn: [dt, dd] };
  });
  for (const el of doc.querySelectorAll('h3, dt, dd')) {
    if (el.localName === 'dt') {
      dt = el;
    } else if (el.localName === 'dd') {
      out.add(el);
      dt = null;
    } else {
      const text = textOf(el, 500);
      const s = sectionOf(text);
      if (s) section = s;
      else if (byDay) day = text.replace(/\(.*$/, '').trim().slice(0, LIMITS.listingDay) || day;
    }
  }
  return out.entries;
}

export const arxivListing: SiteAdapter = {
  name: 'arxiv-listing',
  matches: (url) => parsePath(url) !== undefined,
  scan(doc, url) {
    const path = parsePath(url);
    const byDay = path?.period === 'recent' || path?.period === 'pastweek';
    return safeScan(
      doc,
      'arxiv-listing',
      path ? `arXiv ${path.cat} · ${path.label}` : 'arXiv listing',
      url,
      () => listingEntries(doc, byDay),
    );
  },
};
