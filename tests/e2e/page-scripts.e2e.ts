import type { Page } from 'playwright-core';
import {
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  openPopup,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * A hostile script on an arXiv page (`page.evaluate` runs in the page's own world, not the content
 * script's) tries to make Paperlight save or unsave things for it: a toggle of its own pointing at
 * a saved article, synthetic clicks on Paperlight's toggles, and a toggle whose attributes it
 * rewrote. None of it may change what is saved; the user's own clicks and keys still do.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const ARTICLE = 'https://example.com/x';
const ARTICLE_ID = `url:${ARTICLE}`;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let extension: LoadedExtension;

async function savedState(): Promise<Record<string, boolean>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return Object.fromEntries(rows.map((row) => [row.id, row.savedAt !== undefined]));
}

/** Sends protocol messages from an extension page, as the popup does. */
async function fromPopup(messages: unknown[]): Promise<unknown[]> {
  const popup = await openPopup(extension);
  const replies: unknown[] = [];
  for (const message of messages) {
    replies.push(await popup.evaluate((m) => chrome.runtime.sendMessage(m), message));
  }
  await popup.close();
  return replies;
}

const toggle = (page: Page, id: string) =>
  page.locator(`.paperlight-save[data-paperlight-id="${id}"]`);

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
});

afterAll(async () => {
  await extension?.close();
});

describe('a script on an arXiv page', () => {
  it('cannot save or unsave anything through the page marks; the user still can', async () => {
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect.poll(() => page.locator('.paperlight-save').count()).toBe(4);
    // The user saved an article from the popup, and one of the listing's papers.
    const replies = await fromPopup([
      {
        type: 'saveArticle',
        payload: {
          url: ARTICLE,
          title: 'An article',
          byline: '',
          siteName: 'Example',
          keySentences: ['One sentence.'],
          readingMinutes: 1,
        },
      },
      { type: 'setSaved', payload: { id: '2408.04539', saved: true } },
    ]);
    expect(replies).toEqual([
      { ok: true, data: { id: ARTICLE_ID, saved: true, seenBefore: false } },
      { ok: true, data: { id: '2408.04539', saved: true, seenBefore: false } },
    ]);
    await page.reload();
    await expect.poll(() => toggle(page, '2408.04539').getAttribute('aria-pressed')).toBe('true');
    const rewrittenByScript = await toggle(page, '2408.03001').elementHandle();
    const before = await savedState();
    expect(before).toEqual({
      [ARTICLE_ID]: true,
      '2408.04539': true,
      '2408.03001': false,
      '2408.04540': false,
      '2301.13353': false,
    });

    await page.evaluate((articleId) => {
      // 1. A toggle of the page's own, pointing at the saved article, clicked by script.
      const fake = document.createElement('button');
      fake.id = 'made-by-the-page';
      fake.className = 'paperlight-save';
      fake.setAttribute('data-paperlight-id', articleId);
      fake.setAttribute('aria-pressed', 'true');
      document.querySelector('dt')?.append(fake);
      fake.click();
      // 2. Synthetic clicks on Paperlight's own toggles (one saved, one not).
      const real = (id: string) =>
        document.querySelector<HTMLElement>(`.paperlight-save[data-paperlight-id="${id}"]`);
      real('2408.04539')?.click();
      real('2408.04539')?.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true }),
      );
      real('2408.04540')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      // 3. A real toggle rewritten to point at the article, then clicked by script.
      const rewritten = real('2408.03001');
      rewritten?.setAttribute('data-paperlight-id', articleId);
      rewritten?.setAttribute('aria-pressed', 'true');
      rewritten?.click();
    }, ARTICLE_ID);

    // The user clicks one toggle and presses Enter on another. Messages are handled in order and
    // each save is one transaction on the same table, so once these land, anything the script's
    // clicks had sent would have landed before them.
    await toggle(page, '2301.13353').click();
    await toggle(page, '2408.04540').press('Enter');
    const after = await eventually(
      savedState,
      (state) => state['2301.13353'] === true && state['2408.04540'] === true,
    );
    expect(after).toEqual({ ...before, '2301.13353': true, '2408.04540': true });
    expect(await toggle(page, '2301.13353').getAttribute('aria-pressed')).toBe('true');
    expect(await toggle(page, '2408.04540').getAttribute('aria-pressed')).toBe('true');
    // The page's own toggle got no answer written into it.
    expect(await page.locator('#made-by-the-page').getAttribute('aria-pressed')).toBe('true');

    // The user's click on the toggle the script rewrote saves the paper it marks.
    await rewrittenByScript?.click();
    const last = await eventually(savedState, (state) => state['2408.03001'] === true);
    expect(last).toEqual({ ...after, '2408.03001': true });
    await page.close();
  });
});
