import {
  papers,
  parse,
  readFixture,
  scanFixture,
  scanHtml,
} from '@/tests/unit/content/adapters/load';
import { arxivAbs } from '@/utils/content/adapters/arxivAbs';
import { renderPageMarks } from '@/utils/content/pageMarks';

describe('arxivAbs.matches', () => {
  it.each([
    'https://arxiv.org/abs/2106.09608',
    'https://arxiv.org/abs/2106.09608v2',
    'https://arxiv.org/abs/2408.01234?context=cs',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/hep-th/9901001v3',
    'https://arxiv.org/abs/math.AG/0601001',
    'http://www.arxiv.org/abs/0704.0001',
  ])('reads %s', (url) => {
    expect(arxivAbs.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/2106.096',
    'https://arxiv.org/pdf/2106.09608',
    'https://arxiv.org/list/cs/new',
    'https://evil.example/abs/2106.09608',
    'https://huggingface.co/papers/2106.09608',
  ])('ignores %s', (url) => {
    expect(arxivAbs.matches(new URL(url))).toBe(false);
  });
});

describe('abstract page with citation meta tags', () => {
  const url = 'https://arxiv.org/abs/2106.09608v2';
  const scan = scanFixture(arxivAbs, 'arxiv-abs.html', url);

  it('reads one paper from the meta tags, body for comments and categories', () => {
    expect(scan.source).toEqual({ kind: 'arxiv-abs', label: 'arXiv abstract pages', url });
    expect(papers(scan)).toEqual([
      {
        id: '2106.09608',
        title: 'Learning Knowledge Graph-based World Models with $\\ell_1$ Penalties',
        authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl', 'The Textworld Collaboration'],
        abstract:
          "World models improve a learning agent's ability to efficiently operate in interactive and situated environments with $O(n)$ memory. <img src=x onerror=alert(1)>",
        comments: 'Camera read, in Proceedings of NeurIPS 2021 Main Conference',
        primaryCategory: 'cs.LG',
        categories: ['cs.LG', 'cs.AI', 'cs.CL'],
      },
    ]);
  });

  it('anchors on the one-line dateline above the title, else on h1.title', () => {
    expect(scan.entries[0]?.anchor?.classList.contains('dateline')).toBe(true);
    const noDateline = parse(readFixture('arxiv-abs.html'));
    noDateline.querySelector('.dateline')?.remove();
    const anchor = arxivAbs.scan(noDateline, new URL('https://arxiv.org/abs/2106.09608')).entries[0]
      ?.anchor;
    expect(anchor?.localName).toBe('h1');
    expect(anchor?.classList.contains('title')).toBe(true);
  });

  it('takes the id from the URL when the meta id is missing', () => {
    const html = readFixture('arxiv-abs.html').replace(/<meta name="citation_arxiv_id"[^>]*>/, '');
    expect(papers(scanHtml(arxivAbs, html, url))[0]?.id).toBe('2106.09608');
  });
});

describe('abstract page without meta tags', () => {
  const url = 'https://arxiv.org/abs/hep-th/9901001v2';
  const scan = scanFixture(arxivAbs, 'arxiv-abs-nometa.html', url);

  it('reads the body: old-style id, MathJax put back to TeX, no "et al." toggle', () => {
    expect(papers(scan)).toEqual([
      {
        id: 'hep-th/9901001',
        title: 'Anomalies and the $\\theta$ Term in <b>Gauge</b> Theories',
        authors: ['Edward Witten', 'Nathan Seiberg', 'Gregory Moore'],
        abstract: 'We study the vacuum angle, with $$E = mc^2$$ as a display formula.',
        comments: '12 pages, LaTeX',
        primaryCategory: 'hep-th',
        categories: ['hep-th', 'math-ph'],
      },
    ]);
  });

  it('reads the same title after Paperlight has marked the page', () => {
    const doc = parse(readFixture('arxiv-abs-nometa.html'));
    const first = arxivAbs.scan(doc, new URL(url));
    const status = {
      id: first.entries[0]?.paper.id ?? '',
      saved: true,
      seenBefore: true,
      opened: false,
      dismissed: false,
      hasCode: false,
    };
    const answer = async () => status;
    const actions = {
      setSaved: answer,
      setDismissed: answer,
      setLiked: answer,
      followAuthor: answer,
    };
    expect(renderPageMarks(doc, first.entries, [status], actions)).toHaveLength(1);
    expect(doc.querySelector('h1.title paperlight-mark')).not.toBeNull();
    expect(papers(arxivAbs.scan(doc, new URL(url)))[0]?.title).toBe(
      'Anomalies and the $\\theta$ Term in <b>Gauge</b> Theories',
    );
  });
});

describe('unusual abstract pages', () => {
  it('returns nothing when there is no title', () => {
    const scan = scanHtml(
      arxivAbs,
      '<h1>arXiv</h1><p>Article not found</p>',
      'https://arxiv.org/abs/2106.09608',
    );
    expect(scan.entries).toEqual([]);
  });

  it('works from meta tags alone, with a null anchor', () => {
    const html = `<head><meta name="citation_title" content="Only Meta">
      <meta name="citation_author" content="Curie, Marie"><meta name="citation_author" content=" , "></head>`;
    const scan = scanHtml(arxivAbs, html, 'https://arxiv.org/abs/2106.09608v1');
    expect(scan.entries).toEqual([
      { paper: { id: '2106.09608', title: 'Only Meta', authors: ['Marie Curie'] }, anchor: null },
    ]);
  });

  it('does not throw on an empty document', () => {
    expect(scanHtml(arxivAbs, '', 'https://arxiv.org/abs/2106.09608').entries).toEqual([]);
  });
});
