import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import {
  ONLY_WITH_SHARED_FIXTURES,
  readSharedFixture,
  sharedSuiteRuns,
} from '@/tests/helpers/sharedData';
import { readFixture } from '@/tests/unit/background/feeds/load';
import { countFirstSeenSince } from '@/utils/background/badge';
import {
  DIGEST_ALARM,
  DIGEST_SOON_ALARM,
  handleAlarm,
  runDigestNow,
  scheduleAtStartup,
  scheduleDigest,
} from '@/utils/background/feedSchedule';
import {
  arxivRssUrl,
  type DigestDeps,
  hfApiUrl,
  isQuiet,
  lastBatches,
  runDigest,
  summarize,
} from '@/utils/background/fetchFeeds';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordPageDetection } from '@/utils/background/paperStore';
import type { FetchOutcome, PoliteFetcher } from '@/utils/background/politeFetch';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { DEFAULT_SETTINGS, type DigestSettings, parseCategories } from '@/utils/shared/settings';
import { localDateKey } from '@/utils/shared/time';
import { PaperlightDatabase } from '@/utils/storage/database';
import {
  arxivCategories,
  arxivRssEnabled,
  periodHours,
  readSettings,
  writeSettings,
} from '@/utils/storage/settingsStore';

const RSS = readFixture('arxiv-rss-2024.xml');
const HF = readFixture('hf-daily-api.json');
const CATEGORIES = ['cs.CL'];
/** The two fixtures' papers, read by hand: HF's three valid items; the RSS feed's new, cross-list
 * and two replacement items (its item without an id and its repeated item are skipped). */
const HF_IDS = ['2509.24006', '2509.25190', '2509.22222'];
const RSS_IDS = ['2408.01234', '2408.02345', '2312.09876', 'hep-th/9901001'];
const RSS_COUNTED = ['2408.01234', '2408.02345'];
const RSS_REPLACEMENTS = ['2312.09876', 'hep-th/9901001'];

const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();
const TODAY = localDateKey(NOON);
const HF_URL = hfApiUrl(TODAY);
const RSS_URL = arxivRssUrl(CATEGORIES);
const BOTH: DigestSettings = {
  hfDaily: true,
  arxivRss: true,
  categories: CATEGORIES,
  periodHours: 2,
};

type Responder = (url: string) => FetchOutcome | Promise<FetchOutcome>;

/** A politeFetch stand-in: answers from `responder` and records the URLs asked for. */
function fakeFetch(responder: Responder): PoliteFetcher & { urls: string[] } {
  const urls: string[] = [];
  const fetcher = async (url: string) => {
    urls.push(url);
    return responder(url);
  };
  return Object.assign(fetcher, { urls });
}

const ok = (text: string, url: string): FetchOutcome => ({ kind: 'ok', status: 200, text, url });

function feeds(rss = RSS, hf = HF, rssUrl = RSS_URL): Responder {
  return (url) => {
    if (url === HF_URL) return ok(hf, url);
    if (url === rssUrl) return ok(rss, url);
    return { kind: 'http-error', status: 404 };
  };
}

let database: PaperlightDatabase;
let now: number;
const clock = () => now;

function deps(fetch: PoliteFetcher, settings: DigestSettings = BOTH): DigestDeps {
  return { database, fetch, settings, now: clock };
}

async function all(): Promise<Map<string, PaperRecord>> {
  return new Map((await database.papers.toArray()).map((paper) => [paper.id, paper]));
}

