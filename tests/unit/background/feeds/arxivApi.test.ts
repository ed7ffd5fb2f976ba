// @vitest-environment node

import { byId, readFixture } from '@/tests/unit/background/feeds/load';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';

describe('parseArxivApi: old format (namespaces per element, wrapped summaries)', () => {
  const r = parseArxivApi(readFixture('arxiv-api-2016.xml'));

  it('reads every entry and the paging figures', () => {
    expect(r.ids).toEqual(['1201.4870', 'cond-mat/0412498']);
    expect(r.skipped).toEqual([]);
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({ totalResults: 2, startIndex: 0, itemsPerPage: 10 });
    expect(r.batchDate).toBe('2016-10-09T04:00:00.000Z');
  });

  it('collapses wrapped titles, summaries and comments; primary category first', () => {
    expect(byId(r, '1201.4870')).toEqual({
      id: '1201.4870',
      title: 'Invariant Variation Problems Revisited',
      authors: ['Emmy Noether', 'Felix Klein'],
      abstract:
        'We revisit invariant variation problems (p >= 3) and show that every continuous symmetry yields a conservation law.',
      comments: '26 pages, 10 figures',
      primaryCategory: 'math-ph',
      categories: ['math-ph', 'math.MP'],
      version: 2,
      journalRef: 'Math. Ann. 1 (2012)',
      doi: '10.1000/xyz',
    });
  });

  it('reads old-style ids and leaves out an absent comment', () => {
    const p = byId(r, 'cond-mat/0412498');
    expect(p.primaryCategory).toBe('cond-mat.str-el');
    expect(p.abstract).toBe('We present the theory of "p x p" ordering.');
    expect(p).not.toHaveProperty('comments');
  });
});

describe('parseArxivApi: 2025+ format', () => {
  const r = parseArxivApi(readFixture('arxiv-api-2025.xml'));

  it('reads every entry', () => {
    expect(r.ids).toEqual(['2408.01234', 'gr-qc/0103067', 'math.AG/0601001']);
    expect(r).toMatchObject({ totalResults: 214881, startIndex: 0, itemsPerPage: 3 });
    expect(r.batchDate).toBe('2026-04-12T22:45:06.000Z');
  });

  it('puts arxiv:primary_category first even when the category list starts elsewhere', () => {
    expect(byId(r, '2408.01234')).toEqual({
      id: '2408.01234',
      title: 'Testing Deep Models: A Study',
      authors: ['Mohit Ahuja', 'Arnaud Gotlieb'],
      abstract: 'Deep Learning (DL) needs testing & more testing.',
      comments: 'Workshop @ ICST 2024',
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.SE'],
      version: 2,
    });
  });

  it('reads the version, journal reference and DOI the watch compares', () => {
    const xml = readFixture('arxiv-api-2025.xml').replace(
      '<id>http://arxiv.org/abs/2408.01234v2</id>',
      `<id>http://arxiv.org/abs/2408.01234v11</id>
      <arxiv:journal_ref>  Proc.
        ICSE 2026, pp. 1-12 </arxiv:journal_ref>
      <arxiv:doi>10.1109/ICSE.2026.00001 10.5555/other</arxiv:doi>`,
    );
    expect(byId(parseArxivApi(xml), '2408.01234')).toMatchObject({
      version: 11,
      journalRef: 'Proc. ICSE 2026, pp. 1-12',
      doi: '10.1109/ICSE.2026.00001',
    });
    const junk = readFixture('arxiv-api-2025.xml').replace(
      'abs/2408.01234v2</id>',
      'abs/2408.01234</id><arxiv:doi>not a doi</arxiv:doi>',
    );
    const paper = byId(parseArxivApi(junk), '2408.01234');
    expect(paper).not.toHaveProperty('doi');
    expect(paper).not.toHaveProperty('version');
  });

  it('decodes character references in names', () => {
    expect(byId(r, 'gr-qc/0103067').authors).toEqual(['Claus Lämmerzahl']);
    expect(byId(r, 'math.AG/0601001').primaryCategory).toBe('math.AG');
  });

  it('skips an entry cut off by a truncated response', () => {
    const xml = readFixture('arxiv-api-2025.xml');
    const cut = parseArxivApi(xml.slice(0, xml.indexOf('Principles of Equivalence')));
    expect(cut.ids).toEqual(['2408.01234']);
    expect(cut.skipped).toEqual([
      { reason: 'cut off: the input ends inside this entry', index: 1 },
    ]);
  });

  it('reads an empty result page', () => {
    const xml = readFixture('arxiv-api-2025.xml').replace(/<entry>[\s\S]*<\/entry>/, '');
    expect(parseArxivApi(xml)).toMatchObject({ papers: [], skipped: [], ids: [] });
  });
});

describe('parseArxivApi: errors and junk', () => {
  it("returns the API's error message instead of papers", () => {
    expect(parseArxivApi(readFixture('arxiv-api-error.xml'))).toEqual({
      papers: [],
      skipped: [],
      ids: [],
      error: 'incorrect id format for 1234.12345',
    });
  });

  it.each([
    ['', 'no XML element in the input'],
    ['Rate exceeded.', 'no XML element in the input'],
    ['<rss><channel/></rss>', 'not an Atom feed (root element <rss>)'],
  ])('%j → empty with a reason', (input, reason) => {
    expect(parseArxivApi(input)).toEqual({ papers: [], skipped: [{ reason, index: -1 }], ids: [] });
  });

  it('never throws on non-string input', () => {
    for (const bad of [undefined, null, 1, {}, []]) {
      expect(parseArxivApi(bad as unknown as string).papers).toEqual([]);
    }
  });
});
