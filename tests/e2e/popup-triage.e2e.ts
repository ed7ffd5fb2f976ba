import type { Page } from 'playwright-core';
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
import type { Relevance } from '@/utils/shared/ranking/types';

/**
 * The popup's triage on the built extension: papers read from a real arXiv listing, with relevance
 * put on their records (as the background stores it), come out in relevance order with their
 * reasons; "not interested" takes a paper out of Today, in the digest too, and Undo brings it back.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
/** The four papers of tests/fixtures/arxiv-list-new-current.html. */
const IDS = ['2301.13353', '2408.03001', '2408.04539', '2408.04540'];

const relevance = (score: number, extra: Partial<Relevance>): Relevance => ({
  score,
  matched: false,
  reasons: [],
  learned: [],
  coldStart: false,
  ...extra,
});

let extension: LoadedExtension;
let titles: Map<string, string>;
/** The two papers left unranked, in page order (the order relevance ties fall back to). */
let unranked: string[];

async function stored(id: string): Promise<PaperRecord | undefined> {
  return (await readStore<PaperRecord>(extension.worker)).find((paper) => paper.id === id);
}

/** The ids of the rows rendered, top to bottom. */
function rowIds(popup: Page): Promise<string[]> {
  return popup
    .locator('article.paper')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id') ?? ''));
}

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
  const page = await extension.context.newPage();
  await page.goto(NEW_LISTING);
  const papers = await eventually(
    () => readStore<PaperRecord>(extension.worker),
    (rows) => IDS.every((id) => rows.some((row) => row.id === id)),
  );
  await page.close();
  titles = new Map(papers.map((paper) => [paper.id, paper.title]));
  unranked = papers
    .filter((paper) => paper.id === '2301.13353' || paper.id === '2408.03001')
    .sort((a, b) => a.lastSighting.position - b.lastSighting.position)
    .map((paper) => paper.id);
  // The last paper of the page matches an interest; the third was raised by learning.
  await patchRecord(extension.worker, '2408.04540', {
    relevance: relevance(0.92, { matched: true, reasons: ['keyword: retrieval'] }),
  });
  await patchRecord(extension.worker, '2408.04539', {
    relevance: relevance(0.61, {
      learned: [{ feature: 'p:languag model', label: 'language model', weight: 0.8 }],
    }),
  });
});

afterAll(async () => {
  await extension?.close();
});

describe('the popup triages the day', () => {
  it('orders Today by relevance, each row with its reason', async () => {
    const popup = await openPopup(extension);
    await expect.poll(() => rowIds(popup)).toHaveLength(4);
    expect(await rowIds(popup)).toEqual(['2408.04540', '2408.04539', ...unranked]);
    const rows = popup.locator('article.paper');
    expect(await rows.nth(0).locator('.paper-reason').textContent()).toBe(
      'Why: keyword: retrieval',
    );
    expect(await rows.nth(1).locator('.paper-reason').textContent()).toBe('Why: ↑ language model');
    expect(await rows.nth(2).locator('.paper-reason').count()).toBe(0);
    // "Scaling $k$-NN Retrieval…": the TeX is MathML in the title, the dollars are gone.
    expect(titles.get('2408.04539')).toContain('$k$-NN');
    await expect.poll(() => rows.nth(1).locator('h3 math').count()).toBe(1);
    expect(await rows.nth(1).locator('h3').textContent()).not.toContain('$');
    await popup.close();
  });

  it('x dismisses the focused paper (in the digest too); Undo brings it back', async () => {
    const popup = await openPopup(extension);
    await expect.poll(() => rowIds(popup)).toHaveLength(4);

    await popup.keyboard.press('j');
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-paper-id')))
      .toBe('2408.04540');
    await popup.keyboard.press('x');
    await expect.poll(() => rowIds(popup)).toHaveLength(3);
    expect(await rowIds(popup)).not.toContain('2408.04540');
    expect(
      (
        await eventually(
          () => stored('2408.04540'),
          (p) => !!p?.dismissedAt,
        )
      )?.dismissedAt,
    ).toBeGreaterThan(0);
    // The next paper takes its place under the keys.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-paper-id'))).toBe(
      '2408.04539',
    );

    await popup.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowIds(popup)).toHaveLength(4);
    expect((await rowIds(popup))[0]).toBe('2408.04540');
    expect(
      (
        await eventually(
          () => stored('2408.04540'),
          (p) => p?.dismissedAt === undefined,
        )
      )?.dismissedAt,
    ).toBeUndefined();

    // A row's button dismisses too; the dismissed paper waits under "Dismissed (1)".
    await popup
      .getByRole('button', { name: `Not interested ${titles.get('2301.13353')?.slice(0, 80)}` })
      .click();
    await expect.poll(() => rowIds(popup)).toHaveLength(3);
    await popup.getByRole('radio', { name: 'Dismissed (1)' }).click();
    await expect.poll(() => rowIds(popup)).toEqual(['2301.13353']);
    await popup.close();
  });
});
