import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { readFixture } from '@/tests/unit/background/feeds/load';
import { saveArticle } from '@/utils/background/articleStore';
import { DIGEST_ALARM, DIGEST_SOON_ALARM } from '@/utils/background/feedSchedule';
import { FILL_IN_ALARM, fillInQueue } from '@/utils/background/fillIn';
import { MAINTENANCE_ALARM } from '@/utils/background/librarySafety';
import { recordPageDetection } from '@/utils/background/paperStore';
import { senderOf, startBackground } from '@/utils/background/startBackground';
import { WATCH_ALARM, WATCH_PERIOD_MINUTES } from '@/utils/background/watchSaved';
import { encodeChunk } from '@/utils/shared/sync/syncChunks';
import { PaperlightDatabase } from '@/utils/storage/database';
import { hfDailyEnabled, periodHours } from '@/utils/storage/settingsStore';
import { watchEnabledItem } from '@/utils/storage/watchSettings';

/**
 * The service worker's wiring, on WXT's fakeBrowser: what reaches the message listener and from
 * whom, where alarms go, and what start-up and a settings change do.
 */

const ID = fakeBrowser.runtime.id;
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const POPUP_IN_A_TAB = { ...POPUP, tab: { id: 3 } };
const ARXIV_TAB = { id: ID, url: 'https://arxiv.org/list/cs.CL/new', tab: { id: 7 } };
const ARTICLE = 'https://blog.example.org/post';

let database: PaperlightDatabase;
/** The worker's keyboard-command listener (fakeBrowser has no `commands.onCommand`). */
let onCommand: ((command: string) => void) | undefined;

/** What the listener answers (undefined: it did not answer). */
async function send(message: unknown, sender: object): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return reply;
}

function serve(routes: Record<string, string>): void {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const prefix = Object.keys(routes).find((start) => url.startsWith(start));
    if (prefix === undefined) throw new TypeError(`offline: ${url}`);
    return new Response(routes[prefix], { status: 200 });
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`wiring-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  onCommand = undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    onCommand = listener as (command: string) => void;
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await database.delete();
});

describe('senderOf', () => {
  it("tells the extension's own pages from content scripts, and ignores other extensions", () => {
    const base = `chrome-extension://${ID}/`;
    expect(senderOf(POPUP, ID, base)).toBe('extension-page');
    expect(senderOf(POPUP_IN_A_TAB, ID, base)).toBe('extension-page');
    expect(senderOf(ARXIV_TAB, ID, base)).toBe('content-script');
    expect(senderOf({ id: ID }, ID, base)).toBe('content-script');
    // Another extension's pages, even with our id in their address, are not ours.
    expect(senderOf({ id: ID, url: `chrome-extension://${ID}x/popup.html` }, ID, base)).toBe(
      'content-script',
    );
    expect(senderOf({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, base)).toBe(
      undefined,
    );
  });
});