beforeEach(() => {
  fakeBrowser.reset();
  now = NOON;
  database = new PaperlightDatabase(`runner-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

describe('settings', () => {
  it('default to HF Daily Papers on, arXiv RSS off without categories, every 2 hours', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      hfDaily: true,
      arxivRss: false,
      categories: [],
      periodHours: 2,
    });
  });

  it('are written validated, and malformed stored values read as defaults', async () => {
    await writeSettings({ hfDaily: false, arxivRss: true, categories: [], periodHours: 8 });
    expect(await readSettings()).toMatchObject({ hfDaily: false, arxivRss: false, periodHours: 8 });

    await writeSettings({
      hfDaily: true,
      arxivRss: true,
      categories: ['cs.lg', 'not a code', 'cs.CL'],
      periodHours: 24,
    });
    expect(await readSettings()).toEqual({
      hfDaily: true,
      arxivRss: true,
      categories: ['cs.LG', 'cs.CL'],
      periodHours: 24,
    });

    await fakeBrowser.storage.local.set({
      'settings.periodHours': 3,
      'settings.arxivCategories': 'cs.LG',
      'settings.arxivRss': 'yes',
    });
    expect(await readSettings()).toMatchObject({ periodHours: 2, categories: [], arxivRss: false });

    await fakeBrowser.storage.local.set({
      'settings.arxivCategories': ['cs.lg', 5, null, 'nope', 'stat.ML'],
      'settings.hfDaily': 0,
    });
    expect(await readSettings()).toMatchObject({ categories: ['cs.LG', 'stat.ML'], hfDaily: true });
  });

  it('parse category codes as typed', () => {
    expect(parseCategories(' cs.LG, cs.cl  stat.ML+quant-ph;math.AG cs.LG ')).toEqual({
      codes: ['cs.LG', 'cs.CL', 'stat.ML', 'quant-ph', 'math.AG'],
      invalid: [],
      tooMany: false,
    });
    expect(parseCategories('physics.optics, cond-mat.mes-hall, Q-BIO.NC').codes).toEqual([
      'physics.optics',
      'cond-mat.mes-hall',
      'q-bio.NC',
    ]);
    expect(
      parseCategories('cs.LG, 2408.01234, cs..LG, -cs, <b>, cs.LG/x, foo, foo.BA').invalid,
    ).toEqual(['2408.01234', 'cs..LG', '-cs', '<b>', 'cs.LG/x', 'foo', 'foo.BA']);
    expect(parseCategories('').codes).toEqual([]);
    const many = Array.from({ length: 25 }, (_, index) => `cs.A${String.fromCharCode(65 + index)}`);
    expect(parseCategories(many.join(',')).tooMany).toBe(true);
  });
});

/** Two feeds and what a digest run must make of them (counts and ids read by hand). */
interface DigestCase {
  rss: string;
  hf: string;
  categories: string[];
  hfPapers: number;
  rssPapers: number;
  /** HF papers plus the RSS feed's new and cross-listed ones: what the badge counts. */
  counted: number;
  hfFirst: string;
  rssFirstNew: string;
  /** Replacements in the RSS feed (all of them, or some). */
  replacements: string[];
}

/** Runs the digest on both feeds and checks the URLs, the report, the stored papers with their
 * sightings and labels, and which papers count as new. */
async function expectBothStored(feed: DigestCase): Promise<void> {
  const rssUrl = arxivRssUrl(feed.categories);
  const fetch = fakeFetch(feeds(feed.rss, feed.hf, rssUrl));
  const report = await runDigest(deps(fetch, { ...BOTH, categories: feed.categories }));
  expect(fetch.urls).toEqual([
    `https://huggingface.co/api/daily_papers?date=${TODAY}`,
    `https://rss.arxiv.org/rss/${feed.categories.join('+')}`,
  ]);
  const label = `arXiv ${feed.categories.join('+')} RSS`;
  expect(report.sources).toEqual([
    expect.objectContaining({
      kind: 'hf-api',
      label: `HF Daily Papers · ${TODAY}`,
      outcome: 'stored',
      papers: feed.hfPapers,
    }),
    expect.objectContaining({
      kind: 'arxiv-rss',
      label,
      outcome: 'stored',
      papers: feed.rssPapers,
    }),
  ]);

  const stored = await all();
  expect(stored.size).toBe(feed.hfPapers + feed.rssPapers);
  const hfPaper = stored.get(feed.hfFirst);
  expect(hfPaper?.firstSighting).toMatchObject({
    kind: 'hf-api',
    label: `HF Daily Papers · ${TODAY}`,
    url: HF_URL,
    at: NOON,
  });
  expect(hfPaper?.hf?.dailyDate).toBe(TODAY);
  const rssPaper = stored.get(feed.rssFirstNew);
  expect(rssPaper?.lastSighting).toMatchObject({ kind: 'arxiv-rss', label, url: rssUrl });
  expect(rssPaper?.abstract).toBeTruthy();
  expect(rssPaper?.tldr).not.toBe('');
  expect(rssPaper).not.toHaveProperty('announceType');

  // Replacements are stored but do not count toward the badge; new and cross-lists do.
  expect(feed.replacements.length).toBeGreaterThan(0);
  for (const id of feed.replacements) {
    expect(stored.get(id)).toMatchObject({
      countsAsNew: false,
      lastSighting: { section: 'replacement' },
    });
  }
  expect(await countFirstSeenSince(database, 0)).toBe(feed.counted);
  expect(summarize(report)).toContain(`${label}: ${feed.rssPapers} papers`);
}

