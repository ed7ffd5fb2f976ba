/**
 * The ranking's shared vocabulary: what the user told Paperlight they care about (interests), what
 * the learned model keeps, and the relevance every paper gets, with its reasons. Pure types; the
 * matching and the model live beside this file, and run in the service worker only.
 */

/** What the user follows (options page; "Follow this author" and friends add to it). */
export interface Interests {
  /** Words and phrases as typed: `diffusion`, `"diffusion model"`, prefix `transform*`. */
  keywords: string[];
  /** Words and phrases that rule a paper out, typed without the leading `-` ("survey"). */
  exclusions: string[];
  /** Author names as typed: "Y. Bengio", "Bengio, Yoshua" (matching tolerates initials/accents/order). */
  authors: string[];
  /** arXiv category codes ("cs.LG"): primary or cross-list. */
  categories: string[];
}

export const NO_INTERESTS: Readonly<Interests> = {
  keywords: [],
  exclusions: [],
  authors: [],
  categories: [],
};

/** The interest kinds, as the reasons name them. */
export type InterestKind = 'keyword' | 'author' | 'category';

/** The paper fields ranking reads. */
export interface RankablePaper {
  id: string;
  title: string;
  abstract?: string;
  authors: string[];
  categories: string[];
}

/** One learned feature that moved a paper's score, as shown to the user. */
export interface LearnedReason {
  /** The feature key (`w:diffus`, `p:diffus model`, `a:bengio y`, `c:cs.LG`): pin/ban use it. */
  feature: string;
  /** Readable: "diffusion", "diffusion model", "author Y. Bengio", "cs.LG". */
  label: string;
  /** Its contribution to the score (log-odds): > 0 raised it, < 0 lowered it. */
  weight: number;
}

/**
 * How relevant a paper is to the user, and why. Computed in the background (on every sighting,
 * and again when interests or the learned model change), stored on the paper and sent to the
 * page marks.
 */
export interface Relevance {
  /** 0..1; orders the popup (higher first). */
  score: number;
  /** It matches at least one interest and no exclusion. */
  matched: boolean;
  /** The interests it matches, readable: "author: Y. Bengio", "keyword: diffusion", "category: cs.LG". */
  reasons: string[];
  /** The exclusion it hit ("survey"), if any: not a match, whatever else it matches. */
  excludedBy?: string;
  /** The learned features that moved it most (at most 3), strongest first. Empty at cold start. */
  learned: LearnedReason[];
  /** No learned model yet (too few signals): the score comes from interests only. */
  coldStart: boolean;
}