describe('the message listener', () => {
  beforeEach(() => startBackground(database));

  it('answers a page detection from a content script and stores its papers', async () => {
    const reply = await send(
      { type: 'pageDetected', payload: page([detectedPaper('2408.00001')]) },
      ARXIV_TAB,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        statuses: [
          {
            id: '2408.00001',
            saved: false,
            seenBefore: false,
            opened: false,
            dismissed: false,
            hasCode: false,
            // No interests and nothing learned yet.
            relevance: { matched: false, reasons: [], coldStart: true },
          },
        ],
      },
    });
    expect(await database.papers.get('2408.00001')).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('does not answer another extension', async () => {
    const reply = await send(
      { type: 'pageDetected', payload: page([detectedPaper('2408.00001')]) },
      { id: 'another-extension', url: 'https://arxiv.org/list/cs.CL/new', tab: { id: 7 } },
    );
    expect(reply).toBeUndefined();
    expect(await database.papers.count()).toBe(0);
  });

  it('lets a content script save and unsave an arXiv paper', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), Date.now());
    const reply = await send(
      { type: 'setSaved', payload: { id: '2408.00001', saved: true } },
      ARXIV_TAB,
    );
    expect(reply).toMatchObject({ ok: true, data: { id: '2408.00001', saved: true } });
    expect((await database.papers.get('2408.00001'))?.savedAt).toBeDefined();
  });

  it.each([
    ['unsave an article', { type: 'setSaved', payload: { id: `url:${ARTICLE}`, saved: false } }],
    [
      'save an article',
      {
        type: 'saveArticle',
        payload: {
          url: 'https://evil.example/',
          title: 'x',
          byline: '',
          siteName: '',
          keySentences: [],
          readingMinutes: 0,
        },
      },
    ],
    [
      'add found papers',
      { type: 'pagePapersFound', payload: { url: ARTICLE, ids: ['2408.00009'] } },
    ],
    ['fetch now', { type: 'fetchNow', payload: {} }],
    ['clear the badge', { type: 'popupOpened', payload: {} }],
    ['ask for look-ups', { type: 'fillIn', payload: { ids: ['2408.00001'] } }],
    [
      'report a feed as a page',
      {
        type: 'pageDetected',
        payload: page([detectedPaper('2408.00009')], {
          kind: 'hf-api',
          label: 'HF Daily Papers · 2026-11-27',
          url: 'https://huggingface.co/api/daily_papers',
        }),
      },
    ],
  ])('refuses a content script that asks to %s, and changes nothing', async (_name, message) => {
    await saveArticle(
      database,
      { url: ARTICLE, title: 'A', byline: '', siteName: '', keySentences: [], readingMinutes: 1 },
      1000,
    );
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), 2000);
    await fakeBrowser.action.setBadgeText({ text: '1' });
    const before = await database.papers.toArray();

    const reply = await send(message, ARXIV_TAB);
    expect(reply).toEqual({
      ok: false,
      error: `${(message as { type: string }).type}: not accepted from a content script`,
    });
    expect(await database.papers.toArray()).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fillInQueue.getValue()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('lets the popup unsave an article, also when the popup is open in a tab', async () => {
    await saveArticle(
      database,
      { url: ARTICLE, title: 'A', byline: '', siteName: '', keySentences: [], readingMinutes: 1 },
      1000,
    );
    const reply = await send(
      { type: 'setSaved', payload: { id: `url:${ARTICLE}`, saved: false } },
      POPUP_IN_A_TAB,
    );
    expect(reply).toMatchObject({ ok: true, data: { saved: false } });
    expect((await database.papers.get(`url:${ARTICLE}`))?.savedAt).toBeUndefined();
  });
});

describe('alarms, start-up and settings', () => {
  beforeEach(() => startBackground(database));

  it('routes the digest alarm to the digest: the feed is fetched and stored, the badge counts it', async () => {
    serve({ 'https://huggingface.co/api/daily_papers': readFixture('hf-daily-api.json') });
    await fakeBrowser.alarms.onAlarm.trigger({ name: DIGEST_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () =>
      expect((await database.papers.get('2509.24006'))?.lastSighting.kind).toBe('hf-api'),
    );
    await vi.waitFor(async () =>
      expect(Number(await fakeBrowser.action.getBadgeText({}))).toBe(await database.papers.count()),
    );
  });

  it('routes the fill-in alarm to the fill-in: a queued paper gets its abstract', async () => {
    await recordPageDetection(database, page([detectedPaper('2607.20001')]), Date.now());
    await fillInQueue.setValue(['2607.20001']);
    serve({ 'https://export.arxiv.org/api/query': readFixture('arxiv-api-fill-in.xml') });
    await fakeBrowser.alarms.onAlarm.trigger({ name: FILL_IN_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () =>
      expect((await database.papers.get('2607.20001'))?.abstract).toBeTruthy(),
    );
    expect(await fillInQueue.getValue()).toEqual([]);
  });

  it.each([
    ['onStartup', () => fakeBrowser.runtime.onStartup.trigger()],
    [
      'onInstalled',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false }),
    ],
  ])(
    '%s: the badge is recomputed, the digest scheduled (periodic, and once soon), the watch and the daily maintenance too',
    async (_name, fire) => {
      await recordPageDetection(database, page([detectedPaper('2408.00001')]), Date.now());
      await fakeBrowser.action.setBadgeText({ text: '' });
      await fire();
      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
      await vi.waitFor(async () => {
        const alarms = await fakeBrowser.alarms.getAll();
        expect(alarms.map((alarm) => alarm.name).sort()).toEqual(
          [DIGEST_ALARM, DIGEST_SOON_ALARM, MAINTENANCE_ALARM, WATCH_ALARM].sort(),
        );
        expect(alarms.find((alarm) => alarm.name === DIGEST_ALARM)?.periodInMinutes).toBe(120);
        expect(alarms.find((alarm) => alarm.name === WATCH_ALARM)?.periodInMinutes).toBe(
          WATCH_PERIOD_MINUTES,
        );
      });
    },
  );

  it('onStartup resumes look-ups left queued by an earlier session', async () => {
    await recordPageDetection(database, page([detectedPaper('2607.20001')]), Date.now());
    await fillInQueue.setValue(['2607.20001']);
    serve({ 'https://export.arxiv.org/api/query': readFixture('arxiv-api-fill-in.xml') });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect((await database.papers.get('2607.20001'))?.abstract).toBeTruthy(),
    );
  });

  it('re-schedules when a digest setting changes, and removes the alarm when no source is on', async () => {
    await periodHours.setValue(8);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.periodInMinutes).toBe(480),
    );
    await hfDailyEnabled.setValue(false);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toEqual([]));
  });
});

