import { extractLinks } from '@/utils/shared/codeLinks';
import type { DetectedPaper, HfInfo } from '@/utils/shared/paper';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import { localTldr } from '@/utils/shared/tldr';

/** Keeps the first non-empty value: a later, poorer sighting never erases a richer one. */
function richer(next: string | undefined, previous: string | undefined): string | undefined {
  return next ? next : previous;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

function mergeHf(previous: HfInfo | undefined, next: HfInfo | undefined): HfInfo | undefined {
  if (!next) return previous;
  if (!previous) return { ...next };
  const merged: HfInfo = { ...previous };
  for (const [key, value] of Object.entries(next) as [keyof HfInfo, HfInfo[keyof HfInfo]][]) {
    if (value !== undefined && value !== '') Object.assign(merged, { [key]: value });
  }
  return merged;
}

type ContentFields = Pick<
  PaperRecord,
  | 'abstract'
  | 'comments'
  | 'primaryCategory'
  | 'categories'
  | 'tldr'
  | 'codeUrls'
  | 'projectUrls'
  | 'hf'
>;

/**
 * The content rules shared by sightings and metadata look-ups: the richest abstract and comments
 * survive, categories are a union (primary first), HF info is merged key by key, the TL;DR is
 * recomputed when the abstract changed, and links are recomputed from everything known and only
 * ever grow.
 */
function mergeContent(existing: PaperRecord | undefined, detected: DetectedPaper): ContentFields {
  const abstract = richer(detected.abstract, existing?.abstract);
  const comments = richer(detected.comments, existing?.comments);
  const hf = mergeHf(existing?.hf, detected.hf);
  const links = extractLinks([abstract, comments], {
    githubRepo: hf?.githubRepo,
    projectPage: hf?.projectPage,
  });
  const primaryCategory = detected.primaryCategory ?? existing?.primaryCategory;
  const categories = union(
    primaryCategory ? [primaryCategory] : [],
    union(detected.categories ?? [], existing?.categories ?? []),
  );
  const tldr =
    existing && existing.abstract === abstract && existing.tldr
      ? existing.tldr
      : abstract
        ? localTldr(abstract)
        : '';
  const fields: ContentFields = {
    categories,
    tldr,
    codeUrls: union(existing?.codeUrls ?? [], links.code),
    projectUrls: union(existing?.projectUrls ?? [], links.project),
  };
  if (abstract) fields.abstract = abstract;
  if (comments) fields.comments = comments;
  if (primaryCategory) fields.primaryCategory = primaryCategory;
  if (hf) fields.hf = hf;
  return fields;
}

/**
 * Merges one detection of a paper into its stored record (or makes a new record). Every field
 * the sighting does not speak to survives (saved state, signals, tags, note, reading state, edit
 * stamps, watch updates, relevance); first-seen time and first sighting survive; content fields
 * follow the rules of `mergeContent`.
 */
export function mergePaper(
  existing: PaperRecord | undefined,
  detected: DetectedPaper,
  sighting: Sighting,
  /** For a new record: whether it counts toward the badge (kept as is on later sightings). */
  countsAsNew = true,
): PaperRecord {
  const content = mergeContent(existing, detected);
  // Everything else on the record (what the user said and did, library fields, the watch's
  // findings, relevance) is carried over whole: a new field is kept without being listed here.
  const {
    abstract: _abstract,
    comments: _comments,
    primaryCategory: _primaryCategory,
    hf: _hf,
    placeholder: _placeholder,
    ...carried
  } = existing ?? {};
  const record: PaperRecord = {
    ...carried,
    id: detected.id,
    title: detected.title || existing?.title || '',
    authors: detected.authors.length > 0 ? detected.authors : (existing?.authors ?? []),
    categories: content.categories,
    tldr: content.tldr,
    codeUrls: content.codeUrls,
    projectUrls: content.projectUrls,
    firstSeenAt: existing ? Math.min(existing.firstSeenAt, sighting.at) : sighting.at,
    lastSeenAt: existing ? Math.max(existing.lastSeenAt, sighting.at) : sighting.at,
    firstSighting: existing?.firstSighting ?? sighting,
    lastSighting: existing && existing.lastSeenAt > sighting.at ? existing.lastSighting : sighting,
    sightingCount: (existing?.sightingCount ?? 0) + 1,
    countsAsNew: existing ? existing.countsAsNew !== false : countsAsNew,
  };
  if (content.abstract) record.abstract = content.abstract;
  if (content.comments) record.comments = content.comments;
  if (content.primaryCategory) record.primaryCategory = content.primaryCategory;
  if (content.hf) record.hf = content.hf;
  return record;
}

/**
 * Merges metadata looked up for a known paper (the arXiv API, "filling in" what a page did not
 * show) into its record. Not a sighting: the sightings, their count, the first- and last-seen
 * times, `countsAsNew`, the saved state and anything else on the record are kept as they are;
 * content fields follow the rules of `mergeContent`. The title and authors are replaced only when the record is a placeholder or
 * the fetched ones are richer (a title where there was none, more authors than the page listed);
 * a placeholder with a fetched title stops being one.
 */
export function mergeMetadata(existing: PaperRecord, fetched: DetectedPaper): PaperRecord {
  const content = mergeContent(existing, { ...fetched, id: existing.id });
  const {
    abstract: _a,
    comments: _c,
    primaryCategory: _p,
    hf: _h,
    placeholder,
    ...kept
  } = existing;
  const record: PaperRecord = { ...kept, ...content };
  const replaceTitle = placeholder === true || !existing.title;
  if (fetched.title && replaceTitle) record.title = fetched.title;
  if (
    fetched.authors.length > 0 &&
    (placeholder === true || fetched.authors.length > existing.authors.length)
  ) {
    record.authors = [...fetched.authors];
  }
  if (placeholder === true && !fetched.title) record.placeholder = true;
  return record;
}
