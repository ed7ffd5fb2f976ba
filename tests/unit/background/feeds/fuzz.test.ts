// @vitest-environment node
/**
 * Robustness: random truncations and mutations of real and hand-written feeds. The parsers must
 * never throw, must only ever return valid papers, and a truncated feed must give a prefix of the
 * full feed's papers (complete entries kept, the cut one skipped), growing with the cut.
 */

import { readFixture, rng, SHARED, sharedExists } from '@/tests/unit/background/feeds/load';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import type { FeedParse } from '@/utils/background/feeds/common';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { parseXml } from '@/utils/background/feeds/xml';
import { isArxivId } from '@/utils/shared/arxivId';
import { LIMITS } from '@/utils/shared/paper';

type Parser = (xml: string) => FeedParse;

function expectValid(r: FeedParse): void {
  expect(Array.isArray(r.papers) && Array.isArray(r.skipped) && Array.isArray(r.ids)).toBe(true);
  for (const p of r.papers) {
    expect(isArxivId(p.id)).toBe(true);
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect((p.abstract ?? '').length).toBeLessThanOrEqual(LIMITS.abstract);
    expect(p.authors.length).toBeLessThanOrEqual(LIMITS.authors);
    expect(p.categories?.length ?? 0).toBeLessThanOrEqual(LIMITS.categories);
  }
}

/** Parses `cuts` random prefixes (in increasing length) and checks they are prefixes of the full
 * result, with non-decreasing counts. */
function truncations(xml: string, parse: Parser, seed: number, cuts = 40): void {
  const full = parse(xml);
  const random = rng(seed);
  const points = Array.from({ length: cuts }, () => Math.floor(random() * xml.length)).sort(
    (a, b) => a - b,
  );
  let previous = 0;
  for (const at of points) {
    let r: FeedParse | undefined;
    expect(() => {
      r = parse(xml.slice(0, at));
    }, `cut at ${at}`).not.toThrow();
    if (!r) continue;
    expectValid(r);
    expect(r.ids, `cut at ${at}`).toEqual(full.ids.slice(0, r.ids.length));
    expect(r.papers, `cut at ${at}`).toEqual(full.papers.slice(0, r.papers.length));
    expect(r.ids.length).toBeGreaterThanOrEqual(previous);
    previous = r.ids.length;
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

function mutations(xml: string, parse: Parser, seed: number, rounds = 25): void {
  const random = rng(seed);
  for (let k = 0; k < rounds; k++) {
    const bad = mutate(xml, random, 1 + Math.floor(random() * 30));
    let r: FeedParse | undefined;
    expect(() => {
      r = parse(bad);
    }).not.toThrow();
    if (r) expectValid(r);
  }
}

const OWN: [string, Parser][] = [
  ['arxiv-rss-2024.xml', parseArxivRss],
  ['arxiv-atom-2025.xml', parseArxivRss],
  ['arxiv-api-2016.xml', parseArxivApi],
  ['arxiv-api-2025.xml', parseArxivApi],
  ['arxiv-api-error.xml', parseArxivApi],
];

describe('fuzz: hand-written feeds', () => {
  it.each(OWN)('%s: every truncation is a prefix of the full parse', (name, parse) => {
    truncations(readFixture(name), parse, 1, 120);
  });

  it.each(OWN)('%s: random edits never throw', (name, parse) => {
    mutations(readFixture(name), parse, 2, 80);
  });

  it('random bytes never throw, in any parser', () => {
    const random = rng(3);
    const alphabet = '<>/&;#x"\'=![]-?: \nabcdeilmnoprstyz0123456789';
    for (let k = 0; k < 300; k++) {
      const len = Math.floor(random() * 400);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect(() => parseXml(s)).not.toThrow();
      expectValid(parseArxivRss(s));
      expectValid(parseArxivApi(s));
      expectValid(parseHfDailyApi(s));
    }
  });
});

describe('fuzz: HF JSON', () => {
  const base = readFixture('hf-daily-api.json');

  it('truncated JSON text never throws', () => {
    for (let at = 0; at < base.length; at += 7) {
      expectValid(parseHfDailyApi(base.slice(0, at)));
    }
  });

  it('random type swaps in the parsed items never throw', () => {
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
    for (let k = 0; k < 300; k++) {
      const data = swap(JSON.parse(base), 0);
      expect(() => parseHfDailyApi(data)).not.toThrow();
      expectValid(parseHfDailyApi(data));
    }
  });
});

const REAL: [string, Parser, (text: string) => string][] = [
  ['arxiv_rss_stat_2024-03-26.xml', parseArxivRss, (t) => t],
  ['arxiv_rss_atom_cs.AI_2025-08-20_7entries.xml', parseArxivRss, (t) => t],
  ['arxiv_rss_atom_cs.AI_2025-08-20_TRUNCATED.xml', parseArxivRss, (t) => t],
  ['arxiv_api_atom_au_del_maestro_2016.xml', parseArxivApi, (t) => t],
  [
    'arxiv_api_atom_q_testing_m100_2026_wrapped.json',
    parseArxivApi,
    (t) => String((JSON.parse(t) as { body?: unknown }).body ?? ''),
  ],
];
const realExists =
  REAL.every(([name]) => sharedExists(name)) && sharedExists('hf_api_daily_papers_2025-09-30.json');
if (!realExists) console.warn(`[feeds/fuzz] SKIPPED the real-feed fuzzing: ${SHARED} not found`);

describe.skipIf(!realExists)('fuzz: the real feeds in ../shared/fixtures', () => {
  it.each(REAL)('%s: random truncations are prefixes of the full parse', (name, parse, unwrap) => {
    truncations(unwrap(readFixture(name, SHARED)), parse, 5, 40);
  });

  it.each(REAL)('%s: random edits never throw', (name, parse, unwrap) => {
    mutations(unwrap(readFixture(name, SHARED)), parse, 6, 15);
  });

  it('hf_api_daily_papers_2025-09-30.json: truncated JSON text never throws', () => {
    const text = readFixture('hf_api_daily_papers_2025-09-30.json', SHARED);
    const random = rng(7);
    for (let k = 0; k < 40; k++) {
      expectValid(parseHfDailyApi(text.slice(0, Math.floor(random() * text.length))));
    }
  });
});
