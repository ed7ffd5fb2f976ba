import { compareByNewestSighting } from '@/utils/pages/paperDisplay';
import { compareByRelevance, passesFilter, type TodayFilter } from '@/utils/pages/triage';
import type { ReadingState, Tag } from '@/utils/shared/library';
import type { SourceKind } from '@/utils/shared/paper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * The lists of the popup and the library page, read in two steps so a view reads only what it
 * shows: `paperIds` gives the ordered ids of a list (from indexes, keys only), and
 * `papersByIds` reads the records of the rows in view.
 *
 * CONTRACT (issue 9): the signatures are fixed; the bodies are a first, simple version to be
 * replaced by indexed, key-only reads.
 */

export interface SavedFilter {
  tagId?: string;
  readingState?: ReadingState;
  hasCode?: boolean;
  /** Where it was first seen. */
  source?: SourceKind;
  /** Saved in [savedFrom, savedTo) (ms). */
  savedFrom?: number;
  savedTo?: number;
  /** Only papers with an unseen watch update. */
  updated?: boolean;
}

export type SavedSort = 'saved-newest' | 'saved-oldest' | 'first-seen-newest' | 'opened-newest';
export type AllSort = 'last-seen-newest' | 'first-seen-newest';

export type PaperListQuery =
  | { view: 'today'; dayStart: number; filter: TodayFilter }
  | { view: 'saved'; filter?: SavedFilter; sort?: SavedSort }
  | { view: 'all'; sort?: AllSort };

/** The ids of the list, in the order shown. */
export async function paperIds(
  database: PaperlightDatabase,
  query: PaperListQuery,
): Promise<string[]> {
  switch (query.view) {
    case 'today': {
      const start = startOfLocalDay(query.dayStart);
      const papers = await database.papers
        .where('firstSeenAt')
        .between(start, addLocalDays(start, 1), true, false)
        .toArray();
      return papers
        .filter((paper) => paper.article === undefined && passesFilter(paper, query.filter))
        .sort(compareByRelevance)
        .map((paper) => paper.id);
    }
    case 'saved': {
      const papers = await database.papers.orderBy('savedAt').reverse().toArray();
      return papers
        .filter((paper) => passesSavedFilter(paper, query.filter ?? {}))
        .sort(savedOrder(query.sort ?? 'saved-newest'))
        .map((paper) => paper.id);
    }
    case 'all': {
      const index = query.sort === 'first-seen-newest' ? 'firstSeenAt' : 'lastSeenAt';
      return (await database.papers.orderBy(index).reverse().primaryKeys()) as string[];
    }
  }
}

function passesSavedFilter(paper: PaperRecord, filter: SavedFilter): boolean {
  if (filter.tagId !== undefined && !paper.tagIds?.includes(filter.tagId)) return false;
  if (
    filter.readingState !== undefined &&
    (paper.readingState ?? 'to-read') !== filter.readingState
  )
    return false;
  if (filter.hasCode && paper.codeUrls.length === 0) return false;
  if (filter.source !== undefined && paper.firstSighting.kind !== filter.source) return false;
  const savedAt = paper.savedAt ?? 0;
  if (filter.savedFrom !== undefined && savedAt < filter.savedFrom) return false;
  if (filter.savedTo !== undefined && savedAt >= filter.savedTo) return false;
  if (filter.updated && paper.unseenUpdateAt === undefined) return false;
  return true;
}

function savedOrder(sort: SavedSort): (a: PaperRecord, b: PaperRecord) => number {
  switch (sort) {
    case 'saved-newest':
      return (a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0);
    case 'saved-oldest':
      return (a, b) => (a.savedAt ?? 0) - (b.savedAt ?? 0);
    case 'first-seen-newest':
      return (a, b) => b.firstSeenAt - a.firstSeenAt || compareByNewestSighting(a, b);
    case 'opened-newest':
      return (a, b) => (b.lastOpenedAt ?? 0) - (a.lastOpenedAt ?? 0);
  }
}

/** The records of `ids`, in that order; ids no longer stored are left out. */
export async function papersByIds(
  database: PaperlightDatabase,
  ids: readonly string[],
): Promise<PaperRecord[]> {
  const papers = await database.papers.bulkGet([...ids]);
  return papers.filter((paper): paper is PaperRecord => paper !== undefined);
}

/** Live tags, by name, with how many saved papers carry each. */
export async function tagsWithCounts(
  database: PaperlightDatabase,
): Promise<{ tag: Tag; count: number }[]> {
  const tags = (await database.tags.toArray()).filter((tag) => tag.deletedAt === undefined);
  const counts = await Promise.all(
    tags.map((tag) => database.papers.where('tagIds').equals(tag.id).count()),
  );
  return tags
    .map((tag, index) => ({ tag, count: counts[index] ?? 0 }))
    .sort((a, b) => a.tag.name.localeCompare(b.tag.name));
}
