import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MemorySyncArea } from '@/tests/helpers/memorySyncArea';
import { page } from '@/tests/helpers/papers';
import { recordDetection } from '@/utils/background/paperStore';
import { createSyncService, type SyncService } from '@/utils/background/sync';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { type Interests, NO_INTERESTS } from '@/utils/shared/ranking/types';
import { isChunkKey, SYNC_QUOTA } from '@/utils/shared/sync/syncChunks';
import { TOMBSTONE_TTL_MS } from '@/utils/shared/sync/syncRecords';
import { PaperlightDatabase } from '@/utils/storage/database';
import {
  browserSyncStore,
  type SyncLocalStore,
  type SyncState,
  type SyncStatus,
  syncEnabledItem,
} from '@/utils/storage/syncStore';

/**
 * Two browser profiles sharing one sync area: each has its own IndexedDB database, its own
 * storage.local (the switch, sync state, interests) and its own sync service; the area is one
 * in-memory `storage.sync` with Chrome's quotas.
 */

const T = 1_780_000_000_000;
let clock = T;
const now = () => clock;

function memoryStore(
  enabled = true,
): SyncLocalStore & { interests: Interests; status: SyncStatus | null } {
  let state: SyncState | undefined;
  return {
    interests: { ...NO_INTERESTS },
    status: null,
    async enabled() {
      return enabled;
    },
    async readState() {
      state ??= { deviceId: `d${Math.random()}`, interestsEditedAt: 0 };
      return state;
    },
    async writeState(next) {
      state = next;
    },
    async readStatus() {
      return this.status;
    },
    async writeStatus(next) {
      this.status = next;
    },
    async readInterests() {
      return this.interests;
    },
    async writeInterests(next) {
      this.interests = next;
    },
  };
}

interface Profile {
  db: PaperlightDatabase;
  store: ReturnType<typeof memoryStore>;
  sync: SyncService;
  arrived: string[];
}

const opened: PaperlightDatabase[] = [];
const services: SyncService[] = [];
function profile(
  area: MemorySyncArea,
  options: { enabled?: boolean; delayMs?: number } = {},
): Profile {
  const db = new PaperlightDatabase(`sync-${crypto.randomUUID()}`);
  opened.push(db);
  const store = memoryStore(options.enabled ?? true);
  const arrived: string[] = [];
  const sync = createSyncService(db, {
    area,
    local: store,
    now,
    delayMs: options.delayMs ?? 0,
    minWriteIntervalMs: 0,
    papersArrived: (ids) => arrived.push(...ids),
  });
  services.push(sync);
  return { db, store, sync, arrived };
}

afterEach(async () => {
  for (const service of services.splice(0)) service.cancelPending();
  await Promise.all(opened.splice(0).map((db) => db.delete()));
  clock = T;
});

// What the library's messages do (utils/background, library helper), reduced to their writes:
// each user change sets the value and stamps libraryEditedAt[field].
async function see(db: PaperlightDatabase, ...ids: string[]) {
  await recordDetection(
    db,
    page(ids.map((id) => ({ id, title: `Paper ${id}`, authors: ['Ada Lovelace'] }))),
    clock,
  );
}
async function edit(db: PaperlightDatabase, id: string, change: (paper: PaperRecord) => void) {
  await db.papers
    .where('id')
    .equals(id)
    .modify((paper) => change(paper));
}
const save = (db: PaperlightDatabase, id: string) =>
  edit(db, id, (paper) => {
    paper.savedAt = clock;
    paper.libraryEditedAt = { ...paper.libraryEditedAt, saved: clock };
  });
const unsave = (db: PaperlightDatabase, id: string) =>
  edit(db, id, (paper) => {
    delete paper.savedAt;
    paper.libraryEditedAt = { ...paper.libraryEditedAt, saved: clock };
  });
const setTags = (db: PaperlightDatabase, id: string, tagIds: string[]) =>
  edit(db, id, (paper) => {
    paper.tagIds = tagIds;
    paper.libraryEditedAt = { ...paper.libraryEditedAt, tagIds: clock };
  });
const setNote = (db: PaperlightDatabase, id: string, note: string) =>
  edit(db, id, (paper) => {
    paper.note = note;
    paper.libraryEditedAt = { ...paper.libraryEditedAt, note: clock };
  });