describe('runDigest', () => {
  it('fetches today’s HF list and one RSS feed for all categories, and stores both with labels', async () => {
    await expectBothStored({
      rss: RSS,
      hf: HF,
      categories: CATEGORIES,
      hfPapers: HF_IDS.length,
      rssPapers: RSS_IDS.length,
      counted: HF_IDS.length + RSS_COUNTED.length,
      hfFirst: '2509.24006',
      rssFirstNew: '2408.01234',
      replacements: RSS_REPLACEMENTS,
    });
    const stored = await all();
    expect([...stored.keys()].sort()).toEqual([...HF_IDS, ...RSS_IDS].sort());
  });

  it('skips an arXiv batch it has seen (same day, same ids), without counting it again', async () => {
    const fetch = fakeFetch(feeds());
    await runDigest(deps(fetch));
    const before = await all();
    const debug = vi.fn();

    now = NOON + 2 * 60 * 60 * 1000;
    // The same batch, ids in another order: still the same batch.
    const reordered = RSS.replace(/<item>[\s\S]*?<\/item>/, '');
    const first = /<item>[\s\S]*?<\/item>/.exec(RSS)?.[0] ?? '';
    const shuffled = reordered.replace('</channel>', `${first}</channel>`);
    expect(shuffled.indexOf('abs/2408.01234')).toBeGreaterThan(shuffled.indexOf('abs/2408.02345'));
    const again = await runDigest({
      ...deps(fakeFetch(feeds(shuffled))),
      settings: { ...BOTH, hfDaily: false },
      debug,
    });
    expect(again.sources).toEqual([expect.objectContaining({ outcome: 'repeated' })]);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('seen before'));
    const after = await all();
    for (const id of RSS_IDS) {
      expect(after.get(id)?.sightingCount).toBe(before.get(id)?.sightingCount);
      expect(after.get(id)?.lastSeenAt).toBe(NOON);
    }
    expect(await countFirstSeenSince(database, NOON - 1)).toBe(HF_IDS.length + RSS_COUNTED.length);
  });

  it('stores a batch whose ids or day differ, and remembers the last batch per feed URL', async () => {
    await runDigest(deps(fakeFetch(feeds()), { ...BOTH, hfDaily: false }));
    // The next day's batch: a different announcement day (and here one paper fewer).
    const nextDay = RSS.replace(
      /<pubDate>[^<]*<\/pubDate>/,
      '<pubDate>Fri, 09 Aug 2030 00:00:00 -0400</pubDate>',
    ).replace(/<item>[\s\S]*?<\/item>/, '');
    now = NOON + 24 * 60 * 60 * 1000;
    const report = await runDigest(deps(fakeFetch(feeds(nextDay)), { ...BOTH, hfDaily: false }));
    expect(report.sources[0]?.outcome).toBe('stored');
    expect(report.sources[0]?.added).toBe(0);
    const keys = await lastBatches.getValue();
    expect(keys).toEqual([
      { url: RSS_URL, key: expect.stringMatching(/^2030-08-09:[0-9a-f]{64}$/) },
    ]);
  });

  it('reads a malformed list of last batches (older version, hand edit) as its valid entries', async () => {
    const other = { url: 'https://rss.arxiv.org/rss/math.AG', key: '2030-08-08:abc' };
    await fakeBrowser.storage.local.set({
      'digest.lastBatches': ['junk', { url: RSS_URL, key: 5 }, other, null],
    });
    const report = await runDigest(deps(fakeFetch(feeds()), { ...BOTH, hfDaily: false }));
    expect(report.sources[0]?.outcome).toBe('stored');
    expect(await lastBatches.getValue()).toEqual([
      { url: RSS_URL, key: expect.stringMatching(/^\d{4}-\d{2}-\d{2}:[0-9a-f]{64}$/) },
      other,
    ]);

    await fakeBrowser.storage.local.set({ 'digest.lastBatches': { url: RSS_URL } });
    now = NOON + 60 * 60 * 1000;
    const again = await runDigest(deps(fakeFetch(feeds()), { ...BOTH, hfDaily: false }));
    expect(again.sources[0]?.outcome).toBe('stored');
  });

  it('counts a replacement of a paper already seen on a page as that page counted it', async () => {
    const replaced = '2312.09876';
    await recordPageDetection(database, page([detectedPaper(replaced)]), NOON - 1000);
    await runDigest(deps(fakeFetch(feeds()), { ...BOTH, hfDaily: false }));
    const record = await database.papers.get(replaced);
    expect(record).toMatchObject({ countsAsNew: true, sightingCount: 2, firstSeenAt: NOON - 1000 });
    expect(record?.abstract).toBeTruthy();
  });

  it.each<[string, FetchOutcome]>([
    ['offline', { kind: 'offline' }],
    ['timeout', { kind: 'timeout' }],
    ['backoff', { kind: 'backoff', until: NOON + 60_000, status: 429 }],
  ])('skips quietly when %s', async (outcome, answer) => {
    const report = await runDigest(deps(fakeFetch(() => answer)));
    expect(report.sources.map((source) => source.outcome)).toEqual([outcome, outcome]);
    expect(isQuiet(report)).toBe(true);
    expect(await database.papers.count()).toBe(0);
    expect(await lastBatches.getValue()).toEqual([]);
  });

  it('reports errors without throwing, and one failing source does not stop the other', async () => {
    const fetch = fakeFetch((url) => {
      if (url === HF_URL) throw new Error('boom');
      return ok('<html>not a feed</html>', url);
    });
    const report = await runDigest(deps(fetch));
    expect(report.sources).toEqual([
      expect.objectContaining({ kind: 'hf-api', outcome: 'error', detail: 'boom' }),
      expect.objectContaining({ kind: 'arxiv-rss', outcome: 'error' }),
    ]);
    expect(isQuiet(report)).toBe(false);

    const http = await runDigest(deps(fakeFetch(() => ({ kind: 'http-error', status: 500 }))));
    expect(http.sources.map((source) => source.detail)).toEqual(['HTTP 500', 'HTTP 500']);
    const notModified = await runDigest(deps(fakeFetch((url) => ({ kind: 'not-modified', url }))));
    expect(notModified.sources.map((source) => source.outcome)).toEqual([
      'not-modified',
      'not-modified',
    ]);
    expect(await database.papers.count()).toBe(0);
  });

  it('fetches nothing when no source is on, and arXiv only with categories', async () => {
    const fetch = fakeFetch(feeds());
    expect(
      (await runDigest(deps(fetch, { ...BOTH, hfDaily: false, arxivRss: false }))).sources,
    ).toEqual([]);
    expect(
      (await runDigest(deps(fetch, { ...BOTH, hfDaily: false, categories: [] }))).sources,
    ).toEqual([]);
    expect(fetch.urls).toEqual([]);
  });

  it('leaves out a feed paper the page schema refuses', async () => {
    const hostile = JSON.stringify([
      { paper: { id: '2509.00001', title: 'Fine', authors: [{ name: 'A B' }] } },
      { paper: { id: '2509.00002', title: 'x'.repeat(5000), authors: [] } },
    ]);
    const report = await runDigest(
      deps(fakeFetch(feeds(RSS, hostile)), { ...BOTH, arxivRss: false }),
    );
    expect(report.sources[0]).toMatchObject({ outcome: 'stored' });
    expect(await database.papers.get('2509.00001')).toBeDefined();
  });
});

