/**
 * Ranking benchmark: npm run bench:rank [-- FILE.jsonl --scores OUT.txt]
 *
 * Without arguments: a protocol built from REAL papers. The pages and feeds in ../shared/fixtures
 * (an arXiv quant-ph listing, arXiv search results, the arXiv stat RSS and cs.AI Atom feeds, two
 * arXiv API responses, a Hugging Face Daily Papers page and API response, an abstract page) and the
 * repository's own tests/fixtures are read with the extension's own adapters (utils/content/
 * adapters, on jsdom) and feed parsers (utils/background/feeds), and deduplicated by arXiv id.
 * Without ../shared only tests/fixtures is read (few papers; the figures then mean little).
 *
 * Six simulated researchers each have a HIDDEN true interest defined by arXiv categories (primary
 * or cross-list), and type 1–3 keywords chosen beforehand as a user of that field would (not tuned
 * on the results). Every ranker sees papers WITHOUT their categories, so the truth is not handed
 * to it. Papers with no categories (Hugging Face) cannot be labelled: they are part of the
 * digest (IDF, unlabelled) but neither trained on nor evaluated.
 *
 * For each of 5 seeded random 60/40 train/test splits and each researcher, training signals are
 * drawn from the train papers with noise: an on-interest paper is saved with p = 0.5 and dismissed
 * with p = 0.05; an off-interest paper is dismissed with p = 0.3 and saved with p = 0.03; the rest
 * are left alone (no signal). The test papers are ranked by
 *   - keyword overlap (baseline): how often the typed keywords occur in title + abstract;
 *   - interests only: rankPaper with the typed keywords and no model (cold start);
 *   - learned only: rankPaper with no interests and the model trained on the signals;
 *   - both: rankPaper with the typed keywords and the model;
 * and scored against the hidden truth: ROC AUC (ties count half) and precision@10, averaged over
 * researchers and splits.
 *
 * Timing: retraining on 300 examples with a digest of 5,000 papers, and scoring 5,000 papers
 * (matching interests + the learned model), on copies of the real papers with new ids each run
 * (nothing remembered), median of 7 runs after a warm-up run; then re-scoring the same 5,000 as
 * new objects with the same ids (what an interest edit costs: words are remembered by id).
 *
 * With FILE.jsonl: each line is {"id","title","abstract","authors":[…],"categories":[…],
 * "label":1|0,"split":"train"|"test"}. Trains on the train lines (the digest for IDF is every
 * line; test labels are never read) with empty interests and writes, for each test line in order,
 * the learned probability (one number per line) to OUT.txt. A bad line stops with its number.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import { arxivAbs } from '@/utils/content/adapters/arxivAbs';
import { arxivListing } from '@/utils/content/adapters/arxivListing';
import { arxivSearch } from '@/utils/content/adapters/arxivSearch';
import { hfDaily } from '@/utils/content/adapters/hfDaily';
import type { DetectedPaper } from '@/utils/shared/paper';
import {
  type LearnedModel,
  NO_ADJUSTMENTS,
  type TrainingExample,
  trainModel,
} from '@/utils/shared/ranking/model';
import { rankPaper } from '@/utils/shared/ranking/rank';
import { words } from '@/utils/shared/ranking/tokens';
import { type Interests, NO_INTERESTS, type RankablePaper } from '@/utils/shared/ranking/types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.PAPERLIGHT_SHARED
  ? resolve(process.env.PAPERLIGHT_SHARED, 'fixtures')
  : resolve(repoRoot, '..', 'shared', 'fixtures');
const OWN = resolve(repoRoot, 'tests', 'fixtures');
const USAGE = 'usage: npm run bench:rank [-- FILE.jsonl --scores OUT.txt]';

function fail(message: string): never {
  console.error(`bench-rank: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// JSONL mode

interface JsonlLine {
  paper: RankablePaper;
  label?: 0 | 1;
  split: 'train' | 'test';
}

function stringArray(value: unknown, field: string, line: number): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`line ${line}: "${field}" must be an array of strings`);
  }
  return value as string[];
}

/** Parses the benchmark's JSONL; throws naming the first bad line. */
export function parseJsonl(text: string): JsonlLine[] {
  const lines: JsonlLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch {
      throw new Error(`line ${line}: not valid JSON`);
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error(`line ${line}: not a JSON object`);
    }
    const o = item as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '')
      throw new Error(`line ${line}: "id" must be a non-empty string`);
    if (typeof o.title !== 'string') throw new Error(`line ${line}: "title" must be a string`);
    if (o.abstract !== undefined && typeof o.abstract !== 'string') {
      throw new Error(`line ${line}: "abstract" must be a string`);
    }
    if (o.split !== 'train' && o.split !== 'test') {
      throw new Error(`line ${line}: "split" must be "train" or "test"`);
    }
    const paper: RankablePaper = {
      id: o.id,
      title: o.title,
      abstract: o.abstract as string | undefined,
      authors: stringArray(o.authors ?? [], 'authors', line),
      categories: stringArray(o.categories ?? [], 'categories', line),
    };
    if (o.split === 'train') {
      if (o.label !== 0 && o.label !== 1)
        throw new Error(`line ${line}: "label" must be 0 or 1 on a train line`);
      lines.push({ paper, label: o.label, split: 'train' });
    } else {
      // Test labels are not read.
      lines.push({ paper, split: 'test' });
    }
  });
  return lines;
}

