import { matchInterests } from '@/utils/shared/ranking/interests';
import { type Adjustments, type LearnedModel, learnedLogit } from '@/utils/shared/ranking/model';
import type {
  Interests,
  LearnedReason,
  RankablePaper,
  Relevance,
} from '@/utils/shared/ranking/types';

/**
 * A paper's score is a probability on the log-odds scale: the learned log-odds (a fixed prior at
 * cold start) plus a boost per matched interest. So a match outranks a non-match of similar
 * learned score, a strong learned score can still beat a weak match (a followed category), and
 * an excluded paper goes below everything else.
 */

/** Log-odds of a paper at cold start, before interests (score ≈ 0.27). */
export const COLD_START_LOGIT = -1;
/** The learned log-odds are clamped to ±this, so interests and exclusions keep their effect. */
export const MAX_LEARNED_LOGIT = 6;
/** What each kind of matched interest adds (log-odds); the sum is capped at MAX_BOOST. */
export const INTEREST_BOOST = { keyword: 2, author: 2.5, category: 1 } as const;
export const MAX_BOOST = 4.5;
/** How many learned features a relevance names. */
export const LEARNED_REASONS = 3;
/** Below this |contribution| (log-odds) a feature did not really move the paper. */
const NEGLIGIBLE = 0.01;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function boostOf(reasons: readonly string[]): number {
  let boost = 0;
  for (const reason of reasons) {
    const kind = reason.slice(0, reason.indexOf(':')) as keyof typeof INTEREST_BOOST;
    boost += INTEREST_BOOST[kind] ?? 0;
  }
  return Math.min(boost, MAX_BOOST);
}

/** The words of a `w:`/`p:` feature key (stems). */
function stemsOf(feature: string): string[] {
  return feature.startsWith('w:') || feature.startsWith('p:') ? feature.slice(2).split(' ') : [];
}

/**
 * The strongest contributions worth naming, leaving out a word whose phrase is already named
 * ("graph neural" makes "neural" say nothing new), and a phrase whose words are.
 */
function strongestDistinct(contributions: readonly LearnedReason[]): LearnedReason[] {
  const chosen: LearnedReason[] = [];
  const shown = new Set<string>();
  for (const c of contributions) {
    if (chosen.length === LEARNED_REASONS || Math.abs(c.weight) < NEGLIGIBLE) break;
    const stems = stemsOf(c.feature);
    if (stems.length > 0 && stems.every((x) => shown.has(x))) continue;
    chosen.push(c);
    for (const x of stems) shown.add(x);
  }
  return chosen;
}

/** A paper's relevance: interests first, then the learned model; with the reasons. */
export function rankPaper(
  paper: RankablePaper,
  interests: Interests,
  model: LearnedModel | undefined,
  adjustments: Adjustments,
): Relevance {
  const { reasons, excludedBy } = matchInterests(paper, interests);
  let logit = COLD_START_LOGIT;
  let learned: Relevance['learned'] = [];
  if (model) {
    const result = learnedLogit(model, paper, adjustments);
    logit = Math.max(-MAX_LEARNED_LOGIT, Math.min(MAX_LEARNED_LOGIT, result.logit));
    learned = strongestDistinct(result.contributions).map((c) => ({
      ...c,
      weight: Math.round(c.weight * 1000) / 1000,
    }));
  }
  const relevance: Relevance = {
    score: 0,
    matched: reasons.length > 0 && excludedBy === undefined,
    reasons,
    learned,
    coldStart: !model,
  };
  if (excludedBy !== undefined) {
    // Below sigmoid(-MAX_LEARNED_LOGIT), the lowest score a paper that is not excluded can get.
    relevance.score = sigmoid(-MAX_LEARNED_LOGIT) * 0.9 * sigmoid(logit);
    relevance.excludedBy = excludedBy;
  } else {
    relevance.score = sigmoid(logit + boostOf(reasons));
  }
  return relevance;
}
