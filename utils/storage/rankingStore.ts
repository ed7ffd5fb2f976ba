import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { LearnedModel } from '@/utils/shared/ranking/model';
import { type Interests, NO_INTERESTS } from '@/utils/shared/ranking/types';
import { BADGE_MODES, type BadgeMode, DEFAULT_BADGE_MODE } from '@/utils/shared/settings';
import { finiteOrZero, listOf } from '@/utils/storage/storedValue';

/**
 * The ranking's state in `storage.local`. The options page (and the popup's "follow") writes the
 * interests and the pins/bans; the background watches these keys, retrains and re-scores.
 */

/** What the user follows. */
export const interestsItem = storage.defineItem<Interests>('local:ranking.interests', {
  fallback: NO_INTERESTS,
});

/** Learned features the user pinned (always count for) or banned (always count against). */
export interface LearningAdjustments {
  pinned: string[];
  banned: string[];
}

export const adjustmentsItem = storage.defineItem<LearningAdjustments>(
  'local:ranking.adjustments',
  { fallback: { pinned: [], banned: [] } },
);

/** "Reset learning": only signals given after this time (ms) are learned from. */
export const learningResetAtItem = storage.defineItem<number>('local:ranking.resetAt', {
  fallback: 0,
});

/** The model the background learned last (null: none yet, cold start). Written by the background only. */
export const learnedModelItem = storage.defineItem<LearnedModel | null>('local:ranking.model', {
  fallback: null,
});

/** What the toolbar badge counts. */
export const BADGE_MODE_KEY = 'settings.badgeMode';
export const badgeModeItem = storage.defineItem<BadgeMode>(`local:${BADGE_MODE_KEY}`, {
  fallback: DEFAULT_BADGE_MODE,
});

/** When the user last chose "mark all as seen" in the popup (ms; 0 never). */
export const allSeenAtItem = storage.defineItem<number>('local:allSeenAt', { fallback: 0 });

/** The keys above that change a paper's relevance (the background re-scores when one changes). */
export const RANKING_KEYS = [
  'ranking.interests',
  'ranking.adjustments',
  'ranking.resetAt',
] as const;

const MAX_ENTRY = 300;
const entry = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_ENTRY));
const storedInterests = v.object({
  keywords: listOf(entry),
  exclusions: listOf(entry),
  authors: listOf(entry),
  categories: listOf(entry),
});
const storedAdjustments = v.object({ pinned: listOf(entry), banned: listOf(entry) });
const numberRecord = v.record(v.string(), v.pipe(v.number(), v.finite()));
const storedModel = v.object({
  version: v.literal(1),
  trainedAt: v.number(),
  positives: v.number(),
  negatives: v.number(),
  bias: v.pipe(v.number(), v.finite()),
  weights: numberRecord,
  idf: numberRecord,
  labels: v.record(v.string(), v.string()),
}) satisfies v.GenericSchema<unknown, LearnedModel>;

/** Everything ranking reads, repaired: malformed parts read as empty (a bad model as none). */
export interface RankingSettings {
  interests: Interests;
  adjustments: LearningAdjustments;
  model: LearnedModel | undefined;
  resetAt: number;
}

export async function readRankingSettings(): Promise<RankingSettings> {
  const [interests, adjustments, model, resetAt] = await Promise.all([
    interestsItem.getValue(),
    adjustmentsItem.getValue(),
    learnedModelItem.getValue(),
    learningResetAtItem.getValue(),
  ]);
  const readInterests = v.safeParse(storedInterests, interests ?? {});
  const readAdjustments = v.safeParse(storedAdjustments, adjustments ?? {});
  const readModel = v.safeParse(storedModel, model);
  return {
    interests: readInterests.success ? readInterests.output : { ...NO_INTERESTS },
    adjustments: readAdjustments.success ? readAdjustments.output : { pinned: [], banned: [] },
    model: readModel.success ? readModel.output : undefined,
    resetAt: v.parse(finiteOrZero, resetAt),
  };
}

export async function readBadgeMode(): Promise<BadgeMode> {
  const mode = await badgeModeItem.getValue();
  return BADGE_MODES.includes(mode) ? mode : DEFAULT_BADGE_MODE;
}

/** The interests alone, repaired (sync reads and compares them). */
export async function readInterests(): Promise<Interests> {
  const read = v.safeParse(storedInterests, (await interestsItem.getValue()) ?? {});
  return read.success ? read.output : { ...NO_INTERESTS };
}
