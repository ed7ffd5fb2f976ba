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
 * Chrome's on-device Summarizer opt-in, in headless Chromium, which has no on-device model: the
 * options page says so and disables the checkbox, and with the setting switched on anyway the
 * popup still shows Paperlight's local TL;DRs, without errors.
 */

declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
};

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const CHECKBOX = "Use Chrome's on-device summarizer when available";

let extension: LoadedExtension;

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
});

afterAll(async () => {
  await extension?.close();
});

describe("Chrome's on-device summarizer in headless Chromium", () => {
  it('the options page says it is not available and disables the checkbox', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const status = options.getByText('Not available in this browser');
    await expect.poll(() => status.count(), { timeout: 15_000 }).toBe(1);
    const box = options.getByRole('checkbox', { name: CHECKBOX });
    expect(await box.isDisabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await options.close();
  });

  it('with the setting on anyway, the popup shows the local TL;DRs', async () => {
    await extension.worker.evaluate(() =>
      chrome.storage.local.set({ 'settings.onDeviceSummary': true }),
    );
    const page = await extension.context.newPage();
    await page.goto(NEW_LISTING);
    const stored = await eventually(
      () => readStore<PaperRecord>(extension.worker),
      (rows) => rows.length >= 4,
    );
    await page.close();
    const withTldr = stored.filter((paper) => paper.tldr !== '' && paper.abstract);
    expect(withTldr.length).toBeGreaterThan(0);

    const popup = await openPopup(extension);
    const errors: string[] = [];
    popup.on('pageerror', (error) => errors.push(error.message));
    const tldrs = popup.locator('article.paper .paper-tldr');
    await expect.poll(() => tldrs.count()).toBeGreaterThan(0);
    // The rows' on-device attempts end when the model's availability comes back ('unavailable'
    // here). After two frames the rows' effects have run; the setting read and the availability
    // question asked now come back after theirs, and two more frames let any change render.
    const frames = () =>
      popup.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
    await frames();
    await popup.evaluate(() => chrome.storage.local.get('settings.onDeviceSummary'));
    const availability = await popup.evaluate(async () => {
      const api = Reflect.get(globalThis, 'Summarizer') as
        | { availability(options: object): Promise<string> }
        | undefined;
      return api
        ? api.availability({ type: 'tldr', format: 'plain-text', length: 'short' })
        : 'no API';
    });
    expect(availability).not.toBe('available');
    await frames();
    const labels = await popup
      .locator('article.paper .paper-tldr .summary-label')
      .allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set(['TL;DR']));
    const texts = await tldrs.allTextContents();
    const first = withTldr.find((paper) => texts.some((text) => text.includes(paper.tldr)));
    expect(first).toBeDefined();
    expect(await popup.getByText('On-device summary').count()).toBe(0);
    expect(errors).toEqual([]);
    await popup.close();
  });
});
