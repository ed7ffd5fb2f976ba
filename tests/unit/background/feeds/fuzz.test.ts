// @vitest-environment node
/**
 * Robustness: truncations, random edits and random bytes against the feed parsers. The parsers
 * catch every error (a parser must never throw into the service worker), so "does not throw" would
 * prove nothing. These tests check what comes out: every paper valid and within its bounds, no
 * catch-all ever needed, and a cut feed keeping exactly its complete entries — entries listed by
 * hand for the project's fixtures, located in the text (not by the parser) for the real feeds.
 */

import { ONLY_WITH_SHARED_FIXTURES, sharedSuiteRuns } from '@/tests/helpers/sharedData';
import { CATCH_ALL_REASONS, readFixture, rng, SHARED } from '@/tests/unit/background/feeds/load';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { parseXml } from '@/utils/background/feeds/xml';
import { isArxivId } from '@/utils/shared/arxivId';
import { LIMITS } from '@/utils/shared/paper';

type Parser = (text: string) => FeedParse;
/** The id and title an entry of a feed gives, or null for an entry the parser must skip. */
type Entry = { id: string; title: string } | null;

const idAndTitle = (paper: FeedPaper): Entry => ({ id: paper.id, title: paper.title });
const isPaper = (entry: Entry): entry is NonNullable<Entry> => entry !== null;

/** What every parse must satisfy, whatever the input: the broken rules, one line each. */
function problems(r: FeedParse): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  check(JSON.stringify(r.ids) === JSON.stringify(r.papers.map((p) => p.id)), 'ids ≠ papers');
  check(new Set(r.ids).size === r.ids.length, 'repeated ids');
  for (const skip of r.skipped) {
    check(!CATCH_ALL_REASONS.includes(skip.reason), `a parser error was caught: ${skip.reason}`);
  }
  for (const p of r.papers) {
    const bounded = (value: string | undefined, max: number, what: string) =>
      check((value ?? '').length <= max, `${p.id}: ${what} over ${max}`);
    check(isArxivId(p.id), `invalid id ${JSON.stringify(p.id)}`);
    check(p.title.trim() !== '', `${p.id}: empty title`);
    bounded(p.title, LIMITS.title, 'title');
    bounded(p.abstract, LIMITS.abstract, 'abstract');
    bounded(p.comments, LIMITS.comments, 'comments');
    check(p.authors.length <= LIMITS.authors, `${p.id}: over ${LIMITS.authors} authors`);
    for (const name of p.authors) {
      check(name !== '', `${p.id}: empty author`);
      bounded(name, LIMITS.authorName, 'author name');
    }
    const categories = p.categories ?? [];
    check(categories.length <= LIMITS.categories, `${p.id}: too many categories`);
    for (const code of categories) bounded(code, LIMITS.category, 'category');
    if (categories.length) check(p.primaryCategory === categories[0], `${p.id}: primary ≠ first`);
    bounded(p.hf?.aiSummary, LIMITS.hfText, 'ai summary');
    for (const url of [p.hf?.githubRepo, p.hf?.projectPage]) {
      if (url === undefined) continue;
      check(/^https?:\/\//.test(url), `${p.id}: not an http(s) URL: ${url}`);
      bounded(url, LIMITS.url, 'URL');
    }
  }
  return out;
}

function expectValid(r: FeedParse, context = ''): void {
  expect(problems(r), context).toEqual([]);
}

/** Where each entry of a feed ends (just after its `</entry>` or `</item>`), found in the text. */
function entryEnds(text: string): number[] {
  return [...text.matchAll(/<\/(?:[\w-]+:)?(?:entry|item)\s*>/g)].map(
    (match) => match.index + match[0].length,
  );
}

/**
 * Cuts the feed at entry boundaries (just after an end tag and one character before it: every
 * entry's, or the first's, the last's and `boundaries` random ones') and at `random` random
 * points: each cut must give exactly the papers of the entries it leaves complete (`entries[i]` is
 * what entry i gives), identical to the full parse's, and none of the entry it cuts.
 */
function truncations(
  text: string,
  parse: Parser,
  entries: Entry[],
  seed: number,
  random: number,
  boundaries: 'all' | number = 'all',
) {
  const full = parse(text);
  expect(full.papers.length, 'the full feed gives papers').toBeGreaterThan(0);
  expect(full.papers.map(idAndTitle)).toEqual(entries.filter(isPaper));
  const ends = entryEnds(text);
  expect(ends.length, 'entries whose end tag is in the text').toBe(entries.length);

  const next = rng(seed);
  const cutEnds =
    boundaries === 'all'
      ? ends
      : [
          ends[0] ?? 0,
          ends.at(-1) ?? 0,
          ...Array.from({ length: boundaries }, () => ends[Math.floor(next() * ends.length)] ?? 0),
        ];
  const points = [
    ...cutEnds.flatMap((end) => [end - 1, end]),
    ...Array.from({ length: random }, () => Math.floor(next() * text.length)),
  ].sort((a, b) => a - b);
  let previous = 0;
  for (const at of points) {
    const r = parse(text.slice(0, at));
    const context = `cut at ${at}`;
    expectValid(r, context);
    const complete = ends.filter((end) => end <= at).length;
    expect(r.papers.map(idAndTitle), context).toEqual(entries.slice(0, complete).filter(isPaper));
    expect(r.papers, context).toEqual(full.papers.slice(0, r.papers.length));
    expect(r.papers.length).toBeGreaterThanOrEqual(previous);
    previous = r.papers.length;
  }
}

