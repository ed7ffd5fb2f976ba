import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import {
  clickControl,
  eventually,
  fixture,
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
 * axe-core on the built popup, options and library pages in Chromium, in the light and the dark colour
 * scheme: no serious or critical violation (contrast, names, roles…), and the popup's content sits
 * in landmarks with one `main`.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const RECENT = 'https://arxiv.org/list/cs.CL/recent';
const HF_DAILY = 'https://huggingface.co/papers/date/2024-09-02';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const COLOR_SCHEMES = ['light', 'dark'] as const;
const LANDMARK_RULES = ['landmark-one-main', 'region'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}
declare const axe: { run(context: Document): Promise<{ violations: Violation[] }> };

/** axe's violations on the page as it is now, one readable line each. */
async function violations(page: Page): Promise<{ rule: string; impact: string; line: string }[]> {
  // Extension pages forbid inline scripts (CSP), so no addScriptTag: evaluate the source instead.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => axe.run(document));
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    line: `${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
      .map((node) => node.target.join(' '))
      .join(', ')}`,
  }));
}

/** The lines of serious and critical violations, and of the landmark rules (a `main`, no content outside landmarks). */
async function failures(page: Page): Promise<string[]> {
  return (await violations(page))
    .filter(
      (violation) =>
        violation.impact === 'serious' ||
        violation.impact === 'critical' ||
        LANDMARK_RULES.includes(violation.rule),
    )
    .map((violation) => violation.line);
}

async function inColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
    colorScheme === 'dark',
  );
}

describe('accessibility (axe-core) in Chromium', () => {
  let extension: LoadedExtension;

  beforeAll(async () => {
    extension = await launchExtension();
    const { context, worker } = extension;
    await routePage(context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
    await routePage(context, RECENT, fixture('arxiv-list-recent-current.html'));
    await routePage(context, HF_DAILY, fixture('hf-daily.html'));
    // A digest with every kind of row: TL;DRs, code links, HF's AI summaries, rows without an
    // abstract ("No abstract yet"), and one saved paper.
    const page = await context.newPage();
    for (const url of [RECENT, HF_DAILY, NEW_LISTING]) {
      const before = (await readStore<PaperRecord>(worker)).length;
      await page.goto(url);
      await eventually(
        () => readStore<PaperRecord>(worker),
        (rows) => rows.length > before,
      );
    }
    const [firstMark] = await eventually(
      () => shadowWidgets(page),
      (widgets) => widgets.some((widget) => widget.controls.length > 0),
    );
    await clickControl(page, await markControl(page, firstMark?.id ?? '', 's'));
    await eventually(
      () => readStore<PaperRecord>(worker),
      (rows) => rows.some((row) => row.savedAt !== undefined),
    );
    await page.close();
  });

  afterAll(async () => {
    await extension?.close();
  });

  for (const colorScheme of COLOR_SCHEMES) {
    it(`the popup's views with papers, ${colorScheme}`, async () => {
      const popup = await openPopup(extension);
      await inColorScheme(popup, colorScheme);

      await popup.locator('article.paper .paper-tldr .summary-label').first().waitFor();
      await popup.locator('article.paper .paper-ai').first().waitFor();
      await popup.locator('article.paper .paper-missing').first().waitFor();
      expect(await failures(popup), 'Today').toEqual([]);
      // A focused row takes the hover background: its small text must still read.
      await popup.locator('article.paper .paper-title a').first().focus();
      expect(await failures(popup), 'Today, a row focused').toEqual([]);
      // Triage: a paper dismissed with `x`, the Undo notice and the "Dismissed (1)" filter shown.
      await popup.keyboard.press('x');
      const undo = popup.getByRole('status').getByRole('button', { name: 'Undo' });
      await undo.waitFor();
      await popup.getByRole('radio', { name: 'Dismissed (1)' }).waitFor();
      expect(await failures(popup), 'Today, the undo notice').toEqual([]);
      await undo.click();
      await popup.getByRole('radio', { name: /Dismissed/ }).waitFor({ state: 'detached' });

      await popup.getByRole('tab', { name: /Saved/ }).click();
      await popup.locator('[role="tabpanel"] article.paper').first().waitFor();
      expect(await failures(popup), 'Saved').toEqual([]);

      await popup.getByRole('tab', { name: 'This page' }).click();
      await popup.getByRole('button', { name: /Summarize this page/ }).waitFor();
      expect(await failures(popup), 'This page').toEqual([]);
      expect(await popup.getByRole('main').count()).toBe(1);
      await popup.close();
    });

    it(`the options page, ${colorScheme}`, async () => {
      const options = await extension.context.newPage();
      await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
      await inColorScheme(options, colorScheme);
      await options.getByText('Not available in this browser').waitFor();
      expect(await failures(options)).toEqual([]);
      await options.getByLabel('Categories you follow').fill('cs.LG, nonsense');
      await options.locator('input[aria-invalid="true"]').waitFor();
      expect(await failures(options), 'with an invalid category').toEqual([]);
      await options.close();
    });
  }

  for (const colorScheme of COLOR_SCHEMES) {
    it(`the library page, ${colorScheme}`, async () => {
      const library = await extension.context.newPage();
      await library.setViewportSize({ width: 1280, height: 800 });
      await library.goto(`chrome-extension://${extension.extensionId}/library.html`);
      await inColorScheme(library, colorScheme);
      await library.locator('article.library-row').first().waitFor();
      expect(await failures(library), 'Saved').toEqual([]);
      await library.keyboard.press('j');
      await library.keyboard.press('Enter');
      await library.getByRole('complementary').waitFor();
      expect(await failures(library), 'Saved, details open').toEqual([]);
      await library.keyboard.press('?');
      await library.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await failures(library), 'the keys overlay').toEqual([]);
      await library.keyboard.press('Escape');
      await library.getByRole('button', { name: 'All papers', exact: true }).click();
      await library.locator('article.library-row').nth(1).waitFor();
      expect(await failures(library), 'All papers').toEqual([]);
      await library.getByRole('button', { name: 'Tags', exact: true }).click();
      await library.getByLabel('New tag', { exact: true }).waitFor();
      expect(await failures(library), 'Tags').toEqual([]);
      expect(await library.getByRole('main').count()).toBe(1);
      await library.close();
    });
  }

  it('the first-run popup (empty digest), light and dark', async () => {
    const fresh = await launchExtension();
    try {
      const popup = await openPopup(fresh);
      await popup.getByRole('heading', { name: 'Your paper digest is empty' }).waitFor();
      for (const colorScheme of COLOR_SCHEMES) {
        await inColorScheme(popup, colorScheme);
        expect(await failures(popup), colorScheme).toEqual([]);
      }
    } finally {
      await fresh.close();
    }
  });
});
