import type { Page } from 'playwright-core';
import {
  accessibleName,
  clickControl,
  cursorId,
  eventually,
  fixture,
  focusControl,
  hoverControl,
  type LoadedExtension,
  launchExtension,
  markControl,
  patchRecord,
  readStore,
  routePage,
  shadowWidgets,
  shownIds,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The Paperlight bar and the keyboard on a routed arXiv listing, in Chromium: "Hide seen" hides
 * the papers seen before, j / k move a visible cursor, s saves, x says "not interested", o opens
 * the abstract page; keys typed in a text field do nothing.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const ABS = 'https://arxiv.org/abs/2408.04539';
/** The papers of tests/fixtures/arxiv-list-new-current.html, in page order. */
const IDS = ['2408.04539', '2408.04540', '2408.03001', '2301.13353'];

let extension: LoadedExtension;

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
  await routePage(extension.context, ABS, fixture('arxiv-abs.html'));
});

afterAll(async () => {
  await extension?.close();
});

async function records(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

async function barButton(page: Page, text: string) {
  return markControl(page, 'bar', text);
}

describe('the listing bar and keys', () => {
  it('hide seen, j / k, s, x and o work; the bar counts matches and names the keys', async () => {
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await eventually(records, (found) => found.size === 4);
    await patchRecord(extension.worker, '2408.04540', { firstSeenAt: Date.now() - 2 * 86_400_000 });
    await page.reload();
    await expect.poll(() => page.locator('paperlight-mark').count()).toBe(4);
    const bar = (await shadowWidgets(page)).find((widget) => widget.id === 'bar');
    expect(bar?.labels).toContain('0 matches');
    const help = await barButton(page, '?');
    expect(await accessibleName(page, help)).toMatch(
      /j \/ k next \/ previous paper, s save, x not interested, o open/,
    );

    // Hide seen: the paper seen two days ago goes; nothing else moves out.
    expect(await shownIds(page)).toEqual(IDS);
    const hideSeen = await barButton(page, 'Hide seen');
    await clickControl(page, hideSeen);
    await expect.poll(() => shownIds(page)).toEqual(['2408.04539', '2408.03001', '2301.13353']);
    expect((await barButton(page, 'Hide seen')).pressed).toBe('true');

    // Keys typed into a text field are the user's typing.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.body.prepend(input);
    });
    await page.locator('#typing').focus();
    await page.keyboard.type('jsx');
    expect(await cursorId(page)).toBeNull();
    await page.locator('#typing').blur();

    // j / k skip the hidden paper; s saves, x dismisses (and hide seen then hides it).
    await page.keyboard.press('j');
    await expect.poll(() => cursorId(page)).toBe('2408.04539');
    await page.keyboard.press('j');
    await expect.poll(() => cursorId(page)).toBe('2408.03001');
    await page.keyboard.press('k');
    await expect.poll(() => cursorId(page)).toBe('2408.04539');
    await page.keyboard.press('s');
    await eventually(records, (found) => found.get('2408.04539')?.savedAt !== undefined);
    expect((await markControl(page, '2408.04539', 's')).pressed).toBe('true');
    await page.keyboard.press('j');
    await expect.poll(() => cursorId(page)).toBe('2408.03001');
    await page.keyboard.press('x');
    const dismissed = await eventually(
      records,
      (found) => found.get('2408.03001')?.dismissedAt !== undefined,
    );
    expect(dismissed.get('2408.03001')?.dismissedAt).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page)).toEqual(['2408.04539', '2301.13353']);

    // o opens the abstract page of the paper at the cursor, in this tab.
    await page.keyboard.press('k');
    await expect.poll(() => cursorId(page)).toBe('2408.04539');
    await page.keyboard.press('o');
    await page.waitForURL(ABS);
    await page.close();
  });

  it('a mark shows × and ⋯ once the pointer reaches it; × dims the paper, and again undoes', async () => {
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    await expect.poll(() => page.locator('paperlight-mark').count()).toBe(4);
    const kinds = async (id: string) =>
      (await shadowWidgets(page)).find((widget) => widget.id === id)?.controls.map((c) => c.kind);
    expect(await kinds('2301.13353')).toEqual(['s']);
    await hoverControl(page, await markControl(page, '2301.13353', 's'));
    await expect.poll(() => kinds('2301.13353')).toEqual(['s', 'x', 'u']);
    expect(await kinds('2408.04539')).toEqual(['s']);
    // Keyboard focus on a mark's toggle (Tab) adds them too.
    await focusControl(page, await markControl(page, '2408.04539', 's'));
    await expect.poll(() => kinds('2408.04539')).toEqual(['s', 'x', 'u']);
    // The earlier test dismissed another paper: count the dimmed entries from here.
    const dimmed = () => page.locator('[data-paperlight-dim]').count();
    const dimmedBefore = await dimmed();
    const dismiss = await markControl(page, '2301.13353', 'x');
    expect(await accessibleName(page, dismiss)).toBe('Not interested');
    await clickControl(page, dismiss);
    await eventually(records, (found) => found.get('2301.13353')?.dismissedAt !== undefined);
    expect((await markControl(page, '2301.13353', 'x')).pressed).toBe('true');
    // Its dt and dd.
    await expect.poll(dimmed).toBe(dimmedBefore + 2);
    await clickControl(page, await markControl(page, '2301.13353', 'x'));
    await eventually(records, (found) => found.get('2301.13353')?.dismissedAt === undefined);
    await expect.poll(dimmed).toBe(dimmedBefore);
    await page.close();
  });
});
