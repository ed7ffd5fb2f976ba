/**
 * npm run screenshots — the README's pictures, taken from the built extension in Chromium:
 * an arXiv listing with Paperlight's marks and bar, the popup's Today tab ranked by a few
 * interests, and the library with a few saved papers tagged, one with a note.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickControl,
  eventually,
  fixture,
  launchExtension,
  markControl,
  openPopup,
  pageMark,
  ROOT,
  readStore,
  routePage,
} from '@/tests/e2e/harness';

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

import type { PaperRecord } from '@/utils/shared/paperRecord';

const OUT = path.join(ROOT, 'docs/screenshots');
const LISTING = 'https://arxiv.org/list/cs.CL/new';
/** The pages read before the pictures, and what shows that Paperlight has read each one. */
const pages: [string, string, 'marks' | 'hf-daily'][] = [
  ['https://arxiv.org/search/?query=retrieval&searchtype=all', 'arxiv-search.html', 'marks'],
  ['https://huggingface.co/papers/date/2024-09-02', 'hf-daily.html', 'hf-daily'],
  [LISTING, 'arxiv-list-new-current.html', 'marks'],
];

/** Two frames: what changed before is laid out and painted. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const extension = await launchExtension();
try {
  for (const [url, file] of pages) await routePage(extension.context, url, fixture(file));
  await extension.worker.evaluate(
    (interests) => chrome.storage.local.set({ 'ranking.interests': interests }),
    {
      keywords: ['retrieval', '"language model"'],
      exclusions: [],
      authors: ['J. Doe'],
      categories: [],
    },
  );
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1000, height: 640 });
  for (const [url, , read] of pages) {
    await page.goto(url);
    if (read === 'marks') {
      await page.locator('paperlight-mark').first().waitFor({ state: 'attached' });
    } else {
      await eventually(
        () => readStore<PaperRecord>(extension.worker),
        (rows) => rows.some((paper) => paper.lastSighting.kind === 'hf-daily'),
      );
    }
  }
  // Save one paper from the page, so the picture shows both states.
  await clickControl(page, await markControl(page, '2408.04539', 's'));
  await eventually(
    async () => (await pageMark(page, '2408.04539'))?.controls.find((c) => c.kind === 's')?.pressed,
    (pressed) => pressed === 'true',
  );
  await painted(page);
  await page.screenshot({ path: path.join(OUT, 'arxiv-listing.png') });

  const stored = await readStore<PaperRecord>(extension.worker);
  const popup = await openPopup(extension);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('article.paper .paper-tldr').first().waitFor();
  await painted(popup);
  await popup.screenshot({ path: path.join(OUT, 'popup-today.png') });

  // The library: a few more saves, two tags, a reading state and a note, sent as the library
  // page itself sends them.
  const library = await extension.context.newPage();
  await library.setViewportSize({ width: 1100, height: 640 });
  await library.goto(`chrome-extension://${extension.extensionId}/library.html`);
  const send = async (type: string, payload: unknown) => {
    const reply = (await library.evaluate((message) => chrome.runtime.sendMessage(message), {
      type,
      payload,
    })) as { ok: boolean; data?: unknown; error?: string };
    if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
    return reply.data;
  };
  const saved = stored
    .filter((paper) => paper.lastSighting.kind === 'arxiv-listing' && paper.abstract)
    .slice(0, 6)
    .map((paper) => paper.id);
  await send('setSavedMany', { ids: saved, saved: true });
  const retrieval = (await send('createTag', { name: 'retrieval', color: 'teal' })) as {
    id: string;
  };
  const group = (await send('createTag', { name: 'reading group', color: 'orange' })) as {
    id: string;
  };
  await send('setTags', { ids: saved.slice(0, 3), add: [retrieval.id] });
  await send('setTags', { ids: saved.slice(2, 5), add: [group.id] });
  await send('setReadingState', { ids: saved.slice(0, 2), state: 'read' });
  await send('setNote', { id: saved[0], note: 'Compare with the dense baseline in §4.' });
  await library.reload();
  await library.locator('.library-row').first().waitFor();
  await painted(library);
  await library.screenshot({ path: path.join(OUT, 'library.png') });
  console.log(`${stored.length} papers in the digest; screenshots written to ${OUT}`);
} finally {
  await extension.close();
}
