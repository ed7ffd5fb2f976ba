import type { Worker } from 'playwright-core';
import {
  badgeText,
  fixture,
  type LoadedExtension,
  launchExtension,
  openPopup,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * Chrome stops an idle extension service worker, and may do so while a content script's message
 * is being handled. Here the worker is held inside the page's message (its papers table is kept
 * busy by a transaction of the test's), then stopped through the DevTools protocol: the content
 * script's message fails with "message channel closed", it sends it once more to a fresh worker,
 * and the page is stored (each paper seen once) and marked.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';

declare const chrome: {
  runtime: { onMessage: { addListener(listener: (m: unknown) => void): void } };
};
declare const self: { pageMessages?: number };

let extension: LoadedExtension;

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
});

afterAll(async () => {
  await extension?.close();
});

/** Counts pageDetected messages reaching the worker, and keeps its papers table busy. */
function holdTheWorker(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        self.pageMessages = 0;
        chrome.runtime.onMessage.addListener((message) => {
          if ((message as { type?: string } | null)?.type === 'pageDetected') {
            self.pageMessages = (self.pageMessages ?? 0) + 1;
          }
        });
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const papers = open.result.transaction('papers', 'readwrite').objectStore('papers');
          // A read-write transaction that never ends: the worker's own writes wait behind it.
          const keepBusy = () => {
            papers.count().onsuccess = keepBusy;
          };
          keepBusy();
          resolve();
        };
      }),
  );
}

describe('a page read while the service worker is stopped mid-message', () => {
  it('is sent again, stored once and marked', async () => {
    // The popup opens the database (so the table exists) and lends its DevTools session.
    const popup = await openPopup(extension);
    await expect.poll(() => popup.locator('[role="tab"]').count()).toBeGreaterThan(0);
    const devtools = await extension.context.newCDPSession(popup);
    await holdTheWorker(extension.worker);

    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect.poll(() => extension.worker.evaluate(() => self.pageMessages)).toBe(1);
    expect(await page.locator('paperlight-mark').count()).toBe(0);

    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');

    await expect.poll(() => page.locator('paperlight-mark').count(), { timeout: 15_000 }).toBe(4);
    // The same worker handle now reaches a fresh worker: the counter above is gone with the old one.
    const worker = extension.worker;
    expect(await worker.evaluate(() => self.pageMessages)).toBeUndefined();
    const stored = await readStore<PaperRecord>(worker);
    expect(stored.map((paper) => [paper.id, paper.sightingCount]).sort()).toEqual([
      ['2301.13353', 1],
      ['2408.03001', 1],
      ['2408.04539', 1],
      ['2408.04540', 1],
    ]);
    expect(await badgeText(worker)).toBe('4');
    await page.close();
    await popup.close();
  });
});
