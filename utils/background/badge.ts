import { storage } from 'wxt/utils/storage';
import { toolbarButton } from '@/utils/background/toolbarButton';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { readBadgeMode } from '@/utils/storage/rankingStore';

/** When the popup was last opened (ms); the badge counts papers first seen after it. */
export const popupOpenedAt = storage.defineItem<number>('local:popupOpenedAt', { fallback: 0 });

export async function refreshBadge(database: PaperlightDatabase): Promise<string> {
  const [since, mode] = await Promise.all([popupOpenedAt.getValue(), readBadgeMode()]);
  const text = badgeText(await countFirstSeenSince(database, since, mode === 'matches'));
  await toolbarButton().setBadgeText({ text });
  return text;
}

/**
 * How many papers that count as new (see `PaperRecord.countsAsNew`) were first seen after
 * `since` (ms); with `onlyMatches`, only those matching the user's interests ("new matches" badge
 * mode). The index narrows to the papers since then; the flags are filtered (booleans cannot be
 * IndexedDB keys), and a record without `countsAsNew` counts.
 */
export function countFirstSeenSince(
  database: PaperlightDatabase,
  since: number,
  onlyMatches = false,
): Promise<number> {
  return database.papers
    .where('firstSeenAt')
    .above(since)
    .filter(
      (paper) => paper.countsAsNew !== false && (!onlyMatches || paper.relevance?.matched === true),
    )
    .count();
}

/** The toolbar badge text for a count: empty at 0, "999+" past 999. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
