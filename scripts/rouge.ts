/**
 * ROUGE-1/2/L F1, computed the way Google's `rouge-score` package does with `use_stemmer=True`:
 * lower-case, every run of non-[a-z0-9] characters is a separator, tokens longer than three
 * characters are Porter-stemmed (the `stemmer` package, as the page reader's key sentences use),
 * ROUGE-L is the sentence-level longest common subsequence. Bench only (scripts/bench-tldr.ts).
 */
import { stemmer } from 'stemmer';

/** rouge-score's tokenizer with stemming: lower-case alphanumeric runs, words > 3 chars stemmed. */
export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return tokens.map((t) => (t.length > 3 ? stemmer(t) : t));
}

export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: PrfScore;
  rouge2: PrfScore;
  rougeL: PrfScore;
}

function prf(overlap: number, predicted: number, reference: number): PrfScore {
  const precision = predicted > 0 ? overlap / predicted : 0;
  const recall = reference > 0 ? overlap / reference : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function ngramScore(pred: readonly string[], ref: readonly string[], n: number): PrfScore {
  const p = ngramCounts(pred, n);
  const r = ngramCounts(ref, n);
  let overlap = 0;
  for (const [gram, count] of p) overlap += Math.min(count, r.get(gram) ?? 0);
  return prf(overlap, Math.max(0, pred.length - n + 1), Math.max(0, ref.length - n + 1));
}

/** Length of the longest common subsequence (two-row dynamic programme). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      curr[j] =
        ai === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, curr[j - 1] as number);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
}

/** ROUGE scores of pre-tokenized text (see {@link rougeTokens}). */
export function scoreTokens(pred: readonly string[], ref: readonly string[]): RougeScores {
  return {
    rouge1: ngramScore(pred, ref, 1),
    rouge2: ngramScore(pred, ref, 2),
    rougeL: prf(lcsLength(pred, ref), pred.length, ref.length),
  };
}

/** ROUGE-1/2/L of `prediction` against one `target`. */
export function rouge(prediction: string, target: string): RougeScores {
  return scoreTokens(rougeTokens(prediction), rougeTokens(target));
}

/**
 * Scores `prediction` against the target with the best ROUGE-1 F1 (SciTLDR's multi-target
 * method); R2 and RL are those of that same target. No targets → all zeros.
 */
export function scoreBest(prediction: string, targets: readonly string[]): RougeScores {
  const pred = rougeTokens(prediction);
  let best: RougeScores | undefined;
  for (const target of targets) {
    const scores = scoreTokens(pred, rougeTokens(target));
    if (best === undefined || scores.rouge1.f1 > best.rouge1.f1) best = scores;
  }
  return best ?? scoreTokens(pred, []);
}
