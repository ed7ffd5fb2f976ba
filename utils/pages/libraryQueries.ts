import type { ReadingState, Tag } from '@/utils/shared/library';
import {
  type ListKey,
  labelKey,
  savedPrefix,
  scoreInKey,
  type TodayFilter,
  todayPrefix,
} from '@/utils/shared/listKeys';
import type { SourceKind } from '@/utils/shared/paper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * The lists of the popup and the library page, read in two steps so a view reads only what it
 * shows: `paperIds` gives the ordered ids of a list (from indexes, keys only), and
 * `papersByIds` reads the records of the rows in view.
 *
 * CONTRACT (issue 9): the signatures are fixed. Everything before `papersByIds` reads keys only:
 * the order and the filters come from indexes (`listKeys`, see utils/shared/listKeys.ts, and the
 * library's own), so a list of 20,000 costs its ids, never its records.
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
    case 'today':
      return (await todayList(database, query.dayStart, query.filter)).ids;
    case 'saved':
      return savedIds(database, query.filter ?? {}, query.sort ?? 'saved-newest');
    case 'all': {
      const index = query.sort === 'first-seen-newest' ? 'firstSeenAt' : 'lastSeenAt';
      return newestFirst(await database.papers.orderBy(index).primaryKeys());
    }
  }
}

/**
 * The first `limit` ids of a list read straight off one index, when the list is one index range
 * in display order (Saved by save date without filters, All papers); undefined for the others.
 * A view draws these while `paperIds` reads the whole list, so its first rows do not wait on a
 * 20,000-key read.
 */
export async function firstPaperIds(
  database: PaperlightDatabase,
  query: PaperListQuery,
  limit: number,
): Promise<string[] | undefined> {
  if (query.view === 'all') {
    const index = query.sort === 'first-seen-newest' ? 'firstSeenAt' : 'lastSeenAt';
    return database.papers.orderBy(index).reverse().limit(limit).primaryKeys();
  }
  if (query.view === 'today') {
    return firstTodayIds(database, query.dayStart, query.filter, limit);
  }
  if (query.view !== 'saved') return undefined;
  const sort = query.sort ?? 'saved-newest';
  const filtered = Object.values(query.filter ?? {}).some((value) => value !== undefined);
  if (filtered || (sort !== 'saved-newest' && sort !== 'saved-oldest')) return undefined;
  const saved = database.papers.where('savedAt').above(Number.NEGATIVE_INFINITY);
  return (sort === 'saved-newest' ? saved.reverse() : saved).limit(limit).primaryKeys();
}

/** A run of Today's rows under one header: where they were (last) seen. */
export interface TodayGroup {
  label: string;
  ids: string[];
  /** Only the group's first rows, before the whole day is read: its size is not known yet. */
  partial?: boolean;
}

export interface TodayList {
  ids: string[];
  /**
   * Set while relevance does not tell the papers apart (every score ties): the rows grouped by
   * label, groups in the order their first paper comes, papers in order within (`ids` is them,
   * concatenated).
   */
  groups?: TodayGroup[];
}

/**
 * Today's list `filter` of the local day containing `dayStart`, in relevance order (or grouped
 * by label while scores tie), from the `listKeys` index only.
 */
export async function todayList(
  database: PaperlightDatabase,
  dayStart: number,
  filter: TodayFilter,
): Promise<TodayList> {
  const day = startOfLocalDay(dayStart);
  const list = underPrefix(database, todayPrefix(day, filter));
  const [ids, first, last] = await Promise.all([
    list.primaryKeys(),
    list.clone().limit(1).keys(),
    list.clone().reverse().limit(1).keys(),
  ]);
  const prefixLength = todayPrefix(day, filter).length;
  const ranked = scoreInKey(first[0], prefixLength) !== scoreInKey(last[0], prefixLength);
  if (ranked || ids.length === 0) return { ids };
  const groups = await groupByLabelKeys(database, day, ids);
  return { ids: groups.flatMap((group) => group.ids), groups };
}

/**
 * The first `limit` ids of Today's list `filter`, read off the index alone, when the list is in
 * relevance order; undefined while scores tie (the grouped list needs every id to group).
 */
