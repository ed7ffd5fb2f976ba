/**
 * npm run screenshots — the README's pictures, taken from the built extension in Chromium:
 * an arXiv listing with Paperlight's marks, and the popup's Today tab.
 */
import path from 'node:path';
import {
  fixture,
  launchExtension,
  openPopup,
  ROOT,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

const OUT = path.join(ROOT, 'docs/screenshots');
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const pages: [string, string][] = [
  ['https://arxiv.org/search/?query=retrieval&searchtype=all', 'arxiv-search.html'],
  ['https://huggingface.co/papers/date/2024-09-02', 'hf-daily.html'],
  [LISTING, 'arxiv-list-new-current.html'],
];

const extension = await launchExtension();
try {
  for (const [url, file] of pages) await routePage(extension.context, url, fixture(file));
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1000, height: 640 });
  for (const [url] of pages) {
    await page.goto(url);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(500);
  }
  // Save one paper from the page, so the picture shows both states.
  await page.locator('.paperlight-save').first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'arxiv-listing.png') });

  const stored = await readStore<PaperRecord>(extension.worker);
  const popup = await openPopup(extension);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('article.paper');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: path.join(OUT, 'popup-today.png') });
  console.log(`${stored.length} papers in the digest; screenshots written to ${OUT}`);
} finally {
  await extension.close();
}
