import { isArxivId } from '@/utils/shared/arxivId';
import type { LibraryEditedAt, PaperUpdate, ReadingState } from '@/utils/shared/library';
import type { DetectedPaper, SourceKind } from '@/utils/shared/paper';
import type { Relevance } from '@/utils/shared/ranking/types';

/** One sighting of a paper: which page, when, and where on it. */
export interface Sighting extends Pick<DetectedPaper, 'section' | 'listingDay'> {
  kind: SourceKind;
  /** Group label shown in the popup: "arXiv cs.CL · new", "HF Daily Papers · 2026-11-27". */
  label: string;
  url: string;
  /** ms since epoch. */
  at: number;
  /** Position of the paper on that page (0-based): keeps page order within a sighting. */
  position: number;
  /**
   * The page view it came from (`PageDetection.viewId`; pages only): a page view sent twice, because
   * the service worker stopped before answering, is not counted twice.
   */
  viewId?: string;
}

/**
 * A paper in the local digest: the fields a page gives (without where on the page it sat, which
 * is the sighting's), and what Paperlight adds. This is the documented storage format (README
 * "Data format"); export and other tools rely on it, so fields are only ever added.
 */
export interface PaperRecord extends Omit<DetectedPaper, 'categories' | 'section' | 'listingDay'> {
  /** A bare arXiv id, as on a page; items that are not arXiv papers get a prefix ("url:…"). */
  id: string;
  /** Category codes, primary first ([] when none is known). */
  categories: string[];
  /** Local one-sentence TL;DR computed from the abstract ('' when there is no abstract yet). */
  tldr: string;
  /** Code repositories (GitHub, GitLab, Bitbucket, Codeberg, Hugging Face), http(s) only. */
  codeUrls: string[];
  /** Project pages, http(s) only. */
  projectUrls: string[];
  /** When Paperlight first saw the paper (ms since epoch). */
  firstSeenAt: number;
  /** When it last saw it (ms since epoch). */
  lastSeenAt: number;
  firstSighting: Sighting;
  lastSighting: Sighting;
  /** How many page views have shown the paper. */
  sightingCount: number;
  /** Set while the paper is saved (ms since epoch). */
  savedAt?: number;
  /**
   * Whether the paper counts toward the badge's "new" count. Set once, when the record is made:
   * false only for a paper first met as a replacement (`replace`, `replace-cross`) in an arXiv
   * feed fetched by the background digest; true for everything else, page sightings included.
   * Added in schema version 2 (records from version 1 become true).
   */
  countsAsNew: boolean;
  /**
   * Only on items saved from any page with "Summarize this page" (id `url:<canonical URL>`,
   * sighting kind `article`): the article's URL, site name, 3–5 key sentences and reading time.
   */
  article?: ArticleInfo;
  /**
   * True while all Paperlight knows of the paper is its id (found as a link on a page with
   * "Find papers on this page"): `title` is the placeholder "arXiv:<id>". Cleared when a page or
   * feed gives the paper's details.
   */
  placeholder?: true;
  /**
   * When the user first opened the paper on arXiv (`/abs/`, `/html/`, `/pdf/`) or Hugging Face
   * (`/papers/<id>`), seen from the tab's URL (ms since epoch). Added in schema version 3.
   */
  openedAt?: number;
  /** When they last opened it (ms). Version 3. */
  lastOpenedAt?: number;
  /** Set while the user says "not interested" (ms). Never deletes the paper. Version 3. */
  dismissedAt?: number;
  /** Set while the user says "more like this" (ms). Version 3. */
  likedAt?: number;
  /**
   * How relevant the paper is to the user, and why: computed by the background when the paper is
   * seen, and again when interests or learning change. Version 3.
   */
  relevance?: Relevance;
  /** Ids of the paper's tags (`tags` table), in the order they were added. Version 4. */
  tagIds?: string[];
  /** The user's note, plain text (shown as text, never as HTML). Version 4. */
  note?: string;
  /** Absent on a saved paper means 'to-read'. Kept when unsaved (re-saving restores it). Version 4. */
  readingState?: ReadingState;
  /** When the user last changed each library field (see utils/shared/library.ts). Version 4. */
  libraryEditedAt?: LibraryEditedAt;
  /** The latest arXiv version known (1 for v1). Version 4. */
  latestVersion?: number;
  /** Journal reference and DOI when arXiv knows them (BibTeX makes an `@article`). Version 4. */
  journalRef?: string;
  doi?: string;
  /** What the watch on saved papers found changed, oldest first. Version 4. */
  updates?: PaperUpdate[];
  /** Set while an update is unseen (the time of the first unseen one); indexed. Version 4. */
  unseenUpdateAt?: number;
  /** When the watch last looked the paper up (ms). Version 4. */
  watchedAt?: number;
  /**
   * Derived, not data: the lists' index keys (utils/shared/listKeys.ts), recomputed by the
   * database on every write. Version 4. Exports leave it out; imports need not give it.
   */
  listKeys?: ListKey[];
  /**
   * Search bookkeeping, set by the database itself on every write (utils/storage/database.ts):
   * a hash of the searched fields, and when they last changed (ms; indexed). The search index
   * re-reads only papers whose searched fields changed since its snapshot. Version 4.
   */
  searchHash?: number;
  searchChangedAt?: number;
}

/**
 * Fields the database derives from the others on every write (utils/storage/database.ts): not
 * data, so exports and sync leave them out and imports need not give them.
 */
export const DERIVED_FIELDS = ['listKeys', 'searchHash', 'searchChangedAt'] as const;

/** A record without its derived fields (a copy; the record is left alone). */
export function withoutDerivedFields(paper: PaperRecord): PaperRecord {
  const copy = { ...paper };
  for (const field of DERIVED_FIELDS) delete copy[field];
  return copy;
}

/** An IndexedDB array key of a list: a prefix naming the list, then the sort fields. */
export type ListKey = (string | number)[];

/** What an article item keeps besides the common fields (see PaperRecord.article). */
export interface ArticleInfo {
  /** The article's canonical http(s) URL (also in the id, after `url:`). */
  url: string;
  /** '' when the page names no site. */
  siteName: string;
  keySentences: string[];
  /** At about 230 words a minute. */
  readingMinutes: number;
}

/**
 * Whether a stored paper is worth looking up on the arXiv API ("fill-in"): an arXiv paper
 * without an abstract (not a saved article).
 */
export function needsFillIn(paper: Pick<PaperRecord, 'id' | 'abstract' | 'article'>): boolean {
  return !paper.abstract && !paper.article && isArxivId(paper.id);
}
