import Dexie from 'dexie';
import { detectedPaper } from '@/tests/helpers/papers';
import { countFirstSeenSince } from '@/utils/background/badge';
import { recordDetection } from '@/utils/background/paperStore';
import { paperIds } from '@/utils/pages/libraryQueries';
import type { TodayFilter } from '@/utils/shared/listKeys';
import { PaperlightDatabase } from '@/utils/storage/database';

const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();

/** A record as schema version 1 wrote it: no `countsAsNew`. */
function v1Record(id: string, firstSeenAt: number, savedAt?: number) {
  const sighting = {
    kind: 'arxiv-listing',
    label: 'arXiv cs.CL · new',
    url: 'https://arxiv.org/list/cs.CL/new',
    at: firstSeenAt,
    position: 0,
    section: 'new',
  };
  return {
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    abstract: 'We propose X.',
    categories: ['cs.CL'],
    primaryCategory: 'cs.CL',
    tldr: 'We propose X.',
    codeUrls: ['https://github.com/a/x'],
    projectUrls: [],
    firstSeenAt,
    lastSeenAt: firstSeenAt,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 3,
    ...(savedAt !== undefined ? { savedAt } : {}),
  };
}

/** The schema version this code opens (each upgrade test below ends there). */
const LATEST_VERSION = 4;

describe('schema upgrade from version 1', () => {
  it('keeps records and saved state, and adds countsAsNew (true) to every record', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    // Exactly the previous schema, opened without PaperlightDatabase.
    const old = new Dexie(name);
    old.version(1).stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' });
    await old.open();
    await old
      .table('papers')
      .bulkAdd([
        v1Record('2408.00001', NOON - 1000, NOON - 500),
        v1Record('2408.00002', NOON - 2000),
        v1Record('hep-th/9901001', NOON + 1000),
      ]);
    old.close();

    const database = new PaperlightDatabase(name);
    try {
      await database.open();
      expect(database.verno).toBe(LATEST_VERSION);
      const papers = await database.papers.toArray();
      expect(papers.map((paper) => paper.id).sort()).toEqual([
        '2408.00001',
        '2408.00002',
        'hep-th/9901001',
      ]);
      expect(papers.every((paper) => paper.countsAsNew === true)).toBe(true);
      expect(await database.papers.get('2408.00001')).toMatchObject({
        savedAt: NOON - 500,
        sightingCount: 3,
        codeUrls: ['https://github.com/a/x'],
        firstSighting: { label: 'arXiv cs.CL · new' },
      });
      // The old indexes still answer.
      expect(await database.papers.where('savedAt').above(0).primaryKeys()).toEqual(['2408.00001']);
      expect(await countFirstSeenSince(database, NOON - 1500)).toBe(2);

      // The new field works: a feed replacement first met now is stored but not counted, and an
      // upgraded record keeps counting when a feed shows it again.
      await recordDetection(
        database,
        {
          source: {
            kind: 'arxiv-rss',
            label: 'arXiv cs.CL RSS',
            url: 'https://rss.arxiv.org/rss/cs.CL',
          },
          papers: [
            detectedPaper('2408.00003', { section: 'replacement' }),
            detectedPaper('2408.00002', { section: 'replacement' }),
          ],
        },
        NOON + 2000,
        (paper) => paper.section !== 'replacement',
      );
      expect(await database.papers.get('2408.00003')).toMatchObject({ countsAsNew: false });
      expect(await database.papers.get('2408.00002')).toMatchObject({
        countsAsNew: true,
        sightingCount: 4,
      });
      expect(await countFirstSeenSince(database, NOON - 1500)).toBe(2);
    } finally {
      await database.delete();
    }
  });
});

describe('schema upgrade from version 2', () => {
  it('keeps every record, save and field, and the new signal indexes answer', async () => {
    const name = `migration-v2-${crypto.randomUUID()}`;
    // Exactly the version 2 schema, opened without PaperlightDatabase.
    const old = new Dexie(name);
    old.version(1).stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' });
    old.version(2).stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' });
    await old.open();
    await old.table('papers').bulkAdd([
      { ...v1Record('2408.00001', NOON - 1000, NOON - 500), countsAsNew: true },
      { ...v1Record('2408.00002', NOON - 2000), countsAsNew: false },
      {
        ...v1Record('url:https://example.org/post', NOON - 3000, NOON - 3000),
        countsAsNew: false,
        article: {
          url: 'https://example.org/post',
          siteName: 'Example',
          keySentences: ['One.'],
          readingMinutes: 3,
        },
      },
    ]);
    old.close();

    const database = new PaperlightDatabase(name);
    try {
      await database.open();
      expect(database.verno).toBe(LATEST_VERSION);
      expect(await database.papers.count()).toBe(3);
      expect(await database.papers.get('2408.00001')).toMatchObject({
        savedAt: NOON - 500,
        countsAsNew: true,
        sightingCount: 3,
      });
      expect(await database.papers.get('2408.00002')).toMatchObject({ countsAsNew: false });
      expect(await database.papers.get('url:https://example.org/post')).toMatchObject({
        savedAt: NOON - 3000,
        article: { siteName: 'Example', readingMinutes: 3 },
      });
      expect(await database.papers.where('savedAt').above(0).count()).toBe(2);

      // The new fields can be set and are found through their indexes; nothing else moves.
      await database.papers.update('2408.00002', { openedAt: NOON, dismissedAt: NOON + 1 });
      expect(await database.papers.where('openedAt').above(0).primaryKeys()).toEqual([
        '2408.00002',
      ]);
      expect(await database.papers.where('dismissedAt').above(0).primaryKeys()).toEqual([
        '2408.00002',
      ]);
      expect(await database.papers.where('likedAt').above(0).count()).toBe(0);
      expect(await database.papers.get('2408.00002')).toMatchObject({
        title: 'Paper 2408.00002',
        sightingCount: 3,
      });
    } finally {
      await database.delete();
    }
  });
});

