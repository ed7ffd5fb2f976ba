import { findAdapter } from '@/utils/content/adapters';
import type { DetectedEntry, ScanOptions } from '@/utils/content/adapters/adapter';
import { isHfPage } from '@/utils/content/adapters/hfPageProps';
import type { MarkActions } from '@/utils/content/pageMarks';
import { type PageSession, startPageSession } from '@/utils/content/pageSession';
import type { MessageName, Payload, Response } from '@/utils/shared/protocol';

export type Send = <K extends MessageName>(type: K, payload: Payload<K>) => Promise<Response<K>>;

/** How the content script hears from the background (see `onStatusesChanged`). */
export type Subscribe = (listener: () => void) => void;

export interface ContentScriptOptions {
  subscribe?: Subscribe;
  /** Opens a URL in this tab (`o` on a listing); the page's `location.assign` by default. */
  navigate?: (url: string) => void;
}

function markActions(send: Send): MarkActions {
  return {
    setSaved: (id, saved) => send('setSaved', { id, saved }),
    setDismissed: (id, dismissed) => send('setDismissed', { id, dismissed }),
    setLiked: (id) => send('setLiked', { id, liked: true }),
    followAuthor: (id, author) => send('followAuthor', { id, author }),
  };
}

/** A random id for one page view (see `PageDetection.viewId`). */
function newViewId(): string {
  return crypto.randomUUID();
}

/** Reads the page with its adapter, sends the entries `keep` accepts in one message, then marks
 * them. Returns how many were sent, and the marked page. May throw: callers catch. */
async function readAndSend(
  doc: Document,
  url: URL,
  send: Send,
  options: ScanOptions,
  keep: (entry: DetectedEntry) => boolean,
  viewId: string,
  navigate?: (url: string) => void,
): Promise<{ sent: number; session?: PageSession }> {
  const adapter = findAdapter(url);
  if (!adapter) return { sent: 0 };
  const scan = adapter.scan(doc, url, options);
  const entries = scan.entries.filter(keep);
  if (entries.length === 0) return { sent: 0 };
  const { statuses } = await send('pageDetected', {
    source: scan.source,
    papers: entries.map((entry) => entry.paper),
    viewId,
  });
  const session = startPageSession(doc, entries, statuses, markActions(send), navigate);
  return { sent: entries.length, session };
}

/**
 * The content script's whole job on one page: find the adapter for the URL, read the papers in
 * one pass, send them in one message, then mark them. When the background later says statuses
 * changed, asks for the marked papers' statuses and redraws the marks and the bar's count in
 * place. Never throws into the page.
 */
export async function detectAndMark(
  doc: Document,
  url: URL,
  send: Send,
  options: ContentScriptOptions = {},
): Promise<number> {
  try {
    const { sent, session } = await readAndSend(
      doc,
      url,
      send,
      {},
      () => true,
      newViewId(),
      options.navigate,
    );
    if (session) {
      options.subscribe?.(() => {
        send('paperStatuses', { ids: session.ids }).then(
          ({ statuses }) => session.update(statuses),
          (error) => console.debug('[Paperlight] could not update the marks:', error),
        );
      });
    }
    return sent;
  } catch (error) {
    console.debug('[Paperlight] could not read this page:', error);
    return 0;
  }
}

/** Quiet time after the last DOM change or URL change before a rescan. */
export const RESCAN_DEBOUNCE_MS = 300;
/** A page that never stops changing is still rescanned this often. */
export const RESCAN_MAX_WAIT_MS = 2000;

/**
 * Hugging Face is a single-page app: days, sorting and "load more" change the page in place. Reads
 * the page now, then again ~300 ms after the DOM (a MutationObserver on the body, childList +
 * subtree) or the URL (checked on every rescan; `popstate`) changes, and sends only the papers not
 * yet sent in this page view: a page view is one URL (without its hash), and a new URL starts a new
 * one. After the URL changed in place, the adapters read the page as re-rendered (no server props),
 * and a card still showing the paper it showed in an earlier view is a leftover of that view, not
 * a sighting on the new one. Never throws into the page; reads no layout. Returns `stop`.
 */
export function watchSpaPage(doc: Document, send: Send): () => void {
  const win = doc.defaultView;
  const href = () => doc.location.href.split('#')[0] ?? '';
  const landed = href();
  let viewHref = '';
  let view = 0;
  let viewId = '';
  let sent = new Set<string>();
  /** Which paper each card showed, and in which page view it first showed it. */
  const shown = new WeakMap<Element, { id: string; view: number }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  let lastChange = 0;

  async function rescan(): Promise<void> {
    const now = href();
    if (now !== viewHref) {
      viewHref = now;
      view += 1;
      viewId = newViewId();
      sent = new Set();
    }
    const ids = sent;
    const thisView = view;
    const fresh: string[] = [];
    const keep = (entry: DetectedEntry): boolean => {
      const { id } = entry.paper;
      if (entry.element) {
        const before = shown.get(entry.element);
        if (before?.id === id && before.view < thisView) return false;
        if (before?.id !== id) shown.set(entry.element, { id, view: thisView });
      }
      if (ids.has(id)) return false;
      ids.add(id);
      fresh.push(id);
      return true;
    };
    try {
      await readAndSend(doc, new URL(now), send, { inPlace: now !== landed }, keep, viewId);
    } catch (error) {
      // Not sent: a later rescan may try these again.
      for (const id of fresh) ids.delete(id);
      console.debug('[Paperlight] could not read this page:', error);
    }
  }

  function fire(): void {
    const now = Date.now();
    if (now - lastChange < RESCAN_DEBOUNCE_MS && now - firstChange < RESCAN_MAX_WAIT_MS) {
      timer = setTimeout(fire, RESCAN_DEBOUNCE_MS - (now - lastChange));
      return;
    }
    timer = undefined;
    void rescan();
  }

  /** Cheap on purpose (it runs on every DOM change): notes the time, arms one timer. */
  function changed(): void {
    lastChange = Date.now();
    if (timer === undefined) {
      firstChange = lastChange;
      timer = setTimeout(fire, RESCAN_DEBOUNCE_MS);
    }
  }

  void rescan();
  const Observer = win?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer(changed);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  win?.addEventListener('popstate', changed);
  return () => {
    observer.disconnect();
    win?.removeEventListener('popstate', changed);
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}

/** Starts the content script on `doc`: a watch on Hugging Face (a single-page app), one pass
 * elsewhere (arXiv pages are not apps). Never throws into the page. */
export function startContentScript(
  doc: Document,
  send: Send,
  options: ContentScriptOptions = {},
): () => void {
  try {
    const url = new URL(doc.location.href);
    if (isHfPage(url)) return watchSpaPage(doc, send);
    void detectAndMark(doc, url, send, options);
  } catch (error) {
    console.debug('[Paperlight] could not read this page:', error);
  }
  return () => {};
}
