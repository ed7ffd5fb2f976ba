/**
 * The library's own data: tags, notes, reading states, and the edit times that sync and import
 * merge by. Pure types and rules, shared by the worker (which writes them) and the pages.
 */

export const READING_STATES = ['to-read', 'reading', 'read'] as const;
/** A saved paper without a state is 'to-read'. */
export type ReadingState = (typeof READING_STATES)[number];

export const TAG_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/**
 * A tag (table `tags`). Papers refer to it by `id` (`PaperRecord.tagIds`), so renaming or
 * recolouring changes only this record. A deleted tag stays as a tombstone (`deletedAt`) so the
 * deletion reaches other browsers by sync; its id is then removed from every paper.
 */
export interface Tag {
  /** Random, made once ("t" + 16 base-36 characters); never reused. */
  id: string;
  /** As the user typed it, trimmed, inner spaces collapsed; unique among live tags, ignoring case. */
  name: string;
  color: TagColor;
  createdAt: number;
  /** Last change of name or colour, or the deletion (ms): sync keeps the latest. */
  updatedAt: number;
  deletedAt?: number;
}

/**
 * The fields of a paper the user edits in the library. Each edit sets
 * `PaperRecord.libraryEditedAt[field]` to the time of the edit: sync and import merge field by
 * field, the later edit wins. 'saved' covers both saving (savedAt set) and unsaving (savedAt
 * removed: the stamp stays, a tombstone).
 */
export const LIBRARY_FIELDS = ['saved', 'tagIds', 'note', 'readingState'] as const;
export type LibraryField = (typeof LIBRARY_FIELDS)[number];
export type LibraryEditedAt = Partial<Record<LibraryField, number>>;

export const LIBRARY_LIMITS = {
  tagName: 60,
  tagsPerPaper: 50,
  tags: 2000,
  note: 20_000,
} as const;

/** A tag name as stored: trimmed, runs of white space made one space. '' when nothing is left. */
export function cleanTagName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, LIBRARY_LIMITS.tagName);
}

/** What two tag names are compared by (case and accents ignored). */
export function tagNameKey(name: string): string {
  return cleanTagName(name).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * What the watch on saved papers found changed (arXiv API, Hugging Face), newest last.
 * `PaperRecord.updates`; `PaperRecord.unseenUpdateAt` is set while one is not yet seen.
 */
export interface PaperUpdate {
  kind: 'version' | 'comments' | 'journal-ref' | 'doi' | 'code';
  /** When the watch found it (ms). */
  at: number;
  /** What to show, as text: "v3", the new comments line, the journal reference, the DOI. */
  text: string;
  /** An http(s) link to it when there is one (the code repository, the DOI). */
  url?: string;
}
