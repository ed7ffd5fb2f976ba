import { describe, expect, it } from 'vitest';
import { HOUR, makePaper, NOW, YESTERDAY } from '@/tests/component/helpers';
import {
  isNewPaper,
  passesFilter,
  reasonText,
  relevanceDiffers,
  rowAfterRemoval,
  stepRow,
  triageToday,
} from '@/utils/pages/triage';
import type { Relevance } from '@/utils/shared/ranking/types';

const relevance = (score: number, extra: Partial<Relevance> = {}): Relevance => ({
  score,
  matched: false,
  reasons: [],
  learned: [],
  coldStart: false,
  ...extra,
});

describe('Today in relevance order', () => {
  it('orders by score, then HF upvotes, then newest sighting and page order', () => {
    const papers = [
      makePaper({ id: 'a', relevance: relevance(0.2), at: NOW - HOUR, position: 0 }),
      makePaper({ id: 'b', relevance: relevance(0.9), at: NOW - 3 * HOUR }),
      makePaper({ id: 'c', relevance: relevance(0.2), hf: { upvotes: 3 }, at: NOW - 3 * HOUR }),
      makePaper({ id: 'd', relevance: relevance(0.2), at: NOW - HOUR, position: 1 }),
      makePaper({ id: 'e', at: NOW - 2 * HOUR }),
      makePaper({ id: 'f', relevance: relevance(0.2), hf: { upvotes: 0 }, at: NOW - 5 * HOUR }),
    ];
    expect(triageToday(papers, 'all').map((paper) => paper.id)).toEqual([
      'b',
      'c',
      'f',
      'a',
      'd',
      'e',
    ]);
  });

  it('tells whether relevance separates the papers at all', () => {
    expect(relevanceDiffers([makePaper(), makePaper()])).toBe(false);
    expect(relevanceDiffers([makePaper({ relevance: relevance(0) }), makePaper()])).toBe(false);
    expect(relevanceDiffers([makePaper({ relevance: relevance(0.4) }), makePaper()])).toBe(true);
    expect(relevanceDiffers([])).toBe(false);
  });
});

describe('filters', () => {
  const matched = makePaper({ relevance: relevance(0.8, { matched: true }) });
  const withCode = makePaper({ codeUrls: ['https://github.com/a/b'] });
  const projectOnly = makePaper({ projectUrls: ['https://a.github.io/b/'] });
  const opened = makePaper({ openedAt: NOW - HOUR });
  const dismissed = makePaper({ dismissedAt: NOW, relevance: relevance(0.9, { matched: true }) });
  const all = [matched, withCode, projectOnly, opened, dismissed];
  const ids = (filter: Parameters<typeof passesFilter>[1]) =>
    all.filter((paper) => passesFilter(paper, filter)).map((paper) => paper.id);

  it('All leaves out only the dismissed papers, which have their own list', () => {
    expect(ids('all')).toEqual([matched.id, withCode.id, projectOnly.id, opened.id]);
    expect(ids('dismissed')).toEqual([dismissed.id]);
  });

  it('Matches, Has code (a code link, not a project page) and Not opened', () => {
    expect(ids('matches')).toEqual([matched.id]);
    expect(ids('code')).toEqual([withCode.id]);
    expect(ids('unopened')).toEqual([matched.id, withCode.id, projectOnly.id]);
  });
});

describe('the reason a row shows', () => {
  it('names the matched interests, then the learned terms with their direction', () => {
    expect(
      reasonText(
        relevance(0.9, {
          matched: true,
          reasons: ['author: Y. Bengio', 'keyword: diffusion'],
          learned: [
            { feature: 'p:diffus model', label: 'diffusion model', weight: 1.2 },
            { feature: 'w:survey', label: 'survey', weight: -0.4 },
          ],
        }),
      ),
    ).toBe('author: Y. Bengio · keyword: diffusion · ↑ diffusion model, ↓ survey');
  });

  it('shows only learned terms when nothing matched, at most three', () => {
    const learned = ['one', 'two', 'three', 'four'].map((label, index) => ({
      feature: `w:${label}`,
      label,
      weight: 1 - index / 10,
    }));
    expect(reasonText(relevance(0.5, { learned }))).toBe('↑ one, ↑ two, ↑ three');
  });

  it('says which exclusion ruled a paper out, whatever else it matched', () => {
    expect(
      reasonText(relevance(0, { excludedBy: 'survey', reasons: ['keyword: diffusion'] })),
    ).toBe('excluded: survey');
  });

  it('says nothing without a reason', () => {
    expect(reasonText(undefined)).toBeUndefined();
    expect(reasonText(relevance(0, { coldStart: true }))).toBeUndefined();
  });
});

describe('row state and movement', () => {
  it('a paper is new when first seen today and after "mark all as seen"', () => {
    const today = makePaper({ at: NOW - HOUR });
    expect(isNewPaper(today, 0, NOW)).toBe(true);
    expect(isNewPaper(today, NOW - 30 * 60 * 1000, NOW)).toBe(false);
    expect(isNewPaper(makePaper({ at: YESTERDAY }), 0, NOW)).toBe(false);
  });

  it('steps between rows, staying at the ends, starting at the first', () => {
    const ids = ['a', 'b', 'c'];
    expect(stepRow(ids, undefined, 1)).toBe('a');
    expect(stepRow(ids, 'a', 1)).toBe('b');
    expect(stepRow(ids, 'c', 1)).toBe('c');
    expect(stepRow(ids, 'a', -1)).toBe('a');
    expect(stepRow(ids, 'gone', -1)).toBe('a');
    expect(stepRow([], undefined, 1)).toBeUndefined();
  });

  it('after a removal, the next row takes the focus, else the previous one', () => {
    expect(rowAfterRemoval(['a', 'b', 'c'], 'b')).toBe('c');
    expect(rowAfterRemoval(['a', 'b', 'c'], 'c')).toBe('b');
    expect(rowAfterRemoval(['a'], 'a')).toBeUndefined();
  });
});
