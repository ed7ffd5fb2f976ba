// @vitest-environment node
import {
  announceTypeOf,
  collector,
  feedDate,
  sectionOf,
  splitAuthors,
} from '@/utils/background/feeds/common';
import { categoryList, LIMITS } from '@/utils/shared/paper';

describe('splitAuthors', () => {
  it('splits on commas and "and", keeping "First Last" order', () => {
    expect(splitAuthors(['Ada Lovelace, Alan Turing and Grace Hopper'])).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
    ]);
    expect(splitAuthors(['A. One, B. Two, and C. Three'])).toEqual([
      'A. One',
      'B. Two',
      'C. Three',
    ]);
    expect(splitAuthors(['One Author'])).toEqual(['One Author']);
  });

  it('does not split inside names that contain "and" as letters', () => {
    expect(splitAuthors(['Sandra Anderson, Andy Candela'])).toEqual([
      'Sandra Anderson',
      'Andy Candela',
    ]);
  });

  it('reads one author per element too, and drops affiliations in parentheses', () => {
    expect(splitAuthors(['Edward Witten (IAS, Princeton)', 'Juan Maldacena'])).toEqual([
      'Edward Witten',
      'Juan Maldacena',
    ]);
  });

  it('joins a "Jr." to the name before it', () => {
    expect(splitAuthors(['Martin Luther King, Jr., Rosa Parks'])).toEqual([
      'Martin Luther King, Jr.',
      'Rosa Parks',
    ]);
  });

  it('strips escaped HTML links (old feeds) and empty pieces, and caps the list', () => {
    expect(splitAuthors(['<a href="https://arxiv.org/a/x">Ann Bee</a>, , <a>Cy Dee</a>'])).toEqual([
      'Ann Bee',
      'Cy Dee',
    ]);
    const many = Array.from({ length: LIMITS.authors + 10 }, (_, k) => `Author ${k}`).join(', ');
    expect(splitAuthors([many])).toHaveLength(LIMITS.authors);
    expect(splitAuthors([`${'x'.repeat(1000)}`])[0]).toHaveLength(LIMITS.authorName);
  });
});

describe('feedDate', () => {
  it.each([
    ['Tue, 26 Mar 2024 00:00:00 -0400', '2024-03-26T04:00:00.000Z', '2024-03-26'],
    ['Tue, 26 Mar 2024 04:00:03 +0000', '2024-03-26T04:00:03.000Z', '2024-03-26'],
    ['26 Mar 2024 00:00 GMT', '2024-03-26T00:00:00.000Z', '2024-03-26'],
    ['Fri, 09 Aug 2024 00:00:00 EDT', '2024-08-09T04:00:00.000Z', '2024-08-09'],
    ['2025-08-20T04:00:19.866337+00:00', '2025-08-20T04:00:19.866Z', '2025-08-20'],
    ['2016-10-09T00:00:00-04:00', '2016-10-09T04:00:00.000Z', '2016-10-09'],
    ['2026-04-12T22:45:06Z', '2026-04-12T22:45:06.000Z', '2026-04-12'],
    ['2025-09-30', '2025-09-30T00:00:00.000Z', '2025-09-30'],
  ])('%s', (raw, iso, day) => {
    expect(feedDate(raw)).toEqual({ iso, day });
  });

  it.each([
    '',
    'yesterday',
    '2025-13-01',
    'Tue, 26 Foo 2024 00:00:00 -0400',
    '26 Mar 2024 00:00 XYZ',
    '0000-01-01',
    '2025-04-31',
    '2025-02-29T10:00:00Z',
  ])('rejects %s', (raw) => {
    expect(feedDate(raw)).toBeUndefined();
  });
});

describe('categories, announce types, sections', () => {
  it('keeps valid unique codes in order, capped', () => {
    expect(categoryList(['stat.ML', 'cs.LG', 'stat.ML', '', 'Not A Code', 'quant-ph'])).toEqual([
      'stat.ML',
      'cs.LG',
      'quant-ph',
    ]);
    const letter = (k: number) => String.fromCharCode(65 + (k % 26));
    const many = Array.from({ length: 80 }, (_, k) => `cs.${letter(k)}${letter(k / 26)}`);
    expect(new Set(many).size).toBe(80);
    expect(categoryList(many)).toEqual(many.slice(0, LIMITS.categories));
  });

  it('maps announce types to listing sections', () => {
    expect(['new', 'cross', 'replace', 'replace-cross', 'other', undefined].map(sectionOf)).toEqual(
      ['new', 'cross-list', 'replacement', 'replacement', undefined, undefined],
    );
    expect(announceTypeOf('  Replace-Cross \n')).toBe('replace-cross');
  });
});

describe('collector', () => {
  it('skips with reasons: builder errors, invalid ids, missing titles, repeats', () => {
    const c = collector();
    c.add(0, () => ({ id: '2408.01234', title: 'A', authors: [], abstract: '' }));
    c.add(1, () => {
      throw new Error('boom');
    });
    c.add(2, () => ({ id: 'nope', title: 'B', authors: [] }));
    c.add(3, () => ({ id: '2408.00001', title: '', authors: [] }));
    c.add(4, () => ({ id: '2408.01234', title: 'A again', authors: [] }));
    c.add(5, () => ({ skip: 'cut off' }));
    const r = c.result({ batchDate: undefined, announced: '2024-08-08' });
    expect(r.papers).toEqual([{ id: '2408.01234', title: 'A', authors: [] }]);
    expect(r.ids).toEqual(['2408.01234']);
    expect(r.skipped).toEqual([
      { reason: 'malformed entry', index: 1 },
      { reason: 'no valid arXiv id', index: 2 },
      { reason: 'no title (2408.00001)', index: 3 },
      { reason: 'repeated id 2408.01234', index: 4 },
      { reason: 'cut off', index: 5 },
    ]);
    expect(r).not.toHaveProperty('batchDate');
    expect(r.announced).toBe('2024-08-08');
  });

  it('stops at the per-page limit with one reason', () => {
    const c = collector();
    for (let k = 0; k < LIMITS.papersPerPage + 3; k++) {
      c.add(k, () => ({ id: `2408.${String(k).padStart(5, '0')}`, title: 't', authors: [] }));
    }
    expect(c.papers).toHaveLength(LIMITS.papersPerPage);
    expect(c.skipped).toEqual([
      { reason: `over the limit of ${LIMITS.papersPerPage} papers`, index: LIMITS.papersPerPage },
    ]);
  });
});
