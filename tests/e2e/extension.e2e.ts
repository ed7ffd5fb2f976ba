import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibleName,
  badgeText,
  clickControl,
  eventually,
  fixture,
  hoverControl,
  type LoadedExtension,
  launchExtension,
  markControl,
  openPopup,
  pageMark,
  patchRecord,
  readStore,
  restartBrowser,
  routePage,
  scrollThroughList,
  scrollUntilRendered,
  shadowWidgets,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The built extension in headless Chromium: pages served at their real URLs, the content script,
 * the service worker's IndexedDB, the badge and the popup. Each test starts a fresh browser
 * profile and visits the pages it needs, so one failure does not carry into the next test.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const ABS_PAGE = 'https://arxiv.org/abs/2106.09608v2';
const SEARCH_PAGE = 'https://arxiv.org/search/?query=retrieval&searchtype=all';
const HF_DAILY = 'https://huggingface.co/papers/date/2024-09-02';
const CATCHUP = 'https://arxiv.org/catchup/cs.CL/2026-11-30';
const HTML_PAPER = 'https://arxiv.org/html/2408.01234v2';

/** The four papers of tests/fixtures/arxiv-list-new-current.html. */
const NEW_LISTING_IDS = ['2301.13353', '2408.03001', '2408.04539', '2408.04540'];

let extension: LoadedExtension;

const absUrl = (id: string) => `https://arxiv.org/abs/${id}`;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

async function papersOnceThereAre(count: number): Promise<Map<string, PaperRecord>> {
  return eventually(papers, (found) => found.size >= count);
}

async function routePages(context: BrowserContext): Promise<void> {
  await routePage(context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
  await routePage(context, ABS_PAGE, fixture('arxiv-abs.html'));
  await routePage(context, SEARCH_PAGE, fixture('arxiv-search.html'));
  await routePage(context, HF_DAILY, fixture('hf-daily.html'));
  await routePage(context, CATCHUP, fixture('arxiv-catchup.html'));
  await routePage(context, HTML_PAPER, fixture('arxiv-html-paper.html'));
}

const MARKS = 'paperlight-mark';
/** Whether a paper's save toggle is pressed, and the words it shows. */
async function saveToggle(page: Page, id: string) {
  const toggle = await markControl(page, id, 's');
  return { pressed: toggle.pressed, text: toggle.text };
}

/** Setup: reads `url` in a tab until the digest has what `stored` looks for, then closes it. */
async function visit(url: string, stored: (found: Map<string, PaperRecord>) => boolean) {
  const page = await extension.context.newPage();
  await page.goto(url);
  expect(stored(await eventually(papers, stored)), `the digest after reading ${url}`).toBe(true);
  await page.close();
}

const has =
  (...ids: string[]) =>
  (found: Map<string, PaperRecord>) =>
    ids.every((id) => found.has(id));
const hasHfDaily = (found: Map<string, PaperRecord>) =>
  [...found.values()].some((paper) => paper.lastSighting.kind === 'hf-daily');

/** Setup: saves a paper with its mark on the /new listing. */
async function saveOnListing(id: string): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(NEW_LISTING);
  await expect.poll(() => pageMark(page, id)).toBeDefined();
  await clickControl(page, await markControl(page, id, 's'));
  await expect.poll(async () => (await saveToggle(page, id)).pressed).toBe('true');
  await eventually(papers, (found) => found.get(id)?.savedAt !== undefined);
  await page.close();
}

beforeEach(async () => {
  extension = await launchExtension();
  await routePages(extension.context);
});

afterEach(async () => {
  await extension?.close();
});

