import { byId, papers, parse, scanFixture, scanHtml } from '@/tests/unit/content/adapters/load';
import { hfDaily } from '@/utils/content/adapters/hfDaily';
import { LIMITS } from '@/utils/shared/paper';

describe('hfDaily.matches', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers?date=2024-08-01',
    'https://huggingface.co/papers/date/2024-08-01',
    'http://huggingface.co/papers/date/2024-08-01/',
    'https://huggingface.co/papers/week/2026-W48',
    'https://huggingface.co/papers/week/2026-W01/',
    'https://huggingface.co/papers/month/2026-11',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/trending/',
  ])('reads %s', (url) => {
    expect(hfDaily.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://huggingface.co/papers/2407.21783',
    'https://huggingface.co/papers/date/yesterday',
    'https://huggingface.co/papers/date/2024-08-01/extra',
    'https://huggingface.co/papers/week/2026-48',
    'https://huggingface.co/papers/week/2026-W54',
    'https://huggingface.co/papers/week/2026-W00',
    'https://huggingface.co/papers/month/2026-13',
    'https://huggingface.co/papers/month/2026-11-01',
    'https://huggingface.co/papers/trending/2409.00001',
    'https://huggingface.co/papers/trendingx',
    'https://huggingface.co/models',
    'https://huggingface.co/',
    'https://huggingface.co.evil.example/papers',
    'https://evil.example/papers',
    'https://arxiv.org/papers',
  ])('ignores %s', (url) => {
    expect(hfDaily.matches(new URL(url))).toBe(false);
  });
});

describe('Daily Papers from data-props', () => {
  const scan = scanFixture(hfDaily, 'hf-daily.html', 'https://huggingface.co/papers');

  it('labels the page with the date from the props when the URL has none', () => {
    expect(scan.source).toEqual({
      kind: 'hf-daily',
      label: 'HF Daily Papers · 2024-09-02',
      url: 'https://huggingface.co/papers',
    });
  });

  it('prefers the date in the URL', () => {
    for (const [url, date] of [
      ['https://huggingface.co/papers?date=2024-09-03', '2024-09-03'],
      ['https://huggingface.co/papers/date/2024-09-04', '2024-09-04'],
    ] as const) {
      const s = scanFixture(hfDaily, 'hf-daily.html', url);
      expect(s.source.label).toBe(`HF Daily Papers · ${date}`);
      expect(papers(s)[0]?.hf?.dailyDate).toBe(date);
    }
  });

  it('reads the valid items once each, with null anchors', () => {
    expect(papers(scan).map((p) => p.id)).toEqual([
      '2409.00001',
      '2409.00002',
      '2409.00005',
      '2409.00008',
    ]);
    expect(scan.entries.every((e) => e.anchor === null)).toBe(true);
  });

  it('reads every field from paper', () => {
    expect(byId(scan, '2409.00001')).toEqual({
      id: '2409.00001',
      title: 'Sparse Attention at $O(n \\log n)$ Cost: A Study',
      authors: ['Ada Lovelace', 'Joan Clarke', 'Alan Turing'],
      abstract: 'We study sparse attention. It is fast. Code: https://github.com/example/sparse.',
      hf: {
        upvotes: 42,
        githubRepo: 'https://github.com/example/sparse',
        projectPage: 'https://example.org/sparse',
        aiSummary: 'A faster attention.',
        dailyDate: '2024-09-02',
      },
    });
  });

  it('falls back to fields on the outer item and drops non-http links', () => {
    expect(byId(scan, '2409.00002')).toEqual({
      id: '2409.00002',
      title: 'Outer Title Only',
      authors: ['Grace Hopper'],
      abstract: 'Outer summary.',
      hf: {
        upvotes: 0,
        githubRepo: 'http://github.com/example/outer',
        aiSummary: 'Outer AI summary.',
        dailyDate: '2024-09-02',
      },
    });
  });

  it('keeps hostile strings as text and drops values of the wrong type', () => {
    expect(byId(scan, '2409.00005')).toEqual({
      id: '2409.00005',
      title: '<img src=x onerror=alert(1)>',
      authors: [],
      hf: { dailyDate: '2024-09-02' },
    });
    expect(byId(scan, '2409.00008')).toEqual({
      id: '2409.00008',
      title: 'Versioned id',
      authors: ['Real Name'],
      hf: { dailyDate: '2024-09-02' },
    });
  });
});

