import type { Page } from 'playwright-core';
import {
  clickControl,
  eventually,
  fixture,
  focusControl,
  type LoadedExtension,
  launchExtension,
  markControl,
  openPopup,
  readStore,
  routePage,
  shadowWidgets,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * A hostile script on an arXiv page (`page.evaluate` runs in the page's own world, not the content
 * script's) tries to make Paperlight save, unsave or dismiss things for it: a mark of its own
 * pointing at a saved article, synthetic clicks on Paperlight's marks (whose buttons sit in closed
 * shadow roots it cannot open), a mark whose attributes it rewrote, and synthetic key presses
 * (`j`, `s`, `x`). None of it may change anything; the user's own clicks and keys still do.
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

const mark = (page: Page, id: string) =>
  page.locator(`paperlight-mark[data-paperlight-id="${id}"]`);
const pressed = async (page: Page, id: string) => (await markControl(page, id, 's')).pressed;

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
    await expect.poll(() => page.locator('paperlight-mark').count()).toBe(4);
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
      {
        ok: true,
        data: expect.objectContaining({ id: ARTICLE_ID, saved: true, seenBefore: false }),
      },
      {
        ok: true,
        data: expect.objectContaining({ id: '2408.04539', saved: true, seenBefore: false }),
      },
    ]);
    await page.reload();
    await expect.poll(() => mark(page, '2408.04539').count()).toBe(1);
    await expect.poll(() => pressed(page, '2408.04539')).toBe('true');
    const before = await savedState();
    expect(before).toEqual({
      [ARTICLE_ID]: true,
      '2408.04539': true,
      '2408.03001': false,
      '2408.04540': false,
      '2301.13353': false,
    });

    const reached = await page.evaluate((articleId) => {
      // 1. A mark of the page's own, pointing at the saved article, clicked by script.
      const fake = document.createElement('paperlight-mark');
      fake.id = 'made-by-the-page';
      fake.setAttribute('data-paperlight-id', articleId);
      fake.setAttribute('aria-pressed', 'true');
      document.querySelector('dt')?.append(fake);
      fake.click();
      // 2. Synthetic clicks on Paperlight's own marks (one saved, one not): the buttons are out of
      // reach (closed shadow roots), so the script clicks the marks themselves.
      const real = (id: string) =>
        document.querySelector<HTMLElement>(`paperlight-mark[data-paperlight-id="${id}"]`);
      real('2408.04539')?.click();
      real('2408.04539')?.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
      );
      real('2408.04540')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      // 3. A real mark rewritten to point at the article, then clicked by script.
      const rewritten = real('2408.03001');
      rewritten?.setAttribute('data-paperlight-id', articleId);
      rewritten?.click();
      // 4. Synthetic keys: next paper, save, not interested, open.
      for (const key of ['j', 's', 'x', 'j', 's', 'o']) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      // 5. Synthetic pointer and focus events on a mark: they must not add its × and ⋯.
      for (const type of ['mouseover', 'focusin']) {
        real('2408.04539')?.dispatchEvent(new FocusEvent(type, { bubbles: true, composed: true }));
        real('2408.04539')?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      }
      // What the script can reach of a mark: no shadow root, no buttons.
      return {
        shadowRoot: real('2408.04539')?.shadowRoot ?? null,
        buttons: document.querySelectorAll('paperlight-mark button').length,
      };
    }, ARTICLE_ID);
    expect(reached).toEqual({ shadowRoot: null, buttons: 0 });
    expect(page.url()).toBe(NEW_LISTING);
    // The script's pointer and focus events added nothing to the mark.
    expect(
      (await shadowWidgets(page))
        .find((widget) => widget.id === '2408.04539')
        ?.controls.map((control) => control.kind),
    ).toEqual(['s']);

    // The user clicks one toggle and presses Enter on another. Messages are handled in order and
    // each save is one transaction on the same table, so once these land, anything the script's
    // clicks had sent would have landed before them.
    await clickControl(page, await markControl(page, '2301.13353', 's'));
    await focusControl(page, await markControl(page, '2408.04540', 's'));
    await page.keyboard.press('Enter');
    const after = await eventually(
      savedState,
      (state) => state['2301.13353'] === true && state['2408.04540'] === true,
    );
    expect(after).toEqual({ ...before, '2301.13353': true, '2408.04540': true });
    expect(await pressed(page, '2301.13353')).toBe('true');
    expect(await pressed(page, '2408.04540')).toBe('true');
    // Nothing was dismissed by the script's keys.
    const rows = await readStore<PaperRecord>(extension.worker);
    expect(rows.filter((row) => row.dismissedAt !== undefined)).toEqual([]);
    // The page's own mark got nothing written into it, and has no shadow root of ours.
    expect(await page.locator('#made-by-the-page').getAttribute('aria-pressed')).toBe('true');

    // The user's click on the mark the script rewrote saves the paper it marks.
    const rewritten = (await shadowWidgets(page)).find((widget) =>
      widget.controls.some((control) => control.kind === 's' && control.pressed === 'false'),
    );
    expect(rewritten?.id).toBe(ARTICLE_ID);
    const rewrittenToggle = rewritten?.controls.find((control) => control.kind === 's');
    if (rewrittenToggle) await clickControl(page, rewrittenToggle);
    const last = await eventually(savedState, (state) => state['2408.03001'] === true);
    expect(last).toEqual({ ...after, '2408.03001': true });
    await page.close();
  });
});
