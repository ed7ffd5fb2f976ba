import {
  AUTHOR_VALUE,
  authorKeys,
  CATEGORY_VALUE,
  categoryKeys,
  commonest,
  fallbackLabel,
  firstOfPhrase,
  forEachTerm,
  idfOf,
  keyOfTermId,
  type PaperTerms,
  paperTerms,
  phraseId,
  stemIdOfWord,
  surfaceForms,
  TITLE_WEIGHT,
  termIdOfKey,
  textValue,
} from '@/utils/shared/ranking/features';
import { paperWords } from '@/utils/shared/ranking/tokens';
import type { LearnedReason, RankablePaper } from '@/utils/shared/ranking/types';

/**
 * The learned ranker: L2-regularised, class-weighted logistic regression on TF-IDF words and
 * phrases, authors and categories (features.ts), fitted by full-batch Adam. Small enough to train
 * in the service worker in a few tens of milliseconds and to keep as JSON in storage.local.
 */

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

/** Fewer positives than this: no model (cold start, interests only). */
export const MIN_POSITIVES = 3;
/** With fewer negatives than this, unlabelled digest papers stand in as weak negatives. */
export const MIN_NEGATIVES = 3;
const PSEUDO_NEGATIVES = 200;
const PSEUDO_NEGATIVE_WEIGHT = 0.3;
/** How many weights the stored model keeps (the strongest by |weight|). */
export const MAX_FEATURES = 3000;
/** What a pinned (banned) feature contributes at least (at most) to a paper that has it, in log-odds. */
export const PIN_WEIGHT = 2;

const L2 = 0.002;
const LEARNING_RATE = 0.05;
const MAX_STEPS_COLD = 300;
const MAX_STEPS_WARM = 120;
/** Stop once the objective improves by less than this (relative) over 10 steps. */
const TOLERANCE = 1e-5;

