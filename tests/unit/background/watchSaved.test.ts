import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/utils/background/handleMessage';
import { mergePaper } from '@/utils/background/mergePaper';
import {
  createPoliteFetcher,
  createStorageStore,
  type FetchOutcome,
  type PoliteFetcher,
} from '@/utils/background/politeFetch';
import {
  HF_LOOKUPS_PER_RUN,
  handleWatchAlarm,
  REWATCH_AFTER_MS,
  runWatch,
  WATCH_ALARM,
  type WatchDeps,
} from '@/utils/background/watchSaved';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { PaperlightDatabase } from '@/utils/storage/database';
import { lastWatchReportItem, watchEnabledItem } from '@/utils/storage/watchSettings';

/**
 * The watch on saved papers, against an arXiv API answered from hand-written Atom entries (the
 * markup of export.arxiv.org, as in tests/fixtures/feeds) and a Hugging Face paper API.
 */

const FEED_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ' +
  'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">';

interface EntryFacts {
  version?: number;
  comments?: string;
  journalRef?: string;
  doi?: string;
  abstract?: string;
}

/** What arXiv says about each paper now; tests change it between runs. */
let arxiv: Map<string, EntryFacts>;
/** Hugging Face's githubRepo by id; a paper missing here is a 404. */
let hf: Map<string, string>;

function entry(id: string, facts: EntryFacts): string {
  const v = facts.version ?? 1;
  return `<entry>
    <id>http://arxiv.org/abs/${id}v${v}</id>
    <title>Watched Paper ${id}</title>
    <updated>2026-11-20T10:00:00Z</updated>
    <link href="https://arxiv.org/abs/${id}v${v}" rel="alternate" type="text/html"/>
    <summary>${facts.abstract ?? `We study question ${id} and answer it.`}</summary>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-11-01T10:00:00Z</published>
    ${facts.comments ? `<arxiv:comment>${facts.comments}</arxiv:comment>` : ''}
    ${facts.journalRef ? `<arxiv:journal_ref>${facts.journalRef}</arxiv:journal_ref>` : ''}
    ${facts.doi ? `<arxiv:doi>${facts.doi}</arxiv:doi>` : ''}
    <arxiv:primary_category term="cs.LG"/>
    <author><name>Ada Lovelace</name></author>
  </entry>`;
}

function idsOf(url: string): string[] {
  return (new URL(url).searchParams.get('id_list') ?? '').split(',').filter(Boolean);
}

function answer(url: string): FetchOutcome {
  if (url.startsWith('https://huggingface.co/api/papers/')) {
    const id = url.slice('https://huggingface.co/api/papers/'.length);
    const repo = hf.get(id);
    if (!repo) return { kind: 'http-error', status: 404 };
    return {
      kind: 'ok',
      status: 200,
      url,
      text: JSON.stringify({ id, title: `Watched Paper ${id}`, githubRepo: repo, upvotes: 3 }),
    };
  }
  const found = idsOf(url).flatMap((id) => {
    const facts = arxiv.get(id);
    return facts ? [entry(id, facts)] : [];
  });
  return {
    kind: 'ok',
    status: 200,
    url,
    text: `${FEED_OPEN}<title>arXiv Query</title>${found.join('\n')}</feed>`,
  };
}

type Responder = (url: string) => FetchOutcome;

function fakeFetch(responder: Responder = answer): PoliteFetcher & { urls: string[] } {
  const urls: string[] = [];
  return Object.assign(
    async (url: string) => {
      urls.push(url);
      return responder(url);
    },
    { urls },
  );
}

const arxivUrls = (urls: readonly string[]) =>
  urls.filter((url) => url.startsWith('https://export.arxiv.org/'));
const hfUrls = (urls: readonly string[]) =>
  urls.filter((url) => url.startsWith('https://huggingface.co/'));

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2026, 10, 20, 12, 0, 0).getTime();
let database: PaperlightDatabase;
let now: number;