async function createTag(db: PaperlightDatabase, id: string, name: string) {
  const tag: Tag = { id, name, color: 'blue', createdAt: clock, updatedAt: clock };
  await db.tags.put(tag);
}
async function deleteTag(db: PaperlightDatabase, id: string) {
  await db.tags.update(id, { deletedAt: clock, updatedAt: clock });
  await db.papers
    .where('tagIds')
    .equals(id)
    .modify((paper) => {
      paper.tagIds = paper.tagIds?.filter((tagId) => tagId !== id);
    });
}

/** What the user sees of a library: saved papers with their fields, live and deleted tags. */
async function libraryOf(db: PaperlightDatabase) {
  const saved = await db.papers.where('savedAt').above(0).sortBy('id');
  const tags = await db.tags.orderBy('id').toArray();
  return {
    saved: saved.map(({ id, title, savedAt, tagIds, note, readingState }) => ({
      id,
      title,
      savedAt,
      tagIds: tagIds ?? [],
      note: note ?? '',
      readingState: readingState ?? 'to-read',
    })),
    tags: tags.map(({ id, name, deletedAt }) => ({ id, name, deleted: deletedAt !== undefined })),
  };
}

describe('two profiles sharing a sync area', () => {
  it('converge after edits on both sides, an unsave and a deleted tag included', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    const b = profile(area);

    await see(a.db, '2408.00001', '2408.00002', '2408.00003');
    await see(b.db, '2408.00003');
    await createTag(a.db, 'tDiffusion', 'Diffusion');
    await save(a.db, '2408.00001');
    await save(a.db, '2408.00002');
    await setTags(a.db, '2408.00001', ['tDiffusion']);
    await setNote(a.db, '2408.00002', 'read §3');
    expect((await a.sync.syncNow()).wrote).toBe('written');

    // B gets A's library, papers it never saw included (with their titles).
    clock += 1000;
    const pulled = await b.sync.syncNow();
    expect(pulled).toMatchObject({ pulledPapers: 2, pulledTags: 1 });
    expect(b.arrived).toEqual(['2408.00001', '2408.00002']);
    expect(await libraryOf(b.db)).toEqual({
      saved: [
        {
          id: '2408.00001',
          title: 'Paper 2408.00001',
          savedAt: T,
          tagIds: ['tDiffusion'],
          note: '',
          readingState: 'to-read',
        },
        {
          id: '2408.00002',
          title: 'Paper 2408.00002',
          savedAt: T,
          tagIds: [],
          note: 'read §3',
          readingState: 'to-read',
        },
      ],
      tags: [{ id: 'tDiffusion', name: 'Diffusion', deleted: false }],
    });

    // Both edit before hearing from the other.
    clock += 1000;
    await createTag(b.db, 'tRL', 'RL');
    await setTags(b.db, '2408.00001', ['tDiffusion', 'tRL']);
    await unsave(b.db, '2408.00002');
    await save(b.db, '2408.00003');
    clock += 1000;
    await setNote(a.db, '2408.00001', 'cite in chapter 2');
    await deleteTag(a.db, 'tDiffusion');
    await setNote(a.db, '2408.00002', 'read §3 and §4');

    await b.sync.syncNow();
    clock += 1000;
    await a.sync.syncNow();
    clock += 1000;
    await b.sync.syncNow();

    const expected = {
      saved: [
        {
          id: '2408.00001',
          title: 'Paper 2408.00001',
          savedAt: T,
          tagIds: ['tRL'],
          note: 'cite in chapter 2',
          readingState: 'to-read',
        },
        {
          id: '2408.00003',
          title: 'Paper 2408.00003',
          savedAt: T + 2000,
          tagIds: [],
          note: '',
          readingState: 'to-read',
        },
      ],
      tags: [
        { id: 'tDiffusion', name: 'Diffusion', deleted: true },
        { id: 'tRL', name: 'RL', deleted: false },
      ],
    };
    expect(await libraryOf(a.db)).toEqual(expected);
    expect(await libraryOf(b.db)).toEqual(expected);
    // The unsaved paper keeps A's later note (unsaving keeps notes), but is not saved anywhere.
    expect((await a.db.papers.get('2408.00002'))?.note).toBe('read §3 and §4');

    // Converged: another round writes nothing.
    clock += 1000;
    expect((await a.sync.syncNow()).wrote).toBe('nothing');
    expect((await b.sync.syncNow()).wrote).toBe('nothing');
  });

  it('keeps a local note newer than the one in the area', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    const b = profile(area);
    await see(a.db, '2408.00001');
    await see(b.db, '2408.00001');
    await save(a.db, '2408.00001');
    await setNote(a.db, '2408.00001', 'older, from A');
    await a.sync.syncNow();
    clock += 5000;
    await setNote(b.db, '2408.00001', 'newer, from B');
    await b.sync.syncNow();
    expect((await b.db.papers.get('2408.00001'))?.note).toBe('newer, from B');
    await a.sync.syncNow();
    expect((await a.db.papers.get('2408.00001'))?.note).toBe('newer, from B');
    expect((await a.db.papers.get('2408.00001'))?.savedAt).toBe(T);
  });

  it('syncs by itself: a change on A reaches B through the area change, A ignores its own write', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area, { delayMs: 5 });
    const b = profile(area, { delayMs: 5 });
    area.onChanged((changes) => a.sync.areaChanged(changes));
    area.onChanged((changes) => b.sync.areaChanged(changes));
    await see(a.db, '2408.00001');
    await save(a.db, '2408.00001');
    a.sync.localChanged();
    a.sync.localChanged();
    await vi.waitFor(async () => {
      expect((await b.db.papers.get('2408.00001'))?.savedAt).toBe(T);
    });
    await a.sync.syncNow();
    await b.sync.syncNow();
    // One write by A (its two changes made one), none by B (nothing new), none by A's echo.
    expect(area.writes).toHaveLength(1);
  });

  it("takes the other browser's interests at first contact (a union), then the later edit", async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    const b = profile(area);
    a.store.interests = { ...NO_INTERESTS, keywords: ['diffusion'] };
    b.store.interests = { ...NO_INTERESTS, authors: ['Y. Bengio'] };
    await a.sync.syncNow();
    clock += 1000;
    await b.sync.syncNow();
    const union = { ...NO_INTERESTS, keywords: ['diffusion'], authors: ['Y. Bengio'] };
    expect(b.store.interests).toEqual(union);
    await a.sync.syncNow();
    expect(a.store.interests).toEqual(union);
    clock += 1000;
    a.store.interests = { ...NO_INTERESTS, keywords: ['rlhf'] };
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(b.store.interests).toEqual({ ...NO_INTERESTS, keywords: ['rlhf'] });
  });

  it('stops syncing an unsave after the tombstone time', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    await see(a.db, '2408.00001');
    await save(a.db, '2408.00001');
    clock += 1000;
    await unsave(a.db, '2408.00001');
    await a.sync.syncNow();
    expect((await a.sync.syncNow()).papersWanted).toBe(1);
    clock += TOMBSTONE_TTL_MS + 1;
    const later = await a.sync.syncNow();
    expect(later.papersWanted).toBe(0);
    expect([...area.items.keys()].filter(isChunkKey)).toEqual([]);
  });

  it('over the quota, syncs the most recently changed papers and says how many', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    const b = profile(area);
    const text = (i: number, length: number) =>
      Array.from(
        { length },
        (_, k) => 'abcdefghijklmnopqrstuvwxyz '[(i * 7919 + k * k * 31) % 27],
      ).join('');
    const total = 7000;
    const records = Array.from({ length: total }, (_, i): PaperRecord => {
      const sighting = {
        kind: 'arxiv-listing' as const,
        label: 'l',
        url: 'https://arxiv.org/',
        at: T,
        position: 0,
      };
      const savedAt = T - (total - i) * 60_000 - ((i * 7907) % 50_000);
      return {
        id: `${2300 + (i % 97)}.${String((i * 7919) % 100_000).padStart(5, '0')}`,
        title: text(i, 80),
        authors: [text(i + 1, 15)],
        categories: [],
        tldr: '',
        codeUrls: [],
        projectUrls: [],
        firstSeenAt: T,
        lastSeenAt: T,
        firstSighting: sighting,
        lastSighting: sighting,
        sightingCount: 1,
        countsAsNew: true,
        savedAt,
        libraryEditedAt: { saved: savedAt },
      };
    });
    await a.db.papers.bulkPut(records);
    const report = await a.sync.syncNow();
    expect(report.papersWanted).toBe(total);
    expect(report.papersSynced).toBeLessThan(total);
    expect(report.papersSynced).toBeGreaterThan(1000);
    expect(area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(a.store.status).toMatchObject({
      papersSynced: report.papersSynced,
      papersWanted: total,
    });

    await b.sync.syncNow();
    const onB = await b.db.papers.orderBy('savedAt').reverse().primaryKeys();
    const newest = [...records].sort((x, y) => (y.savedAt ?? 0) - (x.savedAt ?? 0));
    expect(onB).toEqual(newest.slice(0, report.papersSynced).map((paper) => paper.id));
  }, 60_000);

  it('reads past an unreadable item, and replaces it', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    await area.set({ 'pl.7': 'not a chunk' });
    await see(a.db, '2408.00001');
    await save(a.db, '2408.00001');
    await a.sync.syncNow();
    expect([...area.items.keys()].filter(isChunkKey)).toEqual(['pl.0']);
  });

  it('waits between writes (Chrome allows 120 a minute, 1,800 an hour)', async () => {
    const area = new MemorySyncArea(now);
    const db = new PaperlightDatabase(`sync-${crypto.randomUUID()}`);
    opened.push(db);
    const sync = createSyncService(db, { area, local: memoryStore(), now, delayMs: 60_000 });
    await see(db, '2408.00001', '2408.00002');
    await save(db, '2408.00001');
    expect((await sync.syncNow()).wrote).toBe('written');
    clock += 1000;
    await save(db, '2408.00002');
    expect((await sync.syncNow()).wrote).toBe('later');
    expect(area.writes).toHaveLength(1);
    clock += 6000;
    expect((await sync.syncNow()).wrote).toBe('written');
  });

  it('does nothing while switched off', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area, { enabled: false });
    await see(a.db, '2408.00001');
    await save(a.db, '2408.00001');
    expect((await a.sync.syncNow()).enabled).toBe(false);
    expect(area.items.size).toBe(0);
  });
});

