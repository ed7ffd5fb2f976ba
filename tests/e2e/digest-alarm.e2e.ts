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

/** utils/background/feedSchedule.ts DIGEST_SOON_ALARM (that module needs the extension runtime). */
const DIGEST_SOON_ALARM = 'paperlight-digest-soon';

/** A fresh browser for the describe it is called in, whose HF API answers `body`. */
function withHfAnswering(body: () => string) {
  const state = { extension: undefined as unknown as LoadedExtension, requests: [] as string[] };
  beforeAll(async () => {
    state.extension = await launchExtension();
    await state.extension.context.route(
      'https://huggingface.co/api/daily_papers**',
      async (route) => {
        state.requests.push(route.request().url());
        await route.fulfill({ status: 200, contentType: 'application/json', body: body() });
      },
    );
    await state.extension.context.route('https://rss.arxiv.org/**', async (route) => {
      state.requests.push(route.request().url());
      await route.abort();
    });
  });
  afterAll(async () => {
    await state.extension?.close();
  });
  return state;
}

/** Brings the install-time alarm forward; returns the stored papers once there are `count`. */
async function runByAlarm(
  { extension, requests }: { extension: LoadedExtension; requests: string[] },
  count: number,
): Promise<PaperRecord[]> {
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
  const stored = await eventually(
    () => readStore<PaperRecord>(extension.worker),
    (found) => found.length === count,
  );
  expect(stored).toHaveLength(count);
  expect(rows[0]?.firstSighting.kind).toBe('hf-api');
  expect(stored.every((paper) => paper.firstSighting.label.startsWith('HF Daily Papers · '))).toBe(
    true,
  );
  await expect.poll(() => badgeText(extension.worker)).toBe(String(count));
  return stored;
}

describe('the digest alarm in Chromium', () => {
  const browser = withHfAnswering(() => fixture('feeds/hf-daily-api.json'));

  it('an alarm-driven run stores the HF daily papers and counts them on the badge', async () => {
    // tests/fixtures/feeds/hf-daily-api.json: three valid items of seven.
    const stored = await runByAlarm(browser, 3);
    expect(stored.map((paper) => paper.id).sort()).toEqual([
      '2509.22222',
      '2509.24006',
      '2509.25190',
    ]);
    const sla = stored.find((paper) => paper.id === '2509.24006');
    expect(sla?.title).toBe(
      'SLA: Beyond Sparsity in Diffusion Transformers via Fine-Tunable Sparse-Linear Attention',
    );
    expect(sla?.hf).toMatchObject({ upvotes: 78, githubRepo: 'https://github.com/thu-ml/SLA' });
  });
});

const REAL_HF = 'hf_api_daily_papers_2025-09-30.json';
const realRuns = sharedSuiteRuns('e2e digest-alarm/real HF', [`fixtures/${REAL_HF}`]);

describe.skipIf(!realRuns)(
  `the digest alarm on the real HF response ${ONLY_WITH_SHARED_FIXTURES}`,
  () => {
    const browser = withHfAnswering(() => readSharedFixture(REAL_HF));

    it('stores all 50 papers and counts them on the badge', async () => {
      const stored = await runByAlarm(browser, 50);
      expect(stored.some((paper) => paper.id === '2509.23115')).toBe(true);
    });
  },
);
