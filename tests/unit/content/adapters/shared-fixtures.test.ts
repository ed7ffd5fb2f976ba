/**
 * The adapters against the real pages in ../shared/fixtures (read-only, outside the repo). An
 * extra: the adapter tests on the project's own pages (tests/fixtures) always run; this suite
 * skips, saying so, when the folder is absent.
 */
import {
  ONLY_WITH_SHARED_FIXTURES,
  SHARED_FIXTURES,
  sharedSuiteRuns,
} from '@/tests/helpers/sharedData';
import { byId, papers, readFixture, scanHtml } from '@/tests/unit/content/adapters/load';
import { findAdapter } from '@/utils/content/adapters';
import type { PageScan, SiteAdapter } from '@/utils/content/adapters/adapter';
import { arxivAbs } from '@/utils/content/adapters/arxivAbs';
import { arxivListing } from '@/utils/content/adapters/arxivListing';
import { arxivSearch } from '@/utils/content/adapters/arxivSearch';
import { hfDaily } from '@/utils/content/adapters/hfDaily';

const exists = sharedSuiteRuns(
  'adapters/shared-fixtures',
  [
    'arxiv_list_quant-ph_new_2024-08-09.html',
    'arxiv_list_cs_2301_show3_2023_prettified.html',
    'arxiv_list_cs_9101_empty_2023_prettified.html',
    'arxiv_abs_2106.09608_2021.html',
    'arxiv_search_results_41_2026-03_jsonwrapped_fragment.html',
    'hf_papers_daily_2024-08-01.html',
    'hf_api_daily_papers_2025-09-30.json',
  ].map((name) => `fixtures/${name}`),
);

const real = (name: string) => readFixture(name, SHARED_FIXTURES);

function scanReal(adapter: SiteAdapter, html: string, url: string): PageScan {
  expect(findAdapter(new URL(url))).toBe(adapter);
  return scanHtml(adapter, html, url);
}

function sectionSplit(scan: PageScan): Record<string, number> {
  const split: Record<string, number> = {};
  for (const p of papers(scan)) split[p.section ?? 'none'] = (split[p.section ?? 'none'] ?? 0) + 1;
  return split;
}

