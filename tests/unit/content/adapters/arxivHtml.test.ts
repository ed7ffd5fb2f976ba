import { byId, scanFixture, scanHtml } from '@/tests/unit/content/adapters/load';
import { arxivHtml } from '@/utils/content/adapters/arxivHtml';

describe('arxivHtml.matches', () => {
  it.each([
    'https://arxiv.org/html/2408.01234v2',
    'https://arxiv.org/html/2408.01234',
    'https://arxiv.org/html/2408.01234v2/',
    'https://arxiv.org/html/2408.01234v2#S1',
  ])('reads %s', (url) => {
    expect(arxivHtml.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://arxiv.org/html/',
    'https://arxiv.org/html/not-an-id',
    'https://arxiv.org/html/2408.01234v2/x1.png',
    'https://evil.example/html/2408.01234v2',
  ])('ignores %s', (url) => {
    expect(arxivHtml.matches(new URL(url))).toBe(false);
  });
});

describe('an HTML paper page', () => {
  const url = 'https://arxiv.org/html/2408.01234v2';
  const scan = scanFixture(arxivHtml, 'arxiv-html-paper.html', url);

  it('reads the id from the URL, and the title, authors and abstract from the page', () => {
    expect(byId(scan, '2408.01234')).toEqual({
      id: '2408.01234',
      title: 'Scaling $k$-NN Retrieval for Long Contexts',
      authors: ['Alice Liu', 'Bola Okafor', 'Chloé Moreau', 'Yoshua Bengio'],
      abstract: 'We study retrieval with $O(\\log n)$ lookups.',
    });
  });

  it('is sent as an abstract page, marked at the title', () => {
    expect(scan.source).toEqual({ kind: 'arxiv-abs', label: 'arXiv HTML papers', url });
    expect(scan.entries[0]?.anchor?.localName).toBe('h1');
  });

  it('reads nothing from a page without a title (an error page)', () => {
    const page = scanHtml(
      arxivHtml,
      '<html><body><p>No HTML for this paper.</p></body></html>',
      url,
    );
    expect(page.entries).toEqual([]);
  });
});