function deps(fetch: PoliteFetcher, extra: Partial<WatchDeps> = {}): WatchDeps {
  return { database, fetch, now: () => now, enabled: async () => true, remember: false, ...extra };
}

/** A paper as a listing showed it, then saved. */
function savedRecord(id: string, extra: Partial<PaperRecord> = {}): PaperRecord {
  const record = mergePaper(
    undefined,
    { id, title: `Watched Paper ${id}`, authors: ['Ada Lovelace'], comments: '9 pages' },
    {
      kind: 'arxiv-listing',
      label: 'arXiv cs.LG · new',
      url: 'https://arxiv.org/list/cs.LG/new',
      at: NOON - 30 * DAY,
      position: 0,
    },
  );
  return { ...record, savedAt: NOON - 20 * DAY, ...extra };
}

async function paper(id: string): Promise<PaperRecord> {
  const record = await database.papers.get(id);
  if (!record) throw new Error(`no ${id}`);
  return record;
}

/** Runs the watch as "Check now" does, `hours` after the previous run. */
async function checkNow(fetch: PoliteFetcher, hours = 12) {
  now += hours * 60 * 60 * 1000;
  return runWatch(deps(fetch), { force: true });
}

beforeEach(() => {
  fakeBrowser.reset();
  now = NOON;
  arxiv = new Map();
  hf = new Map();
  database = new PaperlightDatabase(`watch-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

describe('the first look', () => {
  it('records what arXiv says now and announces none of it', async () => {
    await database.papers.put(savedRecord('2611.00001'));
    arxiv.set('2611.00001', {
      version: 3,
      comments: 'Accepted at NeurIPS 2026. Code: https://github.com/ada/watched',
      journalRef: 'Proc. NeurIPS 39 (2026)',
      doi: '10.5555/neurips.2026.1',
    });
    hf.set('2611.00001', 'https://github.com/ada/hf-listed');
    const fetch = fakeFetch();

    const report = await checkNow(fetch);

    const record = await paper('2611.00001');
    expect(record).toMatchObject({
      latestVersion: 3,
      journalRef: 'Proc. NeurIPS 39 (2026)',
      doi: '10.5555/neurips.2026.1',
      comments: 'Accepted at NeurIPS 2026. Code: https://github.com/ada/watched',
      watchedAt: now,
    });
    expect(record.codeUrls).toContain('https://github.com/ada/watched');
    expect(record.updates).toBeUndefined();
    expect(record.unseenUpdateAt).toBeUndefined();
    expect(report).toMatchObject({ outcome: 'done', checked: 1, updated: 0, updates: 0 });
    expect(arxivUrls(fetch.urls)).toEqual([
      'https://export.arxiv.org/api/query?id_list=2611.00001&max_results=1',
    ]);
    // Code is known from the comments: Hugging Face is not asked.
    expect(hfUrls(fetch.urls)).toEqual([]);
  });
});

describe('news on a watched paper', () => {
  beforeEach(async () => {
    await database.papers.put(savedRecord('2611.00001'));
    arxiv.set('2611.00001', { version: 1, comments: '9 pages' });
    await checkNow(fakeFetch());
  });

  it('an unchanged paper records nothing but the time of the look', async () => {
    const before = await paper('2611.00001');
    const report = await checkNow(fakeFetch());
    const after = await paper('2611.00001');
    expect(after).toEqual({ ...before, watchedAt: now });
    expect(after.updates).toBeUndefined();
    expect(report).toMatchObject({ checked: 1, updated: 0, updates: 0 });
  });

  it('a new version is recorded once, and stays unseen until marked', async () => {
    arxiv.set('2611.00001', { version: 3, comments: '9 pages' });
    const found = await checkNow(fakeFetch());
    const foundAt = now;
    expect(found).toMatchObject({
      checked: 1,
      updated: 1,
      updates: 1,
      news: [{ id: '2611.00001', title: 'Watched Paper 2611.00001', lines: ['v3'] }],
    });
    expect(await paper('2611.00001')).toMatchObject({
      latestVersion: 3,
      updates: [{ kind: 'version', at: foundAt, text: 'v3' }],
      unseenUpdateAt: foundAt,
    });
    expect(await database.papers.where('unseenUpdateAt').above(0).primaryKeys()).toEqual([
      '2611.00001',
    ]);

    const again = await checkNow(fakeFetch());
    expect(again).toMatchObject({ checked: 1, updated: 0 });
    const record = await paper('2611.00001');
    expect(record.updates).toEqual([{ kind: 'version', at: foundAt, text: 'v3' }]);
    // The first unseen update's time is kept.
    expect(record.unseenUpdateAt).toBe(foundAt);
  });

  it('a changed comments line is recorded with its new text', async () => {
    arxiv.set('2611.00001', { version: 2, comments: 'Accepted at NeurIPS 2026; 9 pages' });
    const report = await checkNow(fakeFetch());
    const record = await paper('2611.00001');
    expect(report.news?.[0]?.lines).toEqual([
      'v2',
      'comments now say: Accepted at NeurIPS 2026; 9 pages',
    ]);
    expect(record.updates).toEqual([
      { kind: 'version', at: now, text: 'v2' },
      { kind: 'comments', at: now, text: 'Accepted at NeurIPS 2026; 9 pages' },
    ]);
    expect(record.comments).toBe('Accepted at NeurIPS 2026; 9 pages');
  });

  it('a comments line that differs only in case, spaces or a final dot is not news', async () => {
    arxiv.set('2611.00001', { version: 1, comments: '9  Pages.' });
    await checkNow(fakeFetch());
    expect((await paper('2611.00001')).updates).toBeUndefined();
  });

  it('a journal reference and a DOI are recorded, the DOI with its doi.org link', async () => {
    arxiv.set('2611.00001', {
      version: 1,
      comments: '9 pages',
      journalRef: 'J. Mach. Learn. Res. 27 (2026) 1-30',
      doi: '10.5555/jmlr.2026.42',
    });
    await checkNow(fakeFetch());
    const record = await paper('2611.00001');
    expect(record).toMatchObject({
      journalRef: 'J. Mach. Learn. Res. 27 (2026) 1-30',
      doi: '10.5555/jmlr.2026.42',
    });
    expect(record.updates).toEqual([
      { kind: 'journal-ref', at: now, text: 'J. Mach. Learn. Res. 27 (2026) 1-30' },
      {
        kind: 'doi',
        at: now,
        text: '10.5555/jmlr.2026.42',
        url: 'https://doi.org/10.5555/jmlr.2026.42',
      },
    ]);
  });

  it('code that appeared in the comments is announced with its link', async () => {
    arxiv.set('2611.00001', {
      version: 1,
      comments: '9 pages. Code: https://github.com/ada/new-code',
    });
    await checkNow(fakeFetch());
    const record = await paper('2611.00001');
    expect(record.codeUrls).toContain('https://github.com/ada/new-code');
    expect(record.updates).toContainEqual({
      kind: 'code',
      at: now,
      text: 'github.com/ada/new-code',
      url: 'https://github.com/ada/new-code',
    });
  });

  it('code that appeared on Hugging Face (githubRepo) is announced; HF is asked only for papers without code', async () => {
    hf.set('2611.00001', 'https://github.com/ada/from-hf');
    const fetch = fakeFetch();
    await checkNow(fetch);
    expect(hfUrls(fetch.urls)).toEqual(['https://huggingface.co/api/papers/2611.00001']);
    const record = await paper('2611.00001');
    expect(record.updates).toEqual([
      {
        kind: 'code',
        at: now,
        text: 'github.com/ada/from-hf',
        url: 'https://github.com/ada/from-hf',
      },
    ]);
    const next = fakeFetch();
    await checkNow(next);
    expect(hfUrls(next.urls)).toEqual([]);
    expect((await paper('2611.00001')).updates).toHaveLength(1);
  });

  it('a malformed or error answer changes nothing', async () => {
    const before = await paper('2611.00001');
    const bad: FetchOutcome[] = [
      { kind: 'ok', status: 200, url: 'x', text: '<html><body>Service unavailable</body></html>' },
      {
        kind: 'ok',
        status: 200,
        url: 'x',
        text: `${FEED_OPEN}<entry><id>http://arxiv.org/abs/2611.00001v4</id><title>Cut`,
      },
      {
        kind: 'ok',
        status: 200,
        url: 'x',
        text: `${FEED_OPEN}<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_x</id><title>Error</title><summary>incorrect id format for x</summary></entry></feed>`,
      },
      { kind: 'http-error', status: 500 },
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const outcome of bad) {
      const report = await checkNow(fakeFetch(() => outcome));
      expect(report.updates).toBe(0);
      expect(await paper('2611.00001')).toEqual(before);
    }
    expect(warn).toHaveBeenCalled();
  });

  it('a paper missing from the answer is skipped, unchanged, with a logged reason', async () => {
    await database.papers.put(savedRecord('2611.00002'));
    arxiv.set('2611.00002', { version: 1 });
    await checkNow(fakeFetch());
    const before = await paper('2611.00001');
    arxiv.delete('2611.00001');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const report = await checkNow(fakeFetch());
    expect(report).toMatchObject({ checked: 1, skipped: 1 });
    expect(await paper('2611.00001')).toEqual(before);
    expect(warn.mock.calls.flat().join(' ')).toContain('2611.00001');
  });
});