const NOISE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '</',
  '/>',
  ']]>',
  '<![CDATA[',
  '<!--',
  '&#x',
  '&amp;',
  '\0',
];

/** Random edits: deletions, duplications and inserted markup characters. */
function mutate(text: string, random: () => number, edits: number): string {
  let s = text;
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * s.length);
    const op = random();
    if (op < 0.4) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 50));
    else if (op < 0.6) s = s.slice(0, at) + s.slice(at, at + 200) + s.slice(at);
    else s = s.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + s.slice(at);
  }
  return s;
}

/** Random edits give valid papers only; over all rounds some papers survive (when the feed has
 * any), so a parser that returns nothing fails. */
function mutations(text: string, parse: Parser, seed: number, rounds: number): void {
  const random = rng(seed);
  let survived = 0;
  for (let k = 0; k < rounds; k++) {
    const r = parse(mutate(text, random, 1 + Math.floor(random() * 30)));
    expectValid(r, `edit round ${k}`);
    survived += r.papers.length;
  }
  if (parse(text).papers.length > 0) expect(survived).toBeGreaterThan(0);
}

/** A strict prefix of a JSON response is refused whole, never half read: it either is the
 * whole response (trailing whitespace cut) or gives nothing. */
function jsonTruncation(text: string, at: number, date?: string): void {
  const r = parseHfDailyApi(text.slice(0, at), date);
  let complete = true;
  try {
    JSON.parse(text.slice(0, at));
  } catch {
    complete = false;
  }
  if (complete) expect(r, `cut at ${at}`).toEqual(parseHfDailyApi(text, date));
  else
    expect(r, `cut at ${at}`).toEqual({
      papers: [],
      skipped: [{ reason: 'not JSON', index: -1 }],
      ids: [],
    });
}

/** The project's feeds, entry by entry, read by hand. */
const OWN: [string, Parser, Entry[]][] = [
  [
    'arxiv-rss-2024.xml',
    parseArxivRss,
    [
      { id: '2408.01234', title: 'Sparse Retrieval for Long Documents' },
      { id: '2408.02345', title: 'A Cross-Listed Study of Tokenizers' },
      { id: '2312.09876', title: 'Revisiting Attention (Again)' },
      { id: 'hep-th/9901001', title: '<script>alert("x")</script> & Friends' },
      null, // no arXiv id anywhere
      null, // 2408.01234 again
    ],
  ],
  [
    'arxiv-atom-2025.xml',
    parseArxivRss,
    [
      { id: '2508.10001', title: 'Planning with Language Models' },
      { id: '2508.10002', title: 'Agents That Reason' },
      { id: '2401.00003', title: 'Updated Benchmarks' },
    ],
  ],
  [
    'arxiv-api-2016.xml',
    parseArxivApi,
    [
      { id: '1201.4870', title: 'Invariant Variation Problems Revisited' },
      { id: 'cond-mat/0412498', title: 'Thermal Melting on the Square Lattice' },
    ],
  ],
  [
    'arxiv-api-2025.xml',
    parseArxivApi,
    [
      { id: '2408.01234', title: 'Testing Deep Models: A Study' },
      { id: 'gr-qc/0103067', title: 'Principles of Equivalence' },
      { id: 'math.AG/0601001', title: 'An Old-Style Id With a Subject Class' },
    ],
  ],
];

describe('fuzz: hand-written feeds', () => {
  it.each(OWN)('%s: a cut feed keeps exactly its complete entries', (name, parse, entries) => {
    truncations(readFixture(name), parse, entries, 1, 120);
  });

  it.each(OWN)('%s: random edits give valid papers only', (name, parse) => {
    mutations(readFixture(name), parse, 2, 80);
  });

  it('arxiv-api-error.xml: the error, and no paper from any cut or edit of it', () => {
    const text = readFixture('arxiv-api-error.xml');
    expect(parseArxivApi(text)).toMatchObject({
      papers: [],
      error: 'incorrect id format for 1234.12345',
    });
    for (let at = 0; at <= text.length; at += 3) {
      const r = parseArxivApi(text.slice(0, at));
      expectValid(r, `cut at ${at}`);
      expect(r.papers).toEqual([]);
    }
    mutations(text, parseArxivApi, 2, 80);
  });

  it('random bytes give valid results in every parser, and parseXml never throws', () => {
    const random = rng(3);
    const alphabet = '<>/&;#x"\'=![]-?: \nabcdeilmnoprstyz0123456789';
    for (let k = 0; k < 300; k++) {
      const len = Math.floor(random() * 400);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => parseXml(s)).not.toThrow();
      expectValid(parseArxivRss(s), JSON.stringify(s));
      expectValid(parseArxivApi(s), JSON.stringify(s));
      expectValid(parseHfDailyApi(s), JSON.stringify(s));
    }
  });
});

