import type { Page, Route } from 'playwright-core';
import {
  badgeText,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  readStore,
} from '@/tests/e2e/harness';
import {
  ONLY_WITH_SHARED_FIXTURES,
  readSharedFixture,
  sharedSuiteRuns,
} from '@/tests/helpers/sharedData';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The background digest in the built extension: settings chosen on the options page, "Fetch now",
 * the service worker fetching HF Daily Papers and arXiv RSS (Playwright's `context.route` serves
 * the service worker's requests too), the stored papers, the badge, the alarm, a 429 backoff and
 * a repeated RSS batch. The tests of a describe run in order on its one profile.
 */

declare const chrome: {
  alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
};

/** A fresh browser for the describe it is called in, whose feeds answer `rss` and `hf` (or a 429
 * for HF once `hfAnswer` says so). */
function withFeeds(feeds: () => { rss: string; hf: string }) {
  const state = {
    extension: undefined as unknown as LoadedExtension,
    options: undefined as unknown as Page,
    requests: { hf: [] as string[], rss: [] as string[] },
    hfAnswer: 'ok' as 'ok' | '429',
  };
  beforeAll(async () => {
    const { rss, hf } = feeds();
    state.extension = await launchExtension();
    const { context } = state.extension;
    await context.route('https://huggingface.co/api/daily_papers**', async (route: Route) => {
      state.requests.hf.push(route.request().url());
      if (state.hfAnswer === '429') {
        await route.fulfill({ status: 429, headers: { 'Retry-After': '3600' }, body: 'slow down' });
      } else {
        await route.fulfill({ status: 200, contentType: 'application/json', body: hf });
      }
    });
    await context.route('https://rss.arxiv.org/rss/**', async (route: Route) => {
      state.requests.rss.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'application/rss+xml', body: rss });
    });
    state.options = await context.newPage();
    await state.options.goto(`chrome-extension://${state.extension.extensionId}/options.html`);
  });
  afterAll(async () => {
    await state.extension?.close();
  });
  return state;
}

type Browser = ReturnType<typeof withFeeds>;

async function papers({ extension }: Browser): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

function alarms({ extension }: Browser) {
  return extension.worker.evaluate(() => chrome.alarms.getAll());
}

/** Types the categories on the options page and saves. */
async function followCategories({ options }: Browser, categories: string[]): Promise<void> {
  await options.getByLabel('Categories you follow').fill(categories.join(', ').toLowerCase());
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => options.locator('.digest-status').textContent()).toBe('Saved.');
}

async function fetchNow({ options }: Browser): Promise<Record<string, string | null>> {
  const result = options.locator('.fetch-result');
  const before = (await result.count()) > 0 ? await result.getAttribute('data-at') : null;
  await options.getByRole('button', { name: 'Fetch now' }).click();
  // Wait for this run's result: each run is stamped with its start time.
  await expect
    .poll(async () => ((await result.count()) > 0 ? result.getAttribute('data-at') : before), {
      timeout: 30_000,
    })
    .not.toBe(before);
  const outcomes: Record<string, string | null> = {};
  for (const item of await result.locator('li').all()) {
    outcomes[(await item.getAttribute('data-kind')) ?? ''] =
      await item.getAttribute('data-outcome');
  }
  return outcomes;
}

/** The project's feeds, read by hand: HF's three valid items; the cs.CL RSS feed's new and
 * cross-listed items and its two replacements. */
const HF_IDS = ['2509.24006', '2509.25190', '2509.22222'];
const RSS_COUNTED = ['2408.01234', '2408.02345'];
const RSS_REPLACEMENTS = ['2312.09876', 'hep-th/9901001'];
const RSS_IDS = [...RSS_COUNTED, ...RSS_REPLACEMENTS];

