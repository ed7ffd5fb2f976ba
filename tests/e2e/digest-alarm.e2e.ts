import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  badgeText,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  ROOT,
  readStore,
} from '@/tests/e2e/harness';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * A scheduled run, not a click: the digest's alarm fires in the service worker (unpacked
 * extensions may fire alarms early) and fills the digest and the badge with the default settings
 * (Hugging Face Daily Papers on, arXiv RSS off until a category is chosen).
 */

declare const chrome: {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    getAll(): Promise<{ name: string }[]>;
  };
};

/** utils/digestAlarms.ts DIGEST_SOON_ALARM (that module needs the extension runtime). */
const DIGEST_SOON_ALARM = 'paperlight-digest-soon';

const SHARED = path.resolve(ROOT, '../shared/fixtures/hf_api_daily_papers_2025-09-30.json');
const HF = existsSync(SHARED) ? readFileSync(SHARED, 'utf8') : fixture('feeds/hf-daily-api.json');

let extension: LoadedExtension;
const requests: string[] = [];

beforeAll(async () => {
  extension = await launchExtension();
  await extension.context.route('https://huggingface.co/api/daily_papers**', async (route) => {
    requests.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'application/json', body: HF });
  });
  await extension.context.route('https://rss.arxiv.org/**', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
});

afterAll(async () => {
  await extension?.close();
});

it('an alarm-driven run stores the HF daily papers and counts them on the badge', async () => {
  expect(requests).toEqual([]);
  // Wait for the install-time scheduling (it sets the same one-off alarm a minute ahead), then
  // bring that alarm forward.
  await eventually(
    () => extension.worker.evaluate(() => chrome.alarms.getAll()),
    (alarms) =>
      alarms.some((alarm) => alarm.name === 'paperlight-digest') &&
      alarms.some((alarm) => alarm.name === DIGEST_SOON_ALARM),
  );
  await extension.worker.evaluate(
    (name) => chrome.alarms.create(name, { when: Date.now() + 200 }),
    DIGEST_SOON_ALARM,
  );
  const rows = await eventually(
    () => readStore<PaperRecord>(extension.worker),
    (found) => found.length > 0,
    20_000,
  );
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatch(
    /^https:\/\/huggingface\.co\/api\/daily_papers\?date=\d{4}-\d{2}-\d{2}$/,
  );
  const expected = parseHfDailyApi(JSON.parse(HF), '2025-09-30');
  const stored = await eventually(
    () => readStore<PaperRecord>(extension.worker),
    (found) => found.length === expected.papers.length,
  );
  expect(stored).toHaveLength(expected.papers.length);
  expect(rows[0]?.firstSighting.kind).toBe('hf-api');
  expect(stored.every((paper) => paper.firstSighting.label.startsWith('HF Daily Papers · '))).toBe(
    true,
  );
  await expect.poll(() => badgeText(extension.worker)).toBe(String(expected.papers.length));
});
