import * as v from 'valibot';
import {
  LIBRARY_FIELDS,
  LIBRARY_LIMITS,
  type LibraryEditedAt,
  type LibraryField,
  READING_STATES,
  type ReadingState,
  TAG_COLORS,
  type Tag,
} from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { Interests } from '@/utils/shared/ranking/types';

/**
 * What one browser puts into `storage.sync` for the others (README "Data format", sync items).
 * Only what the user made syncs: saved papers with their tags, note and reading state, unsaves
 * (tombstones), tags and the interests. Everything else a browser learns itself.
 */

/** A paper as synced. An unsave travels as `{id, edited: {saved}}` without `savedAt` (a tombstone). */
export interface SyncedPaper {
  id: string;
  /** Enough to list a paper saved elsewhere before this browser meets it (see TITLE_CHARS). */
  title?: string;
  authors?: string[];
  /** Set while saved. */
  savedAt?: number;
  tagIds?: string[];
  note?: string;
  readingState?: ReadingState;
  /** When each field was last changed (PaperRecord.libraryEditedAt); a field without one is not synced. */
  edited: LibraryEditedAt;
}

/** The interests (rankingStore's interestsItem) and when they last changed. */
export interface SyncedInterests {
  value: Interests;
  editedAt: number;
}

/** Everything one browser syncs, before it is packed into items. */
export interface SyncSnapshot {
  tags: Tag[];
  interests?: SyncedInterests;
  papers: SyncedPaper[];
}

/** Unsaves and deleted tags stop syncing this long after they happened (then an old browser could bring back what they removed). */
export const TOMBSTONE_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** A synced title is cut here; the full one arrives when the paper is seen or filled in. */
export const TITLE_CHARS = 160;
/** The first authors synced (the rest arrive with the paper's details). */
export const AUTHORS_SYNCED = 3;
const AUTHOR_CHARS = 80;

const stamp = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(2000));
const editedSchema = v.strictObject(
  Object.fromEntries(LIBRARY_FIELDS.map((field) => [field, v.optional(stamp)])) as Record<
    LibraryField,
    v.OptionalSchema<typeof stamp, undefined>
  >,
);

export const syncedPaperSchema = v.strictObject({
  id,
  title: v.optional(v.pipe(v.string(), v.maxLength(TITLE_CHARS))),
  authors: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(AUTHOR_CHARS))), v.maxLength(AUTHORS_SYNCED + 1)),
  ),
  savedAt: v.optional(stamp),
  tagIds: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(LIBRARY_LIMITS.tagsPerPaper)),
  ),
  note: v.optional(v.pipe(v.string(), v.maxLength(LIBRARY_LIMITS.note))),
  readingState: v.optional(v.picklist(READING_STATES)),
  edited: editedSchema,
}) satisfies v.GenericSchema<unknown, SyncedPaper>;

export const syncedTagSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(LIBRARY_LIMITS.tagName)),
  color: v.picklist(TAG_COLORS),
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: v.optional(stamp),
}) satisfies v.GenericSchema<unknown, Tag>;

const interestEntry = v.pipe(v.string(), v.maxLength(300));
const interestList = v.pipe(v.array(interestEntry), v.maxLength(1000));
export const syncedInterestsSchema = v.strictObject({
  value: v.strictObject({
    keywords: interestList,
    exclusions: interestList,
    authors: interestList,
    categories: interestList,
  }),
  editedAt: stamp,
}) satisfies v.GenericSchema<unknown, SyncedInterests>;

/**
 * The stamp a field merges by. Papers saved before edit stamps existed (schema < 4) have none:
 * their save time stands in for the 'saved' stamp.
 */
export function stampOf(
  paper: Pick<SyncedPaper, 'edited' | 'savedAt'>,
  field: LibraryField,
): number | undefined {
  const edited = paper.edited[field];
  if (edited !== undefined) return edited;
  return field === 'saved' ? paper.savedAt : undefined;
}

/** The latest change of anything synced about the paper: what "most recently changed" orders by. */
export function lastEditOf(paper: Pick<SyncedPaper, 'edited' | 'savedAt'>): number {
  return Math.max(0, ...LIBRARY_FIELDS.map((field) => stampOf(paper, field) ?? 0));
}

/**
 * What a stored paper syncs: a saved paper with its stamped fields, or an unsave made within the
 * tombstone time. Undefined for everything else (papers only seen, old unsaves).
 */
export function syncedPaperOf(record: PaperRecord, now: number): SyncedPaper | undefined {
  const edited = record.libraryEditedAt ?? {};
  if (record.savedAt === undefined) {
    const unsavedAt = edited.saved;
    if (unsavedAt === undefined || unsavedAt < now - TOMBSTONE_TTL_MS) return undefined;
    return { id: record.id, edited: { saved: unsavedAt } };
  }
  const synced: SyncedPaper = {
    id: record.id,
    savedAt: record.savedAt,
    edited: { saved: edited.saved ?? record.savedAt },
  };
  if (!record.placeholder) synced.title = record.title.slice(0, TITLE_CHARS);
  if (record.authors.length > 0) {
    synced.authors = record.authors
      .slice(0, AUTHORS_SYNCED)
      .map((author) => author.slice(0, AUTHOR_CHARS));
  }
  if (edited.tagIds !== undefined) {
    synced.edited.tagIds = edited.tagIds;
    if (record.tagIds?.length) synced.tagIds = record.tagIds.slice(0, LIBRARY_LIMITS.tagsPerPaper);
  }
  if (edited.note !== undefined) {
    synced.edited.note = edited.note;
    if (record.note) synced.note = record.note.slice(0, LIBRARY_LIMITS.note);
  }
  if (edited.readingState !== undefined) {
    synced.edited.readingState = edited.readingState;
    if (record.readingState) synced.readingState = record.readingState;
  }
  return synced;
}

/** Whether a synced item still carries news: a live tag, or a deletion within the tombstone time. */
export function tagStillSynced(tag: Tag, now: number): boolean {
  return tag.deletedAt === undefined || tag.deletedAt >= now - TOMBSTONE_TTL_MS;
}

/** A stored paper's library fields as they merge (all of them, uncut; no title or authors). */
export function libraryStateOf(record: PaperRecord): SyncedPaper {
  const state: SyncedPaper = { id: record.id, edited: { ...record.libraryEditedAt } };
  if (record.savedAt !== undefined) {
    state.savedAt = record.savedAt;
    state.edited.saved ??= record.savedAt;
  }
  if (record.tagIds?.length) state.tagIds = record.tagIds;
  if (record.note) state.note = record.note;
  if (record.readingState) state.readingState = record.readingState;
  return state;
}