describe('Daily Papers without usable props', () => {
  it('reads the article cards, dated from the page', () => {
    const scan = scanFixture(hfDaily, 'hf-daily-cards-only.html', 'https://huggingface.co/papers');
    expect(scan.source.label).toBe('HF Daily Papers · 2024-08-01');
    expect(scan.entries.every((e) => e.element?.localName === 'article')).toBe(true);
    expect(scan.entries.map(({ paper, anchor }) => ({ paper, anchor }))).toEqual([
      {
        paper: {
          id: '2407.21783',
          title: 'The Llama 3 Herd of Models',
          authors: [],
          hf: { upvotes: 94, dailyDate: '2024-08-01' },
        },
        anchor: null,
      },
      {
        paper: {
          id: '2407.21705',
          title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
          authors: [],
          hf: { dailyDate: '2024-08-01' },
        },
        anchor: null,
      },
    ]);
  });

  it('falls back to the cards when the props JSON is malformed', () => {
    const scan = scanFixture(hfDaily, 'hf-daily-malformed.html', 'https://huggingface.co/papers');
    expect(scan.source.label).toBe('HF Daily Papers');
    expect(papers(scan)).toEqual([
      { id: '2407.21783', title: 'The Llama 3 Herd of Models', authors: [], hf: { upvotes: 94 } },
      {
        id: '2407.21770',
        title: 'MoMa: Efficient Early-Fusion Pre-training',
        authors: [],
        hf: { upvotes: 19 },
      },
    ]);
  });

  it.each([
    '{"dailyPapers": {"not": "an array"}}',
    '{"dailyPapers": []}',
    'null',
    '[1, 2, 3]',
    '"a string"',
  ])('falls back to the cards for props %s', (json) => {
    const attr = json.replaceAll('"', '&quot;');
    const html = `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${attr}">
      <article><h3><a href="/papers/2407.21783">The Llama 3 Herd of Models</a></h3></article></div>`;
    const scan = scanHtml(hfDaily, html, 'https://huggingface.co/papers?date=2024-08-01');
    expect(papers(scan).map((p) => p.id)).toEqual(['2407.21783']);
  });

  it('returns nothing, without throwing, for an empty page', () => {
    const scan = scanHtml(hfDaily, '', 'https://huggingface.co/papers');
    expect(scan).toEqual({
      source: { kind: 'hf-daily', label: 'HF Daily Papers', url: 'https://huggingface.co/papers' },
      entries: [],
    });
  });
});

describe('limits', () => {
  const page = (dailyPapers: unknown[]) =>
    `<div class="SVELTE_HYDRATER" data-target="DailyPapers" data-props="${JSON.stringify({
      dailyPapers,
    }).replaceAll('"', '&quot;')}"></div>`;
  const id = (i: number) => `2409.${String(i).padStart(5, '0')}`;

  it('caps the number of papers per page', () => {
    const items = Array.from({ length: LIMITS.papersPerPage + 5 }, (_, i) => ({
      paper: { id: id(i), title: `Paper ${i}` },
    }));
    const scan = scanHtml(hfDaily, page(items), 'https://huggingface.co/papers');
    expect(scan.entries).toHaveLength(LIMITS.papersPerPage);
  });

  it('caps authors and clips long strings', () => {
    const item = {
      paper: {
        id: '2409.00001',
        title: 'T'.repeat(LIMITS.title + 10),
        summary: 'S'.repeat(LIMITS.abstract + 10),
        ai_summary: 'A'.repeat(LIMITS.hfText + 10),
        authors: Array.from({ length: LIMITS.authors + 10 }, (_, i) => ({
          name: i === 0 ? 'N'.repeat(LIMITS.authorName + 10) : `Author ${i}`,
        })),
        githubRepo: `https://github.com/${'x'.repeat(LIMITS.url)}`,
      },
    };
    const [paper] = papers(scanHtml(hfDaily, page([item]), 'https://huggingface.co/papers'));
    expect(paper?.title).toHaveLength(LIMITS.title);
    expect(paper?.abstract).toHaveLength(LIMITS.abstract);
    expect(paper?.hf?.aiSummary).toHaveLength(LIMITS.hfText);
    expect(paper?.authors).toHaveLength(LIMITS.authors);
    expect(paper?.authors[0]).toHaveLength(LIMITS.authorName);
    expect(paper?.hf?.githubRepo).toBeUndefined();
  });
});

