import { mergePaper } from '@/utils/background/mergePaper';
import { hostOf } from '@/utils/shared/url';
import type { PaperlightDatabase } from '@/utils/storage/database';

const PDF = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/pdf\//;

/**
 * Records that the user opened a paper (the tab's URL is its arXiv abs/html/pdf page or its
 * Hugging Face page): `openedAt` keeps the first time, `lastOpenedAt` the latest. A PDF of a paper
 * Paperlight has not met yet gets a placeholder record, like a paper found on a page, which the
 * arXiv look-up fills in; any other paper page of an unknown paper is left to the content script,
 * whose page view records the paper as seen there and opened (see `recordDetection`). Returns
 * true when the paper was not opened before (the ranker has a new signal).
 */
export async function recordOpened(
  database: PaperlightDatabase,
  id: string,
  url: string,
  now: number,
): Promise<boolean> {
  return database.transaction('rw', database.papers, async () => {
    const known = await database.papers.get(id);
    if (known) {
      await database.papers.update(id, { openedAt: known.openedAt ?? now, lastOpenedAt: now });
      return known.openedAt === undefined;
    }
    if (!PDF.test(url)) return false;
    const sighting = {
      kind: 'opened' as const,
      label: `Opened on ${hostOf(url) ?? 'arxiv.org'}`,
      url,
      at: now,
      position: 0,
    };
    // Opened by the user: not "new since you last looked".
    const record = mergePaper(undefined, { id, title: '', authors: [] }, sighting, false);
    await database.papers.put({
      ...record,
      title: `arXiv:${id}`,
      placeholder: true,
      openedAt: now,
      lastOpenedAt: now,
    });
    return true;
  });
}
