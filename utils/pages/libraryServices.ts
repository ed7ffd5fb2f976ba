import { browser } from 'wxt/browser';
import { downloadFile, type ExportFormat, exportPapers } from '@/utils/pages/exportFile';
import { sendMessage } from '@/utils/pages/sendMessage';
import { db, type PaperlightDatabase } from '@/utils/storage/database';

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

/** Downloads the papers in view (or the selection), in their order, in one export format. */
export async function exportLibraryPapers(
  ids: readonly string[],
  format: ExportFormat,
  database: PaperlightDatabase = db,
): Promise<void> {
  downloadFile(await exportPapers(database, { format, selection: { ids: [...ids] } }));
}

export const LIBRARY_PATH = '/library.html';

/** Opens the library in a new tab (the worker's command focuses an open one instead). */
export async function openLibraryTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PATH) });
}
