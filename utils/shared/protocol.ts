import { isArxivId } from '@/utils/shared/arxivId';
import { PAGE_SOURCE_KINDS, type PageDetection } from '@/utils/shared/paper';
import type { Relevance } from '@/utils/shared/ranking/types';

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
  /** Options page → background: sync the library through `storage.sync` now (when sync is on). */
  syncNow: { payload: Record<string, never>; response: SyncReport };
}

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
