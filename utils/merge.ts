import { extractLinks } from './codeLinks';
import type { PaperRecord, Sighting } from './db';
import type { DetectedPaper, HfInfo } from './paper';
import { localTldr } from './tldr';

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

/**
 * Merges one detection of a paper into its stored record (or makes a new record).
 * Saved state, first-seen time and the richest known fields survive; links are recomputed from
 * everything known and only ever grow.
 */
export function mergePaper(
  existing: PaperRecord | undefined,
  detected: DetectedPaper,
  sighting: Sighting,
  /** For a new record: whether it counts toward the badge (kept as is on later sightings). */
  countsAsNew = true,
): PaperRecord {
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

  const record: PaperRecord = {
    id: detected.id,
    title: detected.title || existing?.title || '',
    authors: detected.authors.length > 0 ? detected.authors : (existing?.authors ?? []),
    categories,
    tldr,
    codeUrls: union(existing?.codeUrls ?? [], links.code),
    projectUrls: union(existing?.projectUrls ?? [], links.project),
    firstSeenAt: existing ? Math.min(existing.firstSeenAt, sighting.at) : sighting.at,
    lastSeenAt: existing ? Math.max(existing.lastSeenAt, sighting.at) : sighting.at,
    firstSighting: existing?.firstSighting ?? sighting,
    lastSighting: existing && existing.lastSeenAt > sighting.at ? existing.lastSighting : sighting,
    sightingCount: (existing?.sightingCount ?? 0) + 1,
    countsAsNew: existing ? existing.countsAsNew !== false : countsAsNew,
  };
  if (abstract) record.abstract = abstract;
  if (comments) record.comments = comments;
  if (primaryCategory) record.primaryCategory = primaryCategory;
  if (hf) record.hf = hf;
  if (existing?.savedAt !== undefined) record.savedAt = existing.savedAt;
  return record;
}