describe('which papers, how often', () => {
  it('looks only at saved arXiv papers, least recently watched first, 100 a request', async () => {
    const ids = Array.from({ length: 230 }, (_, k) => `2611.${String(k + 1).padStart(5, '0')}`);
    await database.papers.bulkPut(
      ids.map((id, k) => savedRecord(id, { watchedAt: NOON - (k + 1) * DAY, latestVersion: 1 })),
    );
    // Never watched: first in line.
    await database.papers.put(savedRecord('2611.99999'));
    await database.papers.put({ ...savedRecord('2611.88888'), savedAt: undefined });
    await database.papers.put({ ...savedRecord('2611.77777'), id: 'url:https://example.org/a' });
    for (const id of [...ids, '2611.99999', '2611.88888']) arxiv.set(id, { version: 1 });
    const fetch = fakeFetch();
    const report = await checkNow(fetch, 0);

    const asked = arxivUrls(fetch.urls).map(idsOf);
    expect(asked.map((batch) => batch.length)).toEqual([100, 100, 31]);
    const order = asked.flat();
    expect(order[0]).toBe('2611.99999');
    // Then the oldest look first: ids[229] was watched 230 days ago.
    expect(order.slice(1, 4)).toEqual(['2611.00230', '2611.00229', '2611.00228']);
    expect(order).not.toContain('2611.88888');
    expect(order.some((id) => id.startsWith('url:'))).toBe(false);
    expect(report).toMatchObject({ outcome: 'done', checked: 231, requests: 3 });
  });

  it('the alarm skips papers looked at less than 11 hours ago; "Check now" does not', async () => {
    await database.papers.put(savedRecord('2611.00001', { watchedAt: NOON - 2 * 60 * 60 * 1000 }));
    await database.papers.put(
      savedRecord('2611.00002', { watchedAt: NOON - REWATCH_AFTER_MS - 1 }),
    );
    arxiv.set('2611.00001', { version: 1 });
    arxiv.set('2611.00002', { version: 1 });
    const alarmFetch = fakeFetch();
    await handleWatchAlarm({ name: WATCH_ALARM }, deps(alarmFetch));
    expect(arxivUrls(alarmFetch.urls).map(idsOf)).toEqual([['2611.00002']]);
    const manual = fakeFetch();
    await runWatch(deps(manual), { force: true });
    expect(arxivUrls(manual.urls).map(idsOf)).toEqual([['2611.00001', '2611.00002']]);
  });

  it('never starts two arXiv requests less than 3 s apart (politeFetch, fake clock)', async () => {
    const ids = Array.from({ length: 250 }, (_, k) => `2611.${String(k + 1).padStart(5, '0')}`);
    await database.papers.bulkPut(ids.map((id) => savedRecord(id)));
    for (const id of ids) arxiv.set(id, { version: 1 });
    for (const id of ids.slice(0, 30)) hf.set(id, `https://github.com/ada/${id}`);
    const starts: { url: string; at: number }[] = [];
    const fetch = createPoliteFetcher({
      fetch: async (url) => {
        starts.push({ url, at: now });
        const outcome = answer(url);
        if (outcome.kind === 'ok') return new Response(outcome.text);
        return new Response('not found', { status: 404 });
      },
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      store: createStorageStore(),
      random: () => 0,
      isOnline: () => true,
      debug: () => {},
    });
    const report = await runWatch(deps(fetch), { force: true });
    const arxivStarts = starts.filter((s) => s.url.startsWith('https://export.arxiv.org/'));
    expect(arxivStarts).toHaveLength(3);
    for (let k = 1; k < arxivStarts.length; k++) {
      expect((arxivStarts[k]?.at ?? 0) - (arxivStarts[k - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        3000,
      );
    }
    const hfStarts = starts.filter((s) => s.url.startsWith('https://huggingface.co/'));
    expect(hfStarts).toHaveLength(HF_LOOKUPS_PER_RUN);
    for (let k = 1; k < hfStarts.length; k++) {
      expect((hfStarts[k]?.at ?? 0) - (hfStarts[k - 1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    expect(report).toMatchObject({ checked: 250, requests: 3, hfRequests: HF_LOOKUPS_PER_RUN });
  });

  it('switched off: no request, nothing changes', async () => {
    await database.papers.put(savedRecord('2611.00001'));
    arxiv.set('2611.00001', { version: 2 });
    await watchEnabledItem.setValue(false);
    const fetch = fakeFetch();
    const before = await paper('2611.00001');
    const report = await runWatch({ database, fetch, now: () => now }, { force: true });
    expect(report.outcome).toBe('off');
    expect(fetch.urls).toEqual([]);
    expect(await paper('2611.00001')).toEqual(before);
  });

  it('offline or backing off: stops at once and changes nothing', async () => {
    await database.papers.put(savedRecord('2611.00001'));
    const before = await paper('2611.00001');
    const offline = await checkNow(fakeFetch(() => ({ kind: 'offline' })));
    expect(offline.outcome).toBe('offline');
    const backoff = await checkNow(fakeFetch(() => ({ kind: 'backoff', until: now + 60_000 })));
    expect(backoff).toMatchObject({ outcome: 'backoff', until: now + 60_000 });
    expect(await paper('2611.00001')).toEqual(before);
  });
});

describe('"Check now" (watchSavedNow)', () => {
  it('runs the watch for an extension page, keeps its report, and is refused to a content script', async () => {
    await database.papers.put(savedRecord('2611.00001'));
    arxiv.set('2611.00001', { version: 2 });
    const fetch = fakeFetch();
    const refused = await handleMessage(
      database,
      { type: 'watchSavedNow', payload: {} },
      () => now,
      { from: 'content-script', fetch },
    );
    expect(refused.ok).toBe(false);
    expect(fetch.urls).toEqual([]);
    const reply = await handleMessage(database, { type: 'watchSavedNow', payload: {} }, () => now, {
      from: 'extension-page',
      fetch,
    });
    expect(reply).toMatchObject({ ok: true, data: { outcome: 'done', checked: 1 } });
    expect(await lastWatchReportItem.getValue()).toMatchObject({ checked: 1, at: now });
    expect(
      (await handleMessage(database, { type: 'watchSavedNow', payload: { all: true } })).ok,
    ).toBe(false);
  });
});
