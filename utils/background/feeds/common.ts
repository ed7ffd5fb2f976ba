/**
 * Shared pieces of the feed parsers (arXiv RSS/Atom, arXiv API, HF Daily Papers API): the result
 * type, category / author / date helpers and the collector that validates each paper. Pure
 * functions: no DOM, no browser APIs, nothing here throws.
 */
import { isArxivId } from '@/utils/shared/arxivId';
import { isValidPaper } from '@/utils/shared/messageSchemas';
import {
  cleanText,
  type DetectedPaper,
  LIMITS,
  type ListingSection,
  withoutEmptyFields,
} from '@/utils/shared/paper';

/**
 * A paper read from a feed; `announceType` is arXiv's ('new', 'cross', 'replace', …). The arXiv
 * API also gives the entry's `version` (the N of its id's vN), `journalRef` and `doi`; none of
 * these are a page's fields, so {@link asPagePapers} leaves them out.
 */
export type FeedPaper = DetectedPaper & {
  announceType?: string;
  version?: number;
  journalRef?: string;
  doi?: string;
};

export interface FeedParse {
  papers: FeedPaper[];
  /**
   * `index` is the entry's position in the feed, or -1 for something about the whole feed (not a
   * feed, over the limit, …).
   */
  skipped: { reason: string; index: number }[];
  /**
   * When the batch was published, ISO 8601 (RSS channel `pubDate`, else `lastBuildDate`; Atom
   * feed `updated`; HF: the Daily Papers date).
   */
  batchDate?: string;
  /**
   * The announcement day as the feed prints it, YYYY-MM-DD (RSS `pubDate`'s date, Atom entries'
   * `published` date; HF: the Daily Papers date). Stable for one batch, unlike build times.
   */
  announced?: string;
  /** The papers' ids in feed order: two fetches of the same batch give the same list. */
  ids: string[];
  /** arXiv API only: the API's error message (then there are no papers). */
  error?: string;
  /** arXiv API only: opensearch paging figures. */
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
}

const SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|md)\.?$/i;

/**
 * Author names from arXiv's `dc:creator` text(s): "A. One, B. Two and C. Three" or
 * "A. One, B. Two, and C. Three" → ["A. One", "B. Two", "C. Three"]. Commas inside parentheses
 * (affiliations) do not split, and the parenthesised part is dropped; "Jr." joins the name
 * before it. Names are kept as written ("First Last"), clipped, capped.
 */
export function splitAuthors(texts: Iterable<string>): string[] {
  const names: string[] = [];
  const push = (raw: string): void => {
    let name = raw.replace(/\([^()]*\)/g, ' ');
    name = cleanText(name.replace(/^and\s+/i, ''), LIMITS.authorName);
    if (!name || names.length >= LIMITS.authors) return;
    const prev = names.length - 1;
    if (SUFFIX.test(name) && prev >= 0)
      names[prev] = cleanText(`${names[prev]}, ${name}`, LIMITS.authorName);
    else names.push(name);
  };
  for (const text of texts) {
    // Escaped HTML links (old feeds: "<a href=…>Name</a>") → their text.
    const plain = text.length > 100_000 ? text.slice(0, 100_000) : text;
    const clean = plain.includes('<') ? plain.replace(/<[^<>]*>/g, '') : plain;
    let depth = 0;
    let start = 0;
    const pieces: string[] = [];
    for (let k = 0; k < clean.length; k++) {
      const c = clean[k];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if ((c === ',' || c === ';') && depth === 0) {
        pieces.push(clean.slice(start, k));
        start = k + 1;
      }
    }
    pieces.push(clean.slice(start));
    for (const piece of pieces) {
      for (const part of piece.split(/\s+and\s+|\s+&\s+/i)) push(part);
      if (names.length >= LIMITS.authors) return names;
    }
  }
  return names;
}

/** arXiv's announce type → the listing section; undefined for types we do not map. */
export function sectionOf(announceType: string | undefined): ListingSection | undefined {
  switch (announceType) {
    case 'new':
      return 'new';
    case 'cross':
      return 'cross-list';
    case 'replace':
    case 'replace-cross':
      return 'replacement';
    default:
      return undefined;
  }
}