describe('schema upgrade from version 3', () => {
  it('keeps every record, signal and relevance; tags and the library indexes answer', async () => {
    const name = `migration-v3-${crypto.randomUUID()}`;
    // Exactly the version 3 schema, opened without PaperlightDatabase.
    const old = new Dexie(name);
    old.version(1).stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' });
    old.version(2).stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' });
    old.version(3).stores({
      papers: 'id, firstSeenAt, lastSeenAt, savedAt, openedAt, dismissedAt, likedAt',
    });
    await old.open();
    const relevance = {
      score: 0.8,
      matched: true,
      reasons: ['keyword: diffusion'],
      learned: [],
      coldStart: true,
    };
    await old.table('papers').bulkAdd([
      {
        ...v1Record('2408.00001', NOON - 1000, NOON - 500),
        countsAsNew: true,
        openedAt: NOON - 400,
        lastOpenedAt: NOON - 300,
        likedAt: NOON - 200,
        relevance,
      },
      { ...v1Record('2408.00002', NOON - 2000), countsAsNew: true, dismissedAt: NOON - 100 },
    ]);
    old.close();

    const database = new PaperlightDatabase(name);
    try {
      await database.open();
      expect(database.verno).toBe(LATEST_VERSION);
      expect(await database.papers.get('2408.00001')).toMatchObject({
        savedAt: NOON - 500,
        openedAt: NOON - 400,
        lastOpenedAt: NOON - 300,
        likedAt: NOON - 200,
        relevance,
        sightingCount: 3,
      });
      expect(await database.papers.get('2408.00002')).toMatchObject({ dismissedAt: NOON - 100 });
      expect(await database.papers.where('dismissedAt').above(0).primaryKeys()).toEqual([
        '2408.00002',
      ]);
      expect(await database.tags.count()).toBe(0);
      // The upgrade wrote the lists' keys: Today and Saved answer from indexes alone.
      const today = (filter: TodayFilter) =>
        paperIds(database, { view: 'today', dayStart: NOON, filter });
      expect(await today('all')).toEqual(['2408.00001']);
      expect(await today('matches')).toEqual(['2408.00001']);
      expect(await today('code')).toEqual(['2408.00001']);
      expect(await today('dismissed')).toEqual(['2408.00002']);
      expect(await paperIds(database, { view: 'saved', filter: { hasCode: true } })).toEqual([
        '2408.00001',
      ]);

      const hashes = new Map(
        (await database.papers.toArray()).map((paper) => [paper.id, paper.searchHash]),
      );
      await database.tags.add({
        id: 'tabc',
        name: 'Diffusion',
        color: 'blue',
        createdAt: NOON,
        updatedAt: NOON,
      });
      await database.papers.update('2408.00001', {
        tagIds: ['tabc'],
        readingState: 'reading',
        note: 'read §3',
        unseenUpdateAt: NOON + 1,
        watchedAt: NOON + 2,
      });
      expect(await database.papers.where('tagIds').equals('tabc').primaryKeys()).toEqual([
        '2408.00001',
      ]);
      expect(await database.papers.where('readingState').equals('reading').count()).toBe(1);
      expect(await database.papers.where('unseenUpdateAt').above(0).count()).toBe(1);
      expect(
        await database.papers
          .where('watchedAt')
          .below(NOON + 3)
          .primaryKeys(),
      ).toEqual(['2408.00001']);
      expect(await database.papers.where('savedAt').above(0).count()).toBe(1);
      // Search: the upgrade rewrote every paper, so every paper carries a search stamp (the
      // index's first build reads them all anyway); a later edit to a searched field (the note)
      // changes the paper's hash, an edit elsewhere leaves the other paper's hash alone.
      expect(await database.papers.where('searchChangedAt').above(0).count()).toBe(2);
      expect(hashes.get('2408.00001')).not.toBe(
        (await database.papers.get('2408.00001'))?.searchHash,
      );
      expect(hashes.get('2408.00002')).toBe((await database.papers.get('2408.00002'))?.searchHash);
      expect(await database.searchIndex.count()).toBe(0);

      // An unsave keeps its stamp (a tombstone): sync finds it by the nested index.
      await database.papers.update('2408.00002', { libraryEditedAt: { saved: NOON + 2 } });
      expect(
        await database.papers.where('libraryEditedAt.saved').above(NOON).primaryKeys(),
      ).toEqual(['2408.00002']);
    } finally {
      await database.delete();
    }
  });
});
