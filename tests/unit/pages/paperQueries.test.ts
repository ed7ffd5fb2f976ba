import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  abstractUrl,
  codeLinkKind,
  compareByNewestSighting,
  dayName,
  groupByLabel,
  paperCount,
  paperLinks,
  shortAuthors,
} from '@/utils/pages/paperDisplay';
import {
  countSaved,
  digestIsEmpty,
  papersFirstSeenInDay,
  savedPapers,
} from '@/utils/pages/paperQueries';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import { PaperlightDatabase } from '@/utils/storage/database';

const NOW = new Date(2026, 10, 27, 15, 0, 0).getTime();
const TODAY = startOfLocalDay(NOW);
const TOMORROW = addLocalDays(TODAY, 1);

function paper(
  id: string,
  options: { at?: number; label?: string; position?: number; savedAt?: number } = {},
): PaperRecord {
  const { at = NOW, label = 'arXiv cs.CL · new', position = 0, savedAt } = options;
  const sighting: Sighting = {
    kind: 'arxiv-listing',
    label,
    url: 'https://arxiv.org/list/cs.CL/new',
    at,
    position,
  };
  return {
    id,
    title: `Title ${id}`,
    authors: [],
    categories: [],
    tldr: '',
    codeUrls: [],
    projectUrls: [],
    firstSeenAt: at,
    lastSeenAt: at,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 1,
    countsAsNew: true,
    ...(savedAt !== undefined ? { savedAt } : {}),
  };
}

