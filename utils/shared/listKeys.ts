import type { ListKey, PaperRecord } from '@/utils/shared/paperRecord';
import { startOfLocalDay } from '@/utils/shared/time';
import { httpUrl } from '@/utils/shared/url';

/**
 * How the lists order and filter papers, as rules on one record, and the same rules written as
 * index keys (`PaperRecord.listKeys`, a multi-entry index) so a list reads its ordered ids from an
 * index without reading a record. The database computes the keys on every write of a paper
 * (utils/storage/database.ts), so whatever writes a paper, its keys follow its fields.
 */

export type TodayFilter = 'all' | 'matches' | 'code' | 'unopened' | 'dismissed';
const TODAY_FILTER_IDS: readonly TodayFilter[] = [
  'all',
  'matches',
  'code',
  'unopened',
  'dismissed',
];

export type { ListKey } from '@/utils/shared/paperRecord';

/** Feed order: newest sighting first, then page order within a sighting, then id (stable). */
export function compareByNewestSighting(a: PaperRecord, b: PaperRecord): number {
  return (
    b.lastSighting.at - a.lastSighting.at ||
    a.lastSighting.position - b.lastSighting.position ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const finite = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) ? value : fallback;
const scoreOf = (paper: PaperRecord) => finite(paper.relevance?.score, 0);
/** A paper HF never listed ranks below one with 0 upvotes there. */
const upvotesOf = (paper: PaperRecord) => finite(paper.hf?.upvotes, -1);

/** Relevance first (higher first), then Hugging Face upvotes, then feed order. */
export function compareByRelevance(a: PaperRecord, b: PaperRecord): number {
  return scoreOf(b) - scoreOf(a) || upvotesOf(b) - upvotesOf(a) || compareByNewestSighting(a, b);
}

/** A code link that is an http(s) URL (what the row shows as a code chip). */
export function hasCode(paper: Pick<PaperRecord, 'codeUrls'>): boolean {
  return (paper.codeUrls ?? []).some((url) => httpUrl(url) !== undefined);
}

/** Whether `paper` passes `filter`. Dismissed papers show only under 'dismissed'. */
export function passesFilter(paper: PaperRecord, filter: TodayFilter): boolean {
  const dismissed = paper.dismissedAt !== undefined;
  if (filter === 'dismissed') return dismissed;
  if (dismissed) return false;
  switch (filter) {
    case 'all':
      return true;
    case 'matches':
      return paper.relevance?.matched === true;
    case 'code':
      return hasCode(paper);
    case 'unopened':
      return paper.openedAt === undefined;
  }
}

/** `compareByRelevance` as an ascending key. */
export function relevanceSortKey(paper: PaperRecord): ListKey {
  return [
    -scoreOf(paper),
    -upvotesOf(paper),
    -finite(paper.lastSighting.at, 0),
    finite(paper.lastSighting.position, 0),
    paper.id,
  ];
}

/** The relevance score a `relevanceSortKey`-ordered key carries (to tell whether scores tie). */
export function scoreInKey(key: unknown, prefixLength: number): number | undefined {
  const negated = Array.isArray(key) ? key[prefixLength] : undefined;
  return typeof negated === 'number' ? -negated : undefined;
}

/** The day a paper belongs to in Today: the local day it was first seen, where it was seen. */
export const listDayOf = (paper: Pick<PaperRecord, 'firstSeenAt'>) =>
  startOfLocalDay(paper.firstSeenAt);

/** Today's list `filter` of `day`, in relevance order: ['day', day, filter, ...relevanceSortKey]. */
export const todayPrefix = (day: number, filter: TodayFilter): ListKey => ['day', day, filter];
/** The papers of `day` last seen under `label` (for the group headers): ['label', day, label]. */
export const labelKey = (day: number, label: string): ListKey => ['label', day, label];

export type SavedListKey = 'code' | 'first-seen' | 'opened';
/**
 * Saved papers: ['saved', 'code'] (has code), ['saved', 'source', kind], and the orders other
 * than by saved time (that one is the `savedAt` index): ['saved', 'first-seen', …],
 * ['saved', 'opened', …].
 */
export const savedPrefix = (...parts: (string | number)[]): ListKey => ['saved', ...parts];

/** Every list key of `paper`: the one rule for which list shows it, and where. */
export function listKeysOf(paper: PaperRecord): ListKey[] {
  const keys: ListKey[] = [];
  // Saved articles ("url:" items) are not papers of the day: they only show in Saved.
  if (paper.article === undefined && Number.isFinite(paper.firstSeenAt)) {
    const day = listDayOf(paper);
    const order = relevanceSortKey(paper);
    for (const filter of TODAY_FILTER_IDS) {
      if (passesFilter(paper, filter)) keys.push([...todayPrefix(day, filter), ...order]);
    }
    keys.push(labelKey(day, paper.lastSighting.label));
  }
  if (paper.savedAt !== undefined) {
    if (hasCode(paper)) keys.push(savedPrefix('code'));
    keys.push(savedPrefix('source', paper.firstSighting.kind));
    keys.push(
      savedPrefix(
        'first-seen',
        -paper.firstSeenAt,
        -paper.lastSighting.at,
        paper.lastSighting.position,
        paper.id,
      ),
    );
    keys.push(savedPrefix('opened', -(paper.lastOpenedAt ?? 0), -paper.savedAt, paper.id));
  }
  return keys;
}