export async function firstTodayIds(
  database: PaperlightDatabase,
  dayStart: number,
  filter: TodayFilter,
  limit: number,
): Promise<string[] | undefined> {
  const prefix = todayPrefix(startOfLocalDay(dayStart), filter);
  const list = underPrefix(database, prefix);
  const [first, last] = await Promise.all([
    list.clone().limit(1).keys(),
    list.clone().reverse().limit(1).keys(),
  ]);
  if (first.length === 0) return [];
  if (scoreInKey(first[0], prefix.length) === scoreInKey(last[0], prefix.length)) return undefined;
  return list.limit(limit).primaryKeys();
}

/** How many of a tied day's first ids {@link firstTiedRows} looks through for its first group. */
const TIED_SCAN = 200;

/**
 * The first rows of Today's list `filter` while every score ties (the list grouped by label): the
 * first group's first papers, found among the day's first {@link TIED_SCAN} ids in list order, by
 * keys (the first paper's label, then that label's ids); only the rows shown are read. They begin
 * the grouped list whatever comes after them (the first group is the first paper's label, in list
 * order within), so nothing moves when the whole day is read; there may be fewer than `limit` of
 * them. The group is marked partial: its size comes with the whole day.
 */
export async function firstTiedRows(
  database: PaperlightDatabase,
  dayStart: number,
  filter: TodayFilter,
  limit: number,
): Promise<TodayList & { firstRows: PaperRecord[] }> {
  const day = startOfLocalDay(dayStart);
  const ids = await underPrefix(database, todayPrefix(day, filter)).limit(TIED_SCAN).primaryKeys();
  const [first] = await papersByIds(database, ids.slice(0, 1));
  if (!first) return { ids: [], groups: [], firstRows: [] };
  const label = first.lastSighting.label;
  const sameLabel = new Set(
    await database.papers.where('listKeys').equals(labelKey(day, label)).primaryKeys(),
  );
  const groupIds = ids.filter((id) => sameLabel.has(id)).slice(0, limit);
  // The first paper is the group's first row, already read.
  const rest = await papersByIds(database, groupIds.slice(1));
  return {
    ids: groupIds,
    groups: [{ label, ids: groupIds, partial: true }],
    firstRows: [first, ...rest].slice(0, limit),
  };
}

/** `groupByLabel` (paperDisplay.ts) on keys: each id's label from the day's label keys. */
async function groupByLabelKeys(
  database: PaperlightDatabase,
  day: number,
  ids: readonly string[],
): Promise<TodayGroup[]> {
  const labels = (await underPrefix(database, ['label', day]).uniqueKeys()).flatMap((key) =>
    Array.isArray(key) && typeof key[2] === 'string' ? [key[2]] : [],
  );
  const labelOf = new Map<string, string>();
  await Promise.all(
    labels.map(async (label) => {
      const members = await database.papers
        .where('listKeys')
        .equals(labelKey(day, label))
        .primaryKeys();
      for (const id of members) labelOf.set(id, label);
    }),
  );
  const groups = new Map<string, TodayGroup>();
  for (const id of ids) {
    const label = labelOf.get(id) ?? '';
    let group = groups.get(label);
    if (!group) {
      group = { label, ids: [] };
      groups.set(label, group);
    }
    group.ids.push(id);
  }
  return [...groups.values()];
}

/** How many papers Today's list `filter` of the day has (e.g. "Dismissed (N)"), keys only. */
export function countToday(
  database: PaperlightDatabase,
  dayStart: number,
  filter: TodayFilter,
): Promise<number> {
  return underPrefix(database, todayPrefix(startOfLocalDay(dayStart), filter)).count();
}

/** The papers of a day, dismissed or not (saved articles are not papers of the day). */
export async function countDay(database: PaperlightDatabase, dayStart: number): Promise<number> {
  const [shown, dismissed] = await Promise.all([
    countToday(database, dayStart, 'all'),
    countToday(database, dayStart, 'dismissed'),
  ]);
  return shown + dismissed;
}

/** The keys of the `listKeys` index that start with `prefix`, in key order. */
function underPrefix(database: PaperlightDatabase, prefix: ListKey) {
  // An array key sorts before every longer array it begins, and a longer one before [...prefix, []]
  // when its next element is a number or string.
  return database.papers.where('listKeys').between(prefix, [...prefix, []], false, true);
}

const newestFirst = (ids: string[]) => ids.reverse();

