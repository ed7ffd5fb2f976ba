import type { Interests, RankablePaper } from '@/utils/shared/ranking/types';

// CONTRACT STUB (the ranking helper replaces the bodies).

/** The interests a paper matches ("author: Y. Bengio", "keyword: diffusion"), and the exclusion it hit. */
export function matchInterests(
  _paper: RankablePaper,
  _interests: Interests,
): { reasons: string[]; excludedBy?: string } {
  return { reasons: [] };
}

/** Whether two author names are the same person as far as names tell ("Y. Bengio" = "Bengio, Yoshua"). */
export function sameAuthor(a: string, b: string): boolean {
  return a === b;
}