describe('runDigestNow and the alarm', () => {
  it('runs with the stored settings, refreshes the badge and logs one line', async () => {
    await writeSettings(BOTH);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const refreshBadge = vi.fn(async () => {
      await fakeBrowser.action.setBadgeText({
        text: String(await countFirstSeenSince(database, 0)),
      });
    });
    const fetch = fakeFetch(feeds());
    const [first, second] = await Promise.all([
      runDigestNow({ database, refreshBadge, fetch, now: clock }),
      runDigestNow({ database, refreshBadge, fetch, now: clock }),
    ]);
    // Overlapping runs join: one fetch per source.
    expect(first).toBe(second);
    expect(fetch.urls).toHaveLength(2);
    expect(refreshBadge).toHaveBeenCalledTimes(1);
    expect(Number(await fakeBrowser.action.getBadgeText({}))).toBeGreaterThan(0);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toMatch(/^\[Paperlight\] digest: HF Daily Papers/);
  });

  it('logs quiet skips at debug level and never throws from the alarm handler', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const refreshBadge = vi.fn(async () => {});
    const offline = fakeFetch(() => ({ kind: 'offline' }));
    const report = await handleAlarm(
      { name: DIGEST_ALARM },
      { database, refreshBadge, fetch: offline, now: clock },
    );
    expect(report?.sources).toEqual([expect.objectContaining({ outcome: 'offline' })]);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('offline'));
    expect(info).not.toHaveBeenCalled();
    expect(refreshBadge).not.toHaveBeenCalled();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = vi.fn(async () => {
      throw new Error('badge broke');
    });
    await expect(
      handleAlarm(
        { name: DIGEST_SOON_ALARM },
        { database, refreshBadge: broken, fetch: fakeFetch(feeds()), now: clock },
      ),
    ).resolves.toEqual({ at: NOON, sources: [] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('badge broke'));

    expect(await handleAlarm({ name: 'someone-else' }, { database, refreshBadge })).toBeUndefined();
  });

  it('answers a fetchNow message with the report', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const fetch = vi.fn(async (input: string | URL | Request) => {
      const url = String(input);
      return new Response(url.startsWith(HF_URL.split('?')[0] ?? '') ? HF : '', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    try {
      const reply = await handleMessage(database, { type: 'fetchNow', payload: {} }, clock);
      expect(reply).toMatchObject({
        ok: true,
        data: { sources: [{ kind: 'hf-api', outcome: 'stored', papers: HF_IDS.length }] },
      });
      expect(String(fetch.mock.calls[0]?.[0])).toBe(HF_URL);
      expect(await fakeBrowser.action.getBadgeText({})).toBe(String(HF_IDS.length));
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await handleMessage(database, { type: 'fetchNow', payload: { x: 1 } })).ok).toBe(false);
  });
});