/** Trains on the train lines and returns one score per test line, in order. */
export function scoreJsonl(lines: readonly JsonlLine[]): {
  scores: number[];
  model: LearnedModel | undefined;
} {
  const examples: TrainingExample[] = lines
    .filter((l) => l.split === 'train')
    .map((l) => ({ paper: l.paper, label: l.label as 0 | 1 }));
  const model = trainModel(
    examples,
    lines.map((l) => l.paper),
    { now: 0 },
  );
  const scores = lines
    .filter((l) => l.split === 'test')
    .map((l) => rankPaper(l.paper, NO_INTERESTS, model, NO_ADJUSTMENTS).score);
  return { scores, model };
}

function runJsonl(file: string, out: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let lines: JsonlLine[];
  try {
    lines = parseJsonl(text);
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
  const train = lines.filter((l) => l.split === 'train');
  const { scores, model } = scoreJsonl(lines);
  if (!model) {
    console.warn(
      `bench-rank: fewer than 3 positive train lines (${train.filter((l) => l.label === 1).length}): ` +
        'no model (cold start); every test score is the same',
    );
  }
  writeFileSync(out, scores.map((s) => String(s)).join('\n') + (scores.length ? '\n' : ''));
  console.log(
    `bench-rank: trained on ${train.length} lines (${train.filter((l) => l.label === 1).length} positive), ` +
      `wrote ${scores.length} scores to ${out}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Protocol on real papers

interface Source {
  dir: string;
  file: string;
  read: (text: string) => DetectedPaper[];
}

function scanWith(adapter: SiteAdapter, url: string): (html: string) => DetectedPaper[] {
  return (html) =>
    adapter.scan(new JSDOM(html).window.document, new URL(url)).entries.map((e) => e.paper);
}

const SHARED_SOURCES: readonly Omit<Source, 'dir'>[] = [
  {
    file: 'arxiv_list_quant-ph_new_2024-08-09.html',
    read: scanWith(arxivListing, 'https://arxiv.org/list/quant-ph/new'),
  },
  {
    file: 'arxiv_search_results_41_2026-03_jsonwrapped_fragment.html',
    read: (text) =>
      scanWith(
        arxivSearch,
        'https://arxiv.org/search/?query=x&searchtype=all',
      )(`<ol class="breathe-horizontal">${JSON.parse(text).data.html}</ol>`),
  },
  {
    file: 'arxiv_abs_2106.09608_2021.html',
    read: scanWith(arxivAbs, 'https://arxiv.org/abs/2106.09608'),
  },
  {
    file: 'hf_papers_daily_2024-08-01.html',
    read: scanWith(hfDaily, 'https://huggingface.co/papers?date=2024-08-01'),
  },
  { file: 'hf_api_daily_papers_2025-09-30.json', read: (text) => parseHfDailyApi(text).papers },
  { file: 'arxiv_rss_stat_2024-03-26.xml', read: (text) => parseArxivRss(text).papers },
  {
    file: 'arxiv_rss_atom_cs.AI_2025-08-20_TRUNCATED.xml',
    read: (text) => parseArxivRss(text).papers,
  },
  {
    file: 'arxiv_api_atom_q_testing_m100_2026_wrapped.json',
    read: (text) => parseArxivApi(JSON.parse(text).body).papers,
  },
  { file: 'arxiv_api_atom_au_del_maestro_2016.xml', read: (text) => parseArxivApi(text).papers },
];

function ownSources(): Source[] {
  const sources: Source[] = [];
  for (const file of readdirSync(OWN)) {
    if (/^arxiv-list-.*\.html$/.test(file)) {
      sources.push({
        dir: OWN,
        file,
        read: scanWith(arxivListing, 'https://arxiv.org/list/cs.LG/new'),
      });
    }
  }
  sources.push({
    dir: OWN,
    file: 'arxiv-search.html',
    read: scanWith(arxivSearch, 'https://arxiv.org/search/?query=x&searchtype=all'),
  });
  for (const file of readdirSync(join(OWN, 'feeds'))) {
    if (/^arxiv-(rss|atom)/.test(file))
      sources.push({ dir: join(OWN, 'feeds'), file, read: (t) => parseArxivRss(t).papers });
    if (/^arxiv-api-(2016|2025)/.test(file))
      sources.push({ dir: join(OWN, 'feeds'), file, read: (t) => parseArxivApi(t).papers });
    if (file === 'hf-daily-api.json')
      sources.push({ dir: join(OWN, 'feeds'), file, read: (t) => parseHfDailyApi(t).papers });
  }
  return sources;
}

function loadPapers(): { papers: RankablePaper[]; shared: boolean; report: string[] } {
  const shared = SHARED_SOURCES.every((s) => {
    try {
      readFileSync(join(SHARED, s.file));
      return true;
    } catch {
      return false;
    }
  });
  const sources: Source[] = [
    ...(shared ? SHARED_SOURCES.map((s) => ({ ...s, dir: SHARED })) : []),
    ...ownSources(),
  ];
  const byId = new Map<string, RankablePaper>();
  const report: string[] = [];
  for (const source of sources) {
    const found = source.read(readFileSync(join(source.dir, source.file), 'utf8'));
    let added = 0;
    for (const p of found) {
      if (!p.id || byId.has(p.id) || !p.abstract) continue;
      byId.set(p.id, {
        id: p.id,
        title: p.title,
        abstract: p.abstract,
        authors: p.authors,
        categories: p.categories ?? [],
      });
      added++;
    }
    report.push(
      `${source.dir === SHARED ? '../shared/fixtures' : 'tests/fixtures'}/${source.file}: ${found.length} papers, ${added} new with abstracts`,
    );
  }
  return { papers: [...byId.values()], shared, report };
}

interface Researcher {
  name: string;
  /** The hidden truth: any of these category prefixes, primary or cross-list. */
  categories: string[];
  /** What they typed (fixed before any result was seen). */
  keywords: string[];
}

const RESEARCHERS: readonly Researcher[] = [
  {
    name: 'quantum information',
    categories: ['quant-ph'],
    keywords: ['qubit*', '"quantum circuit"'],
  },
  {
    name: 'statistical methodology',
    categories: ['stat.ME', 'math.ST', 'stat.TH'],
    keywords: ['estimator*', '"causal inference"'],
  },
  {
    name: 'software engineering',
    categories: ['cs.SE'],
    keywords: ['"software testing"', '"test generation"'],
  },
  { name: 'neuroscience', categories: ['q-bio.NC'], keywords: ['neuron*', 'brain'] },
  { name: 'language models', categories: ['cs.CL'], keywords: ['"language model"', 'LLM'] },
  {
    name: 'condensed matter',
    categories: ['cond-mat'],
    keywords: ['"spin chain"', 'superconduct*', 'lattice'],
  },
];

function isInterest(paper: RankablePaper, r: Researcher): boolean {
  return paper.categories.some((c) =>
    r.categories.some((want) => c === want || c.startsWith(`${want}.`)),
  );
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  // Mann–Whitney with average ranks for ties.
  let rankSum = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.s === order[i]?.s) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (order[k]?.y) {
        rankSum += rank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Precision of the 10 best; ties broken by id, so a constant score earns no luck. */
function precisionAt10(
  papers: readonly RankablePaper[],
  scores: readonly number[],
  labels: readonly boolean[],
): number {
  const order = papers
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (scores[b] as number) - (scores[a] as number) ||
        ((papers[a] as RankablePaper).id < (papers[b] as RankablePaper).id ? -1 : 1),
    );
  const top = order.slice(0, 10);
  return top.filter((i) => labels[i]).length / top.length;
}

function keywordOverlap(paper: RankablePaper, keywords: readonly string[]): number {
  const text = ` ${words(`${paper.title} ${paper.abstract ?? ''}`).join(' ')} `;
  let count = 0;
  for (const keyword of keywords) {
    const bare = keyword.replace(/"/g, '').replace(/\*$/, '');
    const needle = ` ${words(bare).join(' ')}${keyword.endsWith('*') ? '' : ' '}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  }
  return count;
}

const METHODS = ['keyword overlap (baseline)', 'interests only', 'learned only', 'both'] as const;
type Method = (typeof METHODS)[number];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function copies(papers: readonly RankablePaper[], count: number, tag: string): RankablePaper[] {
  return Array.from({ length: count }, (_, i) => {
    const p = papers[i % papers.length] as RankablePaper;
    return { ...p, id: `${p.id}#${tag}${i}`, authors: [...p.authors], categories: [] };
  });
}

function runProtocol(): void {
  const { papers, shared, report } = loadPapers();
  console.log(
    'Ranking benchmark (scripts/bench-rank.ts; the protocol is described in its header)\n',
  );
  if (!shared) {
    console.warn(
      `bench-rank: ../shared/fixtures is MISSING (looked in ${SHARED}; PAPERLIGHT_SHARED=<dir> points elsewhere): ` +
        'running on tests/fixtures only, too few papers for meaningful figures',
    );
  }
  for (const line of report) console.log(`  ${line}`);
  const labelled = papers.filter((p) => p.categories.length > 0);
  const hidden = (p: RankablePaper): RankablePaper => ({ ...p, categories: [] });
  const digest = papers.map(hidden);
  console.log(
    `\n${papers.length} distinct papers with abstracts, ${labelled.length} with categories (labelled).`,
  );
  console.log(
    'Researchers (hidden interest = categories, primary or cross-list; typed = keywords; categories hidden from every ranker):',
  );
  for (const r of RESEARCHERS) {
    console.log(
      `  ${r.name}: ${r.categories.join('|')} (${labelled.filter((p) => isInterest(p, r)).length} papers); types ${r.keywords.join(', ')}`,
    );
  }
  console.log(
    'Signals from the 60% train split: on-interest saved p=.5, dismissed p=.05; off-interest dismissed p=.3, saved p=.03. 5 splits.\n',
  );

  const results: Record<Method, { auc: number[]; p10: number[] }> = Object.fromEntries(
    METHODS.map((m) => [m, { auc: [], p10: [] }]),
  ) as unknown as Record<Method, { auc: number[]; p10: number[] }>;
  const perResearcher = new Map<string, Record<Method, number[]>>();
  let examplesSeen = 0;
  let models = 0;
  for (let split = 0; split < 5; split++) {
    const random = seeded(1000 + split);
    const inTrain = new Map(labelled.map((p) => [p.id, random() < 0.6]));
    const train = labelled.filter((p) => inTrain.get(p.id));
    const test = labelled.filter((p) => !inTrain.get(p.id));
    for (const r of RESEARCHERS) {
      const examples: TrainingExample[] = [];
      for (const p of train) {
        const on = isInterest(p, r);
        const u = random();
        if (on ? u < 0.5 : u < 0.03) examples.push({ paper: hidden(p), label: 1 });
        else if (on ? u > 0.95 : u > 0.7) examples.push({ paper: hidden(p), label: 0 });
      }
      examplesSeen += examples.length;
      const model = trainModel(examples, digest, { now: 0 });
      if (model) models++;
      const interests: Interests = { ...NO_INTERESTS, keywords: r.keywords };
      const labels = test.map((p) => isInterest(p, r));
      if (!labels.some(Boolean) || labels.every(Boolean)) continue;
      const testPapers = test.map(hidden);
      const scores: Record<Method, number[]> = {
        'keyword overlap (baseline)': testPapers.map((p) => keywordOverlap(p, r.keywords)),
        'interests only': testPapers.map(
          (p) => rankPaper(p, interests, undefined, NO_ADJUSTMENTS).score,
        ),
        'learned only': testPapers.map(
          (p) => rankPaper(p, NO_INTERESTS, model, NO_ADJUSTMENTS).score,
        ),
        both: testPapers.map((p) => rankPaper(p, interests, model, NO_ADJUSTMENTS).score),
      };
      const row =
        perResearcher.get(r.name) ??
        (Object.fromEntries(METHODS.map((m) => [m, []])) as unknown as Record<Method, number[]>);
      perResearcher.set(r.name, row);
      for (const m of METHODS) {
        const a = auc(scores[m], labels);
        results[m].auc.push(a);
        results[m].p10.push(precisionAt10(testPapers, scores[m], labels));
        row[m].push(a);
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `${models} models trained (${(examplesSeen / (5 * RESEARCHERS.length)).toFixed(0)} signals per researcher and split on average).\n`,
  );
  console.log('| method | ROC AUC | precision@10 |');
  console.log('|---|---|---|');
  for (const m of METHODS) {
    console.log(
      `| ${m} | ${mean(results[m].auc).toFixed(3)} | ${mean(results[m].p10).toFixed(3)} |`,
    );
  }
  console.log('\nROC AUC per researcher (mean of the splits):\n');
  console.log(`| researcher | ${METHODS.join(' | ')} |`);
  console.log(`|---|${METHODS.map(() => '---').join('|')}|`);
  for (const [name, row] of perResearcher) {
    console.log(`| ${name} | ${METHODS.map((m) => mean(row[m]).toFixed(3)).join(' | ')} |`);
  }

  // Timing on copies of the real papers (fresh objects each run).
  const someInterests: Interests = {
    keywords: ['"language model"', 'transform*', 'qubit*'],
    exclusions: ['survey'],
    authors: ['Y. Bengio', 'Müller, J.'],
    categories: ['cs.LG'],
  };
  const runs = 7;
  const retrain: number[] = [];
  const warm: number[] = [];
  const score: number[] = [];
  const rescore: number[] = [];
  let lastModel: LearnedModel | undefined;
  for (let run = 0; run <= runs; run++) {
    const random = seeded(run);
    const corpus = copies(papers, 5000, `c${run}-`);
    const examples: TrainingExample[] = copies(labelled, 300, `e${run}-`).map((paper, i) => ({
      paper,
      label:
        isInterest(labelled[i % labelled.length] as RankablePaper, RESEARCHERS[4] as Researcher) ||
        random() < 0.05
          ? 1
          : 0,
    }));
    let t = performance.now();
    const model = trainModel(examples, corpus);
    const trainMs = performance.now() - t;
    const again = copies(labelled, 300, `w${run}-`).map((paper, i) => ({
      paper,
      label: (examples[i] as TrainingExample).label,
    }));
    t = performance.now();
    trainModel(again, corpus, { previous: model });
    const warmMs = performance.now() - t;
    const fresh = copies(papers, 5000, `s${run}-`);
    t = performance.now();
    for (const p of fresh) rankPaper(p, someInterests, model, NO_ADJUSTMENTS);
    const scoreMs = performance.now() - t;
    // The same papers again, as new objects (as re-read from the database after an interest edit).
    const reread = fresh.map((p) => ({ ...p }));
    t = performance.now();
    for (const p of reread) rankPaper(p, someInterests, model, NO_ADJUSTMENTS);
    const rescoreMs = performance.now() - t;
    lastModel = model;
    if (run === 0) continue; // warm-up
    retrain.push(trainMs);
    warm.push(warmMs);
    score.push(scoreMs);
    rescore.push(rescoreMs);
  }
  console.log(
    `\nTiming (median of ${runs} runs after a warm-up; papers with new ids each run, then the same ids re-read):\n`,
  );
  console.log('| operation | ms |');
  console.log('|---|---|');
  console.log(
    `| retrain: 300 examples, digest of 5,000 papers (IDF), from scratch | ${median(retrain).toFixed(0)} |`,
  );
  console.log(`| retrain, warm-started from the previous model | ${median(warm).toFixed(0)} |`);
  console.log(
    `| score 5,000 papers first seen (tokenise + interests + learned model + reasons) | ${median(score).toFixed(0)} |`,
  );
  console.log(
    `| re-score the same 5,000 papers (words remembered by id) | ${median(rescore).toFixed(0)} |`,
  );
  console.log(
    `\nLoad average while running: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs.`,
  );
  console.log(
    `\nModel: ${lastModel ? Object.keys(lastModel.weights).length : 0} weights kept, ` +
      `${lastModel ? (JSON.stringify(lastModel).length / 1024).toFixed(0) : 0} KB as JSON.`,
  );
}

// ---------------------------------------------------------------------------------------------

function main(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (argv.length === 0) {
    runProtocol();
    return;
  }
  const scoresAt = argv.indexOf('--scores');
  const out = scoresAt >= 0 ? argv[scoresAt + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && i !== scoresAt + 1);
  if (!file || !out || out.startsWith('--') || argv.length !== 3) fail(USAGE);
  runJsonl(file, out);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