describe('the watch switch', () => {
  beforeEach(() => startBackground(database));

  it('switching the watch off removes its alarm; on again brings it back', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeTruthy());
    await watchEnabledItem.setValue(false);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeFalsy());
    await watchEnabledItem.setValue(true);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes).toBe(
        WATCH_PERIOD_MINUTES,
      ),
    );
  });
});

describe('the background entrypoint', () => {
  it('starts the wiring: answers its popup, not another extension', async () => {
    const { default: background } = await import('@/entrypoints/background/index');
    await background.main();
    expect(await send({ type: 'popupOpened', payload: {} }, POPUP)).toEqual({
      ok: true,
      data: { badge: '' },
    });
    expect(await send({ type: 'popupOpened', payload: {} }, { id: 'other' })).toBeUndefined();
    expect(await send({ type: 'popupOpened', payload: {} }, ARXIV_TAB)).toMatchObject({
      ok: false,
    });
  });
});

describe('opened papers', () => {
  beforeEach(() => startBackground(database));

  it("records a paper opened in a tab, a PDF included, from the tab's URL only", async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), Date.now() - 1000);
    await fakeBrowser.tabs.onUpdated.trigger(5, { url: 'https://arxiv.org/pdf/2408.00001v2' }, {
      id: 5,
      url: 'https://arxiv.org/pdf/2408.00001v2',
    } as never);
    await vi.waitFor(async () => {
      expect((await database.papers.get('2408.00001'))?.openedAt).toBeDefined();
    });
    // A listing or a status change without a URL is not opening a paper.
    await fakeBrowser.tabs.onUpdated.trigger(5, { url: 'https://arxiv.org/list/cs.LG/new' }, {
      id: 5,
    } as never);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, { id: 5 } as never);
    // An unknown paper's PDF gets a placeholder; its HF page is left to the content script.
    await fakeBrowser.tabs.onUpdated.trigger(
      6,
      { url: 'https://huggingface.co/papers/2408.00003' },
      { id: 6 } as never,
    );
    await fakeBrowser.tabs.onUpdated.trigger(6, { url: 'https://arxiv.org/pdf/2408.00002' }, {
      id: 6,
    } as never);
    await vi.waitFor(async () => {
      expect(await database.papers.get('2408.00002')).toMatchObject({ placeholder: true });
    });
    expect(await database.papers.count()).toBe(2);
  });
});

describe('the open-library command', () => {
  it('opens library.html in a new tab', async () => {
    startBackground(database);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    onCommand?.('open-library');
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/library.html') }),
    );
  });
});

describe('sync wiring', () => {
  beforeEach(() => startBackground(database));

  it("with sync on, a save from a page reaches storage.sync; another browser's items reach the database", async () => {
    await fakeBrowser.storage.local.set({ 'settings.sync': true });
    await send({ type: 'pageDetected', payload: page([detectedPaper('2408.00001')]) }, ARXIV_TAB);
    expect(
      await send({ type: 'setSaved', payload: { id: '2408.00001', saved: true } }, POPUP),
    ).toMatchObject({ ok: true });
    // Written after the debounce (a save is a library change), without a "sync now".
    await vi.waitFor(
      async () => expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain('pl.0'),
      { timeout: 5000 },
    );

    const later = Date.now() + 60_000;
    await fakeBrowser.storage.sync.set({
      'pl.1': await encodeChunk({
        p: [
          { id: '2501.00002', title: 'Saved elsewhere', savedAt: later, edited: { saved: later } },
        ],
      }),
    });
    await vi.waitFor(
      async () => expect((await database.papers.get('2501.00002'))?.savedAt).toBe(later),
      { timeout: 5000 },
    );
  });
});
