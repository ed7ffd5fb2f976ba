import { browser } from 'wxt/browser';
import type { Reply } from '@/utils/shared/protocol';

/**
 * What the library page asks of parts written elsewhere, behind small seams: the search (the
 * worker's `searchLibrary`), export, and opening the library itself.
 */

export interface SearchResult {
  ids: string[];
  total: number;
}

export type SearchScope = 'all' | 'saved';

/**
 * Asks the worker's search (`searchLibrary`, another part of issue 9). Sent as a raw envelope so
 * this page does not depend on that message being in the protocol yet; a refusal (an unknown
 * message) throws its reason like any other message.
 */
export async function searchLibrary(
  query: string,
  scope: SearchScope,
  limit: number,
): Promise<SearchResult> {
  const reply = (await browser.runtime.sendMessage({
    type: 'searchLibrary',
    payload: { query, scope, limit },
  })) as Reply<'popupOpened'> | { ok: true; data: SearchResult } | undefined;
  if (!reply) throw new Error('no reply to searchLibrary');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as SearchResult;
}

/**
 * Export seam: the Export button hands over the ids of the papers in view (or the selection); the
 * export part replaces this with its formatters and a download.
 */
export async function exportPapers(_ids: readonly string[]): Promise<void> {
  throw new Error('export is not available yet');
}

export const LIBRARY_PATH = '/library.html';

/** Opens the library in a new tab (the worker's command focuses an open one instead). */
export async function openLibraryTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PATH) });
}
