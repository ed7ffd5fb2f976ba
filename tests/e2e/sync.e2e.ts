import type { Page } from 'playwright-core';
import {
  eventually,
  type LoadedExtension,
  launchExtension,
  patchRecord,
  readStore,
} from '@/tests/e2e/harness';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { encodeChunk, isChunkKey, readChunks } from '@/utils/shared/sync/syncChunks';
import type { SyncedPaper } from '@/utils/shared/sync/syncRecords';

/**
 * Sync in the built extension. Headless Chromium without a signed-in account keeps
 * `chrome.storage.sync` in the profile: enough to see what Paperlight writes there, and to play
 * "another browser" by writing the area from an extension page.
 */

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string): Promise<Record<string, unknown>>;
    };
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
    };
  };
};

let extension: LoadedExtension;
let page: Page;

beforeEach(async () => {
  extension = await launchExtension();
  page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
});
afterEach(async () => {
  await extension.close();
});

const send = (message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
const syncArea = () => page.evaluate(() => chrome.storage.sync.get(null));

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

async function seePapers(...ids: string[]) {
  const reply = await send({
    type: 'pageDetected',
    payload: {
      source: {
        kind: 'arxiv-listing',
        label: 'arXiv cs.CL · new',
        url: 'https://arxiv.org/list/cs.CL/new',
      },
      papers: ids.map((id) => ({ id, title: `A study of ${id}`, authors: ['Jane Doe'] })),
    },
  });
  expect(reply).toMatchObject({ ok: true });
}

/** The synced papers in the area, read back as another browser would. */
async function syncedPapers(): Promise<Map<string, SyncedPaper>> {
  const read = await readChunks(await syncArea());
  return new Map(read.chunks.flatMap((chunk) => chunk.p.map((paper) => [paper.id, paper])));
}

it('with sync on, saving and tagging writes chunked items to chrome.storage.sync', async () => {
  await page.evaluate(() => chrome.storage.local.set({ 'settings.sync': true }));
  await seePapers('2408.04539', '2408.04540');
  expect(
    await send({ type: 'setSaved', payload: { id: '2408.04539', saved: true } }),
  ).toMatchObject({ ok: true });
  // Tagging as the library does it (tag record, tag id and its stamp on the paper).
  const taggedAt = Date.now();
  const tag: Tag = {
    id: 'te2e0000000000001',
    name: 'To cite',
    color: 'green',
    createdAt: taggedAt,
    updatedAt: taggedAt,
  };
  await patchRecord(extension.worker, tag.id, { ...tag }, 'tags');
  const saved = (await papers()).get('2408.04539');
  await patchRecord(extension.worker, '2408.04539', {
    tagIds: [tag.id],
    libraryEditedAt: { ...saved?.libraryEditedAt, tagIds: taggedAt },
  });
  expect(await send({ type: 'syncNow', payload: {} })).toMatchObject({
    ok: true,
    data: { enabled: true },
  });

  const synced = await eventually(
    syncedPapers,
    (found) => Boolean(found.get('2408.04539')?.tagIds?.length),
    10_000,
  );
  expect(synced.get('2408.04539')).toMatchObject({
    id: '2408.04539',
    title: 'A study of 2408.04539',
    authors: ['Jane Doe'],
    savedAt: saved?.savedAt,
    tagIds: [tag.id],
    edited: { tagIds: taggedAt },
  });
  // Only saved papers sync.
  expect(synced.has('2408.04540')).toBe(false);
  const area = await syncArea();
  expect(Object.keys(area).filter(isChunkKey)).toEqual(['pl.0']);
  expect(area['pl.meta']).toMatchObject({ v: 1, papers: 1, wanted: 1 });
  const tags = (await readChunks(area)).chunks.flatMap((chunk) => chunk.t);
  expect(tags).toEqual([tag]);

  // The space the options page reports is what Chrome counts (read once both have settled).
  const bytes = () =>
    page.evaluate(async () => {
      const status = (await chrome.storage.local.get('sync.status'))['sync.status'] as
        | { bytes: number }
        | undefined;
      return { reported: status?.bytes, counted: await chrome.storage.sync.getBytesInUse(null) };
    });
  const measured = await eventually(bytes, (value) => value.reported === value.counted, 10_000);
  expect(measured.reported).toBe(measured.counted);
  expect(measured.counted).toBeGreaterThan(0);
});

it('what another browser wrote to the sync area appears in the library', async () => {
  await page.evaluate(() => chrome.storage.local.set({ 'settings.sync': true }));
  await seePapers('2408.04539');
  expect(
    await send({ type: 'setSaved', payload: { id: '2408.04539', saved: true } }),
  ).toMatchObject({ ok: true });
  const later = Date.now() + 60_000;
  const tag: Tag = {
    id: 'tother00000000001',
    name: 'Reading group',
    color: 'purple',
    createdAt: later,
    updatedAt: later,
  };
  // The other browser saved a paper this one never saw, and unsaved the one saved here, later.
  const value = await encodeChunk({
    t: [tag],
    p: [
      {
        id: '2501.00001',
        title: 'A paper saved on the laptop',
        authors: ['Ada Lovelace'],
        savedAt: later,
        tagIds: [tag.id],
        note: 'Discuss on Friday',
        edited: { saved: later, tagIds: later, note: later },
      },
      { id: '2408.04539', edited: { saved: later } },
    ],
  });
  await page.evaluate((item) => chrome.storage.sync.set({ 'pl.0': item }), value);

  const stored = await eventually(
    papers,
    (found) => found.has('2501.00001') && found.get('2408.04539')?.savedAt === undefined,
    10_000,
  );
  expect(stored.get('2501.00001')).toMatchObject({
    title: 'A paper saved on the laptop',
    authors: ['Ada Lovelace'],
    savedAt: later,
    tagIds: [tag.id],
    note: 'Discuss on Friday',
    libraryEditedAt: { saved: later, tagIds: later, note: later },
  });
  expect(stored.get('2408.04539')?.savedAt).toBeUndefined();
  expect(stored.get('2408.04539')?.libraryEditedAt?.saved).toBe(later);
  const tags = await readStore<Tag>(extension.worker, 'tags');
  expect(tags).toEqual([tag]);
});
