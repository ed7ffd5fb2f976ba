// @ts-nocheck -- minisearch and flexsearch are installed for this measurement only (npm install --no-save).
/**
 * One-off measurement that chose the search index (kept for the record; see docs/architecture.md):
 * node --expose-gc --import tsx scripts/measure-search-libraries.ts [papers]
 * Needs `npm install --no-save minisearch flexsearch` (not dependencies of the extension).
 */
import { generateLibrary } from '@/tests/helpers/generateLibrary';

const COUNT = Number(process.argv[2] ?? 50_000);
const { papers, vocabulary } = generateLibrary(COUNT);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
const pick = random(7);
const midWord = () => vocabulary[100 + Math.floor(pick() * 3000)] ?? 'model';
const queries = {
  '1 word': Array.from({ length: 60 }, midWord),
  '3 words': Array.from({ length: 60 }, () => {
    const paper = papers[Math.floor(pick() * papers.length)];
    const words = (paper?.abstract ?? '').toLowerCase().split(/\W+/).filter(Boolean);
    return [0, 1, 2].map(() => words[Math.floor(pick() * words.length)]).join(' ');
  }),
  'prefix (2nd word, 3 letters)': Array.from(
    { length: 60 },
    () => `${midWord()} ${midWord().slice(0, 3)}`,
  ),
  'prefix (1 word, 2 letters)': Array.from({ length: 60 }, () => midWord().slice(0, 2)),
};

interface Candidate {
  name: string;
  build(): unknown;
  search(index: unknown, query: string): number;
  serialize?(index: unknown): string;
  load?(json: string): unknown;
}

const docs = papers.map((p) => ({
  id: p.id,
  title: p.title,
  authors: p.authors.join(' '),
  abstract: p.abstract ?? '',
  tldr: p.tldr,
  note: p.note ?? '',
}));

const only = process.argv[3];
const { SearchIndex } = await import('@/utils/shared/search/searchIndex');
const { parseQuery } = await import('@/utils/shared/search/tokenize');
const { default: MiniSearch } = await import('minisearch');
const miniOptions = {
  fields: ['title', 'authors', 'abstract', 'tldr', 'note'],
  storeFields: [],
  searchOptions: {
    boost: { title: 3, authors: 3 },
    combineWith: 'AND' as const,
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  },
};
const candidates: Candidate[] = [
  {
    name: 'MiniSearch 7.2',
    build() {
      const index = new MiniSearch(miniOptions);
      index.addAll(docs);
      return index;
    },
    search: (index, query) => (index as InstanceType<typeof MiniSearch>).search(query).length,
    serialize: (index) => JSON.stringify(index),
    load: (json) => MiniSearch.loadJSON(json, miniOptions),
  },
];
candidates.push({
  name: 'own compact inverted index (utils/shared/search)',
  build() {
    const index = new SearchIndex();
    for (const p of papers) {
      index.add({
        id: p.id,
        title: p.title,
        authors: p.authors,
        text: [p.abstract ?? '', p.tldr, p.note ?? ''],
        saved: p.savedAt !== undefined,
      });
    }
    return index;
  },
  search: (index, query) =>
    (index as InstanceType<typeof SearchIndex>).search(parseQuery(query), {
      scope: 'all',
      limit: 50,
    }).total,
  serialize: (index) => {
    const snapshot = (index as InstanceType<typeof SearchIndex>).snapshot();
    (globalThis as { lastSnapshot?: unknown }).lastSnapshot = snapshot;
    return 'x'.repeat(
      snapshot.docs.byteLength +
        snapshot.tfs.byteLength +
        snapshot.terms.length * 2 +
        snapshot.ids.length * 12,
    );
  },
  load: () => {
    const index = new SearchIndex();
    index.load((globalThis as { lastSnapshot?: never }).lastSnapshot as never);
    return index;
  },
});
try {
  const flex = (await import('flexsearch')) as unknown as {
    Document: new (
      options: unknown,
    ) => {
      add(doc: unknown): void;
      search(query: string, options: unknown): { result: string[] }[];
    };
  };
  candidates.push({
    name: 'FlexSearch 0.8 Document (forward tokenize)',
    build() {
      const index = new flex.Document({
        document: { id: 'id', index: ['title', 'authors', 'abstract', 'tldr', 'note'] },
        tokenize: 'forward',
      });
      for (const doc of docs) index.add(doc);
      return index;
    },
    search: (index, query) => {
      const results = (index as { search(q: string, o: unknown): { result: string[] }[] }).search(
        query,
        { limit: 50_000, merge: true },
      );
      return results.length;
    },
  });
} catch (error) {
  console.log('FlexSearch not measured:', error);
}

for (const candidate of candidates.filter((c) => !only || c.name.startsWith(only))) {
  const before = heapMb();
  let start = performance.now();
  const index = candidate.build();
  const buildMs = performance.now() - start;
  const memory = heapMb() - before;
  const line: string[] = [
    `${candidate.name}: build ${buildMs.toFixed(0)} ms, heap +${memory.toFixed(0)} MB`,
  ];
  for (const [kind, list] of Object.entries(queries)) {
    const times: number[] = [];
    let hits = 0;
    for (const query of list) {
      start = performance.now();
      hits += candidate.search(index, query);
      times.push(performance.now() - start);
    }
    line.push(
      `  ${kind}: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms (avg hits ${(hits / list.length).toFixed(0)})`,
    );
  }
  if (candidate.serialize && candidate.load) {
    start = performance.now();
    const json = candidate.serialize(index);
    const serializeMs = performance.now() - start;
    start = performance.now();
    candidate.load(json);
    line.push(
      `  snapshot: ${(json.length / 1e6).toFixed(1)} MB JSON, serialize ${serializeMs.toFixed(0)} ms, load ${(performance.now() - start).toFixed(0)} ms`,
    );
  }
  console.log(line.join('\n'));
}