describe('fuzz: HF JSON', () => {
  const base = readFixture('hf-daily-api.json');
  /** The fixture's items with an id, read by hand (2509.11111 has no title: skipped). */
  const FIXTURE_IDS = ['2509.24006', '2509.25190', '2509.11111', '2509.22222'];

  it('a cut response gives nothing or, cut only in trailing space, all of it', () => {
    expect(parseHfDailyApi(base).ids).toEqual(['2509.24006', '2509.25190', '2509.22222']);
    for (let at = 0; at <= base.length; at += 7) jsonTruncation(base, at);
    jsonTruncation(base, base.trimEnd().length);
    jsonTruncation(base, base.trimEnd().length - 1);
  });

  it('random type swaps in the items give valid papers, none invented', () => {
    const random = rng(4);
    const odd: unknown[] = [
      null,
      undefined,
      0,
      -1,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      '',
      'x',
      [],
      {},
      true,
      [1],
    ];
    const swap = (v: unknown, depth: number): unknown => {
      if (random() < 0.15) return odd[Math.floor(random() * odd.length)];
      if (depth > 6 || v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v.map((x) => swap(x, depth + 1));
      return Object.fromEntries(
        Object.entries(v).flatMap(([key, x]) =>
          random() < 0.1 ? [] : [[key, swap(x, depth + 1)]],
        ),
      );
    };
    let survived = 0;
    for (let k = 0; k < 300; k++) {
      const data = swap(JSON.parse(base), 0);
      let r: FeedParse | undefined;
      expect(() => {
        r = parseHfDailyApi(data);
      }).not.toThrow();
      if (!r) throw new Error('no result');
      expectValid(r, `swap round ${k}`);
      for (const id of r.ids) expect(FIXTURE_IDS).toContain(id);
      survived += r.papers.length;
    }
    expect(survived).toBeGreaterThan(0);
  });
});

/** The real feeds: how many papers each gives (checked by hand in shared-fixtures.test.ts). */
const REAL: [string, Parser, number, (text: string) => string][] = [
  ['arxiv_rss_stat_2024-03-26.xml', parseArxivRss, 123, (t) => t],
  ['arxiv_rss_atom_cs.AI_2025-08-20_7entries.xml', parseArxivRss, 7, (t) => t],
  ['arxiv_rss_atom_cs.AI_2025-08-20_TRUNCATED.xml', parseArxivRss, 86, (t) => t],
  ['arxiv_api_atom_au_del_maestro_2016.xml', parseArxivApi, 10, (t) => t],
  [
    'arxiv_api_atom_q_testing_m100_2026_wrapped.json',
    parseArxivApi,
    100,
    (t) => String((JSON.parse(t) as { body?: unknown }).body ?? ''),
  ],
];
const REAL_HF = 'hf_api_daily_papers_2025-09-30.json';
const realRuns = sharedSuiteRuns(
  'feeds/fuzz',
  [...REAL.map(([name]) => name), REAL_HF].map((name) => `fixtures/${name}`),
);

/** What each entry of a real feed gives, by the full parse: its papers fill the entries it did
 * not skip, in order. The entries themselves are found in the text. */
function entriesOf(text: string, parse: Parser, papers: number): Entry[] {
  const full = parse(text);
  expect(full.papers).toHaveLength(papers);
  const count = entryEnds(text).length;
  const skipped = new Set(full.skipped.map((skip) => skip.index).filter((i) => i < count));
  const queue = full.papers.map(idAndTitle);
  const entries = Array.from({ length: count }, (_, i) => (skipped.has(i) ? null : queue.shift()));
  expect(queue).toEqual([]);
  return entries.map((entry) => entry ?? null);
}

describe.skipIf(!realRuns)(`fuzz: the real feeds ${ONLY_WITH_SHARED_FIXTURES}`, () => {
  const real = (name: string) => readFixture(name, SHARED);

  it.each(REAL)(
    '%s: a cut feed keeps exactly its complete entries',
    (name, parse, papers, unwrap) => {
      const text = unwrap(real(name));
      truncations(text, parse, entriesOf(text, parse, papers), 5, 30, 8);
    },
  );

  it.each(REAL)('%s: random edits give valid papers only', (name, parse, _papers, unwrap) => {
    mutations(unwrap(real(name)), parse, 6, 15);
  });

  it(`${REAL_HF}: a cut response gives nothing or all of it`, () => {
    const text = real(REAL_HF);
    expect(parseHfDailyApi(text).papers).toHaveLength(50);
    const random = rng(7);
    for (let k = 0; k < 40; k++) jsonTruncation(text, Math.floor(random() * text.length));
    jsonTruncation(text, text.trimEnd().length);
  });
});
