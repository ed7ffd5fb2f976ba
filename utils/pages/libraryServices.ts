import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/pages/sendMessage';

/**
 * What the library page asks of parts written elsewhere, behind small seams: the search (the
 * worker's `searchLibrary`), export, and opening the library itself.
 */

export interface SearchResult {
  ids: string[];
  total: number;
}

export type SearchScope = 'all' | 'saved';

/** Asks the worker's search index (`searchLibrary`): ids best first, and how many match. */
export function searchLibrary(
  query: string,
  scope: SearchScope,
  limit: number,
): Promise<SearchResult> {
  return sendMessage('searchLibrary', { query, scope, limit });
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
