import { findAdapter } from './adapters';
import type { MessageName, Payload, Response } from './messages';
import { renderPageMarks } from './pageMarks';

export type Send = <K extends MessageName>(type: K, payload: Payload<K>) => Promise<Response<K>>;

/**
 * The content script's whole job on one page: find the adapter for the URL, read the papers in
 * one pass, send them in one message, then mark them. Never throws into the page.
 */
export async function detectAndMark(doc: Document, url: URL, send: Send): Promise<number> {
  try {
    const adapter = findAdapter(url);
    if (!adapter) return 0;
    const scan = adapter.scan(doc, url);
    if (scan.entries.length === 0) return 0;
    const { statuses } = await send('pageDetected', {
      source: scan.source,
      papers: scan.entries.map((entry) => entry.paper),
    });
    renderPageMarks(doc, scan.entries, statuses, async (id, saved) => {
      const status = await send('setSaved', { id, saved });
      return status.saved;
    });
    return scan.entries.length;
  } catch (error) {
    console.debug('[Paperlight] could not read this page:', error);
    return 0;
  }
}