describe('background digest in Chromium', () => {
  const browser = withFeeds(() => ({
    rss: fixture('feeds/arxiv-rss-2024.xml'),
    hf: fixture('feeds/hf-daily-api.json'),
  }));
  const RSS_LABEL = 'arXiv cs.CL RSS';

  it('schedules the digest on install (HF Daily Papers is on by default)', async () => {
    const found = await eventually(
      () => alarms(browser),
      // The watch and the daily maintenance have alarms of their own.
      (list) => list.filter((alarm) => alarm.name.startsWith('paperlight-digest')).length >= 2,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'paperlight-digest', periodInMinutes: 120 }),
        expect.objectContaining({ name: 'paperlight-digest-soon' }),
      ]),
    );
  });

  it('takes sources and period from the options page and re-schedules the alarm', async () => {
    const { options } = browser;
    const arxiv = options.getByRole('checkbox', { name: 'arXiv RSS' });
    await expect.poll(() => arxiv.isDisabled()).toBe(true);
    expect(
      await options.getByRole('checkbox', { name: 'Hugging Face Daily Papers' }).isChecked(),
    ).toBe(true);

    const field = options.getByLabel('Categories you follow');
    await field.fill('cs.LG, not-a-category');
    await expect
      .poll(() => options.getByText('Not a category code: not-a-category').count())
      .toBe(1);
    expect(await options.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(
      true,
    );

    await field.fill('cs.cl');
    // Choosing a first category switches arXiv RSS on.
    expect(await arxiv.isChecked()).toBe(true);
    await options.getByLabel('Fetch every').selectOption('4');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.locator('.digest-status').textContent()).toBe('Saved.');
    // Codes are normalised on save.
    expect(await field.inputValue()).toBe('cs.CL');

    const list = await eventually(
      () => alarms(browser),
      (found) =>
        found.some((alarm) => alarm.name === 'paperlight-digest' && alarm.periodInMinutes === 240),
    );
    expect(list.find((alarm) => alarm.name === 'paperlight-digest')?.periodInMinutes).toBe(240);
  });

  it('"Fetch now" stores HF and arXiv papers with their labels, and the badge counts new ones', async () => {
    const { requests, extension } = browser;
    const outcomes = await fetchNow(browser);
    expect(outcomes).toEqual({ 'hf-api': 'stored', 'arxiv-rss': 'stored' });
    expect(requests.rss).toEqual(['https://rss.arxiv.org/rss/cs.CL']);
    expect(requests.hf).toHaveLength(1);
    const date = new URL(requests.hf[0] ?? '').searchParams.get('date') ?? '';
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const stored = await papers(browser);
    expect([...stored.keys()].sort()).toEqual([...HF_IDS, ...RSS_IDS].sort());
    expect(stored.get('2509.24006')?.firstSighting).toMatchObject({
      kind: 'hf-api',
      label: `HF Daily Papers · ${date}`,
    });
    const rssPaper = stored.get('2408.01234');
    expect(rssPaper?.firstSighting).toMatchObject({ kind: 'arxiv-rss', label: RSS_LABEL });
    expect(rssPaper?.title).toBe('Sparse Retrieval for Long Documents');
    expect(rssPaper?.countsAsNew).toBe(true);
    for (const id of RSS_REPLACEMENTS) expect(stored.get(id)?.countsAsNew).toBe(false);

    await expect
      .poll(() => badgeText(extension.worker))
      .toBe(String(HF_IDS.length + RSS_COUNTED.length));
  });

  it('a repeated arXiv batch adds nothing new', async () => {
    const { requests, extension } = browser;
    const badge = await badgeText(extension.worker);
    const before = await papers(browser);
    const outcomes = await fetchNow(browser);
    expect(outcomes['arxiv-rss']).toBe('repeated');
    expect(requests.rss.length).toBeGreaterThanOrEqual(2);
    expect(await badgeText(extension.worker)).toBe(badge);
    const after = await papers(browser);
    for (const id of RSS_IDS) {
      expect(after.get(id)?.sightingCount).toBe(before.get(id)?.sightingCount);
    }
  });

  it('backs off after a 429 with Retry-After: the next "Fetch now" makes no request', async () => {
    const { requests, options } = browser;
    browser.hfAnswer = '429';
    const asked = requests.hf.length;
    expect((await fetchNow(browser))['hf-api']).toBe('backoff');
    expect(requests.hf.length).toBe(asked + 1);

    expect((await fetchNow(browser))['hf-api']).toBe('backoff');
    expect(requests.hf.length).toBe(asked + 1);
    expect(await options.locator('li[data-kind="hf-api"]').textContent()).toContain(
      'asked to wait',
    );
  });
});

const REAL_RSS = 'arxiv_rss_stat_2024-03-26.xml';
const REAL_HF = 'hf_api_daily_papers_2025-09-30.json';
const realRuns = sharedSuiteRuns('e2e digest/real feeds', [
  `fixtures/${REAL_RSS}`,
  `fixtures/${REAL_HF}`,
]);

describe.skipIf(!realRuns)(
  `background digest on the real feeds ${ONLY_WITH_SHARED_FIXTURES}`,
  () => {
    const browser = withFeeds(() => ({
      rss: readSharedFixture(REAL_RSS),
      hf: readSharedFixture(REAL_HF),
    }));

    it('"Fetch now" stores 50 HF and 123 arXiv papers; the badge counts HF, new and cross-lists', async () => {
      await followCategories(browser, ['stat.ME', 'stat.ML']);
      expect(await fetchNow(browser)).toEqual({ 'hf-api': 'stored', 'arxiv-rss': 'stored' });
      expect(browser.requests.rss).toEqual(['https://rss.arxiv.org/rss/stat.ME+stat.ML']);
      const stored = await papers(browser);
      expect(stored.size).toBe(50 + 123);
      expect(stored.get('2403.15527')?.firstSighting).toMatchObject({
        kind: 'arxiv-rss',
        label: 'arXiv stat.ME+stat.ML RSS',
      });
      expect(stored.get('2403.15527')?.countsAsNew).toBe(true);
      expect(stored.get('2403.14050')?.countsAsNew).toBe(false);
      await expect.poll(() => badgeText(browser.extension.worker)).toBe(String(50 + 35 + 27));
    });
  },
);
