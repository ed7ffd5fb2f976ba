// @vitest-environment node

import { byId, readFixture, tally } from '@/tests/unit/background/feeds/load';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import { LIMITS } from '@/utils/shared/paper';

describe('parseArxivRss: RSS 2.0 (rss.arxiv.org/rss/<cat>)', () => {
  const xml = readFixture('arxiv-rss-2024.xml');
  const result = parseArxivRss(xml);

  it('reads every item with an id and a title, and says why the others were skipped', () => {
    expect(result.ids).toEqual(['2408.01234', '2408.02345', '2312.09876', 'hep-th/9901001']);
    expect(result.papers.map((p) => p.id)).toEqual(result.ids);
    expect(result.skipped).toEqual([
      { reason: 'no valid arXiv id', index: 4 },
      { reason: 'repeated id 2408.01234', index: 5 },
    ]);
  });

  it('gives the batch date (channel pubDate, as ISO) and the announcement day', () => {
    expect(result.batchDate).toBe('2024-08-08T04:00:00.000Z');
    expect(result.announced).toBe('2024-08-08');
    expect(result.error).toBeUndefined();
  });

  it('reads a new item: abstract without the "arXiv:… Announce Type: … Abstract:" prefix', () => {
    expect(byId(result, '2408.01234')).toEqual({
      id: '2408.01234',
      title: 'Sparse Retrieval for Long Documents',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      abstract:
        'We study sparse retrieval over long documents & show that it scales to 10^6 passages with $O(n \\log n)$ cost.',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.IR'],
      section: 'new',
      announceType: 'new',
    });
  });

  it('maps announce types to sections', () => {
    expect(result.papers.map((p) => [p.announceType, p.section])).toEqual([
      ['new', 'new'],
      ['cross', 'cross-list'],
      ['replace', 'replacement'],
      ['replace-cross', 'replacement'],
    ]);
  });

  it('keeps the first category as primary (a cross-list is primary elsewhere)', () => {
    expect(byId(result, '2408.02345')).toMatchObject({
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.CL'],
      authors: ['Claude Shannon', 'John von Neumann', 'Kurt Gödel'],
    });
  });

  it('decodes entities once: escaped markup in an abstract stays text', () => {
    expect(byId(result, '2312.09876').abstract).toBe('We revisit attention <b>again</b>.');
  });

  it('keeps a CDATA title with <script> as plain text, and reads old-style ids', () => {
    const p = byId(result, 'hep-th/9901001');
    expect(p.title).toBe('<script>alert("x")</script> & Friends');
    expect(p.abstract).toBe('Strings <i>and</i> things & more.');
    expect(p.authors).toEqual(['Edward Witten', 'Martin Luther King, Jr.']);
    expect(p.primaryCategory).toBe('hep-th');
  });

  it('finds the id in the guid or the description when the link has none', () => {
    const noLink = xml.replace(
      '<link>https://arxiv.org/abs/2408.02345</link>',
      '<link>https://example.org/x</link>',
    );
    expect(parseArxivRss(noLink).ids).toContain('2408.02345');
    const onlyDescription = noLink.replace(
      '<guid isPermaLink="false">oai:arXiv.org:2408.02345v1</guid>',
      '',
    );
    expect(parseArxivRss(onlyDescription).ids).toContain('2408.02345');
  });

  it('takes the announce type from the description when the element is missing', () => {
    const r = parseArxivRss(xml.replace('<arxiv:announce_type>replace</arxiv:announce_type>', ''));
    expect(byId(r, '2312.09876')).toMatchObject({
      announceType: 'replace',
      section: 'replacement',
    });
  });

  it('keeps an unknown announce type without a section', () => {
    const r = parseArxivRss(
      xml.replace(
        '<arxiv:announce_type>cross</arxiv:announce_type>',
        '<arxiv:announce_type>withdrawn</arxiv:announce_type>',
      ),
    );
    const p = byId(r, '2408.02345');
    expect(p.announceType).toBe('withdrawn');
    expect(p).not.toHaveProperty('section');
  });

  it('falls back to lastBuildDate when there is no pubDate', () => {
    const r = parseArxivRss(xml.replace(/<pubDate>[^<]*<\/pubDate>/, ''));
    expect(r.batchDate).toBe('2024-08-08T04:00:05.000Z');
  });

  it('reads an empty channel (a day without announcements)', () => {
    const empty = xml.replace(/<item>[\s\S]*<\/item>/, '');
    expect(parseArxivRss(empty)).toEqual({
      papers: [],
      skipped: [],
      ids: [],
      batchDate: '2024-08-08T04:00:00.000Z',
      announced: '2024-08-08',
    });
  });

  it('drops the pre-2024 "(arXiv:… [cat] UPDATED)" title suffix', () => {
    const r = parseArxivRss(
      xml.replace(
        'Sparse Retrieval for Long Documents</title>',
        'Sparse Retrieval for Long Documents. (arXiv:2408.01234v1 [cs.CL] UPDATED)</title>',
      ),
    );
    expect(byId(r, '2408.01234').title).toBe('Sparse Retrieval for Long Documents.');
  });
});

