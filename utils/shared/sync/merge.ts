import { LIBRARY_FIELDS, type LibraryField, type Tag } from '@/utils/shared/library';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import type { Interests } from '@/utils/shared/ranking/types';
import {
  type SyncedInterests,
  type SyncedPaper,
  type SyncSnapshot,
  stampOf,
} from '@/utils/shared/sync/syncRecords';

/**
 * How two browsers' libraries merge: field by field, the later edit wins. On equal stamps the
 * value whose JSON is greater wins, the same on every browser; as absent reads `null`, which sorts
 * after numbers, strings and lists, an unsave or a removal wins a tie. A deleted tag stays deleted.
 * Every merge here gives the same result whichever side is passed first (except the title and
 * authors, which only label the paper).
 */

type FieldValue = number | string | string[] | undefined;

function fieldValue(paper: SyncedPaper, field: LibraryField): FieldValue {
  switch (field) {
    case 'saved':
      return paper.savedAt;
    case 'tagIds':
      return paper.tagIds;
    case 'note':
      return paper.note;
    case 'readingState':
      return paper.readingState;
  }
}

/** Whether `a` wins over `b`: the later stamp, then the greater JSON. */
function wins(aStamp: number, aValue: unknown, bStamp: number, bValue: unknown): boolean {
  if (aStamp !== bStamp) return aStamp > bStamp;
  return JSON.stringify(aValue ?? null) >= JSON.stringify(bValue ?? null);
}

/** One paper from two sides; the title and authors are `preferred`'s when it has them. */
export function mergeSyncedPaper(preferred: SyncedPaper, other: SyncedPaper): SyncedPaper {
  const merged: SyncedPaper = { id: preferred.id, edited: {} };
  const title = preferred.title ?? other.title;
  const authors = preferred.authors ?? other.authors;
  if (title !== undefined) merged.title = title;
  if (authors !== undefined) merged.authors = authors;
  for (const field of LIBRARY_FIELDS) {
    const a = stampOf(preferred, field);
    const b = stampOf(other, field);
    if (a === undefined && b === undefined) continue;
    const winner =
      b === undefined ||
      (a !== undefined && wins(a, fieldValue(preferred, field), b, fieldValue(other, field)))
        ? preferred
        : other;
    merged.edited[field] = stampOf(winner, field);
    setField(merged, field, fieldValue(winner, field));
  }
  return merged;
}

function setField(paper: SyncedPaper, field: LibraryField, value: FieldValue): void {
  if (value === undefined) return;
  if (field === 'saved' && typeof value === 'number') paper.savedAt = value;
  else if (field === 'tagIds' && Array.isArray(value)) paper.tagIds = value;
  else if (field === 'note' && typeof value === 'string') paper.note = value;
  else if (field === 'readingState' && typeof value === 'string')
    paper.readingState = value as SyncedPaper['readingState'];
}

/** A tag from two sides: a deletion is final (its id was taken off every paper); else the later change. */
export function mergeTag(a: Tag, b: Tag): Tag {
  const aDeleted = a.deletedAt !== undefined;
  const bDeleted = b.deletedAt !== undefined;
  if (aDeleted !== bDeleted) return aDeleted ? a : b;
  return wins(a.updatedAt, a, b.updatedAt, b) ? a : b;
}

export function mergeInterests(
  a: SyncedInterests | undefined,
  b: SyncedInterests | undefined,
): SyncedInterests | undefined {
  if (!a || !b) return a ?? b;
  return wins(a.editedAt, a.value, b.editedAt, b.value) ? a : b;
}

/** Two browsers' interests met for the first time: keep what either follows. */
export function unionOfInterests(a: Interests, b: Interests): Interests {
  const union = (x: string[], y: string[]) => {
    const seen = new Set(x.map((entry) => entry.toLowerCase()));
    return [...x, ...y.filter((entry) => !seen.has(entry.toLowerCase()))];
  };
  return {
    keywords: union(a.keywords, b.keywords),
    exclusions: union(a.exclusions, b.exclusions),
    authors: union(a.authors, b.authors),
    categories: union(a.categories, b.categories),
  };
}