describe.skipIf(!exists)(`real pages ${ONLY_WITH_SHARED_FIXTURES}`, () => {
  describe('arxiv_list_quant-ph_new_2024-08-09.html (mid-2024 /new)', () => {
    const url = 'https://arxiv.org/list/quant-ph/new';
    let html = '';
    let scan: PageScan;
    beforeAll(() => {
      html = real('arxiv_list_quant-ph_new_2024-08-09.html');
      scan = scanReal(arxivListing, html, url);
    });

    it('finds all 78 papers: 28 new, 13 cross-lists, 37 replacements', () => {
      expect(scan.entries).toHaveLength(78);
      expect(sectionSplit(scan)).toEqual({ new: 28, 'cross-list': 13, replacement: 37 });
      expect(
        papers(scan)
          .slice(0, 28)
          .every((p) => p.section === 'new'),
      ).toBe(true);
      expect(
        papers(scan)
          .slice(28, 41)
          .every((p) => p.section === 'cross-list'),
      ).toBe(true);
      expect(new Set(papers(scan).map((p) => p.id)).size).toBe(78);
      expect(scan.source.label).toBe('arXiv quant-ph · new');
    });

    it('reads the first, last and boundary entries', () => {
      const ids = papers(scan).map((p) => p.id);
      expect([ids[0], ids[27], ids[28], ids[40], ids[41], ids[77]]).toEqual([
        '2408.03941',
        '2408.04629',
        '2408.03736',
        '2408.04576',
        '2301.13353',
        '2408.03580',
      ]);
      expect(byId(scan, '2408.03941')).toMatchObject({
        title: "The Born rule for quantum probabilities from Newton's third law",
        authors: ['S.S. Afonin'],
        comments: '9 pages, 1 figure',
        primaryCategory: 'quant-ph',
        categories: ['quant-ph', 'hep-ph', 'hep-th'],
        section: 'new',
      });
      expect(byId(scan, '2408.03941').abstract).toMatch(/^I propose a simple physical answer/);
      expect(byId(scan, '2408.03736')).toMatchObject({
        authors: [
          'Taufiq Murtadho',
          'Federica Cataldini',
          'Sebastian Erne',
          'Marek Gluza',
          'Jörg Schmiedmayer',
          'Nelly H.Y. Ng',
        ],
        primaryCategory: 'cond-mat.quant-gas',
        categories: ['cond-mat.quant-gas', 'quant-ph'],
        section: 'cross-list',
      });
      expect(byId(scan, '2408.03580')).toMatchObject({
        title:
          'Atom-Field-Medium Interactions I: Graded Influence Actions for $N$ Harmonic Atoms in a Dielectric-Altered Quantum Field',
        primaryCategory: 'hep-th',
        section: 'replacement',
      });
    });

    it('keeps TeX and reads every entry fully', () => {
      expect(byId(scan, '2408.03986').abstract).toContain('$\\mathsf{QMA}$ oracle');
      for (const p of papers(scan)) {
        expect(p.title).not.toMatch(/^Title:|\s{2}/);
        expect(p.authors.length).toBeGreaterThan(0);
        expect(p.abstract?.length).toBeGreaterThan(100);
        expect(p.primaryCategory).toBe(p.categories?.[0]);
      }
      expect(scan.entries.every((e) => e.anchor?.localName === 'dt')).toBe(true);
    });

    it('keeps the URLs arXiv prints as "this https URL"', () => {
      const text = papers(scan)
        .map((p) => `${p.comments ?? ''} ${p.abstract ?? ''}`)
        .join(' ');
      expect(text).not.toContain('this https URL');
      expect(text).toContain('code available at: https://github.com/qiboteam/boostvqe');
      expect(text).toContain('https://github.com/wmkirby1/krylov-analysis-paper-numerics');
    });

    it('gives the same split in the current markup (headings without dates, HTML5)', () => {
      const current = html
        .replace(/^[\s\S]*?<html/, '<!DOCTYPE html>\n<html')
        .replace(/(New|Cross|Replacement) submissions for [^(]*\(/g, '$1 submissions (')
        .replace(
          '<h1>Quantum Physics</h1>',
          '<h1>Quantum Physics</h1>\n<h3>Showing new listings for Friday, 9 August 2024</h3>',
        );
      expect(current).toContain('<h3>New submissions (showing 28 of 28 entries )</h3>');
      const s = scanHtml(arxivListing, current, url);
      expect(s.entries).toHaveLength(78);
      expect(sectionSplit(s)).toEqual({ new: 28, 'cross-list': 13, replacement: 37 });
    });

    it('gets the sections from the dt marks alone', () => {
      const s = scanHtml(arxivListing, html.replace(/<h3>[^<]*<\/h3>/g, ''), url);
      expect(sectionSplit(s)).toEqual({ new: 28, 'cross-list': 13, replacement: 37 });
    });
  });

  describe('arxiv_list_cs_2301_show3_2023_prettified.html (monthly)', () => {
    const url = 'https://arxiv.org/list/cs/2301?skip=0&show=3';
    let scan: PageScan;
    beforeAll(() => {
      scan = scanReal(arxivListing, real('arxiv_list_cs_2301_show3_2023_prettified.html'), url);
    });

    it('finds exactly 3 papers', () => {
      expect(papers(scan).map((p) => p.id)).toEqual(['2301.00001', '2301.00002', '2301.00003']);
      expect(scan.source.label).toBe('arXiv cs · Jan 2023');
    });

    it('reads reflowed author names and subjects', () => {
      expect(byId(scan, '2301.00001')).toEqual({
        id: '2301.00001',
        title: 'NFTrig',
        authors: [
          'Jordan Thompson',
          'Ryan Benac',
          'Kidus Olana',
          'Talha Hassan',
          'Andrew Sward',
          'Tauheed Khan Mohd',
        ],
        primaryCategory: 'cs.HC',
        categories: ['cs.HC'],
        section: 'new',
      });
      expect(byId(scan, '2301.00002').categories).toEqual(['cs.HC', 'cs.GR', 'quant-ph']);
      expect(byId(scan, '2301.00003')).toMatchObject({
        title:
          'Emotion in Cognitive Architecture: Emergent Properties from Interactions with Human Emotion',
        comments:
          "Presented at HAI'22 workshop on Cognitive Human-agent Interaction (https://sites.google.com/view/chai-workshop22)",
        categories: ['cs.HC', 'cs.AI'],
      });
      expect(papers(scan).every((p) => p.abstract === undefined)).toBe(true);
    });
  });

  it('arxiv_list_cs_9101_empty_2023_prettified.html: no papers, no error', () => {
    const url = 'https://arxiv.org/list/cs/9101';
    const scan = scanReal(arxivListing, real('arxiv_list_cs_9101_empty_2023_prettified.html'), url);
    expect(scan.entries).toEqual([]);
    expect(scan.source.label).toBe('arXiv cs · Jan 1991');
  });

  it('arxiv_abs_2106.09608_2021.html: one paper from the meta tags', () => {
    const url = 'https://arxiv.org/abs/2106.09608v2';
    const scan = scanReal(arxivAbs, real('arxiv_abs_2106.09608_2021.html'), url);
    expect(scan.entries).toHaveLength(1);
    const paper = byId(scan, '2106.09608');
    expect(paper).toMatchObject({
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
      comments: 'Camera read, in Proceedings of NeurIPS 2021 Main Conference',
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.AI', 'cs.CL'],
    });
    expect(paper.abstract).toMatch(
      /^World models improve a learning agent's ability to efficiently operate in interactive/,
    );
    expect(paper.abstract).toMatch(/importance of each of our contributions\.$/);
    expect(scan.entries[0]?.anchor?.classList.contains('dateline')).toBe(true);
  });

  describe('arxiv_search_results_41_2026-03_jsonwrapped_fragment.html', () => {
    let scan: PageScan;
    beforeAll(() => {
      const wrapped = JSON.parse(
        real('arxiv_search_results_41_2026-03_jsonwrapped_fragment.html'),
      ) as {
        data: { html: string; origin: string };
      };
      const page = `<!DOCTYPE html><html><body>${wrapped.data.html}</body></html>`;
      scan = scanReal(arxivSearch, page, wrapped.data.origin);
    });

    it('finds all 41 results', () => {
      expect(scan.entries).toHaveLength(41);
      expect(papers(scan)[0]?.id).toBe('2602.17997');
      expect(papers(scan)[40]?.id).toBe('1405.3334');
      expect(scan.source.label).toBe('arXiv search · drosophila connectome');
      expect(scan.entries.every((e) => e.anchor?.matches('li.arxiv-result > p.is-size-7'))).toBe(
        true,
      );
    });

    it('reads titles, authors, categories, abstracts and comments', () => {
      expect(byId(scan, '2602.17997')).toMatchObject({
        title:
          'Whole-Brain Connectomic Graph Model Enables Whole-Body Locomotion Control in Fruit Fly',
        authors: ['Zehao Jin', 'Yaoye Zhu', 'Chen Zhang', 'Yanan Sui'],
        primaryCategory: 'cs.LG',
        categories: ['cs.LG', 'cs.RO'],
      });
      expect(byId(scan, '2602.17997').abstract).toMatch(/^Whole-brain biological neural networks/);
      expect(byId(scan, '2601.05021').categories).toEqual(['physics.bio-ph', 'q-bio.NC']);
      expect(byId(scan, '1405.3334').comments).toBe(
        'Dynamic Connectome Lab, Technical Report No. 4',
      );
      expect(papers(scan).filter((p) => p.comments)).toHaveLength(19);
      for (const p of papers(scan)) expect(p.abstract).not.toMatch(/[△▽]|More$|Less$/);
    });

    it('puts MathJax-rendered formulas back to their TeX', () => {
      const abstract = byId(scan, '2004.07348').abstract ?? '';
      expect(abstract).toContain('an unknown $1$-dimensional submanifold');
      expect(abstract).toContain('rejects ($p<0.05$)');
      expect(abstract).not.toContain('p<0.05p<0.05');
    });
  });

  describe('hf_papers_daily_2024-08-01.html', () => {
    let html = '';
    beforeAll(() => {
      html = real('hf_papers_daily_2024-08-01.html');
    });

    it('reads all 13 papers from the props', () => {
      const scan = scanReal(hfDaily, html, 'https://huggingface.co/papers?date=2024-08-01');
      expect(scan.entries).toHaveLength(13);
      expect(scan.source.label).toBe('HF Daily Papers · 2024-08-01');
      const first = byId(scan, '2407.21783');
      expect(first).toMatchObject({
        title: 'The Llama 3 Herd of Models',
        hf: { upvotes: 94, dailyDate: '2024-08-01' },
      });
      expect(first.authors).toHaveLength(533);
      expect(first.authors[0]).toBe('Abhimanyu Dubey');
      expect(first.abstract).toMatch(/^Modern artificial intelligence \(AI\) syst/);
      expect(byId(scan, '2407.21770').title).toBe(
        'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts',
      );
      expect(papers(scan)[12]).toMatchObject({ id: '2404.01300', hf: { upvotes: 3 } });
      expect(papers(scan).some((p) => p.hf?.githubRepo || p.hf?.projectPage)).toBe(false);
      expect(scan.entries.every((e) => e.anchor === null)).toBe(true);
    });

    it('dates /papers from the props', () => {
      expect(scanReal(hfDaily, html, 'https://huggingface.co/papers').source.label).toBe(
        'HF Daily Papers · 2024-08-01',
      );
    });

    it('reads the same ids and upvotes from the cards when the props are gone', () => {
      const fromProps = scanHtml(hfDaily, html, 'https://huggingface.co/papers');
      const cardsOnly = scanHtml(
        hfDaily,
        html.replace(/data-props="[^"]*"/g, ''),
        'https://huggingface.co/papers',
      );
      expect(cardsOnly.source.label).toBe('HF Daily Papers · 2024-08-01');
      expect(papers(cardsOnly).map((p) => [p.id, p.hf?.upvotes])).toEqual(
        papers(fromProps).map((p) => [p.id, p.hf?.upvotes]),
      );
    });
  });

  it('hf_api_daily_papers_2025-09-30.json: the API field names', () => {
    const api: unknown = JSON.parse(real('hf_api_daily_papers_2025-09-30.json'));
    const props = JSON.stringify({ date: '2025-09-30T00:00:00.000Z', dailyPapers: api })
      .replaceAll('&', '&amp;')
      .replaceAll('"', '&quot;');
    const html = `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}"></div>`;
    const scan = scanReal(hfDaily, html, 'https://huggingface.co/papers/date/2025-09-30');
    expect(scan.entries).toHaveLength(50);
    expect(papers(scan).filter((p) => p.hf?.githubRepo)).toHaveLength(25);
    expect(papers(scan).filter((p) => p.hf?.projectPage)).toHaveLength(16);
    expect(papers(scan).filter((p) => p.hf?.aiSummary)).toHaveLength(50);
    expect(byId(scan, '2509.24006')).toMatchObject({
      title:
        'SLA: Beyond Sparsity in Diffusion Transformers via Fine-Tunable Sparse-Linear Attention',
      hf: { upvotes: 78, dailyDate: '2025-09-30' },
    });
    expect(byId(scan, '2509.24006').hf?.aiSummary).toMatch(/^SLA, a trainable attention method/);
  });
});
