import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paperRecord, tag } from '@/tests/helpers/records';
import { handleMessage } from '@/utils/background/handleMessage';
import { importLibrary } from '@/utils/background/importLibrary';
import { exportPapers } from '@/utils/pages/exportFile';
import type { Tag } from '@/utils/shared/library';
import { type PaperRecord, withoutDerivedFields } from '@/utils/shared/paperRecord';
import { IMPORT_MAX_CHARS } from '@/utils/shared/protocol';
import { PaperlightDatabase } from '@/utils/storage/database';

const NOW = Date.UTC(2026, 10, 28, 9);
const T = (day: number) => Date.UTC(2026, 10, day, 12);
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures', name), 'utf8');

let database: PaperlightDatabase;
let tagCounter = 0;
const newTagId = () => `tnew${++tagCounter}`;

beforeEach(() => {
  fakeBrowser.reset();
  tagCounter = 0;
  database = new PaperlightDatabase(`import-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

/** The stored data: records without what the database derives (when it indexed them differs). */
async function snapshot(db: PaperlightDatabase) {
  return {
    papers: (await db.papers.orderBy('id').toArray()).map(withoutDerivedFields),
    tags: await db.tags.orderBy('id').toArray(),
  };
}

function json(papers: PaperRecord[], tags: Tag[] = [], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: 'paperlight',
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    papers,
    tags,
    ...extra,
  });
}

async function seedLibrary() {
  await database.tags.bulkPut([
    tag('tnlp', 'NLP', { color: 'green' }),
    tag('told', 'old idea', { deletedAt: T(20), updatedAt: T(20) }),
  ]);
  await database.papers.bulkPut([
    paperRecord('1706.03762', {
      title: 'Attention Is All You Need',
      savedAt: T(10),
      tagIds: ['tnlp'],
      note: 'multi-head\nattention, see §3.2',
      readingState: 'reading',
      libraryEditedAt: { saved: T(10), tagIds: T(11), note: T(12), readingState: T(13) },
      latestVersion: 7,
      codeUrls: ['https://github.com/tensorflow/tensor2tensor'],
      relevance: {
        score: 0.8,
        matched: true,
        reasons: ['keyword: attention'],
        learned: [],
        coldStart: true,
      },
    }),
    paperRecord('2101.00001', { dismissedAt: T(3), openedAt: T(2), lastOpenedAt: T(4) }),
    paperRecord('url:https://example.com/post', {
      title: 'A post',
      authors: [],
      savedAt: T(5),
      libraryEditedAt: { saved: T(5) },
      firstSighting: {
        kind: 'article',
        label: 'Example',
        url: 'https://example.com/post',
        at: T(5),
        position: 0,
      },
      lastSighting: {
        kind: 'article',
        label: 'Example',
        url: 'https://example.com/post',
        at: T(5),
        position: 0,
      },
      article: {
        url: 'https://example.com/post',
        siteName: 'Example',
        keySentences: ['One.'],
        readingMinutes: 2,
      },
    }),
  ]);
}

describe('Paperlight JSON round trip', () => {
  it('export → clear → import gives back the same database, and exporting again gives the same bytes', async () => {
    await seedLibrary();
    const before = await snapshot(database);
    const exported = await exportPapers(database, { format: 'json', selection: 'all', now: NOW });
    expect(exported.filename).toBe('paperlight-all-2026-11-28.json');

    await database.delete();
    database = new PaperlightDatabase(`import-${crypto.randomUUID()}`);
    const report = await importLibrary(
      database,
      { format: 'paperlight', text: exported.text },
      NOW,
    );

    expect(report).toMatchObject({ added: 3, updated: 0, unchanged: 0, tagsAdded: 1, skipped: 0 });
    expect(await snapshot(database)).toEqual(before);
    const again = await exportPapers(database, { format: 'json', selection: 'all', now: NOW });
    expect(again.text).toBe(exported.text);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await seedLibrary();
    const text = (await exportPapers(database, { format: 'json', selection: 'all', now: NOW }))
      .text;
    const other = new PaperlightDatabase(`import-${crypto.randomUUID()}`);
    try {
      await other.papers.put(
        paperRecord('1706.03762', {
          savedAt: T(1),
          note: 'mine',
          libraryEditedAt: { saved: T(1), note: T(25) },
        }),
      );
      await importLibrary(other, { format: 'paperlight', text }, NOW);
      const once = await snapshot(other);
      const second = await importLibrary(other, { format: 'paperlight', text }, NOW);
      expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 3, tagsAdded: 0 });
      expect(await snapshot(other)).toEqual(once);
    } finally {
      await other.delete();
    }
  });
});

describe('merging an import', () => {
  it('takes the newer note and keeps the newer local tags, field by field', async () => {
    await seedLibrary();
    const incoming = paperRecord('1706.03762', {
      title: 'Attention Is All You Need',
      savedAt: T(10),
      note: 'newer note from the other browser',
      tagIds: ['tother'],
      libraryEditedAt: { saved: T(10), note: T(20), tagIds: T(5) },
    });
    const report = await importLibrary(
      database,
      { format: 'paperlight', text: json([incoming], [tag('tother', 'Other')]) },
      NOW,
    );
    const stored = await database.papers.get('1706.03762');
    expect(report).toMatchObject({ updated: 1, added: 0 });
    expect(stored?.note).toBe('newer note from the other browser');
    expect(stored?.tagIds).toEqual(['tnlp']);
    expect(stored?.readingState).toBe('reading');
    expect(stored?.libraryEditedAt).toEqual({
      saved: T(10),
      tagIds: T(11),
      note: T(20),
      readingState: T(13),
    });
  });

  it('an older unsave does not unsave a saved paper; a newer one does', async () => {
    await seedLibrary();
    const unsavedOlder = paperRecord('1706.03762', { libraryEditedAt: { saved: T(9) } });
    await importLibrary(database, { format: 'paperlight', text: json([unsavedOlder]) }, NOW);
    expect((await database.papers.get('1706.03762'))?.savedAt).toBe(T(10));

    const unsavedNewer = paperRecord('1706.03762', { libraryEditedAt: { saved: T(21) } });
    await importLibrary(database, { format: 'paperlight', text: json([unsavedNewer]) }, NOW);
    const stored = await database.papers.get('1706.03762');
    expect(stored?.savedAt).toBeUndefined();
    expect(stored?.libraryEditedAt?.saved).toBe(T(21));
    expect(stored?.note).toBe('multi-head\nattention, see §3.2');
  });

  it('a paper saved here without any stamp stays saved against an unstamped unsaved copy', async () => {
    await database.papers.put(paperRecord('2101.00009', { savedAt: T(3) }));
    await importLibrary(
      database,
      { format: 'paperlight', text: json([paperRecord('2101.00009')]) },
      NOW,
    );
    expect((await database.papers.get('2101.00009'))?.savedAt).toBe(T(3));
  });

  it('matches tags by name (case and accents ignored), adds unknown ones, and maps the papers to them', async () => {
    await seedLibrary();
    const incoming = paperRecord('2101.00001', {
      savedAt: T(6),
      tagIds: ['tx1', 'tx2'],
      libraryEditedAt: { saved: T(6), tagIds: T(6) },
    });
    const report = await importLibrary(
      database,
      { format: 'paperlight', text: json([incoming], [tag('tx1', 'nlp'), tag('tx2', 'Vision')]) },
      NOW,
    );
    expect(report.tagsAdded).toBe(1);
    expect((await database.papers.get('2101.00001'))?.tagIds).toEqual(['tnlp', 'tx2']);
    const names = (await database.tags.toArray())
      .filter((t) => !t.deletedAt)
      .map((t) => t.name)
      .sort();
    expect(names).toEqual(['NLP', 'Vision']);
  });

  it('never deletes a live tag from a tombstone in the file', async () => {
    await seedLibrary();
    await importLibrary(
      database,
      {
        format: 'paperlight',
        text: json([], [tag('tnlp', 'NLP', { deletedAt: T(27), updatedAt: T(27) })]),
      },
      NOW,
    );
    expect((await database.tags.get('tnlp'))?.deletedAt).toBeUndefined();
  });

  it('keeps what this browser observed and fills in what only the file knows', async () => {
    await seedLibrary();
    const incoming = paperRecord('2101.00001', {
      abstract: 'An abstract.',
      firstSeenAt: T(1),
      lastSeenAt: T(2),
      openedAt: T(1),
      codeUrls: ['https://github.com/a/b'],
    });
    await importLibrary(database, { format: 'paperlight', text: json([incoming]) }, NOW);
    const stored = await database.papers.get('2101.00001');
    expect(stored).toMatchObject({
      abstract: 'An abstract.',
      firstSeenAt: T(1),
      lastSeenAt: T(27),
      openedAt: T(1),
      lastOpenedAt: T(4),
      dismissedAt: T(3),
    });
    expect(stored?.codeUrls).toEqual(['https://github.com/a/b']);
  });
});

describe('import validation: a bad file changes nothing', () => {
  const refusals: [string, string, RegExp][] = [
    ['foreign JSON', JSON.stringify({ items: [{ title: 'x' }] }), /not a Paperlight export/],
    ['a JSON array', '[1,2,3]', /not a Paperlight export/],
    ['not JSON', '%PDF-1.7 binary', /not valid JSON/],
    [
      'a newer version',
      JSON.stringify({
        format: 'paperlight',
        version: 2,
        exportedAt: '2026-01-01T00:00:00Z',
        papers: [],
        tags: [],
      }),
      /newer Paperlight/,
    ],
    [
      'an unknown version',
      JSON.stringify({
        format: 'paperlight',
        version: 0,
        exportedAt: '2026-01-01T00:00:00Z',
        papers: [],
        tags: [],
      }),
      /damaged: version/,
    ],
    [
      'an unknown field in a paper',
      json([{ ...paperRecord('2101.00001'), futureField: 1 } as PaperRecord]),
      /damaged: papers\.0/,
    ],
    [
      'a javascript: URL',
      json([paperRecord('2101.00001', { codeUrls: ['javascript:alert(1)'] })]),
      /damaged: papers\.0\.codeUrls\.0: must be an http\(s\) URL/,
    ],
    ['a bad id', json([paperRecord('not an id')]), /damaged: papers\.0\.id/],
    [
      'a duplicated paper',
      json([paperRecord('2101.00001'), paperRecord('2101.00001')]),
      /appears twice/,
    ],
    [
      'a PaperMemory file sent as Paperlight',
      fixture('papermemory-export.json'),
      /not a Paperlight export/,
    ],
  ];

  it.each(refusals)('refuses %s', async (_name, text, message) => {
    await seedLibrary();
    const before = await snapshot(database);
    const reply = await handleMessage(
      database,
      { type: 'importLibrary', payload: { format: 'paperlight', text } },
      () => NOW,
    );
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(message);
    expect(await snapshot(database)).toEqual(before);
  });

  it('refuses a truncated export', async () => {
    await seedLibrary();
    const text = (await exportPapers(database, { format: 'json', selection: 'all', now: NOW }))
      .text;
    const before = await snapshot(database);
    const reply = await handleMessage(
      database,
      {
        type: 'importLibrary',
        payload: { format: 'paperlight', text: text.slice(0, text.length - 200) },
      },
      () => NOW,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(await snapshot(database)).toEqual(before);
  });

  it('refuses an oversized file at the message schema', async () => {
    const reply = await handleMessage(
      database,
      {
        type: 'importLibrary',
        payload: { format: 'paperlight', text: ' '.repeat(IMPORT_MAX_CHARS + 1) },
      },
      () => NOW,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('refuses Paperlight JSON sent as PaperMemory', async () => {
    const reply = await handleMessage(
      database,
      {
        type: 'importLibrary',
        payload: { format: 'papermemory', text: json([paperRecord('2101.00001')]) },
      },
      () => NOW,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a PaperMemory export/),
    });
    expect(await database.papers.count()).toBe(0);
  });

  it('is refused from a content script', async () => {
    const reply = await handleMessage(
      database,
      {
        type: 'importLibrary',
        payload: { format: 'paperlight', text: json([paperRecord('2101.00001')]) },
      },
      () => NOW,
      { from: 'content-script' },
    );
    expect(reply.ok).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });
});

describe('PaperMemory import', () => {
  it('saves its papers with their notes, tags (by name), favourite, code, version, DOI and dates; skips what it cannot read', async () => {
    await database.tags.put(tag('tspace', 'space'));
    const report = await importLibrary(
      database,
      { format: 'papermemory', text: fixture('papermemory-export.json') },
      NOW,
      newTagId,
    );
    expect(report).toMatchObject({
      format: 'papermemory',
      added: 2,
      updated: 0,
      tagsAdded: 2,
      skipped: 2,
    });
    expect(report.skipReasons).toEqual([
      { id: 'Broken-1', reason: 'no valid addDate' },
      { id: 'Broken-2', reason: 'neither an arXiv id nor an http(s) link' },
    ]);
    const tags = new Map((await database.tags.toArray()).map((t) => [t.name, t.id]));
    expect([...tags.keys()].sort()).toEqual(['compilers', 'favorite', 'space']);

    const arxiv = await database.papers.get('2106.09608');
    expect(arxiv).toMatchObject({
      title: 'Orbits of Compilers',
      authors: ['Grace Hopper', 'Katherine Johnson'],
      savedAt: Date.parse('2023-03-01T10:00:00.000Z'),
      note: 'Check section 4 against our data',
      latestVersion: 2,
      codeUrls: ['https://github.com/example/orbits'],
      lastOpenedAt: Date.parse('2023-03-05T08:00:00.000Z'),
      countsAsNew: false,
    });
    expect(arxiv?.tagIds).toEqual([tags.get('compilers'), 'tspace', tags.get('favorite')]);
    expect(arxiv?.firstSighting).toMatchObject({ kind: 'import', label: 'PaperMemory' });

    const acl = await database.papers.get('url:https://aclanthology.org/2020.acl-main.999');
    expect(acl).toMatchObject({
      title: 'Engines of Language',
      doi: '10.18653/v1/2020.acl-main.999',
      article: { url: 'https://aclanthology.org/2020.acl-main.999', siteName: 'ACL' },
      tagIds: ['tspace'],
    });
    expect(acl?.note).toBeUndefined();
  });

  it('importing it twice changes nothing, and a newer local note is kept', async () => {
    const text = fixture('papermemory-export.json');
    await importLibrary(database, { format: 'papermemory', text }, NOW, newTagId);
    const stored = await database.papers.get('2106.09608');
    await database.papers.update('2106.09608', {
      note: 'my newer note',
      libraryEditedAt: { ...stored?.libraryEditedAt, note: T(1) },
    });
    const once = await snapshot(database);
    const second = await importLibrary(
      database,
      { format: 'papermemory', text },
      NOW + 1000,
      newTagId,
    );
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2, tagsAdded: 0 });
    expect(await snapshot(database)).toEqual(once);
    expect((await database.papers.get('2106.09608'))?.note).toBe('my newer note');
  });

  it('refuses a file where nothing can be read', async () => {
    const reply = await handleMessage(
      database,
      {
        type: 'importLibrary',
        payload: { format: 'papermemory', text: '{"__dataVersion": 1, "x": {"title": "t"}}' },
      },
      () => NOW,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Nothing in this PaperMemory export could be imported/),
    });
  });
});
