/**
 * What a site adapter reads off a page, before anything is stored.
 * Kept free of DOM and browser APIs so the background can validate it and tests can build it.
 */

/** The kinds of page the content script reads. */
export const PAGE_SOURCE_KINDS = [
  'arxiv-listing',
  'arxiv-abs',
  'arxiv-search',
  'hf-daily',
] as const;

/**
 * Where a paper was seen, as a page detection says: a kind of page the user read, or a feed the
 * background digest fetched ('hf-api': the Hugging Face daily papers API; 'arxiv-rss':
 * rss.arxiv.org).
 */
export const DETECTED_SOURCE_KINDS = [...PAGE_SOURCE_KINDS, 'hf-api', 'arxiv-rss'] as const;

/** Every kind of source: the pages and feeds above, the popup's page actions (papers found on
 * any page, and articles saved from one), a paper the user opened (a PDF, say) before
 * Paperlight met it anywhere else, a paper first met in an imported file (PaperMemory), and one
 * saved in another browser and known from sync. */
export const SOURCE_KINDS = [
  ...DETECTED_SOURCE_KINDS,
  'page-links',
  'article',
  'opened',
  'import',
  'synced',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export const LISTING_SECTIONS = ['new', 'cross-list', 'replacement'] as const;

/** Where in an arXiv listing a paper sits. */
export type ListingSection = (typeof LISTING_SECTIONS)[number];

/** Hugging Face Daily Papers fields, kept as HF gives them. */
export interface HfInfo {
  upvotes?: number;
  githubRepo?: string;
  projectPage?: string;
  /** HF's machine-written summary ("ai_summary"); shown labelled as such. */
  aiSummary?: string;
  /** The Daily Papers date the paper was listed on, YYYY-MM-DD. */
  dailyDate?: string;
}

export interface DetectedPaper {
  /** Bare arXiv id without version: "2408.01234", "hep-th/9901001". */
  id: string;
  /** Title without the "Title:" label, whitespace collapsed, TeX left as written. */
  title: string;
  /** Authors in order, "First Last". */
  authors: string[];
  abstract?: string;
  comments?: string;
  /** Primary category code, e.g. "cs.CL". */
  primaryCategory?: string;
  /** All category codes, primary first. */
  categories?: string[];
  /** Listing section (arXiv listings only). */
  section?: ListingSection;
  /** The day heading on /recent listings, as printed ("Mon, 27 Jul 2026"). */
  listingDay?: string;
  hf?: HfInfo;
}

/** The page a set of papers was seen on. */
export interface PageSource {
  kind: SourceKind;
  /** Human label used to group the popup feed: "arXiv cs.CL · new", "HF Daily Papers · 2026-11-27". */
  label: string;
  /** The page URL (http(s) only). */
  url: string;
}

/** One page's detection: what the content script sends to the background. */
export interface PageDetection {
  source: PageSource;
  papers: DetectedPaper[];
  /**
   * A random id the content script gives each page view (8–64 of `[A-Za-z0-9_-]`). A message sent
   * again after the service worker stopped mid-message carries the same one, so the view counts once.
   */
  viewId?: string;
}

/**
 * Size limits on what a page may send. Adapters clip to them (so a huge or hostile page still
 * yields usable entries) and the background schema rejects anything beyond them.
 */
export const LIMITS = {
  papersPerPage: 5000,
  title: 1000,
  abstract: 20000,
  comments: 2000,
  authors: 2000,
  authorName: 300,
  categories: 50,
  category: 40,
  label: 200,
  url: 2048,
  listingDay: 100,
  hfText: 5000,
} as const;

const MESSY_SPACE = /\s\s|[^\S ]/;
const MESSY_SPACES = /\s{2,}|[^\S ]/g;

/** Collapses runs of whitespace to one space and trims; clips to `max` characters. */
export function cleanText(text: string | null | undefined, max: number): string {
  // Only runs of 2+ whitespace and lone non-space whitespace are rewritten: single spaces, by far
  // the most common, are left alone, and text with nothing to rewrite is not copied (this runs on
  // every string a page yields).
  const trimmed = (text ?? '').trim();
  const collapsed = MESSY_SPACE.test(trimmed) ? trimmed.replace(MESSY_SPACES, ' ') : trimmed;
  return collapsed.length > max ? collapsed.slice(0, max) : collapsed;
}

const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

/** A category code ("cs.CL", "quant-ph") from a code or a subject label ("Quantum Physics
 * (quant-ph)"), or ''. */
export function categoryCode(text: string | null | undefined): string {
  const s = (text ?? '').trim();
  const code = s.endsWith(')') ? s.slice(s.lastIndexOf('(') + 1, -1).trim() : s;
  return code.length <= LIMITS.category && CATEGORY.test(code) ? code : '';
}

/** Category codes from a list of codes or labels: valid ones only, unique, in order (so the
 * primary stays first), capped. */
export function categoryList(items: Iterable<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const item of items) {
    const code = categoryCode(item);
    if (code && !out.includes(code) && out.length < LIMITS.categories) out.push(code);
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === '' ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  );
}

/**
 * The paper (or its `hf` info) without its empty optional fields ('' / undefined / [] / {}), as a
 * detected paper is sent and stored; `authors` is kept even when empty. Returns `paper` itself
 * when nothing is empty.
 */
export function withoutEmptyFields<T extends object>(paper: T): T {
  const rec = paper as Record<string, unknown>;
  let clean = true;
  for (const key in rec) {
    if (key !== 'authors' && isEmpty(rec[key])) {
      clean = false;
      break;
    }
  }
  if (clean) return paper;
  // Copies rather than `delete`s: deleted keys would turn every paper into a slow dictionary object.
  const out: Record<string, unknown> = {};
  for (const key in rec) if (key === 'authors' || !isEmpty(rec[key])) out[key] = rec[key];
  return out as T;
}
