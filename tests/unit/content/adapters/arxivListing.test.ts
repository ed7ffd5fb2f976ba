import {
  byId,
  papers,
  parse,
  readFixture,
  scanFixture,
  scanHtml,
} from '@/tests/unit/content/adapters/load';
import { arxivListing, periodLabel } from '@/utils/content/adapters/arxivListing';
import { LIMITS } from '@/utils/shared/paper';

const NEW_URL = 'https://arxiv.org/list/quant-ph/new';

describe('arxivListing.matches', () => {
  it.each([
    'https://arxiv.org/list/quant-ph/new',
    'https://arxiv.org/list/cs.CL/new?skip=0&show=2000',
    'https://arxiv.org/list/cs/new/',
    'https://arxiv.org/list/cs/recent',
    'https://arxiv.org/list/cs.AI/recent?skip=25&show=25',
    'https://arxiv.org/list/math/pastweek?show=50',
    'https://arxiv.org/list/astro-ph.CO/current',
    'https://arxiv.org/list/cs/2301',
    'https://arxiv.org/list/cs/2301?skip=3&show=3',
    'https://arxiv.org/list/cs/2023',
    'https://arxiv.org/list/cs/2023-01',
    'https://arxiv.org/list/hep-th/9901',
    'http://arxiv.org/list/cs/new',
    'https://www.arxiv.org/list/cs/new',
  ])('reads %s', (url) => {
    expect(arxivListing.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/list/cs',
    'https://arxiv.org/list/cs/',
    'https://arxiv.org/list/cs/old',
    'https://arxiv.org/list/cs/2313',
    'https://arxiv.org/list/cs/3000',
    'https://arxiv.org/list/cs/new/extra',
    'https://arxiv.org/abs/2408.01234',
    'https://arxiv.org/search/?query=list',
    'https://arxiv.org.evil.example/list/cs/new',
    'https://evil.example/list/cs/new',
    'ftp://arxiv.org/list/cs/new',
    'https://huggingface.co/papers',
  ])('ignores %s', (url) => {
    expect(arxivListing.matches(new URL(url))).toBe(false);
  });
});

describe('listing labels', () => {
  it.each([
    ['https://arxiv.org/list/quant-ph/new', 'arXiv quant-ph · new'],
    ['https://arxiv.org/list/cs.CL/new?skip=0&show=25', 'arXiv cs.CL · new'],
    ['https://arxiv.org/list/cs/recent', 'arXiv cs · recent'],
    ['https://arxiv.org/list/cs/pastweek?show=100', 'arXiv cs · past week'],
    ['https://arxiv.org/list/cs/2301', 'arXiv cs · Jan 2023'],
    ['https://arxiv.org/list/cs/2301?skip=3&show=3', 'arXiv cs · Jan 2023'],
    ['https://arxiv.org/list/cs/2023', 'arXiv cs · 2023'],
    ['https://arxiv.org/list/cs/2023-01', 'arXiv cs · Jan 2023'],
    ['https://arxiv.org/list/math/9108', 'arXiv math · Aug 1991'],
    ['https://arxiv.org/list/hep-th/0704', 'arXiv hep-th · Apr 2007'],
  ])('%s → %s', (url, label) => {
    const scan = scanFixture(arxivListing, 'arxiv-list-empty.html', url);
    expect(scan.source).toEqual({ kind: 'arxiv-listing', label, url });
  });

  it('reads periods the way arxiv.org does', () => {
    expect(periodLabel('2412')).toBe('Dec 2024');
    expect(periodLabel('1001')).toBe('Jan 2010');
    expect(periodLabel('202312')).toBe('Dec 2023');
    expect(periodLabel('2023-3')).toBe('Mar 2023');
    expect(periodLabel('2010')).toBe('2010'); // 2001–2012: years on today's arXiv
    expect(periodLabel('1999')).toBe('1999');
    expect(periodLabel('23')).toBe('2023');
    expect(periodLabel('2023-13')).toBeUndefined();
    expect(periodLabel('23011')).toBeUndefined();
    expect(periodLabel('abc')).toBeUndefined();
  });
});

describe('mid-2024 listing markup (one dl per section)', () => {
  const scan = scanFixture(arxivListing, 'arxiv-list-new-2024.html', NEW_URL);

  it('finds each valid paper once, in page order', () => {
    expect(papers(scan).map((p) => p.id)).toEqual([
      '2408.03941',
      '2408.03986',
      '2408.03736',
      'hep-th/9901001',
    ]);
  });

  it('reads every field of an entry', () => {
    expect(byId(scan, '2408.03941')).toEqual({
      id: '2408.03941',
      title: "The Born rule for quantum probabilities from $\\mathcal{O}(n^2)$ Newton's third law",
      authors: ['S.S. Afonin', 'Zongkang Zhang', 'Nelly H.Y. Ng'],
      comments: '9 pages, 1 figure',
      primaryCategory: 'quant-ph',
      categories: ['quant-ph', 'hep-ph', 'hep-th'],
      abstract:
        'I propose a simple physical answer with $\\langle \\psi | \\psi \\rangle = 1$ and $$\\int |\\psi|^2 = 1$$ for the amplitude.',
      section: 'new',
    });
  });

  it('anchors each paper on its dt', () => {
    const entry = scan.entries[0];
    expect(entry?.anchor?.localName).toBe('dt');
    expect(entry?.anchor?.querySelector('a[title="Abstract"]')?.id).toBe('2408.03941');
  });

  it('assigns sections from the headings and the dt marks', () => {
    expect(papers(scan).map((p) => p.section)).toEqual(['new', 'new', 'cross-list', 'replacement']);
    expect(byId(scan, '2408.03736').primaryCategory).toBe('cond-mat.quant-gas');
  });

  it('keeps the first occurrence of a repeated id', () => {
    expect(byId(scan, '2408.03941').title).toMatch(/^The Born rule/);
    expect(byId(scan, '2408.03941').section).toBe('new');
  });

  it('reads old-style ids and strips labels from comments', () => {
    expect(byId(scan, 'hep-th/9901001')).toMatchObject({
      title: 'An old-style identifier for a replaced paper',
      authors: ['Edward Witten'],
      comments: 'v3: typos fixed; see arXiv:1905.02586',
      categories: ['hep-th', 'quant-ph'],
      section: 'replacement',
    });
  });

  it('skips entries with an empty title', () => {
    expect(papers(scan).some((p) => p.id === '2408.03987')).toBe(false);
  });

  it('keeps hostile markup as text', () => {
    const hostile = byId(scan, '2408.03986');
    expect(hostile.title).toBe('<img src=x onerror=alert(1)> Finding quantum partial assignments');
    expect(hostile.authors).toEqual(['Jordi <b>Weggemans</b>']);
    expect(hostile.abstract).toContain('<script>alert(1)</script>');
    expect(hostile.comments).toBeUndefined();
    const doc = parse(readFixture('arxiv-list-new-2024.html'));
    arxivListing.scan(doc, new URL(NEW_URL));
    expect(doc.querySelector('img, b')).toBeNull();
  });

  it('never sets listingDay on /new', () => {
    expect(papers(scan).every((p) => p.listingDay === undefined)).toBe(true);
  });
});

describe('current listing markup', () => {
  const scan = scanFixture(
    arxivListing,
    'arxiv-list-new-current.html',
    'https://arxiv.org/list/cs.CL/new',
  );

  it('reads new, cross-list and replacement sections', () => {
    expect(papers(scan).map((p) => [p.id, p.section])).toEqual([
      ['2408.04539', 'new'],
      ['2408.04540', 'new'],
      ['2408.03001', 'cross-list'],
      ['2301.13353', 'replacement'],
    ]);
  });

  it('reads the fields, with TeX kept and whitespace collapsed', () => {
    expect(byId(scan, '2408.04539')).toEqual({
      id: '2408.04539',
      title: 'Scaling $k$-NN Retrieval for Long-Context Language Models',
      authors: ['Alice Liu', 'Bola Okafor'],
      // arXiv shows links as "this https URL"; the URL itself is kept.
      comments: '12 pages; code at https://github.com/example/knn',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      abstract: 'We study retrieval with $O(\\log n)$ lookups.',
      section: 'new',
    });
    expect(byId(scan, '2301.13353').categories).toEqual(['quant-ph', 'cs.CL']);
    expect(scan.source.label).toBe('arXiv cs.CL · new');
  });

  it('gives a cross-listed entry its own primary category first', () => {
    expect(byId(scan, '2408.03001')).toMatchObject({
      primaryCategory: 'cs.AI',
      categories: ['cs.AI', 'cs.CL'],
    });
  });
});

describe('/recent (one section per day)', () => {
  for (const period of ['recent', 'pastweek']) {
    it(`sets listingDay from the day headings on /${period}`, () => {
      const scan = scanFixture(
        arxivListing,
        'arxiv-list-recent-current.html',
        `https://arxiv.org/list/cs/${period}?skip=0&show=25`,
      );
      expect(papers(scan).map((p) => [p.id, p.listingDay, p.section])).toEqual([
        ['2607.20001', 'Mon, 27 Jul 2026', 'new'],
        ['2607.20002', 'Mon, 27 Jul 2026', 'new'],
        ['2607.18001', 'Fri, 24 Jul 2026', 'new'],
        ['2607.18002', 'Fri, 24 Jul 2026', 'cross-list'],
        ['2607.18003', 'Fri, 24 Jul 2026', 'new'],
      ]);
      expect(byId(scan, '2607.18003')).toEqual({
        id: '2607.18003',
        title: 'Third Friday Paper',
        authors: ['Kurt Gödel'],
        primaryCategory: 'cs.LO',
        categories: ['cs.LO'],
        section: 'new',
        listingDay: 'Fri, 24 Jul 2026',
      });
    });
  }
});

describe('empty and malformed listings', () => {
  it('returns no entries for "No updates for this time period."', () => {
    const scan = scanFixture(
      arxivListing,
      'arxiv-list-empty.html',
      'https://arxiv.org/list/cs/new',
    );
    expect(scan.entries).toEqual([]);
    expect(scan.source.label).toBe('arXiv cs · new');
  });

  it('skips malformed entries, not the page', () => {
    const scan = scanFixture(
      arxivListing,
      'arxiv-list-malformed.html',
      'https://arxiv.org/list/cs/new',
    );
    expect(papers(scan)).toEqual([
      {
        id: '2408.00005',
        title: 'Good entry without a descriptor span',
        authors: [],
        primaryCategory: 'cs.LG',
        categories: ['cs.LG'],
        section: 'new',
      },
      {
        id: '2408.00007',
        title: 'Id from the link text',
        authors: ['A. Author'],
        section: 'new',
      },
    ]);
  });

  it('skips an entry whose reading throws and keeps the others', () => {
    const doc = parse(readFixture('arxiv-list-new-current.html'));
    const dd = doc.querySelectorAll('dd')[1];
    if (!dd) throw new Error('fixture changed');
    const boom = () => {
      throw new Error('boom');
    };
    for (const name of ['querySelector', 'querySelectorAll', 'getElementsByTagName']) {
      Object.defineProperty(dd, name, { value: boom });
    }
    Object.defineProperty(dd, 'firstElementChild', { get: boom });
    const scan = arxivListing.scan(doc, new URL('https://arxiv.org/list/cs.CL/new'));
    expect(papers(scan).map((p) => p.id)).toEqual(['2408.04539', '2408.03001', '2301.13353']);
  });

  it('does not throw on an empty or unrelated document', () => {
    for (const html of ['', '<p>hello</p>', '<dl><dt></dt><dd></dd><h3></h3></dl>']) {
      expect(scanHtml(arxivListing, html, 'https://arxiv.org/list/cs/new').entries).toEqual([]);
    }
  });

  it('returns no entries when the document itself fails', () => {
    const doc = parse(readFixture('arxiv-list-new-current.html'));
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    const scan = arxivListing.scan(doc, new URL('https://arxiv.org/list/cs.CL/new'));
    expect(scan.entries).toEqual([]);
    expect(scan.source.label).toBe('arXiv cs.CL · new');
  });

  it('reads the fields wherever they sit inside the dd', () => {
    const fields = `<div class="list-title mathjax"><span class="descriptor">Title:</span> Nested</div>
      <div class="list-authors"><a href="/a/x">X. Writer</a></div>
      <div class="list-comments"><span class="descriptor">Comments:</span> 3 pages</div>
      <div class="list-subjects"><span class="descriptor">Subjects:</span>
        <span class="primary-subject">Machine Learning (cs.LG)</span></div>
      <p class="mathjax">An abstract.</p>`;
    const entry = (id: string, dd: string) =>
      `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt><dd>${dd}</dd>`;
    const html = `<dl>${entry('2408.00001', `<div class="meta">${fields}</div>`)}${entry(
      '2408.00002',
      fields,
    )}${entry('2408.00003', `<div class="wrapper"><section>${fields}</section></div>`)}</dl>`;
    const read = papers(scanHtml(arxivListing, html, 'https://arxiv.org/list/cs/new'));
    expect(read).toHaveLength(3);
    for (const paper of read) {
      expect(paper).toMatchObject({
        title: 'Nested',
        authors: ['X. Writer'],
        comments: '3 pages',
        categories: ['cs.LG'],
        abstract: 'An abstract.',
      });
    }
  });

  it('reads a page MathJax has typeset: formulas back to TeX, other fields as they are', () => {
    const dt = (id: string) => `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt>`;
    const html = `<dl>${dt('2408.00001')}<dd><div class="meta">
        <div class="list-title mathjax"><span class="descriptor">Title:</span> Bounds in
          <span class="MathJax_Preview"></span><span class="MathJax"><nobr>O(n)</nobr></span><script type="math/tex">O(n)</script> time</div>
        <div class="list-comments mathjax"><span class="descriptor">Comments:</span> code at
          <a href="https://github.com/x/y">this https URL</a></div></div></dd>
      ${dt('2408.00002')}<dd><div class="meta">
        <div class="list-title mathjax"><span class="descriptor">Title:</span>  Plain  title </div>
        <div class="list-comments"><span class="descriptor">Comments:</span> 9 pages<style>p{}</style></div>
        <p class="mathjax">An <em>emphasised</em> abstract.</p></div></dd></dl>`;
    const [first, second] = papers(scanHtml(arxivListing, html, 'https://arxiv.org/list/cs/new'));
    expect(first).toMatchObject({
      title: 'Bounds in $O(n)$ time',
      comments: 'code at https://github.com/x/y',
    });
    expect(second).toMatchObject({
      title: 'Plain title',
      comments: '9 pages',
      abstract: 'An emphasised abstract.',
    });
  });

  it('clips long titles and abstracts to the limits', () => {
    const long = 'x'.repeat(LIMITS.abstract + 50);
    const html = `<dl><dt><a href="/abs/2408.00001" title="Abstract">arXiv:2408.00001</a></dt>
      <dd><div class="list-title">${'T'.repeat(LIMITS.title + 50)}</div><p class="mathjax">${long}</p></dd></dl>`;
    const [paper] = papers(scanHtml(arxivListing, html, 'https://arxiv.org/list/cs/new'));
    expect(paper?.title).toHaveLength(LIMITS.title);
    expect(paper?.abstract).toHaveLength(LIMITS.abstract);
  });
});
