import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '@/tests/component/helpers';
import {
  firstPaperIds,
  firstTiedRows,
  paperIds,
  tagsWithCounts,
  todayList,
} from '@/utils/pages/libraryQueries';
import type { Tag } from '@/utils/shared/library';
import type { TodayFilter } from '@/utils/shared/listKeys';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import { PaperlightDatabase } from '@/utils/storage/database';

const NOW = new Date(2026, 10, 27, 15, 0, 0).getTime();
const TODAY = startOfLocalDay(NOW);
const HOUR = 3_600_000;

/** A stored paper (tests/component/helpers.tsx `makePaper`) with id `id`. */
const paper = (id: string, fields: Parameters<typeof makePaper>[0] = {}): PaperRecord =>
  makePaper({ id, ...fields });

const relevance = (score: number, matched = false) => ({
  score,
  matched,
  reasons: [],
  learned: [],
  coldStart: false,
});

/**
 * A day whose scores all tie: two arXiv papers, two HF papers seen later (so before them in list
 * order), and an arXiv paper seen earliest that its HF upvotes put first; it stays with its label.
 */
function storeTiedDay() {
  return db.papers.bulkAdd([
    paper('l1', { position: 1, at: NOW - 3 * HOUR }),
    paper('l0', { position: 0, at: NOW - 3 * HOUR }),
    paper('h2', { position: 2, at: NOW - HOUR, label: 'HF Daily Papers · 2026-11-27' }),
    paper('h0', { position: 0, at: NOW - HOUR, label: 'HF Daily Papers · 2026-11-27' }),
    paper('x', { at: NOW - 4 * HOUR, hf: { upvotes: 3 } }),
  ]);
}

