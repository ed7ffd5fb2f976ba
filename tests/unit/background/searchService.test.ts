import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordPageDetection } from '@/utils/background/paperStore';
import { createSearchService, type SearchService } from '@/utils/background/searchService';
import { unpackSnapshot } from '@/utils/shared/search/packedSnapshot';
import { PaperlightDatabase } from '@/utils/storage/database';

const NOW = Date.UTC(2026, 10, 27, 12);
let database: PaperlightDatabase;
let service: SearchService;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  database = new PaperlightDatabase(`search-${crypto.randomUUID()}`);
  service = createSearchService(database, { saveDelayMs: 60_000 });
  await recordPageDetection(
    database,
    page([
      detectedPaper('2408.01234', {
        title: 'Sparse attention for long documents',
        authors: ['Grace Hopper', 'Yann LeCun'],
        abstract: 'We study memory in transformers.',
      }),
      detectedPaper('2408.05678', {
        title: 'Protein folding with diffusion',
        authors: ['Emmy Noether'],
        abstract: 'Attention layers help; long documents do not appear here.',
      }),
      detectedPaper('hep-th/9901001', {
        title: 'Strings and branes',
        authors: ['Paul Dirac'],
        abstract: 'A classic on dualities.',
      }),
    ]),
    NOW,
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

async function ask(query: string, scope: 'all' | 'saved' = 'all', from = service) {
  const reply = await handleMessage(
    database,
    { type: 'searchLibrary', payload: { query, scope } },
    () => NOW,
    { search: from },
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as { ids: string[]; total: number };
}

describe('searchLibrary', () => {
  it('puts the paper with the words in its title before the one with them in its abstract', async () => {
    expect(await ask('long documents ')).toEqual({ ids: ['2408.01234', '2408.05678'], total: 2 });
    expect((await ask('attention memory ')).ids).toEqual(['2408.01234']);
  });

  it('finds as the last word is typed', async () => {
    expect((await ask('prot')).ids).toEqual(['2408.05678']);
    expect((await ask('protein diff')).ids).toEqual(['2408.05678']);
    expect((await ask('protein diffx')).ids).toEqual([]);
  });

  it('finds a paper by its arXiv id, in any of the forms people paste', async () => {
    expect(await ask('arXiv:2408.01234v2')).toEqual({ ids: ['2408.01234'], total: 1 });
    expect((await ask('2408.05678')).ids).toEqual(['2408.05678']);
    expect((await ask('hep-th/9901001')).ids).toEqual(['hep-th/9901001']);
    expect((await ask('https://arxiv.org/abs/2408.05678v3')).ids).toEqual(['2408.05678']);
    expect((await ask('https://arxiv.org/pdf/2408.01234v1.pdf')).ids).toEqual(['2408.01234']);
  });

  it('finds authors by name and by initial and surname', async () => {
    expect((await ask('Noether')).ids).toEqual(['2408.05678']);
    expect((await ask('Y. LeCun')).ids).toEqual(['2408.01234']);
  });

  it('follows saves, fill-ins, notes and deletions made after the index was built', async () => {
    expect((await ask('dualities', 'saved')).ids).toEqual([]);
    await handleMessage(database, {
      type: 'setSaved',
      payload: { id: 'hep-th/9901001', saved: true },
    });
    expect((await ask('dualities', 'saved')).ids).toEqual(['hep-th/9901001']);

    await database.papers.update('2408.01234', {
      abstract: 'Now about quasicrystals.',
      tldr: 'Now about quasicrystals.',
    });
    expect((await ask('quasicrystals')).ids).toEqual(['2408.01234']);
    expect((await ask('memory')).ids).toEqual([]);

    await database.papers.update('2408.05678', { note: 'read before the group meeting' });
    expect((await ask('meeting')).ids).toEqual(['2408.05678']);

    await database.papers.delete('2408.05678');
    expect((await ask('protein')).ids).toEqual([]);
  });

  it('finds papers by tag name, and by the new name after a rename', async () => {
    await database.tags.put({
      id: 't1',
      name: 'to cite',
      color: 'blue',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await database.papers.update('2408.05678', { tagIds: ['t1'] });
    expect((await ask('cite')).ids).toEqual(['2408.05678']);
    await database.tags.update('t1', { name: 'thesis chapter', updatedAt: NOW + 1 });
    expect((await ask('cite')).ids).toEqual([]);
    expect((await ask('thesis')).ids).toEqual(['2408.05678']);
  });

  it('comes back from its snapshot after the worker stops, with what changed meanwhile', async () => {
    expect((await ask('strings')).ids).toEqual(['hep-th/9901001']);
    await service.flush();
    // The worker is stopped; a paper changes and one arrives before it wakes up.
    await database.papers.update('hep-th/9901001', { title: 'Strings and membranes' });
    await recordPageDetection(
      database,
      page([
        detectedPaper('2409.00001', { title: 'Membranes in the lab', authors: ['Marie Curie'] }),
      ]),
      NOW + 1000,
    );
    const woken = createSearchService(database);
    expect((await ask('membranes', 'all', woken)).ids.sort()).toEqual([
      '2409.00001',
      'hep-th/9901001',
    ]);
    expect(woken.stats.start).toBe('snapshot');
    expect((await ask('branes', 'all', woken)).ids).toEqual([]);
  });

  it('drops papers deleted after its snapshot was saved, once it has answered', async () => {
    expect((await ask('protein')).ids).toEqual(['2408.05678']);
    await service.flush();
    // Deleted before the worker could save the index again; then the worker stops.
    await database.papers.delete('2408.05678');
    const woken = createSearchService(database);
    await ask('strings', 'all', woken);
    expect(woken.stats.start).toBe('snapshot');
    await vi.waitFor(async () => expect((await ask('protein', 'all', woken)).ids).toEqual([]));
    // And a deletion made while it runs shows at once.
    await database.papers.delete('hep-th/9901001');
    expect((await ask('strings', 'all', woken)).ids).toEqual([]);
  });

  it('reads an index stored by the previous version (unpacked), and rebuilds a damaged one', async () => {
    expect((await ask('strings')).ids).toEqual(['hep-th/9901001']);
    await service.flush();
    const stored = await database.searchIndex.get('library');
    if (stored?.snapshot.format !== 2) throw new Error('expected a packed index');
    await database.searchIndex.put({ ...stored, snapshot: unpackSnapshot(stored.snapshot) });
    const older = createSearchService(database);
    expect((await ask('strings', 'all', older)).ids).toEqual(['hep-th/9901001']);
    expect(older.stats.start).toBe('snapshot');

    await database.searchIndex.put({
      ...stored,
      snapshot: { ...stored.snapshot, docs: stored.snapshot.docs.slice(0, 2) },
    });
    const damaged = createSearchService(database);
    expect((await ask('strings', 'all', damaged)).ids).toEqual(['hep-th/9901001']);
    expect(damaged.stats.start).toBe('build');
  });

  it('does not re-read papers whose searched fields did not change', async () => {
    await ask('strings');
    // Seen again on a page: sighting count and times change, the text does not.
    await recordPageDetection(
      database,
      page([
        detectedPaper('hep-th/9901001', {
          title: 'Strings and branes',
          authors: ['Paul Dirac'],
          abstract: 'A classic on dualities.',
        }),
      ]),
      NOW + 5000,
    );
    await ask('strings');
    expect(service.stats.caughtUp).toBe(0);
  });

  it('refuses an overlong query and content scripts', async () => {
    const long = await handleMessage(database, {
      type: 'searchLibrary',
      payload: { query: 'x'.repeat(201), scope: 'all' },
    });
    expect(long.ok).toBe(false);
    const fromPage = await handleMessage(
      database,
      { type: 'searchLibrary', payload: { query: 'strings', scope: 'all' } },
      () => NOW,
      { from: 'content-script' },
    );
    expect(fromPage).toEqual({
      ok: false,
      error: 'searchLibrary: not accepted from a content script',
    });
  });
});