describe('Paperlight in Chromium', () => {
  it('starts with an empty digest and no badge', async () => {
    expect((await papers()).size).toBe(0);
    expect(await badgeText(extension.worker)).toBe('');
  });

  it('notices an arXiv /new listing: stores it, counts the badge and marks the page', async () => {
    const page = await extension.context.newPage();
    const started = Date.now();
    await page.goto(NEW_LISTING);
    const stored = await papersOnceThereAre(4);
    expect([...stored.keys()].sort()).toEqual(NEW_LISTING_IDS);
    const first = stored.get('2408.04539');
    expect(first?.title).toBeTruthy();
    expect(first?.authors.length).toBeGreaterThan(0);
    expect(first?.primaryCategory).toBe('cs.CL');
    expect(first?.firstSighting.label).toBe('arXiv cs.CL · new');
    expect(first?.firstSeenAt).toBeGreaterThanOrEqual(started);
    expect(stored.get('2408.03001')?.lastSighting.section).toBe('cross-list');
    expect(stored.get('2301.13353')?.lastSighting.section).toBe('replacement');
    expect([...stored.values()].some((paper) => paper.codeUrls.length > 0)).toBe(true);

    const badge = await eventually(
      () => badgeText(extension.worker),
      (text) => text === '4',
      1000,
    );
    expect(badge).toBe('4');

    await expect.poll(() => page.locator(MARKS).count()).toBe(4);
    // Nothing reads "Seen" on a first visit: every paper is new.
    const marks = await shadowWidgets(page);
    expect(marks.filter((mark) => mark.labels.includes('Seen'))).toEqual([]);
    expect(marks.filter((mark) => mark.labels.includes('New'))).toHaveLength(4);
    const toggle = await markControl(page, '2408.04539', 's');
    expect(toggle.text).toBe('☆ Save');
    expect(await accessibleName(page, toggle)).toBe('Save in Paperlight');
    await page.close();
  });

  it('notices an abstract page, a search page and an HF Daily Papers page', async () => {
    const page = await extension.context.newPage();
    await page.goto(ABS_PAGE);
    let stored = await eventually(papers, (found) => found.has('2106.09608'));
    expect(stored.get('2106.09608')?.abstract).toBeTruthy();
    expect(stored.get('2106.09608')?.firstSighting.kind).toBe('arxiv-abs');
    await expect.poll(() => page.locator(MARKS).count()).toBe(1);

    await page.goto(SEARCH_PAGE);
    stored = await eventually(papers, (found) => found.has('2408.01234'));
    expect(stored.get('2408.01234')?.lastSighting.label).toBe('arXiv search · retrieval');
    await expect.poll(() => page.locator(MARKS).count()).toBeGreaterThan(0);

    const before = stored.size;
    await page.goto(HF_DAILY);
    stored = await eventually(papers, (found) =>
      [...found.values()].some((paper) => paper.lastSighting.kind === 'hf-daily'),
    );
    const fromHf = [...stored.values()].filter((paper) => paper.lastSighting.kind === 'hf-daily');
    expect(fromHf.length).toBeGreaterThan(0);
    expect(fromHf[0]?.lastSighting.label).toBe('HF Daily Papers · 2024-09-02');
    expect(fromHf.some((paper) => paper.hf?.upvotes !== undefined)).toBe(true);
    expect(stored.size).toBeGreaterThan(before);
    // HF pages are read, not marked.
    expect(await page.locator(MARKS).count()).toBe(0);
    const badge = await badgeText(extension.worker);
    expect(Number(badge)).toBe(stored.size);
    await page.close();
  });

  it('shows the day in the popup, with code links, and opening it clears the badge', async () => {
    await visit(NEW_LISTING, has(...NEW_LISTING_IDS));
    await visit(ABS_PAGE, has('2106.09608'));
    await visit(SEARCH_PAGE, has('2408.01234'));
    await visit(HF_DAILY, hasHfDaily);
    const stored = await papers();
    await expect.poll(() => badgeText(extension.worker)).toBe(String(stored.size));
    const popup = await openPopup(extension);
    await expect.poll(() => badgeText(extension.worker)).toBe('');

    const groups = popup.locator('.group-label');
    await expect.poll(() => groups.count()).toBeGreaterThan(0);
    const labels = await scrollThroughList(popup, () => groups.allTextContents());
    // Newest sighting first: the HF page was visited last, the /new listing first.
    expect(labels).toEqual([
      'HF Daily Papers · 2024-09-02',
      'arXiv search · retrieval',
      'arXiv abstract pages',
      'arXiv cs.CL · new',
    ]);
    const titles = await scrollThroughList(popup, () =>
      popup.locator('article.paper h3').allTextContents(),
    );
    expect(titles).toHaveLength(stored.size);

    const withCode = [...stored.values()].find(
      (paper) => paper.codeUrls.length > 0 && paper.lastSighting.kind === 'arxiv-listing',
    );
    if (!withCode) throw new Error('the /new fixture should give at least one code link');
    const row = await scrollUntilRendered(
      popup,
      // By its link: titles with TeX show as math, not as their source.
      popup
        .locator('article.paper')
        .filter({ has: popup.locator(`h3 a[href="${absUrl(withCode.id)}"]`) }),
    );
    const codeLink = row.locator(`.links a[href="${withCode.codeUrls[0]}"]`);
    expect(await codeLink.textContent()).toContain('GitHub');
    expect(await row.locator('h3 a').getAttribute('href')).toBe(
      `https://arxiv.org/abs/${withCode.id}`,
    );
    await popup.close();
  });

  it('saves from the page and from the popup, and both show in Saved', async () => {
    await visit(NEW_LISTING, has(...NEW_LISTING_IDS));
    await visit(SEARCH_PAGE, has('2408.01234'));
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect.poll(() => pageMark(page, '2408.04539')).toBeDefined();
    await clickControl(page, await markControl(page, '2408.04539', 's'));
    await expect.poll(async () => (await saveToggle(page, '2408.04539')).pressed).toBe('true');
    expect((await saveToggle(page, '2408.04539')).text).toBe('★ Saved');
    let stored = await eventually(
      papers,
      (found) => found.get('2408.04539')?.savedAt !== undefined,
    );
    expect(stored.get('2408.04539')?.savedAt).toBeGreaterThan(0);

    const popup = await openPopup(extension);
    const searchRow = await scrollUntilRendered(
      popup,
      popup
        .locator('article.paper')
        .filter({ has: popup.locator(`h3 a[href="${absUrl('2408.01234')}"]`) }),
    );
    await searchRow.locator('.save-toggle').click();
    stored = await eventually(papers, (found) => found.get('2408.01234')?.savedAt !== undefined);
    expect(stored.get('2408.01234')?.savedAt).toBeGreaterThan(0);

    await popup.getByRole('tab', { name: /Saved/ }).click();
    const savedTitles = popup.locator('[role="tabpanel"] article.paper h3');
    await expect.poll(() => savedTitles.count()).toBe(2);
    // Newest saved first.
    expect(await savedTitles.first().locator('a').getAttribute('href')).toBe(absUrl('2408.01234'));

    // Unsave from the popup: it leaves Saved and the database.
    await popup.locator('[role="tabpanel"] article.paper').first().locator('.save-toggle').click();
    await expect.poll(() => savedTitles.count()).toBe(1);
    stored = await eventually(papers, (found) => found.get('2408.01234')?.savedAt === undefined);
    expect(stored.get('2408.01234')?.savedAt).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('refuses a malformed message with its reason and stores nothing from it', async () => {
    await visit(NEW_LISTING, has(...NEW_LISTING_IDS));
    const before = await papers();
    const popup = await openPopup(extension);
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'pageDetected',
        payload: {
          source: { kind: 'arxiv-listing', label: 'evil', url: 'javascript:alert(1)' },
          papers: [{ id: '2499.99999', title: 'Injected', authors: [] }],
        },
      }),
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/source\.url/) });
    const after = await papers();
    expect(after.has('2499.99999')).toBe(false);
    expect(after.size).toBe(before.size);
    await popup.close();
  });

  it('marks papers first seen before today as "Seen" on the page', async () => {
    await visit(NEW_LISTING, has(...NEW_LISTING_IDS));
    const yesterday = Date.now() - 24 * 60 * 60 * 1000;
    await patchRecord(extension.worker, '2408.04540', { firstSeenAt: yesterday });
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect.poll(async () => (await pageMark(page, '2408.04540'))?.labels).toContain('Seen');
    expect((await saveToggle(page, '2408.04540')).text).toBe('☆ Save');
    // Papers first seen today do not read "Seen".
    expect(
      (await shadowWidgets(page))
        .filter((mark) => mark.labels.includes('Seen'))
        .map((mark) => mark.id),
    ).toEqual(['2408.04540']);
    await page.close();
  });

  it('keeps saved papers when the browser restarts, and marks them on the page', async () => {
    await saveOnListing('2408.04539');
    const savedBefore = (await papers()).get('2408.04539')?.savedAt;
    expect(savedBefore).toBeGreaterThan(0);
    extension = await restartBrowser(extension);
    await routePages(extension.context);
    const stored = await papersOnceThereAre(1);
    expect(stored.get('2408.04539')?.savedAt).toBe(savedBefore);

    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect
      .poll(
        async () =>
          (await pageMark(page, '2408.04539')) && (await saveToggle(page, '2408.04539')).pressed,
      )
      .toBe('true');
    expect((await saveToggle(page, '2408.04539')).text).toBe('★ Saved');
    await page.close();

    const popup = await openPopup(extension);
    await popup.getByRole('tab', { name: /Saved/ }).click();
    await expect
      .poll(() =>
        popup
          .locator('[role="tabpanel"] article.paper h3 a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      )
      .toEqual([absUrl('2408.04539')]);
    await popup.close();
  });

  it('adds its marks and bar without moving anything on listing, catch-up, abstract, HTML and search pages', async () => {
    const page = await extension.context.newPage();
    /** Where every element of the page sits, and how tall the page is, marks shown or hidden. */
    const layout = (marksShown: boolean) =>
      page.evaluate((shown) => {
        const marks = [
          ...document.querySelectorAll<HTMLElement>('paperlight-mark, paperlight-bar'),
        ];
        for (const mark of marks) mark.style.display = shown ? '' : 'none';
        const boxes = [...document.body.querySelectorAll('*')]
          .filter((element) => !marks.includes(element as HTMLElement))
          .map((element) => {
            const box = element.getBoundingClientRect();
            return `${element.localName} ${box.top.toFixed(1)} ${box.height.toFixed(1)}`;
          });
        return { boxes, height: document.documentElement.scrollHeight };
      }, marksShown);
    for (const url of [NEW_LISTING, CATCHUP, ABS_PAGE, HTML_PAPER, SEARCH_PAGE]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(url);
      await expect.poll(() => page.locator(MARKS).count()).toBeGreaterThan(0);
      // The marks are shown (their content is laid out), not only attached; the first has its
      // × and ⋯ too (added when the pointer reaches it), which must not move anything either.
      const [first] = await shadowWidgets(page);
      await hoverControl(page, await markControl(page, first?.id ?? '', 's'));
      await expect
        .poll(async () => (await pageMark(page, first?.id ?? ''))?.controls.map((c) => c.kind))
        .toEqual(['s', 'x', 'u']);
      // A wide and a narrow window; the page's own line height, then a tight one.
      for (const [width, lineHeight] of [
        [1280, ''],
        [800, ''],
        [1280, '1'],
      ] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.evaluate((value) => {
          document.body.style.lineHeight = value;
        }, lineHeight);
        const without = await layout(false);
        expect(await layout(true), `${url} at ${width}px`).toEqual(without);
      }
    }
    await page.close();
  });
});