async function savedIds(
  database: PaperlightDatabase,
  filter: SavedFilter,
  sort: SavedSort,
): Promise<string[]> {
  const from = filter.savedFrom ?? Number.NEGATIVE_INFINITY;
  const to = filter.savedTo ?? Number.POSITIVE_INFINITY;
  const savedInRange = () => database.papers.where('savedAt').between(from, to, true, false);
  const byDate = sort === 'saved-newest' || sort === 'saved-oldest';
  const ordered = byDate
    ? savedInRange().primaryKeys()
    : underPrefix(
        database,
        savedPrefix(sort === 'first-seen-newest' ? 'first-seen' : 'opened'),
      ).primaryKeys();
  const keep: Promise<Set<string>>[] = [];
  const drop: Promise<Set<string>>[] = [];
  const asSet = (keys: Promise<string[]>) => keys.then((list) => new Set(list));
  if (filter.tagId !== undefined) {
    keep.push(asSet(database.papers.where('tagIds').equals(filter.tagId).primaryKeys()));
  }
  if (filter.readingState === 'to-read') {
    drop.push(asSet(database.papers.where('readingState').anyOf('reading', 'read').primaryKeys()));
  } else if (filter.readingState !== undefined) {
    keep.push(
      asSet(database.papers.where('readingState').equals(filter.readingState).primaryKeys()),
    );
  }
  if (filter.hasCode) {
    keep.push(asSet(database.papers.where('listKeys').equals(savedPrefix('code')).primaryKeys()));
  }
  if (filter.source !== undefined) {
    keep.push(
      asSet(
        database.papers
          .where('listKeys')
          .equals(savedPrefix('source', filter.source))
          .primaryKeys(),
      ),
    );
  }
  if (filter.updated) {
    keep.push(asSet(database.papers.orderBy('unseenUpdateAt').primaryKeys()));
  }
  if (!byDate && (filter.savedFrom !== undefined || filter.savedTo !== undefined)) {
    keep.push(asSet(savedInRange().primaryKeys()));
  }
  const [ids, keepSets, dropSets] = await Promise.all([
    ordered,
    Promise.all(keep),
    Promise.all(drop),
  ]);
  const shown = ids.filter(
    (id) => keepSets.every((set) => set.has(id)) && !dropSets.some((set) => set.has(id)),
  );
  return sort === 'saved-newest' ? newestFirst(shown) : shown;
}

/** The records of `ids`, in that order; ids no longer stored are left out. */
export async function papersByIds(
  database: PaperlightDatabase,
  ids: readonly string[],
): Promise<PaperRecord[]> {
  const papers = await database.papers.bulkGet([...ids]);
  return papers.filter((paper): paper is PaperRecord => paper !== undefined);
}

/** How many rows a list reads with its ids, so it opens drawn: a tall window's worth. */
export const FIRST_ROWS = 16;

/** `list` and the records of its first rows (read in the same live query as the ids). */
export async function withFirstRows<T extends { ids: readonly string[] }>(
  database: PaperlightDatabase,
  list: T,
): Promise<T & { firstRows: PaperRecord[] }> {
  return { ...list, firstRows: await papersByIds(database, list.ids.slice(0, FIRST_ROWS)) };
}

/**
 * Live tags, by name, with how many saved papers carry each (what a tag's Saved list shows: an
 * unsaved paper keeps its tags, in case it is saved again). Keys only: each tag's papers, and the
 * saved ones.
 */
export async function tagsWithCounts(
  database: PaperlightDatabase,
): Promise<{ tag: Tag; count: number }[]> {
  const tags = (await database.tags.toArray()).filter((tag) => tag.deletedAt === undefined);
  if (tags.length === 0) return [];
  const [saved, members] = await Promise.all([
    database.papers.where('savedAt').above(Number.NEGATIVE_INFINITY).primaryKeys(),
    Promise.all(tags.map((tag) => database.papers.where('tagIds').equals(tag.id).primaryKeys())),
  ]);
  const savedIds = new Set(saved);
  const counts = members.map((ids) => ids.filter((id) => savedIds.has(id)).length);
  return tags
    .map((tag, index) => ({ tag, count: counts[index] ?? 0 }))
    .sort((a, b) => a.tag.name.localeCompare(b.tag.name));
}