describe('parseArxivRss: Atom (rss.arxiv.org/atom/<cat>)', () => {
  const xml = readFixture('arxiv-atom-2025.xml');

  it('reads every entry', () => {
    const r = parseArxivRss(xml);
    expect(r.ids).toEqual(['2508.10001', '2508.10002', '2401.00003']);
    expect(r.skipped).toEqual([]);
    expect(r.batchDate).toBe('2025-08-20T04:00:19.866Z');
    expect(r.announced).toBe('2025-08-20');
    expect(tally(r.papers, (p) => p.announceType)).toEqual({ new: 1, cross: 1, replace: 1 });
    expect(byId(r, '2508.10001')).toEqual({
      id: '2508.10001',
      title: 'Planning with Language Models',
      authors: ['Marvin Minsky', 'Herbert A. Simon'],
      abstract: 'We plan with LLMs <and> search.',
      primaryCategory: 'cs.AI',
      categories: ['cs.AI', 'cs.CL'],
      section: 'new',
      announceType: 'new',
    });
    expect(byId(r, '2508.10002').primaryCategory).toBe('cs.LG');
  });

  it('parses the complete entries of a feed cut off mid-entry and skips the partial one', () => {
    const cut = xml.slice(0, xml.indexOf('Agents reason'));
    const r = parseArxivRss(cut);
    expect(r.ids).toEqual(['2508.10001']);
    expect(r.skipped).toEqual([{ reason: 'cut off: the input ends inside this entry', index: 1 }]);
    expect(r.batchDate).toBe('2025-08-20T04:00:19.866Z');
  });

  it('reads Atom authors from author/name when there is no dc:creator', () => {
    const r = parseArxivRss(
      xml.replace(
        '<dc:creator>John McCarthy</dc:creator>',
        '<author><name>John McCarthy</name></author><author><name>Seymour Papert</name></author>',
      ),
    );
    expect(byId(r, '2508.10002').authors).toEqual(['John McCarthy', 'Seymour Papert']);
  });
});

describe('parseArxivRss: anything else', () => {
  it.each([
    ['', 'no XML element in the input'],
    ['not xml at all', 'no XML element in the input'],
    [
      '<html><body>Service Unavailable</body></html>',
      'not an RSS or Atom feed (root element <html>)',
    ],
    ['{"json": true}', 'no XML element in the input'],
  ])('%j → empty with a reason', (input, reason) => {
    expect(parseArxivRss(input)).toEqual({ papers: [], skipped: [{ reason, index: -1 }], ids: [] });
  });

  it('never throws on non-string input', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(() => parseArxivRss(bad as unknown as string)).not.toThrow();
      expect(parseArxivRss(bad as unknown as string).papers).toEqual([]);
    }
  });

  it('clips long fields to the limits', () => {
    const long = 'word '.repeat(10_000);
    const item = (k: number) =>
      `<item><title>${long}</title><link>https://arxiv.org/abs/2408.${String(k).padStart(5, '0')}</link>` +
      `<description>Abstract: ${long.repeat(3)}</description>` +
      `<category>${'a'.repeat(100)}</category><category>cs.CL</category>` +
      `<dc:creator>${Array.from({ length: 3000 }, (_, j) => `A${j} B`).join(', ')}</dc:creator></item>`;
    const r = parseArxivRss(`<rss><channel>${item(1)}${item(2)}</channel></rss>`);
    expect(r.papers).toHaveLength(2);
    const p = r.papers[0];
    expect(p?.title).toHaveLength(LIMITS.title);
    expect(p?.abstract).toHaveLength(LIMITS.abstract);
    expect(p?.authors).toHaveLength(LIMITS.authors);
    expect(p?.categories).toEqual(['cs.CL']);
  });
});
