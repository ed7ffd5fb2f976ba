import { compareByNewestSighting } from '@/utils/pages/paperDisplay';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';

/** The popup's queries over the digest. */

/**
 * Papers first seen in the local day starting at `dayStart` (`[dayStart, next day start)`), feed
 * order. Saved articles (`url:` items) are not papers of the day: they only show in Saved.
 */
export async function papersFirstSeenInDay(
  database: PaperlightDatabase,
  dayStart: number,
): Promise<PaperRecord[]> {
  const start = startOfLocalDay(dayStart);
  const papers = await database.papers
    .where('firstSeenAt')
    .between(start, addLocalDays(start, 1), true, false)
    .toArray(); // one getAll; a Dexie .filter() would walk a cursor, far slower on a full day
  return papers.filter((paper) => paper.article === undefined).sort(compareByNewestSighting);
}

/** Saved papers, newest saved first. Unsaved papers have no `savedAt` and so are not in the index. */
export function savedPapers(database: PaperlightDatabase): Promise<PaperRecord[]> {
  return database.papers.orderBy('savedAt').reverse().toArray();
}

export function countSaved(database: PaperlightDatabase): Promise<number> {
  return database.papers.orderBy('savedAt').count();
}

/**
 * True when the digest holds no paper at all (a new user). One key is read: counting 50,000
 * records to learn this took longer than the popup's first rows, and held up the reads after it.
 */
export async function digestIsEmpty(database: PaperlightDatabase): Promise<boolean> {
  return (await database.papers.limit(1).primaryKeys()).length === 0;
}
