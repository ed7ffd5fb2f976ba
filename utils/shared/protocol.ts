import { isArxivId } from '@/utils/shared/arxivId';
import type { ReadingState, Tag, TagColor } from '@/utils/shared/library';
import { PAGE_SOURCE_KINDS, type PageDetection } from '@/utils/shared/paper';
import type { Relevance } from '@/utils/shared/ranking/types';
import type { WatchReport } from '@/utils/shared/watch';

/**
 * The one message protocol between the extension's parts: message name → payload and response,
 * and who may send what. Every message into the background is checked against the schemas of
 * utils/shared/messageSchemas.ts before it is handled; they are kept apart so that the content
 * script, which sends messages, does not carry valibot.
 */
export interface ProtocolMap {
  /** Content script → background: the papers on the page just read. */
  pageDetected: { payload: PageDetection; response: { statuses: PaperStatus[] } };
  /** Page marks (arXiv papers only) or popup → background: save or unsave one item. */
  setSaved: { payload: { id: string; saved: boolean }; response: PaperStatus };
  /** Popup → background: the popup was opened, so the badge count restarts. */
  popupOpened: { payload: Record<string, never>; response: { badge: string } };
  /** Options page → background: run the background digest now (fetch the sources switched on). */
  fetchNow: { payload: Record<string, never>; response: DigestReport };
  /** Popup → background: save the article read from the active tab ("Summarize this page"). */
  saveArticle: { payload: ArticleInput; response: PaperStatus };
  /** Popup → background: the arXiv papers found on the active tab ("Find papers on this page"). */
  pagePapersFound: { payload: PagePapersInput; response: PagePapersResult };
  /**
   * Popup → background: look up these papers' missing details (abstract, comments, categories)
   * on the arXiv API. Queued and answered at once with how many were queued.
   */
  fillIn: { payload: { ids: string[] }; response: { queued: number } };
  /**
   * Content script → background: the current status of papers already on the page (after the
   * background said statuses changed: interests, learning, a save elsewhere). Records nothing.
   */
  paperStatuses: { payload: { ids: string[] }; response: { statuses: PaperStatus[] } };
  /** Page marks (`x`) or popup → background: "not interested" in a paper, or undo it. */
  setDismissed: { payload: { id: string; dismissed: boolean }; response: PaperStatus };
  /** Page marks or popup → background: "more like this" (a positive signal), or undo it. */
  setLiked: { payload: { id: string; liked: boolean }; response: PaperStatus };
  /**
   * Page marks or popup → background: follow one of this paper's authors (added to the interests'
   * authors). The author must be one the stored paper lists.
   */
  followAuthor: { payload: { id: string; author: string }; response: { following: string[] } };
  /** Popup → background: everything first seen so far counts as seen (no "new"; badge to 0). */
  markAllSeen: { payload: Record<string, never>; response: { badge: string } };
  /**
   * Library page → background: the ids of the stored (or saved) papers matching a query, best
   * first, at most `limit` (default 200), and how many match in all. Every word must match, the
   * last one as a prefix; an arXiv id finds its paper. An empty query answers nothing and only
   * makes the index ready (the page sends one when it opens).
   */
  searchLibrary: {
    payload: { query: string; scope: 'all' | 'saved'; limit?: number };
    response: { ids: string[]; total: number };
  };
  /** Library page → background: a new tag (name unique among live tags, ignoring case). */
  createTag: { payload: { name: string; color?: TagColor }; response: Tag };
  /** Library page → background: rename or recolour a tag. */
  updateTag: { payload: { id: string; name?: string; color?: TagColor }; response: Tag };
  /** Library page → background: tombstone a tag and take it off every paper. */
  deleteTag: { payload: { id: string }; response: LibraryChange };
  /** Library page → background: papers tagged with `from` get `into`; `from` are tombstoned. */
  mergeTags: { payload: { from: string[]; into: string }; response: LibraryChange };
  /** Library page → background: add and remove tags (ids) on papers; adding saves a paper. */
  setTags: {
    payload: { ids: string[]; add?: string[]; remove?: string[] };
    response: LibraryChange;
  };
  /** Library page → background: a paper's note, plain text ('' removes it; a note saves it). */
  setNote: { payload: { id: string; note: string }; response: LibraryChange };
  setReadingState: { payload: { ids: string[]; state: ReadingState }; response: LibraryChange };
  /** Library page → background: save or unsave many papers (bulk). */
  setSavedMany: { payload: { ids: string[]; saved: boolean }; response: LibraryChange };
  /** Library page → background: put papers' library fields back (the undo of a bulk action). */
  restoreLibrary: { payload: { items: LibrarySnapshot[] }; response: LibraryChange };
  /** Library page → background: the watch's updates of these papers were seen. */
  markUpdatesSeen: { payload: { ids: string[] }; response: LibraryChange };
  /**
   * Options page → background: merge an export file (Paperlight JSON or PaperMemory)
   * into the library. A bad or foreign file is refused whole, with the reason.
   */
  importLibrary: { payload: { format: ImportFormat; text: string }; response: ImportReport };
  /** Options page → background: check saved papers for news now ("Check now"). */
  watchSavedNow: { payload: Record<string, never>; response: WatchReport };
  /** Options page → background: sync the library through `storage.sync` now (when sync is on). */
  syncNow: { payload: Record<string, never>; response: SyncReport };
}

