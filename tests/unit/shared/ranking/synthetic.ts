/**
 * Synthetic papers for the ranker's tests: a few topics, each with its own vocabulary and
 * authors, written over a shared filler vocabulary. Seeded, so every run sees the same papers.
 */
import type { TrainingExample } from '@/utils/shared/ranking/model';
import type { RankablePaper } from '@/utils/shared/ranking/types';

/** Mulberry32: a small seeded generator (tests must not depend on Math.random). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topic {
  name: string;
  /** Phrases only this topic's papers use. */
  phrases: string[];
  authors: string[];
  category: string;
}

export const TOPICS: readonly Topic[] = [
  {
    name: 'graphs',
    phrases: ['graph neural networks', 'message passing', 'node classification', 'graph neural'],
    authors: ['Petar Veličković', 'Jure Leskovec', 'William L. Hamilton'],
    category: 'cs.LG',
  },
  {
    name: 'vision',
    phrases: ['image segmentation', 'convolutional backbone', 'object detection', 'pixel labels'],
    authors: ['Kaiming He', 'Ross Girshick', 'Fei-Fei Li'],
    category: 'cs.CV',
  },
  {
    name: 'language',
    phrases: ['language models', 'machine translation', 'token embeddings', 'instruction tuning'],
    authors: ['Christopher D. Manning', 'Percy Liang', 'Noah A. Smith'],
    category: 'cs.CL',
  },
  {
    name: 'quantum',
    phrases: ['quantum circuits', 'qubit noise', 'error correction', 'entangled states'],
    authors: ['John Preskill', 'Scott Aaronson', 'Dorit Aharonov'],
    category: 'quant-ph',
  },
  {
    name: 'knowledge',
    // Shares "graph" with the graph topic, but never "graph neural".
    phrases: ['knowledge graph', 'graph queries', 'entity linking', 'relation extraction'],
    authors: ['Gerhard Weikum', 'Natasha Noy', 'Aidan Hogan'],
    category: 'cs.DB',
  },
];

const FILLER = `we study a simple effective framework that improves strong baselines across standard
benchmarks with lower cost and better accuracy our experiments analyse training data scale robustness
generalisation efficiency and evaluation protocols in detail`.split(/\s+/);

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function syntheticPaper(id: string, topic: Topic, random: () => number): RankablePaper {
  const sentence = () =>
    Array.from({ length: 12 }, (_, i) =>
      i % 4 === 1 ? pick(topic.phrases, random) : pick(FILLER, random),
    ).join(' ');
  const other = pick(TOPICS, random);
  return {
    id,
    title: `${pick(FILLER, random)} ${pick(topic.phrases, random)} for ${pick(FILLER, random)}`,
    abstract: `${sentence()}. ${sentence()}. ${sentence()}.`,
    // A co-author from anywhere: authors alone do not give the topic away.
    authors: [pick(topic.authors, random), pick(other.authors, random)],
    categories: [topic.category],
  };
}

/** `count` papers over all topics, round-robin, with ids `<prefix>-<n>`. */
export function syntheticPapers(count: number, seed: number, prefix = 'p'): RankablePaper[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) =>
    syntheticPaper(`${prefix}-${i}`, TOPICS[i % TOPICS.length] as Topic, random),
  );
}

export function topicOf(paper: RankablePaper): string {
  return TOPICS.find((t) => t.category === paper.categories[0])?.name ?? '';
}

/** A user who saves the papers of `liked` topics and dismisses the others. */
export function signals(papers: readonly RankablePaper[], liked: string[]): TrainingExample[] {
  return papers.map((paper) => ({ paper, label: liked.includes(topicOf(paper)) ? 1 : 0 }));
}

/** ROC AUC by pair counting (ties count half). */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  let pairs = 0;
  let wins = 0;
  scores.forEach((s, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((t, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}
