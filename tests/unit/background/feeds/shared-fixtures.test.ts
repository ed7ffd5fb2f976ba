// @vitest-environment node
/**
 * The feed parsers against the real feeds in ../shared/fixtures (read-only, outside the repo).
 * An extra: the same rules are checked on the project's own feeds in arxivRss/arxivApi/hfApi tests,
 * which always run; this suite skips, saying so, when the folder is absent.
 */

import { ONLY_WITH_SHARED_FIXTURES, sharedSuiteRuns } from '@/tests/helpers/sharedData';
import { byId, readFixture, SHARED, tally } from '@/tests/unit/background/feeds/load';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import type { FeedParse } from '@/utils/background/feeds/common';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { bareArxivId, isArxivId } from '@/utils/shared/arxivId';
import { LIMITS } from '@/utils/shared/paper';

const FILES = {
  rss: 'arxiv_rss_stat_2024-03-26.xml',
  atom7: 'arxiv_rss_atom_cs.AI_2025-08-20_7entries.xml',
  atomCut: 'arxiv_rss_atom_cs.AI_2025-08-20_TRUNCATED.xml',
  api2016: 'arxiv_api_atom_au_del_maestro_2016.xml',
  api2026: 'arxiv_api_atom_q_testing_m100_2026_wrapped.json',
  hf: 'hf_api_daily_papers_2025-09-30.json',
} as const;

const exists = sharedSuiteRuns(
  'feeds/shared-fixtures',
  Object.values(FILES).map((name) => `fixtures/${name}`),
);

const real = (name: string) => readFixture(name, SHARED);

