import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import {
  badgeText,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  ROOT,
  readStore,
} from '@/tests/e2e/harness';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The background digest in the built extension: settings chosen on the options page, "Fetch now",
 * the service worker fetching HF Daily Papers and arXiv RSS (Playwright's `context.route` serves
 * the service worker's requests too), the stored papers, the badge, the alarm, a 429 backoff and
 * a repeated RSS batch. The tests run in order on one profile.
 */

declare const chrome: {
  alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
};

const SHARED = path.resolve(ROOT, '../shared/fixtures');
const REAL =
  existsSync(path.join(SHARED, 'arxiv_rss_stat_2024-03-26.xml')) &&
  existsSync(path.join(SHARED, 'hf_api_daily_papers_2025-09-30.json'));
const RSS = REAL
  ? readFileSync(path.join(SHARED, 'arxiv_rss_stat_2024-03-26.xml'), 'utf8')
  : fixture('feeds/arxiv-rss-2024.xml');
const HF = REAL
  ? readFileSync(path.join(SHARED, 'hf_api_daily_papers_2025-09-30.json'), 'utf8')
  : fixture('feeds/hf-daily-api.json');
const CATEGORIES = REAL ? ['stat.ME', 'stat.ML'] : ['cs.CL'];
const RSS_LABEL = `arXiv ${CATEGORIES.join('+')} RSS`;
if (!REAL) console.info('digest e2e: ../shared/fixtures absent; using tests/fixtures/feeds');

const rss = parseArxivRss(RSS);
const countedRss = rss.papers.filter((paper) => paper.section !== 'replacement');
const replacements = rss.papers.filter((paper) => paper.section === 'replacement');

let extension: LoadedExtension;
let options: Page;
const requests = { hf: [] as string[], rss: [] as string[] };
/** What the HF API route answers: the fixture, or a 429. */
let hfAnswer: 'ok' | '429' = 'ok';

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

function alarms() {
  return extension.worker.evaluate(() => chrome.alarms.getAll());
}

async function fetchNow(): Promise<Record<string, string | null>> {
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

beforeAll(async () => {
  extension = await launchExtension();
  const { context } = extension;
  await context.route('https://huggingface.co/api/daily_papers**', async (route: Route) => {
    requests.hf.push(route.request().url());
    if (hfAnswer === '429') {
      await route.fulfill({ status: 429, headers: { 'Retry-After': '3600' }, body: 'slow down' });
    } else {
      await route.fulfill({ status: 200, contentType: 'application/json', body: HF });
    }
  });
  await context.route('https://rss.arxiv.org/rss/**', async (route: Route) => {
    requests.rss.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'application/rss+xml', body: RSS });
  });
});

afterAll(async () => {
  await extension?.close();
});

describe('background digest in Chromium', () => {
  it('schedules the digest on install (HF Daily Papers is on by default)', async () => {
    const found = await eventually(alarms, (list) => list.length >= 2);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'paperlight-digest', periodInMinutes: 120 }),
        expect.objectContaining({ name: 'paperlight-digest-soon' }),
      ]),
    );
  });

  it('takes sources and period from the options page and re-schedules the alarm', async () => {
    options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
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
    expect(await options.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    await field.fill(CATEGORIES.join(', ').toLowerCase());
    // Choosing a first category switches arXiv RSS on.
    expect(await arxiv.isChecked()).toBe(true);
    await options.getByLabel('Fetch every').selectOption('4');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.status').textContent()).toBe('Saved.');
    // Codes are normalised on save.
    expect(await field.inputValue()).toBe(CATEGORIES.join(', '));

    const list = await eventually(alarms, (found) =>
      found.some((alarm) => alarm.name === 'paperlight-digest' && alarm.periodInMinutes === 240),
    );
    expect(list.find((alarm) => alarm.name === 'paperlight-digest')?.periodInMinutes).toBe(240);
  });

  it('"Fetch now" stores HF and arXiv papers with their labels, and the badge counts new ones', async () => {
    const outcomes = await fetchNow();
    expect(outcomes).toEqual({ 'hf-api': 'stored', 'arxiv-rss': 'stored' });
    expect(requests.rss).toEqual([`https://rss.arxiv.org/rss/${CATEGORIES.join('+')}`]);
    expect(requests.hf).toHaveLength(1);
    const date = new URL(requests.hf[0] ?? '').searchParams.get('date') ?? '';
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const hf = parseHfDailyApi(HF, date);

    const stored = await papers();
    expect(stored.size).toBe(new Set([...hf.ids, ...rss.ids]).size);
    const hfPaper = stored.get(hf.ids[0] ?? '');
    expect(hfPaper?.firstSighting).toMatchObject({
      kind: 'hf-api',
      label: `HF Daily Papers · ${date}`,
    });
    const rssPaper = stored.get(countedRss[0]?.id ?? '');
    expect(rssPaper?.firstSighting).toMatchObject({ kind: 'arxiv-rss', label: RSS_LABEL });
    expect(rssPaper?.countsAsNew).toBe(true);
    for (const paper of replacements) expect(stored.get(paper.id)?.countsAsNew).toBe(false);

    const counted = new Set([...hf.ids, ...countedRss.map((paper) => paper.id)]).size;
    await expect.poll(() => badgeText(extension.worker)).toBe(String(counted));
  });

  it('a repeated arXiv batch adds nothing new', async () => {
    const badge = await badgeText(extension.worker);
    const before = await papers();
    const outcomes = await fetchNow();
    expect(outcomes['arxiv-rss']).toBe('repeated');
    expect(requests.rss.length).toBeGreaterThanOrEqual(2);
    expect(await badgeText(extension.worker)).toBe(badge);
    const after = await papers();
    for (const id of rss.ids) {
      if (!before.get(id)?.hf)
        expect(after.get(id)?.sightingCount).toBe(before.get(id)?.sightingCount);
    }
  });

  it('backs off after a 429 with Retry-After: the next "Fetch now" makes no request', async () => {
    hfAnswer = '429';
    const asked = requests.hf.length;
    expect((await fetchNow())['hf-api']).toBe('backoff');
    expect(requests.hf.length).toBe(asked + 1);

    expect((await fetchNow())['hf-api']).toBe('backoff');
    expect(requests.hf.length).toBe(asked + 1);
    expect(await options.locator('li[data-kind="hf-api"]').textContent()).toContain(
      'asked to wait',
    );
  });
});
