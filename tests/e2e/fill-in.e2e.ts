import type { Route } from 'playwright-core';
import {
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  openPopup,
  patchRecord,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * Filling in what a page did not show, in the built extension: an arXiv /recent listing (no
 * abstracts) is read, the popup shows its papers, asks the background for their details, the
 * service worker makes one arXiv API request for all of them (Playwright's `context.route` serves
 * the worker's requests too), merges the answer, and the popup rows show their TL;DRs.
 */

const RECENT = 'https://arxiv.org/list/cs.CL/recent';
const IDS = ['2607.20001', '2607.20002', '2607.18001', '2607.18002', '2607.18003'];

let extension: LoadedExtension;
const requests: string[] = [];

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

beforeAll(async () => {
  extension = await launchExtension();
  const { context } = extension;
  await routePage(context, RECENT, fixture('arxiv-list-recent-current.html'));
  await context.route('https://export.arxiv.org/api/query**', async (route: Route) => {
    requests.push(route.request().url());
    await route.fulfill({
      status: 200,
      contentType: 'application/atom+xml; charset=utf-8',
      body: fixture('feeds/arxiv-api-fill-in.xml'),
    });
  });
});

afterAll(async () => {
  await extension?.close();
});

describe('filling in papers a listing showed without abstracts', () => {
  it('stores the listing without abstracts and makes no API request by itself', async () => {
    const page = await extension.context.newPage();
    await page.goto(RECENT);
    const stored = await eventually(papers, (found) => found.size >= IDS.length);
    expect([...stored.keys()].sort()).toEqual([...IDS].sort());
    for (const paper of stored.values()) {
      expect(paper.abstract).toBeUndefined();
      expect(paper.tldr).toBe('');
    }
    await page.close();
    expect(requests).toEqual([]);
  });

  it('the popup asks for the rows it shows; one request fills them all in, and the rows show TL;DRs', async () => {
    const before = await papers();
    const popup = await openPopup(extension);
    await expect.poll(() => popup.locator('article.paper').count()).toBe(IDS.length);

    const filled = await eventually(
      papers,
      (found) => IDS.every((id) => found.get(id)?.abstract),
      15_000,
    );
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://export.arxiv.org/api/query');
    expect((url.searchParams.get('id_list') ?? '').split(',').sort()).toEqual([...IDS].sort());
    expect(url.searchParams.get('max_results')).toBe(String(IDS.length));

    for (const id of IDS) {
      const paper = filled.get(id);
      const was = before.get(id);
      expect(paper?.abstract).toBeTruthy();
      expect(paper?.tldr).toBeTruthy();
      // Not a sighting: the listing's sighting and count stay as they were.
      expect(paper?.sightingCount).toBe(was?.sightingCount);
      expect(paper?.firstSeenAt).toBe(was?.firstSeenAt);
      expect(paper?.lastSighting).toEqual(was?.lastSighting);
    }
    const first = filled.get('2607.20001');
    expect(first?.comments).toBe('12 pages, 4 figures');
    expect(first?.categories).toEqual(['cs.LG', 'cs.CL']);
    expect(first?.codeUrls).toContain('https://github.com/example/mergelora');

    // The live query re-renders the row with its TL;DR.
    const row = popup.locator('article.paper', { hasText: 'First Monday Paper' });
    await expect.poll(() => row.locator('.paper-tldr').textContent()).toContain(first?.tldr ?? '-');
    await expect.poll(() => popup.locator('.paper-tldr').count()).toBe(IDS.length);

    // Opening the popup again asks only for what lacks an abstract now: one row whose abstract
    // is taken away here. That request, alone, shows the popup asked for nothing else.
    await popup.close();
    await patchRecord(extension.worker, '2607.18003', { abstract: undefined, tldr: '' });
    const again = await openPopup(extension);
    await expect.poll(() => again.locator('article.paper').count()).toBe(IDS.length);
    await expect.poll(() => requests.length, { timeout: 15_000 }).toBe(2);
    expect(new URL(requests[1] ?? '').searchParams.get('id_list')).toBe('2607.18003');
    await again.close();
  });
});
