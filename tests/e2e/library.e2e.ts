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
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The library page on the built extension: opened from the popup (Saved: "Open the library"), it lists the
 * saved papers; `t` tags one (the tag is created and stored), `n` writes a note that survives a
 * reload and is shown as text, markup and all.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
/** Two of the four papers of tests/fixtures/arxiv-list-new-current.html, saved. */
const SAVED = ['2408.04539', '2408.04540'];
const NOTE = 'Compare with §3 <img src=x onerror="document.title=\'pwned\'"> later';

let extension: LoadedExtension;

async function stored(id: string): Promise<PaperRecord | undefined> {
  return (await readStore<PaperRecord>(extension.worker)).find((paper) => paper.id === id);
}

const rowIds = (page: Page) =>
  page
    .locator('article.library-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id') ?? ''));

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
  const page = await extension.context.newPage();
  await page.goto(NEW_LISTING);
  await eventually(
    () => readStore<PaperRecord>(extension.worker),
    (rows) => SAVED.every((id) => rows.some((row) => row.id === id)),
  );
  await page.close();
  // The newer save first.
  await patchRecord(extension.worker, SAVED[0] ?? '', { savedAt: Date.now() - 60_000 });
  await patchRecord(extension.worker, SAVED[1] ?? '', { savedAt: Date.now() - 30_000 });
});

afterAll(async () => {
  await extension?.close();
});

describe('the library page', () => {
  it('opens from the popup, tags a saved paper with t, and keeps a note (as text) across a reload', async () => {
    const popup = await openPopup(extension);
    await popup.getByRole('tab', { name: /Saved/ }).click();
    const opened = extension.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open the library' }).click();
    const library = await opened;
    await library.waitForURL(/\/library\.html$/);
    await library.setViewportSize({ width: 1280, height: 800 });

    await library.locator('article.library-row').first().waitFor();
    expect(await rowIds(library)).toEqual([SAVED[1], SAVED[0]]);
    await expect.poll(() => library.getByRole('button', { name: /^Saved\s*2$/ }).count()).toBe(1);

    // j: the first row; t: its tags; a new name and Enter creates the tag and adds it.
    await library.keyboard.press('j');
    await expect
      .poll(() => library.evaluate(() => document.activeElement?.getAttribute('data-paper-id')))
      .toBe(SAVED[1]);
    await library.keyboard.press('t');
    const dialog = library.getByRole('dialog', { name: 'Tags of this paper' });
    await dialog.getByLabel(/Add a tag/).fill('Reading group');
    await library.keyboard.press('Enter');
    await dialog.getByRole('checkbox', { name: 'Reading group' }).waitFor();
    await library.keyboard.press('Escape');
    const first = library.locator(`article[data-paper-id="${SAVED[1]}"]`);
    await first.locator('.tag-chip', { hasText: 'Reading group' }).waitFor();
    const tags = await readStore<Tag>(extension.worker, 'tags');
    expect(tags.map((tag) => tag.name)).toEqual(['Reading group']);
    expect((await stored(SAVED[1] ?? ''))?.tagIds).toEqual([tags[0]?.id]);

    // n: the note of the active row, saved with Ctrl+Enter.
    await library.keyboard.press('n');
    const note = library.getByLabel('Note (plain text)');
    await note.waitFor();
    await note.fill(NOTE);
    await library.keyboard.press('Control+Enter');
    await first.locator('.row-note').waitFor();
    expect((await stored(SAVED[1] ?? ''))?.note).toBe(NOTE);

    await library.reload();
    const row = library.locator(`article[data-paper-id="${SAVED[1]}"]`);
    await row.locator('.row-note').waitFor();
    expect(await row.locator('.row-note').textContent()).toContain(NOTE);
    expect(await row.locator('.tag-chip').textContent()).toBe('Reading group');
    expect(await library.locator('img').count()).toBe(0);
    expect(await library.title()).toBe('Paperlight library');

    // The details show the note as text too.
    await row.getByRole('button', { name: /^Details/ }).click();
    const details = library.getByRole('complementary');
    await details.locator('.details-note').waitFor();
    expect(await details.locator('.details-note').textContent()).toBe(NOTE);
    expect(await library.locator('img').count()).toBe(0);
    await popup.close();
    await library.close();
  });

  it('searches as you type: a word prefix, an arXiv id, everything stored under All papers', async () => {
    const library = await extension.context.newPage();
    await library.setViewportSize({ width: 1280, height: 800 });
    await library.goto(`chrome-extension://${extension.extensionId}/library.html`);
    await library.locator('article.library-row').first().waitFor();

    // `/` focuses the search box; a word's start finds the saved paper with it in its title.
    await library.keyboard.press('/');
    await library.keyboard.type('retriev');
    await expect.poll(() => rowIds(library)).toEqual([SAVED[0]]);
    await library.getByRole('searchbox').fill('2408.04540');
    await expect.poll(() => rowIds(library)).toEqual([SAVED[1]]);
    // Saved is searched within the saved papers: an unsaved one is found under All papers.
    await library.getByRole('searchbox').fill('krylov');
    await expect.poll(() => library.getByText('No results').count()).toBe(1);
    await library.getByRole('button', { name: /^All papers/ }).click();
    await expect.poll(() => rowIds(library)).toHaveLength(1);
    const [found] = await rowIds(library);
    expect((await stored(found ?? ''))?.title).toMatch(/Krylov/);
    expect(SAVED).not.toContain(found);
    await library.close();
  });
});