/** Normalises an announce type: lower-case, one token, clipped; '' when empty. */
export function announceTypeOf(raw: string | null | undefined): string {
  return cleanText(raw, 40).toLowerCase().replace(/\s+/g, '-');
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

export interface FeedDate {
  /** The instant, ISO 8601 in UTC. */
  iso: string;
  /** The calendar day as written (in the feed's own offset), YYYY-MM-DD. */
  day: string;
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[zone.toUpperCase()];
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string | undefined,
): FeedDate | undefined {
  const off = offsetMinutes(zone);
  if (off === undefined || y < 1900 || y > 9999 || h > 23 || mi > 59 || s > 60) return undefined;
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Rejects month 13, 31 April and the like (Date.UTC would roll them over).
  if (local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d) return undefined;
  const date = new Date(local.getTime() - off * 60_000);
  if (!Number.isFinite(date.getTime())) return undefined;
  const pad = (v: number) => String(v).padStart(2, '0');
  return { iso: date.toISOString(), day: `${y}-${pad(mo)}-${pad(d)}` };
}

/**
 * Parses a feed date, RFC 822 ("Tue, 26 Mar 2024 00:00:00 -0400") or ISO 8601
 * ("2025-08-20T04:00:19.866337+00:00", "2016-10-09T00:00:00-04:00", "2025-09-30"), without
 * relying on `Date.parse`'s implementation-specific formats. Undefined when it is neither.
 */
export function feedDate(raw: string | null | undefined): FeedDate | undefined {
  const s = cleanText(raw, 100);
  let m = ISO8601.exec(s);
  if (m) {
    const frac = (m[7] ?? '').slice(0, 3).padEnd(3, '0');
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      Number(frac),
      m[8],
    );
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
    if (!mo) return undefined;
    return build(
      Number(m[3]),
      mo,
      Number(m[1]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
      0,
      m[7],
    );
  }
  return undefined;
}

/** What a builder returns for one entry: a paper, or why there is none. */
export type Built = FeedPaper | { skip: string };

/**
 * Collects the papers of one feed: builds each entry in a try/catch (a malformed entry is
 * skipped with a reason, not the feed), requires a valid id and a title, keeps the first of
 * repeated ids and stops at the per-page limit.
 */
export function collector() {
  const papers: FeedPaper[] = [];
  const skipped: FeedParse['skipped'] = [];
  const seen = new Set<string>();
  let full = false;
  return {
    papers,
    skipped,
    add(index: number, build: () => Built): void {
      if (papers.length >= LIMITS.papersPerPage) {
        if (!full)
          skipped.push({ reason: `over the limit of ${LIMITS.papersPerPage} papers`, index });
        full = true;
        return;
      }
      let built: Built;
      try {
        built = build();
      } catch {
        built = { skip: 'malformed entry' };
      }
      if ('skip' in built) {
        skipped.push({ reason: built.skip, index });
        return;
      }
      if (!isArxivId(built.id)) skipped.push({ reason: 'no valid arXiv id', index });
      else if (!built.title) skipped.push({ reason: `no title (${built.id})`, index });
      else if (seen.has(built.id)) skipped.push({ reason: `repeated id ${built.id}`, index });
      else {
        if (built.hf) built.hf = withoutEmptyFields(built.hf);
        seen.add(built.id);
        papers.push(withoutEmptyFields(built));
      }
    },
    result(extra: Omit<FeedParse, 'papers' | 'skipped' | 'ids'> = {}): FeedParse {
      const out: FeedParse = { papers, skipped, ids: papers.map((p) => p.id) };
      for (const [key, value] of Object.entries(extra)) {
        if (value !== undefined && value !== '') Object.assign(out, { [key]: value });
      }
      return out;
    },
  };
}

/**
 * The feed's papers as a page's papers (without arXiv's `announceType`), each checked against the
 * paper schema a page's message must pass; a paper that fails it is left out.
 */
export function asPagePapers(papers: readonly FeedPaper[]): DetectedPaper[] {
  const out: DetectedPaper[] = [];
  for (const {
    announceType: _announceType,
    version: _version,
    journalRef: _journalRef,
    doi: _doi,
    ...paper
  } of papers) {
    if (isValidPaper(paper)) out.push(paper);
  }
  return out;
}

/** An empty result saying why. */
export function nothing(reason: string): FeedParse {
  return { papers: [], skipped: [{ reason, index: -1 }], ids: [] };
}
