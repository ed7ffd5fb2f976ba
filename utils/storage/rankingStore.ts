import { storage } from 'wxt/utils/storage';
import type { LearnedModel } from '@/utils/shared/ranking/model';
import { type Interests, NO_INTERESTS } from '@/utils/shared/ranking/types';
import { type BadgeMode, DEFAULT_BADGE_MODE } from '@/utils/shared/settings';

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
export const badgeModeItem = storage.defineItem<BadgeMode>('local:settings.badgeMode', {
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