/** Two snapshots as one; titles and authors from `preferred` where it has the paper. */
export function mergeSnapshots(preferred: SyncSnapshot, other: SyncSnapshot): SyncSnapshot {
  const tags = new Map(other.tags.map((tag) => [tag.id, tag]));
  for (const tag of preferred.tags) {
    const known = tags.get(tag.id);
    tags.set(tag.id, known ? mergeTag(tag, known) : tag);
  }
  const papers = new Map(other.papers.map((paper) => [paper.id, paper]));
  for (const paper of preferred.papers) {
    const known = papers.get(paper.id);
    papers.set(paper.id, known ? mergeSyncedPaper(paper, known) : paper);
  }
  const interests = mergeInterests(preferred.interests, other.interests);
  return {
    tags: [...tags.values()],
    ...(interests ? { interests } : {}),
    papers: [...papers.values()],
  };
}

/** The tag ids a paper keeps: deleted tags' ids go. */
function liveTagIds(tagIds: string[] | undefined, deletedTags: ReadonlySet<string>) {
  return tagIds?.filter((tagId) => !deletedTags.has(tagId));
}

/**
 * A stored paper with the merged library fields written in; undefined when nothing changes.
 * Only the library fields and their stamps change: what the browser learned itself stays.
 */
export function applySyncedPaper(
  record: PaperRecord,
  merged: SyncedPaper,
  deletedTags: ReadonlySet<string>,
): PaperRecord | undefined {
  const next: PaperRecord = { ...record, libraryEditedAt: { ...record.libraryEditedAt } };
  const edited = next.libraryEditedAt ?? {};
  for (const field of LIBRARY_FIELDS) {
    const stamp = merged.edited[field];
    if (stamp === undefined) continue;
    edited[field] = stamp;
    const value = fieldValue(merged, field);
    const key = field === 'saved' ? 'savedAt' : field;
    const kept = field === 'tagIds' ? liveTagIds(merged.tagIds, deletedTags) : value;
    if (kept === undefined || (Array.isArray(kept) && kept.length === 0)) delete next[key];
    else Object.assign(next, { [key]: kept });
  }
  const liveIds = liveTagIds(next.tagIds, deletedTags);
  if (liveIds && liveIds.length !== next.tagIds?.length) {
    if (liveIds.length > 0) next.tagIds = liveIds;
    else delete next.tagIds;
  }
  return sameLibrary(record, next) ? undefined : next;
}

function sameLibrary(a: PaperRecord, b: PaperRecord): boolean {
  return (
    a.savedAt === b.savedAt &&
    a.note === b.note &&
    a.readingState === b.readingState &&
    JSON.stringify(a.tagIds ?? []) === JSON.stringify(b.tagIds ?? []) &&
    LIBRARY_FIELDS.every((field) => a.libraryEditedAt?.[field] === b.libraryEditedAt?.[field])
  );
}

/** The sighting of a paper this browser knows only from sync. */
export const SYNCED_LABEL = 'Saved in another browser';

/**
 * A paper saved in another browser that this one has never seen: its id, the synced title and
 * authors, and the library fields. Its details come from the arXiv API ("fill-in") or the next
 * page that shows it.
 */
export function recordFromSynced(
  merged: SyncedPaper,
  deletedTags: ReadonlySet<string>,
  now: number,
): PaperRecord | undefined {
  if (merged.savedAt === undefined) return undefined;
  const url = merged.id.startsWith('url:')
    ? merged.id.slice('url:'.length)
    : `https://arxiv.org/abs/${merged.id}`;
  const sighting: Sighting = { kind: 'synced', label: SYNCED_LABEL, url, at: now, position: 0 };
  const title = merged.title?.trim();
  const record: PaperRecord = {
    id: merged.id,
    title: title || `arXiv:${merged.id}`,
    authors: merged.authors ?? [],
    categories: [],
    tldr: '',
    codeUrls: [],
    projectUrls: [],
    firstSeenAt: now,
    lastSeenAt: now,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 0,
    countsAsNew: false,
    ...(title ? {} : { placeholder: true as const }),
  };
  return applySyncedPaper(record, merged, deletedTags) ?? record;
}