describe('the switch in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is off by default and on only for true', async () => {
    expect(await browserSyncStore.enabled()).toBe(false);
    await fakeBrowser.storage.local.set({ 'settings.sync': 'yes' });
    expect(await browserSyncStore.enabled()).toBe(false);
    await syncEnabledItem.setValue(true);
    expect(await browserSyncStore.enabled()).toBe(true);
  });
});

describe('one browser and the quota', () => {
  it('removes the items a smaller library no longer needs, and reports the bytes the area holds', async () => {
    const area = new MemorySyncArea(now);
    const a = profile(area);
    // Random letters: text that does not compress, like many real notes.
    const text = (_i: number, length: number) =>
      [...crypto.getRandomValues(new Uint8Array(length))]
        .map((byte) => 'abcdefghijklmnopqrstuvwxyz '[byte % 27])
        .join('');
    const ids = Array.from({ length: 400 }, (_, i) => `2401.${String(10000 + i * 37)}`);
    await a.db.papers.bulkPut(
      ids.map((id, i): PaperRecord => {
        const sighting = {
          kind: 'arxiv-listing' as const,
          label: 'l',
          url: 'https://arxiv.org/',
          at: T,
          position: 0,
        };
        return {
          id,
          title: text(i, 150),
          authors: [text(i + 1, 40)],
          categories: [],
          tldr: '',
          codeUrls: [],
          projectUrls: [],
          firstSeenAt: T,
          lastSeenAt: T,
          firstSighting: sighting,
          lastSighting: sighting,
          sightingCount: 1,
          countsAsNew: true,
          savedAt: T + i,
          note: text(i + 2, 600),
          libraryEditedAt: { saved: T + i, note: T + i },
        };
      }),
    );
    await a.sync.syncNow();
    const before = [...area.items.keys()].filter(isChunkKey).length;
    expect(before).toBeGreaterThan(10);
    // Notes cleared everywhere: the library now needs fewer items; the write must still fit.
    clock += 1000;
    await a.db.papers.toCollection().modify((paper) => {
      delete paper.note;
      paper.libraryEditedAt = { ...paper.libraryEditedAt, note: clock };
    });
    const report = await a.sync.syncNow();
    expect(report.wrote).toBe('written');
    expect([...area.items.keys()].filter(isChunkKey).length).toBeLessThan(before);
    expect(area.bytesInUse()).toBe(report.bytes);
  });
});
