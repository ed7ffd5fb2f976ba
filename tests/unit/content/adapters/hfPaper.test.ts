import { byId, papers, scanFixture, scanHtml } from '@/tests/unit/content/adapters/load';
import { hfPaperPage } from '@/utils/content/adapters/hfPaper';

const URL_77 = 'https://huggingface.co/papers/2409.00077';

describe('hfPaperPage.matches', () => {
  it.each([
    URL_77,
    'https://huggingface.co/papers/2409.00077/',
    'https://huggingface.co/papers/2408.01234v2',
    'https://huggingface.co/papers/2409.00077#community',
    'http://www.huggingface.co/papers/1706.03762',
  ])('reads %s', (url) => {
    expect(hfPaperPage.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/date/2024-09-02',
    'https://huggingface.co/papers/week/2026-W48',
    'https://huggingface.co/papers/2409.00077/extra',
    'https://huggingface.co/papers/not-an-id',
    'https://huggingface.co/papers/hep-th/9901001',
    'https://huggingface.co.evil.example/papers/2409.00077',
    'https://arxiv.org/papers/2409.00077',
    'ftp://huggingface.co/papers/2409.00077',
  ])('ignores %s', (url) => {
    expect(hfPaperPage.matches(new URL(url))).toBe(false);
  });
});

describe('HF paper page from its PaperContent props', () => {
  const scan = scanFixture(hfPaperPage, 'hf-paper.html', URL_77);

  it('labels the page and reads one paper, without anchors', () => {
    expect(scan.source).toEqual({ kind: 'hf-daily', label: 'HF paper pages', url: URL_77 });
    expect(scan.entries).toHaveLength(1);
    expect(scan.entries[0]?.anchor).toBeNull();
  });

  it('reads every field of paper', () => {
    expect(byId(scan, '2409.00077')).toEqual({
      id: '2409.00077',
      title: 'Orbital Transformers: Long Context for $n$-Body Problems',
      authors: ['Mary Jackson', 'Katherine Johnson', 'Dorothy Vaughan'],
      abstract:
        'We predict orbits with transformers. Code and data: https://github.com/example/orbital.',
      hf: {
        upvotes: 17,
        githubRepo: 'https://github.com/example/orbital',
        projectPage: 'https://example.org/orbital',
        aiSummary: 'Transformers predict orbits over long horizons.',
        dailyDate: '2024-09-02',
      },
    });
  });

  it('reads a versioned URL as the bare id', () => {
    const s = scanFixture(hfPaperPage, 'hf-paper.html', `${URL_77}v3`);
    expect(papers(s).map((p) => p.id)).toEqual(['2409.00077']);
  });

  it('does not take props that describe another paper', () => {
    // The same page served at another paper's URL: the props and arXiv links are for 2409.00077.
    const s = scanFixture(hfPaperPage, 'hf-paper.html', 'https://huggingface.co/papers/2409.00078');
    expect(byId(s, '2409.00078')).toEqual({
      id: '2409.00078',
      title: 'Orbital Transformers: Long Context for $n$-Body Problems',
      authors: [],
    });
    // After an in-place navigation, a heading without an arXiv link for the id is not trusted.
    const inPlace = hfPaperPage.scan(
      new DOMParser().parseFromString(
        '<h1>Daily Papers</h1><a href="/papers/2409.00078">card</a>',
        'text/html',
      ),
      new URL('https://huggingface.co/papers/2409.00078'),
      { inPlace: true },
    );
    expect(inPlace.entries).toEqual([]);
  });
});

describe('HF paper page without props', () => {
  const head = (description: string) => `<head>
    <meta name="description" content="${description}" />
    <meta property="og:title" content="Paper page - Meta Title Only" /></head>`;
  const ABSTRACT = `We show ${'a long result '.repeat(10)}in full.`;

  it('reads the h1 and a real description', () => {
    const scan = scanHtml(
      hfPaperPage,
      `${head(ABSTRACT)}<body><h1 class="mb-2">Heading   Title</h1></body>`,
      URL_77,
    );
    expect(papers(scan)).toEqual([
      { id: '2409.00077', title: 'Heading Title', authors: [], abstract: ABSTRACT.trim() },
    ]);
  });

  it("falls back to og:title and ignores HF's generic description", () => {
    const scan = scanHtml(
      hfPaperPage,
      `${head('Join the discussion on this paper page')}<body></body>`,
      URL_77,
    );
    expect(papers(scan)).toEqual([{ id: '2409.00077', title: 'Meta Title Only', authors: [] }]);
  });

  it('skips malformed or foreign props and still reads the page', () => {
    const islands = [
      'not json',
      '{&quot;paper&quot;: {&quot;id&quot;: &quot;2409.00001&quot;, &quot;title&quot;: &quot;Other 2409.00077&quot;}}',
      '[&quot;2409.00077&quot;]',
    ]
      .map(
        (p) =>
          `<div class="SVELTE_HYDRATER contents" data-target="PaperContent" data-props="${p}"></div>`,
      )
      .join('');
    const scan = scanHtml(hfPaperPage, `${islands}<h1>The Real Title</h1>`, URL_77);
    expect(papers(scan)).toEqual([{ id: '2409.00077', title: 'The Real Title', authors: [] }]);
  });

  it('after an in-place navigation: reads the heading only next to an arXiv link, never meta', () => {
    const html = `${head(ABSTRACT)}<body><h1>Fresh Title</h1>
      <a href="https://arxiv.org/pdf/2409.00077v2">View PDF</a></body>`;
    const scan = hfPaperPage.scan(
      new DOMParser().parseFromString(html, 'text/html'),
      new URL(URL_77),
      {
        inPlace: true,
      },
    );
    expect(papers(scan)).toEqual([{ id: '2409.00077', title: 'Fresh Title', authors: [] }]);
  });

  it('returns nothing, without throwing, for an empty page', () => {
    expect(scanHtml(hfPaperPage, '', URL_77).entries).toEqual([]);
  });
});