const propsAttr = (json: unknown) =>
  JSON.stringify(json).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const card = (id: string, title: string, votes = 1) =>
  `<article class="relative flex flex-col"><a href="/papers/${id}" class="block h-56"></a>
   <div class="leading-none">${votes}</div><h3><a href="/papers/${id}">${title}</a></h3></article>`;

describe('week, month and trending lists', () => {
  it.each([
    ['https://huggingface.co/papers/week/2026-W48', 'HF Daily Papers · week 2026-W48'],
    ['https://huggingface.co/papers/month/2026-11', 'HF Daily Papers · month 2026-11'],
    ['https://huggingface.co/papers/trending', 'HF Trending Papers'],
  ])('%s is labelled %s, and its papers carry no list date', (url, label) => {
    const scan = scanFixture(hfDaily, 'hf-daily.html', url);
    expect(scan.source).toEqual({ kind: 'hf-daily', label, url });
    expect(papers(scan).map((p) => p.id)).toEqual([
      '2409.00001',
      '2409.00002',
      '2409.00005',
      '2409.00008',
    ]);
    expect(papers(scan).some((p) => p.hf?.dailyDate)).toBe(false);
  });

  it('reads a `papers` list in any island, dated by submittedOnDailyAt', () => {
    const props = {
      papers: [
        {
          paper: {
            id: '2511.00001',
            title: 'Wrapped',
            upvotes: 5,
            submittedOnDailyAt: '2026-11-24T01:00:00.000Z',
          },
        },
        { id: '2511.00002', title: 'Bare paper object', authors: [{ name: 'Ada Lovelace' }] },
      ],
    };
    const html = `<div class="SVELTE_HYDRATER contents" data-target="MainHeader" data-props="${propsAttr({ isWide: false })}"></div>
      <div class="SVELTE_HYDRATER contents" data-target="TrendingPapers" data-props="${propsAttr(props)}"></div>`;
    const scan = scanHtml(hfDaily, html, 'https://huggingface.co/papers/trending');
    expect(papers(scan)).toEqual([
      {
        id: '2511.00001',
        title: 'Wrapped',
        authors: [],
        hf: { upvotes: 5, dailyDate: '2026-11-24' },
      },
      { id: '2511.00002', title: 'Bare paper object', authors: ['Ada Lovelace'] },
    ]);
  });
});

describe('props merged with the cards', () => {
  const props = propsAttr({
    date: '2024-09-02',
    dailyPapers: [{ paper: { id: '2409.00001', title: 'From props', authors: [{ name: 'A B' }] } }],
  });
  const html = `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}">
    ${card('2409.00001', 'From card', 3)}${card('2409.00031', 'Loaded later', 7)}</div>`;
  const url = 'https://huggingface.co/papers/date/2024-09-02';

  it('keeps the props entry, gives it its card, and adds the cards the props lack', () => {
    const scan = scanHtml(hfDaily, html, url);
    expect(papers(scan)).toEqual([
      { id: '2409.00001', title: 'From props', authors: ['A B'], hf: { dailyDate: '2024-09-02' } },
      {
        id: '2409.00031',
        title: 'Loaded later',
        authors: [],
        hf: { upvotes: 7, dailyDate: '2024-09-02' },
      },
    ]);
    expect(scan.entries.map((e) => e.element?.querySelector('h3')?.textContent)).toEqual([
      'From card',
      'Loaded later',
    ]);
  });

  it('reads only the cards after an in-place navigation (the props are stale)', () => {
    const scan = hfDaily.scan(
      parse(html),
      new URL('https://huggingface.co/papers/date/2024-09-03'),
      {
        inPlace: true,
      },
    );
    expect(scan.source.label).toBe('HF Daily Papers · 2024-09-03');
    expect(papers(scan).map((p) => [p.id, p.title, p.hf?.dailyDate])).toEqual([
      ['2409.00001', 'From card', '2024-09-03'],
      ['2409.00031', 'Loaded later', '2024-09-03'],
    ]);
  });
});