describe('scheduling', () => {
  it('keeps one periodic alarm matching the settings, and none without a source', async () => {
    await scheduleDigest();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ periodInMinutes: 120 });

    const before = await fakeBrowser.alarms.get(DIGEST_ALARM);
    await scheduleDigest();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(before?.scheduledTime);

    await periodHours.setValue(24);
    await scheduleDigest();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 });

    await writeSettings({ ...DEFAULT_SETTINGS, hfDaily: false });
    await scheduleDigest();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);

    await arxivCategories.setValue(['cs.LG']);
    await arxivRssEnabled.setValue(true);
    await scheduleDigest();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined();
  });

  it('schedules a run soon after start-up or install', async () => {
    await scheduleAtStartup();
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(names).toEqual([DIGEST_ALARM, DIGEST_SOON_ALARM]);
    const soon = await fakeBrowser.alarms.get(DIGEST_SOON_ALARM);
    expect(soon?.periodInMinutes).toBeUndefined();
  });
});

const REAL_RSS = 'arxiv_rss_stat_2024-03-26.xml';
const REAL_HF = 'hf_api_daily_papers_2025-09-30.json';
const realRuns = sharedSuiteRuns('fetchFeeds/real feeds', [
  `fixtures/${REAL_RSS}`,
  `fixtures/${REAL_HF}`,
]);

describe.skipIf(!realRuns)(`runDigest on the real feeds ${ONLY_WITH_SHARED_FIXTURES}`, () => {
  it('stores the 50 HF and 123 arXiv papers; the badge counts HF, new and cross-lists', async () => {
    await expectBothStored({
      rss: readSharedFixture(REAL_RSS),
      hf: readSharedFixture(REAL_HF),
      categories: ['stat.ME', 'stat.ML'],
      hfPapers: 50,
      rssPapers: 123,
      counted: 50 + 35 + 27,
      hfFirst: '2509.24006',
      rssFirstNew: '2403.15527',
      replacements: ['2403.14050'],
    });
  });
});
