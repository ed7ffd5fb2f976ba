import type { Adjustments, LearnedModel } from '@/utils/shared/ranking/model';
import type { Interests, RankablePaper, Relevance } from '@/utils/shared/ranking/types';

// CONTRACT STUB (the ranking helper replaces the body).

/** A paper's relevance: interests first, then the learned model; with the reasons. */
export function rankPaper(
  _paper: RankablePaper,
  _interests: Interests,
  _model: LearnedModel | undefined,
  _adjustments: Adjustments,
): Relevance {
  return { score: 0, matched: false, reasons: [], learned: [], coldStart: true };
}