/** What every parse must satisfy whatever the input. */
function expectSane(r: FeedParse): void {
  expect(r.ids).toEqual(r.papers.map((p) => p.id));
  expect(new Set(r.ids).size).toBe(r.ids.length);
  for (const p of r.papers) {
    expect(isArxivId(bareArxivId(p.id)), p.id).toBe(true);
    expect(p.title.length).toBeGreaterThan(0);
    expect(p.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect((p.abstract ?? '').length).toBeLessThanOrEqual(LIMITS.abstract);
    expect(p.authors.length).toBeLessThanOrEqual(LIMITS.authors);
    expect(p.authors.every((a) => a.length > 0 && a.length <= LIMITS.authorName)).toBe(true);
    if (p.categories) expect(p.primaryCategory).toBe(p.categories[0]);
  }
}

describe.skipIf(!exists)(`feed parsers on the real feeds ${ONLY_WITH_SHARED_FIXTURES}`, () => {
  describe(`${FILES.rss} (RSS 2.0)`, () => {
    let r: FeedParse;
    beforeAll(() => {
      r = parseArxivRss(real(FILES.rss));
    });

    it('reads all 123 items, none skipped', () => {
      expect(r.papers).toHaveLength(123);
      expect(r.skipped).toEqual([]);
      expectSane(r);
      expect(r.ids[0]).toBe('2403.15527');
      expect(r.ids.at(-1)).toBe('2403.14050');
    });

    it('tallies announce types and keeps the feed order new → cross → replacements', () => {
      expect(tally(r.papers, (p) => p.announceType)).toEqual({
        new: 35,
        cross: 27,
        replace: 41,
        'replace-cross': 20,
      });
      expect(tally(r.papers, (p) => p.section)).toEqual({
        new: 35,
        'cross-list': 27,
        replacement: 61,
      });
      const order = r.papers.map((p) => p.section?.[0]).join('');
      expect(order).toBe(`${'n'.repeat(35)}${'c'.repeat(27)}${'r'.repeat(61)}`);
    });

    it('gives the channel pubDate as the batch date', () => {
      expect(r.batchDate).toBe('2024-03-26T04:00:00.000Z');
      expect(r.announced).toBe('2024-03-26');
    });

    it('reads the first item in full, abstract without the "Announce Type" prefix', () => {
      const p = byId(r, '2403.15527');
      expect(p).toMatchObject({
        title: 'Conformal online model aggregation',
        authors: ['Matteo Gasparin', 'Aaditya Ramdas'],
        primaryCategory: 'stat.ML',
        categories: ['stat.ML', 'cs.LG'],
        section: 'new',
        announceType: 'new',
      });
      expect(p.abstract).toMatch(/^Conformal prediction equips machine learning models/);
      expect(p.abstract).toMatch(/adapted over time based on past performance\.$/);
      expect(
        r.papers.filter((q) => /Announce Type|^arXiv:|^Abstract:/.test(q.abstract ?? '')),
      ).toHaveLength(0);
      expect(r.papers.every((q) => q.abstract && q.authors.length && q.categories?.length)).toBe(
        true,
      );
    });

    it('reads a replace-cross item with its own primary category', () => {
      expect(byId(r, '2403.14050')).toMatchObject({
        title: 'Extracting Emotion Phrases from Tweets using BART',
        authors: ['Mahdi Rezapour'],
        primaryCategory: 'cs.CL',
        categories: ['cs.CL', 'cs.LG', 'stat.AP'],
        section: 'replacement',
        announceType: 'replace-cross',
      });
      expect(tally(r.papers, (p) => p.primaryCategory)).toMatchObject({
        'stat.ME': 36,
        'cs.LG': 25,
        'stat.ML': 17,
        'math.ST': 14,
      });
    });
  });

  describe(`${FILES.atom7} and ${FILES.atomCut} (Atom)`, () => {
    let seven: FeedParse;
    let cut: FeedParse;
    beforeAll(() => {
      seven = parseArxivRss(real(FILES.atom7));
      cut = parseArxivRss(real(FILES.atomCut));
    });

    it('reads the 7 entries', () => {
      expect(seven.papers).toHaveLength(7);
      expect(seven.skipped).toEqual([]);
      expectSane(seven);
      expect(seven.ids).toEqual([
        '2508.13426',
        '2508.13428',
        '2508.13429',
        '2508.13434',
        '2508.13435',
        '2508.14001',
        '2508.14002',
      ]);
      expect(tally(seven.papers, (p) => p.announceType)).toEqual({ cross: 5, new: 2 });
      expect(byId(seven, '2508.13426')).toMatchObject({
        authors: ['Chunhua Liu', 'Kabir Manandhar Shrestha', 'Sukai Huang'],
        primaryCategory: 'cs.CL',
        categories: ['cs.CL', 'cs.AI'],
        section: 'cross-list',
      });
      expect(byId(seven, '2508.13426').abstract).toMatch(
        /^As large language models \(LLMs\) increasingly mediate/,
      );
    });

    it('reads the 86 complete entries of the truncated feed and skips the partial one', () => {
      expect(cut.papers).toHaveLength(86);
      expect(cut.skipped).toEqual([
        { reason: 'cut off: the input ends inside this entry', index: 86 },
      ]);
      expectSane(cut);
      expect(cut.ids[0]).toBe('2508.13167');
      expect(cut.ids.at(-1)).toBe('2508.13434');
      expect(cut.ids).not.toContain('2508.13435'); // the partial entry
      expect(tally(cut.papers, (p) => p.announceType)).toEqual({ new: 41, cross: 45 });
      expect(tally(cut.papers, (p) => p.primaryCategory)['cs.AI']).toBe(41);
      const first = byId(cut, '2508.13167');
      expect(first.authors).toHaveLength(30);
      expect([first.authors[0], first.authors.at(-1)]).toEqual(['Weizhen Li', 'Wangchunshu Zhou']);
    });

    it('recognises the two files as the same batch (same feed `updated`, shared ids)', () => {
      expect(seven.batchDate).toBe('2025-08-20T04:00:19.866Z');
      expect(cut.batchDate).toBe(seven.batchDate);
      expect(cut.announced).toBe('2025-08-20');
      expect(seven.ids.filter((id) => cut.ids.includes(id))).toEqual([
        '2508.13426',
        '2508.13428',
        '2508.13429',
        '2508.13434',
      ]);
    });
  });

  describe(`${FILES.api2016} (API, old format)`, () => {
    let r: FeedParse;
    beforeAll(() => {
      r = parseArxivApi(real(FILES.api2016));
    });

    it('reads the 10 entries with paging figures', () => {
      expect(r.papers).toHaveLength(10);
      expect(r.skipped).toEqual([]);
      expect(r.error).toBeUndefined();
      expectSane(r);
      expect(r.ids[0]).toBe('1201.4869');
      expect(r.ids.at(-1)).toBe('0807.2873');
      expect(r).toMatchObject({ totalResults: 31, startIndex: 0, itemsPerPage: 10 });
      expect(r.papers.every((p) => p.comments && p.abstract)).toBe(true);
    });

    it('collapses the wrapped summary and reads per-element namespaces', () => {
      expect(byId(r, '1201.4869')).toMatchObject({
        title: 'A Luttinger Liquid Core Inside Helium-4 Filled Nanopores',
        authors: ['Adrian Del Maestro'],
        comments: '26 pages, 10 figures',
        primaryCategory: 'cond-mat.mes-hall',
        categories: ['cond-mat.mes-hall', 'cond-mat.other'],
      });
      expect(byId(r, '1201.4869').abstract).toMatch(
        /^As helium-4 is cooled below 2\.17 K it undergoes a phase transition to a fundamentally new state/,
      );
      expect(byId(r, 'cond-mat/0412498').authors).toEqual(['Adrian Del Maestro', 'Subir Sachdev']);
      expect(byId(r, 'cond-mat/0412498').abstract).toContain('(p >= 3, integer)');
    });
  });

  describe(`${FILES.api2026} (API, 2025+ format, JSON-wrapped)`, () => {
    let r: FeedParse;
    beforeAll(() => {
      const wrapped: unknown = JSON.parse(real(FILES.api2026));
      const body = (wrapped as { body?: unknown }).body;
      r = parseArxivApi(typeof body === 'string' ? body : '');
    });

    it('reads the 100 entries', () => {
      expect(r.papers).toHaveLength(100);
      expect(r.skipped).toEqual([]);
      expectSane(r);
      expect(r.ids[0]).toBe('2202.12139');
      expect(r.ids.at(-1)).toBe('gr-qc/0103067');
      expect(r.ids.filter((id) => id.includes('/'))).toEqual([
        'cs/0503050',
        'hep-ph/0301050',
        'gr-qc/0103067',
      ]);
      expect(r).toMatchObject({ totalResults: 214881, startIndex: 0, itemsPerPage: 100 });
      expect(r.batchDate).toBe('2026-04-12T22:45:06.000Z');
    });

    it('reads authors, comments and the primary category', () => {
      expect(byId(r, '2202.12139')).toMatchObject({
        title:
          'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
        authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
        comments: 'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
        primaryCategory: 'cs.SE',
        categories: ['cs.SE', 'cs.LG'],
      });
      expect(tally(r.papers, (p) => p.primaryCategory)['cs.SE']).toBe(64);
      expect(r.papers.filter((p) => p.comments)).toHaveLength(97);
    });

    it('keeps text as the fixture has it (its recording double-encoded UTF-8: "LÃ¤mmerzahl")', () => {
      expect(byId(r, 'gr-qc/0103067').authors).toEqual(['Mark P. Haugan', 'C. LÃ¤mmerzahl']);
    });
  });

  describe(`${FILES.hf} (HF Daily Papers API)`, () => {
    let r: FeedParse;
    beforeAll(() => {
      r = parseHfDailyApi(JSON.parse(real(FILES.hf)), '2025-09-30');
    });

    it('reads the 50 papers', () => {
      expect(r.papers).toHaveLength(50);
      expect(r.skipped).toEqual([]);
      expectSane(r);
      expect(r.ids[0]).toBe('2509.24006');
      expect(r.ids.at(-1)).toBe('2509.23115');
      expect(r.batchDate).toBe('2025-09-30');
      expect(parseHfDailyApi(JSON.parse(real(FILES.hf))).batchDate).toBe('2025-09-30');
    });

    it('fills hf info: upvotes, ai_summary, githubRepo, projectPage', () => {
      expect(r.papers.filter((p) => p.hf?.githubRepo)).toHaveLength(25);
      expect(r.papers.filter((p) => p.hf?.projectPage)).toHaveLength(16);
      expect(r.papers.every((p) => p.hf?.aiSummary && p.hf.dailyDate === '2025-09-30')).toBe(true);
      const first = byId(r, '2509.24006');
      expect(first.hf?.upvotes).toBe(78);
      expect(first.hf?.aiSummary).toMatch(/^SLA, a trainable attention method/);
      expect(first.title).toBe(
        'SLA: Beyond Sparsity in Diffusion Transformers via Fine-Tunable Sparse-Linear Attention',
      );
      expect(first.authors.slice(0, 3)).toEqual(['Jintao Zhang', 'Haoxu Wang', 'Kai Jiang']);
      expect(byId(r, '2509.25190').hf).toMatchObject({
        githubRepo: 'https://github.com/penghao-wu/visual_jigsaw',
        projectPage: 'https://penghao-wu.github.io/visual_jigsaw/',
      });
      expect(byId(r, '2509.23115').hf?.githubRepo).toBe('https://github.com/he-h/rhythm/tree/main');
    });

    it('keeps an author HF marks `hidden` (the paper still lists them)', () => {
      expect(byId(r, '2509.22518').authors[0]).toBe('Bo Li');
      expect(byId(r, '2509.22518').authors).toHaveLength(8);
    });
  });
});