interface Row {
  index: Int32Array;
  value: Float64Array;
  /** Class weight × example weight. */
  weight: number;
  label: 0 | 1;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Papers by id, the first occurrence of each. */
function uniquePapers(papers: Iterable<RankablePaper>): RankablePaper[] {
  const seen = new Map<string, RankablePaper>();
  for (const paper of papers) if (!seen.has(paper.id)) seen.set(paper.id, paper);
  return [...seen.values()];
}

/**
 * Trains the model on `examples`, with IDF over `corpus` (the local digest, a sample of it).
 * Warm-starts from `previous` when given. Undefined when there are too few signals (cold start).
 */
export function trainModel(
  examples: readonly TrainingExample[],
  corpus: readonly RankablePaper[],
  options: { previous?: LearnedModel; now?: number } = {},
): LearnedModel | undefined {
  const labelled = examples.filter((e) => (e.weight ?? 1) > 0);
  const positives = labelled.filter((e) => e.label === 1).length;
  let negatives = labelled.length - positives;
  if (positives < MIN_POSITIVES) return undefined;

  const training: TrainingExample[] = [...labelled];
  if (negatives < MIN_NEGATIVES) {
    // Saved papers only: contrast them with the rest of the digest, counted lightly.
    const labelledIds = new Set(labelled.map((e) => e.paper.id));
    const others = uniquePapers(corpus).filter((p) => !labelledIds.has(p.id));
    const step = Math.max(1, Math.floor(others.length / PSEUDO_NEGATIVES));
    for (
      let i = 0;
      i < others.length && training.length - labelled.length < PSEUDO_NEGATIVES;
      i += step
    ) {
      training.push({
        paper: others[i] as RankablePaper,
        label: 0,
        weight: PSEUDO_NEGATIVE_WEIGHT,
      });
    }
  }
  negatives = training.length - positives;
  if (negatives === 0) return undefined;

  // Vocabulary: the features of the training papers (text terms by id, the others by key).
  const termIndex = new Map<number, number>();
  const otherIndex = new Map<string, number>();
  const keys: string[] = [];
  const termsOf: PaperTerms[] = training.map((e) => paperTerms(e.paper));
  for (const terms of termsOf) {
    for (const term of terms.text.keys()) {
      if (!termIndex.has(term)) {
        termIndex.set(term, keys.length);
        keys.push(keyOfTermId(term));
      }
    }
    for (const key of [...terms.authors, ...terms.categories]) {
      if (!otherIndex.has(key)) {
        otherIndex.set(key, keys.length);
        keys.push(key);
      }
    }
  }

  // IDF of the text terms over the digest and the training papers.
  const documents = uniquePapers([...training.map((e) => e.paper), ...corpus]);
  const df = new Float64Array(keys.length);
  const lastDocument = new Int32Array(keys.length).fill(-1);
  documents.forEach((paper, d) => {
    forEachTerm(paper, (term) => {
      const i = termIndex.get(term);
      if (i !== undefined && lastDocument[i] !== d) {
        lastDocument[i] = d;
        df[i] = (df[i] as number) + 1;
      }
    });
  });
  const idf = (i: number) => idfOf(df[i] as number, documents.length);

  let positiveMass = 0;
  let negativeMass = 0;
  for (const e of training) {
    if (e.label === 1) positiveMass += e.weight ?? 1;
    else negativeMass += e.weight ?? 1;
  }
  // Each class carries half of the loss, however rare positives are.
  const rows: Row[] = training.map((e, r) => {
    const terms = termsOf[r] as PaperTerms;
    const index: number[] = [];
    const value: number[] = [];
    for (const [term, count] of terms.text) {
      const i = termIndex.get(term) as number;
      index.push(i);
      value.push(textValue(count, idf(i), terms.length));
    }
    for (const key of terms.authors) {
      index.push(otherIndex.get(key) as number);
      value.push(AUTHOR_VALUE);
    }
    for (const key of terms.categories) {
      index.push(otherIndex.get(key) as number);
      value.push(CATEGORY_VALUE);
    }
    return {
      index: Int32Array.from(index),
      value: Float64Array.from(value),
      weight: (e.weight ?? 1) / (2 * (e.label === 1 ? positiveMass : negativeMass)),
      label: e.label,
    };
  });

  const dims = keys.length;
  const w = new Float64Array(dims);
  let bias = 0;
  const previous = options.previous;
  if (previous) {
    bias = previous.bias;
    for (const [key, weight] of Object.entries(previous.weights)) {
      const term = termIdOfKey(key);
      const i = term === undefined ? otherIndex.get(key) : termIndex.get(term);
      if (i !== undefined) w[i] = weight;
    }
  }
  bias = fitLogistic(rows, w, bias, previous ? MAX_STEPS_WARM : MAX_STEPS_COLD);

  const order = [...w.keys()]
    .filter((i) => Math.abs(w[i] as number) > 1e-4)
    .sort(
      (a, b) =>
        Math.abs(w[b] as number) - Math.abs(w[a] as number) ||
        (keys[a] as string).localeCompare(keys[b] as string),
    )
    .slice(0, MAX_FEATURES);

  const forms = new Map<string, Map<string, number>>();
  for (const e of labelled) surfaceForms(e.paper, forms);
  const weights: Record<string, number> = {};
  const idfKept: Record<string, number> = {};
  const labels: Record<string, string> = {};
  for (const i of order) {
    const key = keys[i] as string;
    weights[key] = round(w[i] as number);
    if (key.startsWith('w:') || key.startsWith('p:')) idfKept[key] = round(idf(i));
    const surface = forms.get(key);
    labels[key] = (surface && commonest(surface)) ?? fallbackLabel(key);
  }
  return {
    version: 1,
    trainedAt: options.now ?? Date.now(),
    positives,
    negatives: labelled.length - positives,
    bias: round(bias),
    weights,
    idf: idfKept,
    labels,
  };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Full-batch Adam on the weighted logistic loss + L2 (bias not penalised); returns the bias. */
function fitLogistic(
  rows: readonly Row[],
  w: Float64Array,
  startBias: number,
  maxSteps: number,
): number {
  const dims = w.length;
  const grad = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  let bias = startBias;
  let mb = 0;
  let vb = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let checkpoint = Number.POSITIVE_INFINITY;
  for (let step = 1; step <= maxSteps; step++) {
    grad.fill(0);
    let gradBias = 0;
    let loss = 0;
    for (const row of rows) {
      let z = bias;
      for (let j = 0; j < row.index.length; j++) {
        z += (w[row.index[j] as number] as number) * (row.value[j] as number);
      }
      const p = sigmoid(z);
      const y = row.label;
      loss -= row.weight * (y === 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      const g = row.weight * (p - y);
      gradBias += g;
      for (let j = 0; j < row.index.length; j++) {
        const i = row.index[j] as number;
        grad[i] = (grad[i] as number) + g * (row.value[j] as number);
      }
    }
    let penalty = 0;
    for (let i = 0; i < dims; i++) {
      const wi = w[i] as number;
      penalty += wi * wi;
      grad[i] = (grad[i] as number) + L2 * wi;
    }
    loss += (L2 / 2) * penalty;
    if (step % 10 === 0) {
      if (checkpoint - loss < TOLERANCE * Math.abs(checkpoint)) break;
      checkpoint = loss;
    }
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let i = 0; i < dims; i++) {
      const g = grad[i] as number;
      const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
      const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      w[i] = (w[i] as number) - (LEARNING_RATE * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
    }
    mb = beta1 * mb + (1 - beta1) * gradBias;
    vb = beta2 * vb + (1 - beta2) * gradBias * gradBias;
    bias -= (LEARNING_RATE * (mb / c1)) / (Math.sqrt(vb / c2) + eps);
  }
  return bias;
}

function adjusted(weight: number, key: string, pinned: Set<string>, banned: Set<string>): number {
  if (banned.has(key)) return Math.min(weight, -PIN_WEIGHT);
  if (pinned.has(key)) return Math.max(weight, PIN_WEIGHT);
  return weight;
}

function labelOf(model: LearnedModel, key: string): string {
  return model.labels[key] ?? fallbackLabel(key);
}

interface CompiledModel {
  /** Text term id → weight and IDF (pinned/banned terms the model lacks: weight 0). */
  terms: Map<number, { key: string; weight: number; idf: number }>;
  /** Author and category key → weight. */
  others: Map<string, number>;
  /** The first stems of its phrases (most word pairs need no phrase lookup). */
  phraseFirsts: Set<number>;
  pinned: Set<string>;
  banned: Set<string>;
}

const compiledModels = new WeakMap<LearnedModel, Map<string, CompiledModel>>();

/** The model as lookups by term id, once per model and adjustments. */
function compile(model: LearnedModel, adjustments: Adjustments): CompiledModel {
  const signature = `${adjustments.pinned.join('\n')}\u0000${adjustments.banned.join('\n')}`;
  let byAdjustments = compiledModels.get(model);
  if (!byAdjustments) {
    byAdjustments = new Map();
    compiledModels.set(model, byAdjustments);
  }
  const cached = byAdjustments.get(signature);
  if (cached) return cached;
  const compiled: CompiledModel = {
    terms: new Map(),
    others: new Map(),
    phraseFirsts: new Set(),
    pinned: new Set(adjustments.pinned),
    banned: new Set(adjustments.banned),
  };
  const add = (key: string, weight: number) => {
    const term = termIdOfKey(key);
    if (term === undefined) compiled.others.set(key, weight);
    else {
      compiled.terms.set(term, { key, weight, idf: model.idf[key] ?? 1 });
      if (firstOfPhrase(term) >= 0) compiled.phraseFirsts.add(firstOfPhrase(term));
    }
  };
  for (const [key, weight] of Object.entries(model.weights)) add(key, weight);
  for (const key of [...compiled.pinned, ...compiled.banned]) {
    if (model.weights[key] === undefined) add(key, 0);
  }
  if (byAdjustments.size > 8) byAdjustments.clear();
  byAdjustments.set(signature, compiled);
  return compiled;
}

/** A paper's contributions, unsorted and unlabelled (labels and sorting cost more than scoring). */
function contributionsOf(
  compiled: CompiledModel,
  paper: RankablePaper,
): { keys: string[]; weights: number[] } {
  const { pinned, banned, terms, phraseFirsts } = compiled;
  // forEachTerm inlined: this loop runs for every word of every paper at each re-score.
  const hits = new Map<number, number>();
  const { title, abstract } = paperWords(paper);
  let length = 0;
  for (const [field, times] of [
    [title, TITLE_WEIGHT],
    [abstract, 1],
  ] as const) {
    let previous = -1;
    for (const word of field) {
      const id = stemIdOfWord(word);
      if (id < 0) {
        previous = -1;
        continue;
      }
      length += times;
      if (terms.has(id)) hits.set(id, (hits.get(id) ?? 0) + times);
      if (previous >= 0) {
        length += times;
        if (phraseFirsts.has(previous)) {
          const phrase = phraseId(previous, id);
          if (terms.has(phrase)) hits.set(phrase, (hits.get(phrase) ?? 0) + times);
        }
      }
      previous = id;
    }
  }
  const keys: string[] = [];
  const weights: number[] = [];
  const push = (key: string, contribution: number) => {
    const weight = adjusted(contribution, key, pinned, banned);
    if (weight !== 0) {
      keys.push(key);
      weights.push(weight);
    }
  };
  for (const [term, count] of hits) {
    const entry = terms.get(term) as { key: string; weight: number; idf: number };
    push(entry.key, entry.weight * textValue(count, entry.idf, length));
  }
  for (const key of authorKeys(paper)) {
    const weight = compiled.others.get(key);
    if (weight !== undefined) push(key, weight * AUTHOR_VALUE);
  }
  for (const key of categoryKeys(paper)) {
    const weight = compiled.others.get(key);
    if (weight !== undefined) push(key, weight * CATEGORY_VALUE);
  }
  return { keys, weights };
}

/** The `limit` strongest contributions, labelled, by |contribution| then key (deterministic). */
function strongest(
  model: LearnedModel,
  { keys, weights }: { keys: string[]; weights: number[] },
  limit: number,
): LearnedReason[] {
  const order = keys.map((_, i) => i);
  order.sort((a, b) => {
    const byWeight = Math.abs(weights[b] as number) - Math.abs(weights[a] as number);
    if (byWeight !== 0) return byWeight;
    return (keys[a] as string) < (keys[b] as string) ? -1 : 1;
  });
  return order.slice(0, limit).map((i) => ({
    feature: keys[i] as string,
    label: labelOf(model, keys[i] as string),
    weight: weights[i] as number,
  }));
}

/**
 * Each feature's contribution to this paper's learned score (weight × value, in log-odds),
 * strongest (by |contribution|) first. A pinned feature the paper has contributes at least
 * PIN_WEIGHT, a banned one at most −PIN_WEIGHT, whether or not the model learned it.
 */
export function learnedContributions(
  model: LearnedModel,
  paper: RankablePaper,
  adjustments: Adjustments = NO_ADJUSTMENTS,
): LearnedReason[] {
  const found = contributionsOf(compile(model, adjustments), paper);
  return strongest(model, found, found.keys.length);
}

/**
 * The learned log-odds of a paper (bias plus every contribution) and its `limit` strongest
 * contributions.
 */
export function learnedLogit(
  model: LearnedModel,
  paper: RankablePaper,
  adjustments: Adjustments = NO_ADJUSTMENTS,
  limit = 8,
): { logit: number; contributions: LearnedReason[] } {
  const found = contributionsOf(compile(model, adjustments), paper);
  let logit = model.bias;
  for (const weight of found.weights) logit += weight;
  return { logit, contributions: strongest(model, found, limit) };
}

/** What was learned: the top positive and negative features, with pins and bans applied. */
export function topFeatures(
  model: LearnedModel,
  adjustments: Adjustments = NO_ADJUSTMENTS,
  count = 20,
): { positive: LearnedReason[]; negative: LearnedReason[] } {
  const pinned = new Set(adjustments.pinned);
  const banned = new Set(adjustments.banned);
  const all = new Map<string, number>(Object.entries(model.weights));
  for (const key of [...pinned, ...banned]) if (!all.has(key)) all.set(key, 0);
  const reasons: LearnedReason[] = [...all].map(([key, weight]) => ({
    feature: key,
    label: labelOf(model, key),
    weight: adjusted(weight, key, pinned, banned),
  }));
  const byKey = (a: LearnedReason, b: LearnedReason) => a.feature.localeCompare(b.feature);
  return {
    positive: reasons
      .filter((r) => r.weight > 0)
      .sort((a, b) => b.weight - a.weight || byKey(a, b))
      .slice(0, count),
    negative: reasons
      .filter((r) => r.weight < 0)
      .sort((a, b) => a.weight - b.weight || byKey(a, b))
      .slice(0, count),
  };
}
