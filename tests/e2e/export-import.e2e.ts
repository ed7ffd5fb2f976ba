import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type LoadedExtension, launchExtension, patchRecord, readStore } from '@/tests/e2e/harness';
import type { Tag } from '@/utils/shared/library';
import { type PaperRecord, withoutDerivedFields } from '@/utils/shared/paperRecord';

/**
 * Export and import on the options page of the built extension: a saved paper with tags and a
 * note goes out as a Paperlight JSON file (a real download), the library is cleared, and the file
 * brings it back the same; a damaged file is refused with its reason and changes nothing.
 */

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const ID = '2408.01234';
const EDITED = Date.UTC(2026, 10, 20, 9);
let extension: LoadedExtension;

beforeEach(async () => {
  extension = await launchExtension();
});
afterEach(async () => {
  await extension.close();
});

async function openOptions(): Promise<Page> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Export saved' }).waitFor();
  return options;
}

/** A saved paper with two tags and a note, as the library stores them. */
async function savedPaperWithTagsAndNote(options: Page): Promise<void> {
  const send = (message: unknown) =>
    options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean }>;
  const detection = {
    source: { kind: 'arxiv-abs', label: 'arXiv abs', url: `https://arxiv.org/abs/${ID}` },
    papers: [
      {
        id: ID,
        title: 'Sparse $k$-means & friends',
        authors: ['Jürgen Müller', 'Ada Lovelace'],
        abstract: 'We study sparse clustering.',
        primaryCategory: 'cs.LG',
        categories: ['cs.LG'],
      },
    ],
  };
  expect(await send({ type: 'pageDetected', payload: detection })).toMatchObject({ ok: true });
  expect(await send({ type: 'setSaved', payload: { id: ID, saved: true } })).toMatchObject({
    ok: true,
  });
  const tag = (id: string, name: string) => ({
    id,
    name,
    color: 'teal',
    createdAt: EDITED,
    updatedAt: EDITED,
  });
  await patchRecord(
    extension.worker,
    'tclustering00000',
    tag('tclustering00000', 'clustering'),
    'tags',
  );
  await patchRecord(
    extension.worker,
    'tsparse000000000',
    tag('tsparse000000000', 'Sparse methods'),
    'tags',
  );
  await patchRecord(extension.worker, ID, {
    tagIds: ['tclustering00000', 'tsparse000000000'],
    note: 'Compare with Lloyd;\nsee "Table 2".',
    readingState: 'reading',
    libraryEditedAt: { saved: EDITED, tagIds: EDITED, note: EDITED, readingState: EDITED },
  });
}

async function library() {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    // Without what the database derives: this test writes records past Dexie (patchRecord).
    papers: byId(await readStore<PaperRecord>(extension.worker)).map(withoutDerivedFields),
    tags: byId(await readStore<Tag>(extension.worker, 'tags')),
  };
}

/** Empties the library's stores with plain IndexedDB, as a fresh profile would have them. */
async function clearLibrary(): Promise<void> {
  await extension.worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction(['papers', 'tags'], 'readwrite');
          transaction.objectStore('papers').clear();
          transaction.objectStore('tags').clear();
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

it('exports a saved paper with its tags and note, and imports it back the same after the library is cleared', async () => {
  const options = await openOptions();
  await savedPaperWithTagsAndNote(options);
  const before = await library();
  expect(before.papers).toHaveLength(1);
  expect(before.tags).toHaveLength(2);

  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export saved' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^paperlight-saved-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'paperlight', version: 1 });
  expect(text).toContain('Compare with Lloyd;\\nsee \\"Table 2\\".');
  await expect
    .poll(() => options.locator('.library-file-status').textContent())
    .toMatch(/^Exported paperlight-saved-/);

  await clearLibrary();
  expect((await library()).papers).toEqual([]);

  await options.getByLabel('Import a file (Paperlight JSON or PaperMemory)').setInputFiles(file);
  await expect
    .poll(() => options.locator('.library-file-status').textContent())
    .toBe('Imported: 1 paper added, 0 updated, 0 unchanged, 2 tags added.');
  expect(await library()).toEqual(before);

  // The same file again: nothing new.
  await options.getByLabel('Import a file (Paperlight JSON or PaperMemory)').setInputFiles(file);
  await expect
    .poll(() => options.locator('.library-file-status').textContent())
    .toBe('Imported: 0 papers added, 0 updated, 1 unchanged, 0 tags added.');
  expect(await library()).toEqual(before);

  // The popup's Saved list has the paper back.
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await popup.getByRole('tab', { name: /Saved/ }).click();
  await expect.poll(() => popup.getByRole('link', { name: /Sparse/ }).count()).toBe(1);
});

it('refuses a damaged file with its reason shown, and changes nothing', async () => {
  const options = await openOptions();
  await savedPaperWithTagsAndNote(options);
  const before = await library();
  const good = JSON.stringify({
    format: 'paperlight',
    version: 1,
    exportedAt: new Date().toISOString(),
    papers: [{ ...before.papers[0], note: 'overwritten?', libraryEditedAt: { note: Date.now() } }],
    tags: [],
  });

  await options.getByLabel('Import a file (Paperlight JSON or PaperMemory)').setInputFiles({
    name: 'cut-short.json',
    mimeType: 'application/json',
    buffer: Buffer.from(good.slice(0, good.length - 40)),
  });
  const status = options.locator('.library-file-status');
  await expect
    .poll(() => status.textContent())
    .toMatch(
      /^Import refused, nothing was changed: The file is not valid JSON \(damaged or cut short\?\)/,
    );
  expect(await status.locator('.error').count()).toBe(1);

  await options.getByLabel('Import a file (Paperlight JSON or PaperMemory)').setInputFiles({
    name: 'zotero.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ itemType: 'journalArticle', title: 'x' }])),
  });
  await expect
    .poll(() => status.textContent())
    .toBe(
      'Import refused, nothing was changed: This is not a Paperlight export (no "format": "paperlight").',
    );

  expect(await library()).toEqual(before);
});
