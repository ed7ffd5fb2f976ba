import { statusOf } from '@/utils/background/paperStatus';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { PaperStatus } from '@/utils/shared/protocol';
import { sameAuthor } from '@/utils/shared/ranking/interests';
import type { Relevance } from '@/utils/shared/ranking/types';
import { startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { allSeenAtItem, interestsItem } from '@/utils/storage/rankingStore';

/**
 * What the user tells Paperlight about a paper besides saving it: "not interested", "more like
 * this", "follow this author". Each only sets or clears a field; none deletes a paper.
 */

/** Papers first seen before this count as seen: the start of today, or the last "mark all as seen". */
export async function seenBoundary(now: number): Promise<number> {
  return Math.max(startOfLocalDay(now), await allSeenAtItem.getValue());
}

type SignalField = 'dismissedAt' | 'likedAt';

async function setSignal(
  database: PaperlightDatabase,
  id: string,
  field: SignalField,
  on: boolean,
  now: number,
): Promise<PaperStatus> {
  const boundary = await seenBoundary(now);
  return database.transaction('rw', database.papers, async () => {
    const record = await database.papers.get(id);
    if (!record) throw new Error(`unknown paper ${id}`);
    const value = on ? (record[field] ?? now) : undefined;
    const updated: PaperRecord = { ...record, [field]: value };
    if (value !== record[field]) await database.papers.put(updated);
    return statusOf(updated, id, boundary);
  });
}

export function setPaperDismissed(
  database: PaperlightDatabase,
  id: string,
  dismissed: boolean,
  now: number,
): Promise<PaperStatus> {
  return setSignal(database, id, 'dismissedAt', dismissed, now);
}

export function setPaperLiked(
  database: PaperlightDatabase,
  id: string,
  liked: boolean,
  now: number,
): Promise<PaperStatus> {
  return setSignal(database, id, 'likedAt', liked, now);
}

/**
 * Adds one of a stored paper's authors to the followed authors (as the paper writes the name).
 * Refused for a name the paper does not list; following someone followed already changes nothing.
 */
export async function followAuthor(
  database: PaperlightDatabase,
  id: string,
  author: string,
): Promise<string[]> {
  const record = await database.papers.get(id);
  if (!record) throw new Error(`unknown paper ${id}`);
  const name = record.authors.find((listed) => listed === author.trim());
  if (name === undefined) throw new Error('followAuthor: not an author of this paper');
  const interests = await interestsItem.getValue();
  if (interests.authors.some((followed) => sameAuthor(followed, name))) return interests.authors;
  const authors = [...interests.authors, name];
  await interestsItem.setValue({ ...interests, authors });
  return authors;
}

/**
 * The current status of each id, in order (unknown ids: a new paper's status). With `rank`, the
 * relevance is computed now rather than read: a page may show papers older than the ones
 * re-scored when the interests changed.
 */
export async function paperStatuses(
  database: PaperlightDatabase,
  ids: readonly string[],
  now: number,
  rank?: (record: PaperRecord) => Relevance,
): Promise<PaperStatus[]> {
  const boundary = await seenBoundary(now);
  const records = await database.papers.bulkGet([...ids]);
  return ids.map((id, index) => {
    const record = records[index];
    return statusOf(record && rank ? { ...record, relevance: rank(record) } : record, id, boundary);
  });
}
