/**
 * Generates a library of `count` stored papers for the search benchmark: titles of ~10 words,
 * abstracts of ~150 words and 1–8 authors drawn from a Zipf-distributed vocabulary (a head of real
 * English and machine-learning words, a tail of made-up words, ~60,000 in all — about as many
 * distinct words as 50,000 real abstracts have), seeded so every run gets the same papers. One
 * paper in 5 is saved, one in 10 of those has a note.
 */
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';

const HEAD_WORDS = `the of and a to in we is for that on with this by as are an be our from which
  model models data learning results method show can these it networks network using based neural
  training approach performance problem paper propose two new large language show also its such
  than between over has have time not both more methods use first one at or task tasks framework
  existing proposed deep while system algorithm state each different via into well where how can
  information however however representation representations study present quantum field theory
  graph attention transformer transformers inference prediction optimization stochastic linear
  dynamics energy spin states matrix generation generative diffusion reinforcement policy agents
  benchmark benchmarks evaluation dataset datasets experiments accuracy robust robustness efficient
  efficiency scaling scale long context retrieval reasoning vision image images video speech text
  semantic segmentation detection classification regression bayesian estimation sampling kernel
  gradient descent convergence bound bounds theorem proof analysis structure dimensional space
  spaces function functions equation equations boundary local global error errors noise signal
  control feedback memory hardware compute parallel distributed federated privacy fairness bias
  causal temporal spatial physical physics magnetic phase transition topological entanglement
  qubit qubits circuit circuits measurement photon optical laser cosmology galaxy galaxies dark
  matter gravitational waves black hole holes stellar solar protein molecular chemical materials`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = `ka lo mi ne su ra te vo zi pa qu ex an or ul ist ion ent ive ous ical ture
  gen tor mer phi cro syn bio neu ro ma tri dex ply lar cen sta tic morph graph log ner`
  .split(/\s+/)
  .filter(Boolean);

const GIVEN = `Ada Alan Grace Emmy Claude Marie Carl Paul Yann Geoffrey Fei Li Wei Jing Hao Yu Anna
  Maria Jose Lucas Sofia Omar Fatima Ivan Olga Kenji Yuki Priya Arjun Chen Min Sara David`
  .split(/\s+/)
  .filter(Boolean);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedLibrary {
  papers: PaperRecord[];
  /** Words of the vocabulary by rank (0 = the most frequent). */
  vocabulary: string[];
  surnames: string[];
}

const VOCABULARY_SIZE = 60_000;

export function generateLibrary(count: number, seed = 42): GeneratedLibrary {
  const random = mulberry32(seed);
  const vocabulary = [...HEAD_WORDS];
  const seen = new Set(vocabulary);
  while (vocabulary.length < VOCABULARY_SIZE) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      vocabulary.push(word);
    }
  }
  // Zipf (s = 1): the cumulative weights, sampled by binary search.
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  }
  const word = (): string => {
    const target = random() * total;
    let low = 0;
    let high = VOCABULARY_SIZE - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] ?? 'the';
  };
  const surnames: string[] = [];
  for (let i = 0; i < 8000; i++) {
    const name = `${SYLLABLES[i % SYLLABLES.length]}${SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]}${i >= SYLLABLES.length ** 2 ? SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length] : ''}`;
    surnames.push(name.charAt(0).toUpperCase() + name.slice(1));
  }
  const sentence = (words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(word());
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const papers: PaperRecord[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let n = 0; n < count; n++) {
    const month = 1 + (n % 12);
    const id = `26${String(month).padStart(2, '0')}.${String(10000 + n).padStart(5, '0')}`;
    const abstractWords = 120 + Math.floor(random() * 60);
    const sentences: string[] = [];
    for (let left = abstractWords; left > 0; left -= 20)
      sentences.push(sentence(Math.min(20, left)));
    const abstract = sentences.join(' ');
    const authorCount = 1 + Math.floor(random() * 8);
    const authors: string[] = [];
    for (let i = 0; i < authorCount; i++) {
      const surname = surnames[Math.floor(random() ** 2 * surnames.length)] ?? 'Lovelace';
      authors.push(`${GIVEN[Math.floor(random() * GIVEN.length)]} ${surname}`);
    }
    const at = start + n * 60_000;
    const sighting: Sighting = {
      kind: 'arxiv-listing',
      label: 'arXiv cs.CL · new',
      url: 'https://arxiv.org/list/cs.CL/new',
      at,
      position: n % 500,
    };
    const saved = n % 5 === 0;
    papers.push({
      id,
      title: sentence(6 + Math.floor(random() * 8)).slice(0, -1),
      authors,
      abstract,
      categories: ['cs.CL', 'cs.LG'],
      primaryCategory: 'cs.CL',
      tldr: sentences[0] ?? '',
      codeUrls: [],
      projectUrls: [],
      firstSeenAt: at,
      lastSeenAt: at,
      firstSighting: sighting,
      lastSighting: sighting,
      sightingCount: 1,
      countsAsNew: true,
      ...(saved ? { savedAt: at } : {}),
      ...(saved && n % 50 === 0 ? { note: sentence(15) } : {}),
    });
  }
  return { papers, vocabulary, surnames };
}
