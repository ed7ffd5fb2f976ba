import {
  byId,
  papers,
  parse,
  readFixture,
  scanFixture,
  scanHtml,
} from '@/tests/unit/content/adapters/load';
import { arxivSearch } from '@/utils/content/adapters/arxivSearch';

const URL_ = 'https://arxiv.org/search/?query=knowledge+graph&searchtype=all&source=header';

describe('arxivSearch.matches', () => {
  it.each([
    URL_,
    'https://arxiv.org/search/?query=drosophila+connectome&searchtype=all&abstracts=show&order=-announced_date_first&size=50',
    'https://arxiv.org/search/cs?query=Riedl%2C+M&searchtype=author',
    'https://arxiv.org/search/advanced?advanced=&terms-0-term=graph&terms-0-field=title',
    'https://arxiv.org/search',
  ])('reads %s', (url) => {
    expect(arxivSearch.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://arxiv.org/searching',
    'https://arxiv.org/list/cs/new',
    'https://arxiv.org/abs/2408.01234',
    'https://search.arxiv.org/search/?query=x',
    'https://evil.example/search/?query=x',
    'https://huggingface.co/search/full-text?q=x',
  ])('ignores %s', (url) => {
    expect(arxivSearch.matches(new URL(url))).toBe(false);
  });
});

describe('search labels', () => {
  const label = (url: string) => scanHtml(arxivSearch, '', url).source.label;

  it('names the query', () => {
    expect(label(URL_)).toBe('arXiv search · knowledge graph');
    expect(label('https://arxiv.org/search/advanced?terms-0-term=%20graph%20%20theory')).toBe(
      'arXiv search · graph theory',
    );
  });

  it('clips the query to 80 characters and falls back when it is empty', () => {
    expect(label(`https://arxiv.org/search/?query=${'q'.repeat(200)}`)).toBe(
      `arXiv search · ${'q'.repeat(80)}`,
    );
    expect(label('https://arxiv.org/search/?query=&searchtype=all')).toBe('arXiv search');
    expect(label('https://arxiv.org/search/')).toBe('arXiv search');
  });
});

describe('search results', () => {
  const scan = scanFixture(arxivSearch, 'arxiv-search.html', URL_);

  it('finds the valid results once each', () => {
    expect(papers(scan).map((p) => p.id)).toEqual(['2408.01234', 'hep-th/9901001', '2407.00001']);
    expect(scan.source).toEqual({
      kind: 'arxiv-search',
      label: 'arXiv search · knowledge graph',
      url: URL_,
    });
  });

  it('reads every field of a result', () => {
    expect(byId(scan, '2408.01234')).toEqual({
      id: '2408.01234',
      title: 'Scaling Knowledge Graph Embeddings to $10^9$ Edges',
      authors: ['Wei Zhang', 'Anna Müller', 'Chidi Okafor'],
      abstract:
        'We scale knowledge graph embeddings to $10^9$ edges on a single machine, with a new sharding scheme.',
      comments: '14 pages, 5 figures; accepted at KG 2024',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
    });
  });

  it('anchors on the short "Submitted" line of each result (the id line has the tags beside it)', () => {
    const anchor = scan.entries[0]?.anchor;
    expect(anchor?.localName).toBe('p');
    expect(anchor?.textContent).toMatch(/^Submitted 2 August, 2024;/);
    expect(anchor?.closest('li')?.classList.contains('arxiv-result')).toBe(true);
  });

  it('falls back to the short abstract, without the "More" toggle', () => {
    expect(byId(scan, 'hep-th/9901001')).toEqual({
      id: 'hep-th/9901001',
      title: 'Old-Style Identifiers in the Graph of Dualities',
      authors: ['Edward Witten'],
      abstract: 'Only a short abstract here…',
      primaryCategory: 'hep-th',
      categories: ['hep-th'],
    });
  });

  it('keeps hostile markup as text', () => {
    expect(byId(scan, '2407.00001')).toMatchObject({
      title: '<img src=x onerror=alert(1)> and <script>alert(2)</script>',
      authors: ['<b>Mallory</b>'],
    });
    const doc = parse(readFixture('arxiv-search.html'));
    arxivSearch.scan(doc, new URL(URL_));
    expect(doc.querySelector('img, script, b')).toBeNull();
  });

  it('returns nothing for a page without results', () => {
    const html = '<h1 class="title">Sorry, your query for all: zzzz produced no results.</h1>';
    expect(scanHtml(arxivSearch, html, 'https://arxiv.org/search/?query=zzzz').entries).toEqual([]);
  });
});
