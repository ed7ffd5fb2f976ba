/**
 * ROUGE-1/2/L F1, computed the way Google's `rouge-score` package does with `use_stemmer=True`:
 * lower-case, every run of non-[a-z0-9] characters is a separator, tokens longer than three
 * characters are Porter-stemmed, ROUGE-L is the sentence-level longest common subsequence.
 * Pure: no DOM, no browser APIs. Used by the TL;DR benchmark (scripts/bench-tldr.ts).
 */

// ---------------------------------------------------------------------------------------------
// Porter stemmer: the original algorithm (M. F. Porter, "An algorithm for suffix stripping",
// Program 14(3), 1980), rules as printed in the paper.
// ---------------------------------------------------------------------------------------------

/** True when `w[i]` is a consonant in Porter's sense (y is a consonant after a vowel or first). */
function isConsonant(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  // a e i o u
  if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
  if (c === 121) return i === 0 || !isConsonant(w, i - 1); // y
  return true;
}

/** m in [C](VC){m}[V] for `stem`. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

/** *v*: the stem contains a vowel. */
function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** *d: the stem ends with a double consonant. */
function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** *o: the stem ends consonant-vowel-consonant, the last consonant not w, x or y. */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  if (!isConsonant(stem, n - 1) || isConsonant(stem, n - 2) || !isConsonant(stem, n - 3)) {
    return false;
  }
  const last = stem[n - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

type Rule = readonly [suffix: string, replacement: string];

/**
 * Applies the rule with the longest matching suffix if `condition(stem)` holds for it. Returns
 * the new word, or null when no suffix matched (a matched suffix whose condition fails still
 * ends the step, as in the paper: "only one rule from each step can apply").
 */
function applyLongest(
  word: string,
  rules: readonly Rule[],
  condition: (stem: string, suffix: string) => boolean,
): string | null {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (word.endsWith(rule[0]) && (best === undefined || rule[0].length > best[0].length)) {
      best = rule;
    }
  }
  if (best === undefined) return null;
  const stem = word.slice(0, word.length - best[0].length);
  return condition(stem, best[0]) ? stem + best[1] : word;
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
];

const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4: readonly Rule[] = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
].map((s): Rule => [s, '']);

/** Porter-stems one lower-case word (the original 1980 algorithm). */
export function porterStem(input: string): string {
  let w = input;
  if (w.length <= 2) return w;

  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) {
    // unchanged
  } else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b
  let step1bTidy = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    step1bTidy = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    step1bTidy = true;
  }
  if (step1bTidy) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }

  // Step 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;

  // Steps 2 and 3: (m > 0)
  w = applyLongest(w, STEP2, (stem) => measure(stem) > 0) ?? w;
  w = applyLongest(w, STEP3, (stem) => measure(stem) > 0) ?? w;

  // Step 4: (m > 1), and for -ion the stem must end in s or t
  w =
    applyLongest(
      w,
      STEP4,
      (stem, suffix) =>
        measure(stem) > 1 && (suffix !== 'ion' || stem.endsWith('s') || stem.endsWith('t')),
    ) ?? w;

  // Step 5a
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  // Step 5b
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);

  return w;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer and scores
// ---------------------------------------------------------------------------------------------

/** rouge-score's tokenizer with stemming: lower-case alphanumeric runs, words > 3 chars stemmed. */
export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return tokens.map((t) => (t.length > 3 ? porterStem(t) : t));
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