let db: PaperlightDatabase;
beforeEach(() => {
  db = new PaperlightDatabase(`queries-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const today = (filter: TodayFilter, dayStart = NOW) =>
  paperIds(db, { view: 'today', dayStart, filter });

describe('Today from keys', () => {
  it('orders by relevance, then upvotes, then newest sighting and page order; filters', async () => {
    await db.papers.bulkAdd([
      paper('a', { relevance: relevance(0.2), position: 1 }),
      paper('b', { relevance: relevance(0.9, true), codeUrls: ['https://github.com/x/b'] }),
      paper('c', { relevance: relevance(0.2), position: 0 }),
      paper('d', { relevance: relevance(0.2), hf: { upvotes: 0 }, at: NOW - 5 * HOUR }),
      paper('e', { relevance: relevance(0.2), at: NOW - 30 * 60_000, openedAt: NOW }),
      paper('f', { relevance: relevance(0.5), dismissedAt: NOW }),
      paper('g', { relevance: relevance(0.99), at: addLocalDays(TODAY, -1) + HOUR }),
      paper('url:https://example.org/post', {
        relevance: relevance(1),
        article: {
          url: 'https://example.org/post',
          siteName: '',
          keySentences: [],
          readingMinutes: 1,
        },
      }),
    ]);
    expect(await today('all')).toEqual(['b', 'd', 'e', 'c', 'a']);
    expect(await today('matches')).toEqual(['b']);
    expect(await today('code')).toEqual(['b']);
    expect(await today('unopened')).toEqual(['b', 'd', 'c', 'a']);
    expect(await today('dismissed')).toEqual(['f']);
    expect(await today('all', addLocalDays(TODAY, -1))).toEqual(['g']);
    expect((await todayList(db, NOW, 'all')).groups).toBeUndefined();
  });

  it('follows every kind of write: update, modify, put', async () => {
    await db.papers.bulkAdd([
      paper('a', { relevance: relevance(0.1) }),
      paper('b', { relevance: relevance(0.2) }),
    ]);
    expect(await today('all')).toEqual(['b', 'a']);
    await db.papers.update('b', { dismissedAt: NOW });
    expect(await today('all')).toEqual(['a']);
    expect(await today('dismissed')).toEqual(['b']);
    // A rescore, as the ranking does it.
    await db.papers.toCollection().modify((record) => {
      record.relevance = relevance(record.id === 'a' ? 0.05 : 0.9, record.id === 'b');
    });
    await db.papers.update('b', { dismissedAt: undefined });
    await db.papers.put(paper('c', { relevance: relevance(0.5) }));
    expect(await today('all')).toEqual(['b', 'c', 'a']);
    expect(await today('matches')).toEqual(['b']);
  });

  it('groups by label while scores tie, groups in the order their first paper comes', async () => {
    await storeTiedDay();
    const list = await todayList(db, NOW, 'all');
    expect(list.groups).toEqual([
      { label: 'arXiv cs.CL · new', ids: ['x', 'l0', 'l1'] },
      { label: 'HF Daily Papers · 2026-11-27', ids: ['h0', 'h2'] },
    ]);
    expect(list.ids).toEqual(['x', 'l0', 'l1', 'h0', 'h2']);
  });

  it("draws a tied day's first rows from its first group, a prefix of the whole grouped list", async () => {
    await storeTiedDay();
    const first = await firstTiedRows(db, NOW, 'all', 16);
    expect(first.ids).toEqual(['x', 'l0', 'l1']);
    expect(first.groups).toEqual([{ label: 'arXiv cs.CL · new', ids: first.ids, partial: true }]);
    expect(first.firstRows.map((row) => row.id)).toEqual(first.ids);
    expect((await firstTiedRows(db, NOW, 'all', 2)).ids).toEqual(['x', 'l0']);
    expect((await todayList(db, NOW, 'all')).ids.slice(0, 3)).toEqual(first.ids);
    expect(await firstTiedRows(db, NOW, 'matches', 16)).toEqual({
      ids: [],
      groups: [],
      firstRows: [],
    });
  });
});

describe('Saved from keys', () => {
  it('sorts and filters by tag, state, code, source, saved date and updates', async () => {
    await db.papers.bulkAdd([
      paper('s1', { savedAt: 100, tagIds: ['t1'], readingState: 'read', at: NOW - 9 * HOUR }),
      paper('s2', {
        savedAt: 300,
        codeUrls: ['https://github.com/x/y'],
        lastOpenedAt: 50,
        at: NOW - 2 * HOUR,
      }),
      paper('s3', {
        savedAt: 200,
        tagIds: ['t1', 't2'],
        label: 'HF Daily Papers · 2026-11-27',
        unseenUpdateAt: 7,
        lastOpenedAt: 90,
        at: NOW - 5 * HOUR,
      }),
      paper('n', { tagIds: ['t1'], codeUrls: ['https://github.com/x/n'] }),
    ]);
    const saved = (
      query: Omit<Extract<Parameters<typeof paperIds>[1], { view: 'saved' }>, 'view'>,
    ) => paperIds(db, { view: 'saved', ...query });
    expect(await saved({})).toEqual(['s2', 's3', 's1']);
    expect(await saved({ sort: 'saved-oldest' })).toEqual(['s1', 's3', 's2']);
    expect(await saved({ sort: 'first-seen-newest' })).toEqual(['s2', 's3', 's1']);
    expect(await saved({ sort: 'opened-newest' })).toEqual(['s3', 's2', 's1']);
    expect(await saved({ filter: { tagId: 't1' } })).toEqual(['s3', 's1']);
    expect(await saved({ filter: { readingState: 'to-read' } })).toEqual(['s2', 's3']);
    expect(await saved({ filter: { readingState: 'read' } })).toEqual(['s1']);
    expect(await saved({ filter: { hasCode: true } })).toEqual(['s2']);
    expect(await saved({ filter: { source: 'hf-daily' } })).toEqual(['s3']);
    expect(await saved({ filter: { savedFrom: 150, savedTo: 300 } })).toEqual(['s3']);
    expect(await saved({ filter: { updated: true }, sort: 'opened-newest' })).toEqual(['s3']);
    await db.papers.update('s2', { savedAt: undefined });
    expect(await saved({ filter: { hasCode: true } })).toEqual([]);
  });
});

describe('the first rows of a list, before its whole list', () => {
  it('reads the newest saves and the latest seen off one index; not for a filtered list', async () => {
    await db.papers.bulkPut([
      paper('2611.00001', { savedAt: NOW - 3 * HOUR, at: NOW - 5 * HOUR }),
      paper('2611.00002', { savedAt: NOW - HOUR, at: NOW - 4 * HOUR }),
      paper('2611.00003', { at: NOW - HOUR }),
      paper('2611.00004', { savedAt: NOW - 2 * HOUR, at: NOW - 2 * HOUR }),
    ]);
    expect(await firstPaperIds(db, { view: 'saved' }, 2)).toEqual(['2611.00002', '2611.00004']);
    expect(await firstPaperIds(db, { view: 'saved', sort: 'saved-oldest' }, 2)).toEqual([
      '2611.00001',
      '2611.00004',
    ]);
    expect(await firstPaperIds(db, { view: 'all' }, 3)).toEqual([
      '2611.00003',
      '2611.00004',
      '2611.00002',
    ]);
    expect(await firstPaperIds(db, { view: 'saved', filter: { hasCode: true } }, 2)).toBe(
      undefined,
    );
    // The whole list begins with the same rows.
    expect((await paperIds(db, { view: 'saved' })).slice(0, 2)).toEqual([
      '2611.00002',
      '2611.00004',
    ]);
  });

  it("reads a ranked day's first rows in relevance order; not while every score ties", async () => {
    await db.papers.bulkPut([
      paper('low', { relevance: relevance(0.1) }),
      paper('high', { relevance: relevance(0.9, true) }),
      paper('mid', { relevance: relevance(0.5, true) }),
      paper('yesterday', { relevance: relevance(1), at: addLocalDays(NOW, -1) }),
    ]);
    const today = { view: 'today', dayStart: TODAY, filter: 'all' } as const;
    expect(await firstPaperIds(db, today, 2)).toEqual(['high', 'mid']);
    expect((await paperIds(db, today)).slice(0, 2)).toEqual(['high', 'mid']);
    expect(await firstPaperIds(db, { ...today, filter: 'matches' }, 1)).toEqual(['high']);
    await db.papers.update('low', { relevance: relevance(0.9) });
    await db.papers.update('mid', { relevance: relevance(0.9) });
    expect(await firstPaperIds(db, today, 2)).toBeUndefined();
  });
});

describe('tags with their counts', () => {
  it('counts the saved papers of each live tag, by name; unsaved papers keep tags but do not count', async () => {
    const tag = (id: string, name: string, deletedAt?: number): Tag => ({
      id,
      name,
      color: 'blue',
      createdAt: NOW,
      updatedAt: NOW,
      ...(deletedAt ? { deletedAt } : {}),
    });
    await db.tags.bulkPut([
      tag('t1', 'thesis'),
      tag('t2', 'a reading group'),
      tag('t3', 'gone', NOW),
    ]);
    await db.papers.bulkPut([
      paper('p1', { savedAt: NOW, tagIds: ['t1', 't2'] }),
      paper('p2', { savedAt: NOW, tagIds: ['t1'] }),
      paper('p3', { tagIds: ['t1', 't3'] }),
    ]);
    expect((await tagsWithCounts(db)).map(({ tag: { name }, count }) => [name, count])).toEqual([
      ['a reading group', 1],
      ['thesis', 2],
    ]);
  });
});