describe('digest queries', () => {
  let db: PaperlightDatabase;

  beforeEach(() => {
    db = new PaperlightDatabase(`test-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    await db.delete();
  });

  it('finds papers first seen in a local day, [start, next start), in feed order', async () => {
    await db.papers.bulkAdd([
      paper('2611.00001', { at: TODAY }), // exactly midnight: in
      paper('2611.00002', { at: TOMORROW - 1 }), // last millisecond: in
      paper('2611.00003', { at: TOMORROW }), // next midnight: out
      paper('2611.00004', { at: TODAY - 1 }), // yesterday: out
      paper('2611.00005', { at: NOW, position: 2 }),
      paper('2611.00006', { at: NOW, position: 1 }),
    ]);
    const ids = (await papersFirstSeenInDay(db, TODAY)).map((p) => p.id);
    expect(ids).toEqual(['2611.00002', '2611.00006', '2611.00005', '2611.00001']);
    // Any time within the day names the same day.
    expect((await papersFirstSeenInDay(db, NOW)).map((p) => p.id)).toEqual(ids);
    expect((await papersFirstSeenInDay(db, addLocalDays(TODAY, -1))).map((p) => p.id)).toEqual([
      '2611.00004',
    ]);
  });

  it('orders by the last sighting, not the first one', async () => {
    const older = paper('2611.00010', { at: NOW - 5000 });
    const resighted = {
      ...paper('2611.00011', { at: NOW - 9000 }),
      lastSighting: { ...older.lastSighting, at: NOW, label: 'HF Daily Papers · 2026-11-27' },
    };
    await db.papers.bulkAdd([older, resighted]);
    expect((await papersFirstSeenInDay(db, TODAY)).map((p) => p.id)).toEqual([
      '2611.00011',
      '2611.00010',
    ]);
  });

  it('lists saved papers newest saved first and counts them', async () => {
    await db.papers.bulkAdd([
      paper('2611.00021', { savedAt: 100 }),
      paper('2611.00022'),
      paper('2611.00023', { savedAt: 300 }),
      paper('2611.00024', { savedAt: 200 }),
    ]);
    expect((await savedPapers(db)).map((p) => p.id)).toEqual([
      '2611.00023',
      '2611.00024',
      '2611.00021',
    ]);
    expect(await countSaved(db)).toBe(3);
    expect(await digestIsEmpty(db)).toBe(false);
    await db.papers.clear();
    expect(await digestIsEmpty(db)).toBe(true);
    await db.papers.bulkPut([
      paper('2611.00021', { savedAt: 100 }),
      paper('2611.00022'),
      paper('2611.00023', { savedAt: 300 }),
      paper('2611.00024', { savedAt: 200 }),
    ]);

    await db.papers.update('2611.00023', { savedAt: undefined });
    expect((await savedPapers(db)).map((p) => p.id)).toEqual(['2611.00024', '2611.00021']);
  });
});

describe('ordering and grouping', () => {
  it('sorts newest sighting first, then page position', () => {
    const list = [
      paper('a', { at: 1, position: 0 }),
      paper('b', { at: 2, position: 5 }),
      paper('c', { at: 2, position: 1 }),
    ];
    expect(list.sort(compareByNewestSighting).map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });

  it('groups by label in order of first appearance, keeping paper order', () => {
    const groups = groupByLabel([
      paper('1', { label: 'HF Daily Papers · 2026-11-27' }),
      paper('2', { label: 'arXiv cs.CL · new' }),
      paper('3', { label: 'HF Daily Papers · 2026-11-27' }),
    ]);
    expect(groups.map((g) => [g.label, g.papers.map((p) => p.id)])).toEqual([
      ['HF Daily Papers · 2026-11-27', ['1', '3']],
      ['arXiv cs.CL · new', ['2']],
    ]);
    expect(groupByLabel([])).toEqual([]);
  });
});

describe('text helpers', () => {
  it('shortens author lists', () => {
    expect(shortAuthors([])).toBe('');
    expect(shortAuthors(['A'])).toBe('A');
    expect(shortAuthors(['A', 'B', 'C'])).toBe('A, B, C');
    expect(shortAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(shortAuthors([' A ', '', 'B'])).toBe('A, B');
  });

  it('names days relative to now', () => {
    expect(dayName(TODAY, NOW)).toBe('Today');
    expect(dayName(NOW, NOW)).toBe('Today');
    expect(dayName(addLocalDays(TODAY, -1), NOW)).toBe('Yesterday');
    expect(dayName(addLocalDays(TODAY, -2), NOW, 'en-GB')).toMatch(/^Wed,? 25 Nov$/);
    expect(dayName(new Date(2025, 0, 5).getTime(), NOW, 'en-GB')).toMatch(/^Sun,? 5 Jan 2025$/);
  });

  it('counts papers', () => {
    expect(paperCount(0)).toBe('0 papers');
    expect(paperCount(1)).toBe('1 paper');
    expect(paperCount(5000)).toBe('5,000 papers');
  });
});

describe('URLs', () => {
  it('builds abstract-page URLs', () => {
    expect(abstractUrl('2408.01234')).toBe('https://arxiv.org/abs/2408.01234');
    expect(abstractUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(abstractUrl('url:https://example.org/paper')).toBe('https://example.org/paper');
    expect(abstractUrl('url:javascript:alert(1)')).toBeUndefined();
    expect(abstractUrl('../../evil')).toBeUndefined();
  });

  it('labels code links by host', () => {
    expect(codeLinkKind('https://github.com/a/b')).toBe('GitHub');
    expect(codeLinkKind('https://www.github.com/a/b')).toBe('GitHub');
    expect(codeLinkKind('https://gitlab.com/a/b')).toBe('GitLab');
    expect(codeLinkKind('https://huggingface.co/a/b')).toBe('Hugging Face');
    expect(codeLinkKind('https://bitbucket.org/a/b')).toBe('Bitbucket');
    expect(codeLinkKind('https://codeberg.org/a/b')).toBe('Codeberg');
    expect(codeLinkKind('https://notgithub.com/a/b')).toBe('Code');
    expect(codeLinkKind('https://github.com.evil.example/a')).toBe('Code');
    expect(codeLinkKind('not a url')).toBe('Code');
  });

  it('lists code then project links, http(s) only, without duplicates', () => {
    expect(
      paperLinks({
        codeUrls: ['https://github.com/a/b', 'javascript:alert(1)', 'https://github.com/a/b'],
        projectUrls: ['https://a.github.io/b/', 'https://github.com/a/b', 'data:,x'],
      }),
    ).toEqual([
      { label: 'GitHub', kind: 'code', href: 'https://github.com/a/b' },
      { label: 'Project page', kind: 'project', href: 'https://a.github.io/b/' },
    ]);
  });
});