export const IMPORT_FORMATS = ['paperlight', 'papermemory'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import did. */
export interface ImportReport {
  format: ImportFormat;
  /** Papers not stored before. */
  added: number;
  /** Stored papers that the file changed (a newer note, a tag, an earlier sighting…). */
  updated: number;
  /** Stored papers the file had nothing new for. */
  unchanged: number;
  tagsAdded: number;
  /** Entries (or tags) left out; each is logged with its reason. */
  skipped: number;
  /** The first reasons, for the page to show. */
  skipReasons: { id: string; reason: string }[];
}

/** How many papers (or tags) a library write changed. */
export interface LibraryChange {
  changed: number;
}

/** A paper's library fields as they were: a field left out was not set. */
export interface LibrarySnapshot {
  id: string;
  savedAt?: number;
  tagIds?: string[];
  readingState?: ReadingState;
  note?: string;
}

/** At most this many papers in one bulk library message (a whole 50,000-paper library fits). */
export const MAX_LIBRARY_IDS = 50_000;

export type MessageName = keyof ProtocolMap;

/**
 * Background → content scripts (`tabs.sendMessage`, the one message that way): the status of the
 * papers on the page may have changed (interests edited, model retrained, a save in the popup).
 * The content script then asks `paperStatuses` for its papers.
 */
export const STATUSES_CHANGED = 'statusesChanged';
export interface StatusesChangedPush {
  type: typeof STATUSES_CHANGED;
}
export type Payload<K extends MessageName> = ProtocolMap[K]['payload'];
export type Response<K extends MessageName> = ProtocolMap[K]['response'];

/** `saveArticle`'s payload: what the popup shows of an article, validated by the background. */
export interface ArticleInput {
  /** The article's canonical http(s) URL. */
  url: string;
  title: string;
  /** '' when the page names no author. */
  byline: string;
  /** '' when the page names no site. */
  siteName: string;
  keySentences: string[];
  readingMinutes: number;
}

/** `pagePapersFound`'s payload: the page and the bare arXiv ids found on it. */
export interface PagePapersInput {
  url: string;
  ids: string[];
}

export interface PagePapersResult {
  /** Distinct ids found on the page. */
  found: number;
  /** Of them, papers the digest did not know yet. */
  added: number;
}

/** What one background digest run did (the options page's "Fetch now" shows it). */
export type SourceOutcome =
  /** Parsed and stored: `papers` in the batch, `added` not known before, `countedAsNew` of those. */
  | 'stored'
  /** The arXiv batch is the one stored last time (same announced day and ids): skipped. */
  | 'repeated'
  /** The server said nothing changed since the last fetch (304). */
  | 'not-modified'
  /** Quiet skips: nothing was fetched, try again next time. */
  | 'offline'
  | 'timeout'
  | 'backoff'
  /** An HTTP error, an unreadable feed or a failure while storing. */
  | 'error';

export interface SourceReport {
  kind: 'hf-api' | 'arxiv-rss';
  label: string;
  url: string;
  outcome: SourceOutcome;
  papers?: number;
  added?: number;
  countedAsNew?: number;
  /** Backoff: no request to this host before this time (ms). */
  until?: number;
  /** Why, for errors. */
  detail?: string;
}

export interface DigestReport {
  /** When the run started (ms). */
  at: number;
  /** One entry per source switched on; empty when none is. */
  sources: SourceReport[];
}

/** What one sync did (utils/background/sync.ts). */
export interface SyncReport {
  /** False: sync is off, nothing was done. */
  enabled: boolean;
  at: number;
  /** Papers and tags changed here by what other browsers synced. */
  pulledPapers: number;
  pulledTags: number;
  /** Papers in the sync area after this sync, and papers there are to sync. */
  papersSynced: number;
  papersWanted: number;
  /** Bytes of `storage.sync` used. */
  bytes: number;
  /** 'later': a write was due but waits for the write-rate limit. */
  wrote: 'written' | 'nothing' | 'later';
}

/** How a paper stands for the user; the page marks are drawn from it. */
export interface PaperStatus {
  id: string;
  saved: boolean;
  /** First seen before today (local time), or before the user's last "mark all as seen". */
  seenBefore: boolean;
  /** Opened on arXiv (abs, html, pdf) or Hugging Face (paper page) at least once. */
  opened: boolean;
  /** The user said "not interested". */
  dismissed: boolean;
  /** A code repository is known for it. */
  hasCode: boolean;
  /** How relevant it is, and why (absent for a paper the digest does not hold). */
  relevance?: Relevance;
}

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  payload: Payload<K>;
}

