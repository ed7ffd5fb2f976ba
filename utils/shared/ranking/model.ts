import type { LearnedReason, RankablePaper } from '@/utils/shared/ranking/types';

// CONTRACT STUB (the ranking helper replaces the bodies; the signatures are what the background uses).

/** A learned linear model, kept in storage.local as JSON. */
export interface LearnedModel {
  version: 1;
  /** When it was trained (ms). */
  trainedAt: number;
  /** How many positive and negative examples it learned from. */
  positives: number;
  negatives: number;
  bias: number;
  /** Feature key → weight (log-odds per unit of TF-IDF value). Only the strongest are kept. */
  weights: Record<string, number>;
  /** Feature key → inverse document frequency over the local digest (for kept features). */
  idf: Record<string, number>;
  /** Feature key → readable label ("diffusion model", "author Y. Bengio"). */
  labels: Record<string, string>;
}

export interface TrainingExample {
  paper: RankablePaper;
  /** 1: the user saved, opened or liked it; 0: dismissed, or left alone. */
  label: 0 | 1;
  /** How much the example counts (default 1). */
  weight?: number;
}

/** Pins and bans the user set on learned features (feature keys). */
export interface Adjustments {
  pinned: readonly string[];
  banned: readonly string[];
}

export const NO_ADJUSTMENTS: Adjustments = { pinned: [], banned: [] };

/**
 * Trains the model on `examples`, with IDF over `corpus` (the local digest, a sample of it).
 * Warm-starts from `previous` when given. Undefined when there are too few signals (cold start).
 */
export function trainModel(
  _examples: readonly TrainingExample[],
  _corpus: readonly RankablePaper[],
  _options: { previous?: LearnedModel; now?: number } = {},
): LearnedModel | undefined {
  return undefined;
}

/** Each feature's contribution to this paper's learned score, strongest (by |weight|) first. */
export function learnedContributions(
  _model: LearnedModel,
  _paper: RankablePaper,
  _adjustments: Adjustments = NO_ADJUSTMENTS,
): LearnedReason[] {
  return [];
}

/** What was learned: the top positive and negative features, with pins and bans applied. */
export function topFeatures(
  _model: LearnedModel,
  _adjustments: Adjustments = NO_ADJUSTMENTS,
  _count = 20,
): { positive: LearnedReason[]; negative: LearnedReason[] } {
  return { positive: [], negative: [] };
}
