import { compareByRelevance, passesFilter, type TodayFilter } from '@/utils/shared/listKeys';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { Relevance } from '@/utils/shared/ranking/types';
import { startOfLocalDay } from '@/utils/shared/time';

export {
  compareByRelevance,
  hasCode,
  passesFilter,
  type TodayFilter,
} from '@/utils/shared/listKeys';

/**
 * How the popup's Today triages a day: relevance order, the filters, the reason a row shows and
 * its state. Pure: the background computes relevance; this only reads it.
 */

export const TODAY_FILTERS: readonly { id: Exclude<TodayFilter, 'dismissed'>; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'matches', label: 'Matches' },
  { id: 'code', label: 'Has code' },
  { id: 'unopened', label: 'Not opened' },
];

const scoreOf = (paper: PaperRecord) => paper.relevance?.score ?? 0;

/**
 * Whether relevance tells these papers apart. When every score ties (no interests, nothing
 * learned), Today keeps its grouping by where the papers were seen.
 */
export function relevanceDiffers(papers: readonly PaperRecord[]): boolean {
  const first = papers[0];
  if (!first) return false;
  const score = scoreOf(first);
  return papers.some((paper) => scoreOf(paper) !== score);
}

/** The day's papers that pass `filter`, in relevance order. */
export function triageToday(papers: readonly PaperRecord[], filter: TodayFilter): PaperRecord[] {
  return papers.filter((paper) => passesFilter(paper, filter)).sort(compareByRelevance);
}

export function countDismissed(papers: readonly PaperRecord[]): number {
  return papers.reduce((count, paper) => count + (paper.dismissedAt !== undefined ? 1 : 0), 0);
}

/** At most this many learned terms in a row's reason. */
const MAX_LEARNED_SHOWN = 3;

/**
 * The reason a row shows for its rank: the exclusion it hit ("excluded: survey"), else the
 * interests it matches ("author: Y. Bengio · keyword: diffusion") and the learned terms that
 * moved it ("↑ diffusion model, ↓ author X"). Undefined when there is nothing to say.
 */
export function reasonText(relevance: Relevance | undefined): string | undefined {
  if (!relevance) return undefined;
  if (relevance.excludedBy) return `excluded: ${relevance.excludedBy}`;
  const parts: string[] = [];
  if (relevance.reasons.length > 0) parts.push(relevance.reasons.join(' · '));
  const learned = relevance.learned
    .filter((reason) => reason.weight !== 0)
    .slice(0, MAX_LEARNED_SHOWN)
    .map((reason) => `${reason.weight > 0 ? '↑' : '↓'} ${reason.label}`);
  if (learned.length > 0) parts.push(learned.join(', '));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** New to the user: first seen today (local time) and after their last "mark all as seen". */
export function isNewPaper(paper: PaperRecord, allSeenAt: number, now: number): boolean {
  return paper.firstSeenAt > allSeenAt && paper.firstSeenAt >= startOfLocalDay(now);
}

/** The row one step from `currentId` in `ids` (the first row when none is current). */
export function stepRow(
  ids: readonly string[],
  currentId: string | undefined,
  step: 1 | -1,
): string | undefined {
  if (ids.length === 0) return undefined;
  const index = currentId === undefined ? -1 : ids.indexOf(currentId);
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}

/** After a row leaves the list, the row that takes its place (the next one, else the previous). */
export function rowAfterRemoval(ids: readonly string[], removedId: string): string | undefined {
  const index = ids.indexOf(removedId);
  if (index === -1) return undefined;
  return ids[index + 1] ?? ids[index - 1];
}