export type Reply<K extends MessageName> =
  | { ok: true; data: Response<K> }
  | { ok: false; error: string };

/**
 * The answer inside a reply; throws the background's reason when it refused or failed, and when
 * there was no reply at all (the background went away before answering).
 */
export function unwrapReply<K extends MessageName>(
  type: K,
  reply: Reply<K> | undefined,
): Response<K> {
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** `searchLibrary`'s bounds: the query's length and the most ids one answer may ask for. */
export const SEARCH_LIMITS = { query: 200, ids: 2000 } as const;
/**
 * The largest import file, in characters: one message to the service worker must stay well under
 * Chrome's 64 MiB message limit.
 */
export const IMPORT_MAX_CHARS = 32 * 1024 * 1024;

/** At most this many ids in one `fillIn` message. */
export const MAX_FILL_IN_IDS = 200;

export type ValidatedMessage = { [K in MessageName]: Envelope<K> }[MessageName];

/**
 * Who sent a message into the background: one of the extension's own pages (popup, options), or
 * a content script. The background tells them apart by the sender's URL: only its own pages are
 * on the extension's origin.
 */
export type Sender = 'extension-page' | 'content-script';

/**
 * What a content script may ask. It runs inside pages Paperlight does not control, so it may only
 * report the papers of the page it read, ask their status, and save, dismiss, like or follow an
 * author of an arXiv paper (the page marks); no article (`url:`) items, feeds, fill-ins or popup
 * actions. A message type missing here is refused.
 */
const CONTENT_SCRIPT_MAY: { [K in MessageName]?: (payload: Payload<K>) => boolean } = {
  pageDetected: (payload) => (PAGE_SOURCE_KINDS as readonly string[]).includes(payload.source.kind),
  setSaved: (payload) => isArxivId(payload.id),
  paperStatuses: () => true,
  setDismissed: (payload) => isArxivId(payload.id),
  setLiked: (payload) => isArxivId(payload.id),
  followAuthor: (payload) => isArxivId(payload.id),
};

/** Whether `sender` may send this (validated) message: undefined when it may, else the reason. */
export function refusalFor(sender: Sender, message: ValidatedMessage): string | undefined {
  if (sender === 'extension-page') return undefined;
  const may = CONTENT_SCRIPT_MAY[message.type] as ((payload: unknown) => boolean) | undefined;
  return may?.(message.payload) ? undefined : `${message.type}: not accepted from a content script`;
}
