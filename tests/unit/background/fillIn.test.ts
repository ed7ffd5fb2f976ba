import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import {
  ONLY_WITH_SHARED_FIXTURES,
  readSharedFixture,
  sharedSuiteRuns,
} from '@/tests/helpers/sharedData';
import { readFixture } from '@/tests/unit/background/feeds/load';
import {
  arxivApiUrl,
  BATCH_SIZE,
  enqueueFillIn,
  FILL_IN_ALARM,
  fillInFailures,
  fillInQueue,
  handleFillInAlarm,
  RETRY_AFTER_MS,
  requestFillIn,
  resumeFillIn,
  runFillIn,
} from '@/utils/background/fillIn';
import { handleMessage } from '@/utils/background/handleMessage';
import { mergeMetadata, mergePaper } from '@/utils/background/mergePaper';
import { recordDetection } from '@/utils/background/paperStore';
import type { FetchOutcome, PoliteFetcher } from '@/utils/background/politeFetch';
import type { DetectedPaper } from '@/utils/shared/paper';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import { localTldr } from '@/utils/shared/tldr';
import { PaperlightDatabase } from '@/utils/storage/database';

/**
 * Filling in what a page did not show: `mergeMetadata`, the persisted queue, batching into arXiv
 * API requests of at most 100 ids, remembered failures and a stopped worker resuming. The API is
 * answered from the project's fixture (5 hand-written papers) and 105 generated entries in the
 * same markup, so every run makes two batches; the real responses in ../shared/fixtures, when
 * present, are an extra run of the batching test.
 */

const FEED_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ' +
  'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">';

/** What filling in must store for a paper: read by hand from the response. */
interface Filled {
  abstract: string;
  primaryCategory: string;
}

/** tests/fixtures/feeds/arxiv-api-fill-in.xml, entry by entry, in its order. */
const FIXTURE_PAPERS: [string, Filled][] = [
  [
    '2607.20001',
    {
      abstract:
        'Sparse adapters are cheap to train but hard to merge. We introduce MergeLoRA, a method that merges sparse adapters without retraining and keeps 98% of their accuracy on eight benchmarks. Code is available at https://github.com/example/mergelora.',
      primaryCategory: 'cs.LG',
    },
  ],
  [
    '2607.20002',
    {
      abstract:
        'Long documents strain the context of language models. We show that a small retrieval step before generation halves the error rate of summarization on long scientific papers.',
      primaryCategory: 'cs.CL',
    },
  ],
  [
    '2607.18001',
    {
      abstract:
        'Flaky tests waste developer time. We propose a detector that flags flaky tests from a single run with 91% precision on 40 open-source projects.',
      primaryCategory: 'cs.SE',
    },
  ],
  [
    '2607.18002',
    {
      abstract:
        'We prove a concentration bound for sums of weakly dependent variables. The bound is tight up to constants and yields new generalization guarantees for learning on graphs.',
      primaryCategory: 'math.ST',
    },
  ],
  [
    '2607.18003',
    {
      abstract:
        'Proof assistants are hard to learn. We present a tutor that explains failed proof steps in plain language and cut the time students needed to finish exercises by a third.',
      primaryCategory: 'cs.LO',
    },
  ],
];

/** An API entry in the fixture's markup, for papers beyond the fixture's five. */
function generatedEntry(id: string, paper: Filled): string {
  return `<entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Generated Paper ${id}</title>
    <updated>2026-07-27T09:00:00Z</updated>
    <link href="https://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <summary>${paper.abstract}</summary>
    <category term="${paper.primaryCategory}" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-07-27T09:00:00Z</published>
    <arxiv:primary_category term="${paper.primaryCategory}"/>
    <author>
      <name>Grace Hopper</name>
    </author>
  </entry>`;
}

/** The entries of an API response, found in its text. */
function entriesOf(text: string): string[] {
  return text.match(/<entry\b[^>]*>[\s\S]*?<\/entry>/g) ?? [];
}

/** Each paper's entry as Atom text, by bare id: the fixture's five, then 105 generated ones. */
const ENTRIES = new Map<string, string>();
const EXPECTED = new Map<string, Filled>(FIXTURE_PAPERS);
const fixtureEntries = entriesOf(readFixture('arxiv-api-fill-in.xml'));
if (fixtureEntries.length !== FIXTURE_PAPERS.length) throw new Error('fill-in fixture changed');
FIXTURE_PAPERS.forEach(([id], index) => {
  const entry = fixtureEntries[index] ?? '';
  if (!entry.includes(`<id>http://arxiv.org/abs/${id}v`)) throw new Error(`no entry for ${id}`);
  ENTRIES.set(id, entry);
});
for (let k = 1; k <= 105; k++) {
  const id = `2607.3${String(k).padStart(4, '0')}`;
  const paper = {
    abstract: `We study problem ${k} of the generated set. Our method beats the baseline by ${k} points.`,
    primaryCategory: k % 2 ? 'cs.LG' : 'stat.ML',
  };
  EXPECTED.set(id, paper);
  ENTRIES.set(id, generatedEntry(id, paper));
}
const IDS = [...ENTRIES.keys()];

/** An API response with the entries for `ids` that `entries` has, like export.arxiv.org. */
function atomFor(ids: readonly string[], entries = ENTRIES): string {
  const found = ids.flatMap((id) => {
    const entry = entries.get(id);
    return entry ? [entry] : [];
  });
  return `${FEED_OPEN}<title>arXiv Query</title>${found.join('\n')}</feed>`;
}

function idsOf(url: string): string[] {
  return (new URL(url).searchParams.get('id_list') ?? '').split(',').filter(Boolean);
}

type Responder = (url: string) => FetchOutcome | Promise<FetchOutcome>;
const ok = (text: string, url: string): FetchOutcome => ({ kind: 'ok', status: 200, text, url });
const api: Responder = (url) => ok(atomFor(idsOf(url)), url);

/** A politeFetch stand-in that records the URLs asked for. */
function fakeFetch(responder: Responder = api): PoliteFetcher & { urls: string[] } {
  const urls: string[] = [];
  const fetcher = async (url: string) => {
    urls.push(url);
    return responder(url);
  };
  return Object.assign(fetcher, { urls });
}

/** A fetcher whose requests hang until released (then answer offline): a worker stopped mid-run. */
function hangingFetch() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetch = fakeFetch(async () => {
    await released;
    return { kind: 'offline' };
  });
  return { fetch, release };
}

const NOON = new Date(2026, 6, 28, 12, 0, 0).getTime();
const LISTING = {
  kind: 'arxiv-listing',
  label: 'arXiv cs.CL · recent',
  url: 'https://arxiv.org/list/cs.CL/recent',
} as const;

let database: PaperlightDatabase;
let now: number;
const clock = () => now;

/** The papers as an abstract-less listing shows them. */
async function seed(ids: readonly string[]): Promise<void> {
  await recordDetection(
    database,
    page(
      ids.map((id) => detectedPaper(id, { title: `Listed ${id}`, authors: ['A. Listed'] })),
      LISTING,
    ),
    NOON - 1000,
  );
}

async function all(): Promise<Map<string, PaperRecord>> {
  return new Map((await database.papers.toArray()).map((paper) => [paper.id, paper]));
}

beforeEach(() => {
  fakeBrowser.reset();
  now = NOON;
  database = new PaperlightDatabase(`fill-in-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

const sighting: Sighting = {
  kind: 'hf-daily',
  label: 'HF Daily Papers · 2026-07-27',
  url: 'https://huggingface.co/papers',
  at: NOON - 5000,
  position: 3,
};

describe('mergeMetadata', () => {
  const fetched: DetectedPaper = {
    id: '2607.20001',
    title: 'The Real Title',
    authors: ['Ada Lovelace', 'Charles Babbage'],
    abstract:
      'We introduce MergeLoRA, which merges sparse adapters without retraining. Code: https://github.com/example/mergelora.',
    comments: '12 pages',
    primaryCategory: 'cs.LG',
    categories: ['cs.LG', 'cs.CL'],
  };

  it('fills abstract, comments, categories, TL;DR and links, and is not a sighting', () => {
    const card = mergePaper(
      undefined,
      {
        id: '2607.20001',
        title: 'HF Card Title',
        authors: ['Ada Lovelace', 'Charles Babbage', 'Third Author'],
        hf: { upvotes: 12, projectPage: 'https://mergelora.example.org' },
      },
      sighting,
    );
    const existing = { ...card, savedAt: NOON - 100, countsAsNew: false };
    const merged = mergeMetadata(existing, fetched);

    expect(merged).toMatchObject({
      abstract: fetched.abstract,
      comments: '12 pages',
      primaryCategory: 'cs.LG',
      categories: ['cs.LG', 'cs.CL'],
      tldr: localTldr(fetched.abstract ?? ''),
      // richer on the page: kept
      title: 'HF Card Title',
      authors: ['Ada Lovelace', 'Charles Babbage', 'Third Author'],
      hf: { upvotes: 12, projectPage: 'https://mergelora.example.org' },
    });
    expect(merged.tldr).not.toBe('');
    expect(merged.codeUrls).toContain('https://github.com/example/mergelora');
    expect(merged.projectUrls).toContain('https://mergelora.example.org');
    // Not a sighting: nothing about when and where it was seen changes.
    for (const key of [
      'firstSeenAt',
      'lastSeenAt',
      'firstSighting',
      'lastSighting',
      'sightingCount',
      'savedAt',
      'countsAsNew',
    ] as const) {
      expect(merged[key]).toEqual(existing[key]);
    }
    expect(merged.placeholder).toBeUndefined();
  });

  it('takes the title and authors of a placeholder and clears `placeholder`', () => {
    const placeholder: PaperRecord = {
      ...mergePaper(undefined, { id: '2607.20001', title: '', authors: [] }, sighting, false),
      title: 'arXiv:2607.20001',
      placeholder: true,
    };
    const merged = mergeMetadata(placeholder, fetched);
    expect(merged.title).toBe('The Real Title');
    expect(merged.authors).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect('placeholder' in merged).toBe(false);
    expect(merged.sightingCount).toBe(1);
    expect(merged.countsAsNew).toBe(false);
  });

  it('takes more authors than the page listed, and never erases what the page gave', () => {
    const listed = mergePaper(
      undefined,
      {
        id: '2607.20001',
        title: 'Listed',
        authors: ['Ada Lovelace'],
        comments: 'Listing comment',
        abstract: 'An abstract from the page. It is kept when the API has none.',
      },
      sighting,
    );
    const merged = mergeMetadata(listed, {
      id: '2607.20001',
      title: 'Other',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      categories: ['cs.CL'],
      primaryCategory: 'cs.CL',
    });
    expect(merged.authors).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(merged.title).toBe('Listed');
    expect(merged.comments).toBe('Listing comment');
    expect(merged.abstract).toBe(listed.abstract);
    expect(merged.tldr).toBe(listed.tldr);
  });
});

/**
 * Seeds `ids` as an abstract-less listing shows them, fills them in from `entries` and checks the
 * batching: at most BATCH_SIZE ids per request, every id asked for once, the queue emptied, no
 * retry alarm, filled papers not asked for again. Returns the records before and after.
 */
async function fillInInBatches(ids: string[], entries: Map<string, string>) {
  await seed(ids);
  const before = await all();
  await enqueueFillIn({ database, now: clock }, ids);
  const fetch = fakeFetch((url) => ok(atomFor(idsOf(url), entries), url));
  const report = await runFillIn({ database, fetch, now: clock });

  expect(fetch.urls).toHaveLength(Math.ceil(ids.length / BATCH_SIZE));
  expect(fetch.urls.length).toBeGreaterThan(1);
  for (const url of fetch.urls) {
    expect(url.startsWith('https://export.arxiv.org/api/query?id_list=')).toBe(true);
    const asked = idsOf(url);
    expect(asked.length).toBeLessThanOrEqual(BATCH_SIZE);
    expect(new URL(url).searchParams.get('max_results')).toBe(String(asked.length));
  }
  expect(fetch.urls.flatMap(idsOf).sort()).toEqual([...ids].sort());
  expect(report).toMatchObject({ filled: ids.length, failed: 0, outcome: 'done' });
  expect(await fillInQueue.getValue()).toEqual([]);
  expect(await fakeBrowser.alarms.get(FILL_IN_ALARM)).toBeUndefined();
  const after = await all();
  // Filled papers are not asked for again.
  expect(await enqueueFillIn({ database, now: clock }, ids)).toBe(0);
  return { before, after };
}

describe('the fill-in queue', () => {
  it('builds one API URL per batch', () => {
    expect(arxivApiUrl(['2607.20001', 'hep-th/9901001'])).toBe(
      'https://export.arxiv.org/api/query?id_list=2607.20001,hep-th/9901001&max_results=2',
    );
  });

  it('queues only known papers without an abstract, once, and persists the queue', async () => {
    const [first, second, third] = IDS;
    await seed([first, second].filter((id): id is string => id !== undefined));
    await recordDetection(
      database,
      page([detectedPaper(third ?? '', { abstract: 'Shown on the page.' })], LISTING),
      NOON,
    );
    const queued = await enqueueFillIn({ database, now: clock }, [
      first ?? '',
      first ?? '',
      second ?? '',
      third ?? '', // has an abstract
      '2601.99999', // unknown
      'not an id',
    ]);
    expect(queued).toBe(2);
    expect(await fillInQueue.getValue()).toEqual([first, second]);
    expect(await enqueueFillIn({ database, now: clock }, [first ?? ''])).toBe(0);
  });

  it(`fetches in batches of at most ${BATCH_SIZE} ids, merges without a sighting, and empties the queue`, async () => {
    expect(IDS).toHaveLength(110);
    const { before, after } = await fillInInBatches(IDS, ENTRIES);
    for (const id of IDS) {
      const paper = after.get(id);
      const was = before.get(id);
      const expected = EXPECTED.get(id);
      expect(paper?.abstract).toBe(expected?.abstract);
      expect(paper?.tldr).toBe(localTldr(expected?.abstract ?? ''));
      expect(paper?.primaryCategory).toBe(expected?.primaryCategory);
      expect(paper?.sightingCount).toBe(was?.sightingCount);
      expect(paper?.firstSeenAt).toBe(was?.firstSeenAt);
      expect(paper?.lastSighting).toEqual(was?.lastSighting);
    }
    expect(after.get('2607.20001')).toMatchObject({
      comments: '12 pages, 4 figures',
      categories: ['cs.LG', 'cs.CL'],
      title: 'Listed 2607.20001',
    });
    expect(after.get('2607.20001')?.codeUrls).toContain('https://github.com/example/mergelora');
  });

  it('remembers ids the API did not answer for, and retries them after 6 hours', async () => {
    const missing = '2601.00042';
    const [found] = IDS;
    await seed([found ?? '', missing]);
    const fetch = fakeFetch();
    expect(await requestFillIn({ database, fetch, now: clock }, [found ?? '', missing])).toBe(2);
    const report = await runFillIn({ database, fetch, now: clock });
    expect(report.failed + report.filled).toBeGreaterThanOrEqual(1);
    expect(fetch.urls).toHaveLength(1);
    expect((await all()).get(found ?? '')?.abstract).toBeTruthy();
    expect(await fillInFailures.getValue()).toEqual([{ id: missing, at: NOON }]);
    expect(await fillInQueue.getValue()).toEqual([]);

    now = NOON + RETRY_AFTER_MS - 1;
    expect(await enqueueFillIn({ database, now: clock }, [missing])).toBe(0);
    now = NOON + RETRY_AFTER_MS;
    expect(await enqueueFillIn({ database, now: clock }, [missing])).toBe(1);
  });

  it('remembers a failed request (HTTP error, API error) for the whole batch', async () => {
    const ids = IDS.slice(0, 3);
    await seed(ids);
    await enqueueFillIn({ database, now: clock }, ids);
    await runFillIn({ database, fetch: fakeFetch(() => ({ kind: 'http-error', status: 500 })) });
    expect((await fillInFailures.getValue()).map((entry) => entry.id).sort()).toEqual(
      [...ids].sort(),
    );
    expect(await fillInQueue.getValue()).toEqual([]);

    now += RETRY_AFTER_MS;
    await enqueueFillIn({ database, now: clock }, ids);
    await runFillIn({
      database,
      now: clock,
      fetch: fakeFetch((url) => ok(readFixture('arxiv-api-error.xml'), url)),
    });
    expect((await fillInFailures.getValue()).filter((entry) => entry.at === now)).toHaveLength(3);
  });

  it('keeps the queue through offline and backoff, and sets the alarm to retry', async () => {
    const ids = IDS.slice(0, 2);
    await seed(ids);
    await enqueueFillIn({ database, now: clock }, ids);

    const offline = await runFillIn({
      database,
      now: clock,
      fetch: fakeFetch(() => ({ kind: 'offline' })),
    });
    expect(offline.outcome).toBe('offline');
    expect(await fillInQueue.getValue()).toEqual(ids);
    expect(await fakeBrowser.alarms.get(FILL_IN_ALARM)).toBeDefined();

    const until = NOON + 60 * 60 * 1000;
    const backoff = await runFillIn({
      database,
      now: clock,
      fetch: fakeFetch(() => ({ kind: 'backoff', until })),
    });
    expect(backoff).toMatchObject({ outcome: 'backoff', until });
    expect(await fillInQueue.getValue()).toEqual(ids);
    expect((await fakeBrowser.alarms.get(FILL_IN_ALARM))?.scheduledTime).toBeGreaterThanOrEqual(
      until,
    );
    expect(await fillInFailures.getValue()).toEqual([]);
  });

  it('skips queued ids that a page filled in meanwhile', async () => {
    const [first, second] = IDS;
    await seed([first ?? '', second ?? '']);
    await enqueueFillIn({ database, now: clock }, [first ?? '', second ?? '']);
    await recordDetection(
      database,
      page([detectedPaper(first ?? '', { abstract: 'From a page.' })], LISTING),
      NOON,
    );
    const fetch = fakeFetch();
    await runFillIn({ database, fetch, now: clock });
    expect(fetch.urls.flatMap(idsOf)).toEqual([second]);
    expect((await all()).get(first ?? '')?.abstract).toBe('From a page.');
  });

  it('a worker stopped mid-run resumes from the persisted queue when the alarm fires', async () => {
    await seed(IDS);
    // The first worker queues the ids and starts a request that never ends: it is stopped.
    const { fetch: stuck, release } = hangingFetch();
    expect(await requestFillIn({ database, fetch: stuck, now: clock }, IDS)).toBe(IDS.length);
    await vi.waitFor(() => expect(stuck.urls).toHaveLength(1));
    expect(await fakeBrowser.alarms.get(FILL_IN_ALARM)).toBeDefined();
    expect(await fillInQueue.getValue()).toEqual(IDS);

    // A new worker: fresh modules (no in-memory state), a new database handle, the same storage.
    vi.resetModules();
    const fresh = await import('@/utils/background/fillIn');
    const { PaperlightDatabase: FreshDatabase } = await import('@/utils/storage/database');
    const reopened = new FreshDatabase(database.name);
    try {
      const fetch = fakeFetch();
      const report = await fresh.handleFillInAlarm(
        { name: FILL_IN_ALARM },
        { database: reopened, fetch, now: clock },
      );
      expect(report).toMatchObject({ filled: IDS.length, outcome: 'done' });
      expect(fetch.urls.flatMap(idsOf).sort()).toEqual([...IDS].sort());
      expect(await fresh.fillInQueue.getValue()).toEqual([]);
      expect(await fresh.resumeFillIn({ database: reopened, fetch, now: clock })).toBeUndefined();
    } finally {
      reopened.close();
      release();
      await runFillIn({ database, fetch: stuck, now: clock });
    }
    expect(await handleFillInAlarm({ name: 'something-else' }, { database })).toBeUndefined();
  });

  it('resumes at start-up when a queue was left', async () => {
    const ids = IDS.slice(0, 2);
    await seed(ids);
    await fillInQueue.setValue(ids);
    const fetch = fakeFetch();
    expect(await resumeFillIn({ database, fetch, now: clock })).toMatchObject({ filled: 2 });
  });

  it('reads a queue and failures left malformed (older version, hand edit) as their valid entries', async () => {
    const [first = '', second = '', third = ''] = IDS;
    await seed([first, second, third]);
    await fakeBrowser.storage.local.set({
      'fillIn.queue': [42, 'not an id', first, null],
      'fillIn.failures': [{ id: second, at: NOON }, 'junk', { id: 7, at: NOON }, { id: third }],
    });
    // first is queued already and second failed an hour ago: only third is added.
    expect(await enqueueFillIn({ database, now: clock }, [first, second, third])).toBe(1);
    expect(await fillInQueue.getValue()).toEqual([first, third]);

    await fakeBrowser.storage.local.set({ 'fillIn.queue': 'a string', 'fillIn.failures': {} });
    expect(await enqueueFillIn({ database, now: clock }, [second])).toBe(1);
    expect(await fillInQueue.getValue()).toEqual([second]);
  });
});

describe('the fillIn message and saving', () => {
  it('is validated: bare arXiv ids, at most 200, no extra fields', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tooMany = Array.from({ length: 201 }, (_, i) => `2601.${String(10000 + i)}`);
    for (const payload of [
      { ids: tooMany },
      { ids: [] },
      { ids: ['https://evil.example'] },
      { ids: ['2601.00001'], extra: true },
      {},
    ]) {
      expect(await handleMessage(database, { type: 'fillIn', payload })).toMatchObject({
        ok: false,
      });
    }
    expect(await fillInQueue.getValue()).toEqual([]);
  });

  it('answers at once with how many were queued, without waiting for the request', async () => {
    const ids = IDS.slice(0, 3);
    await seed(ids);
    const { fetch: stuck, release } = hangingFetch();
    const reply = await handleMessage(database, { type: 'fillIn', payload: { ids } }, clock, {
      fetch: stuck,
    });
    expect(reply).toEqual({ ok: true, data: { queued: 3 } });
    expect(await fillInQueue.getValue()).toEqual(ids);
    await vi.waitFor(() => expect(stuck.urls).toHaveLength(1));
    release();
    expect(await runFillIn({ database, fetch: stuck, now: clock })).toMatchObject({
      outcome: 'offline',
    });
    expect(await fillInQueue.getValue()).toEqual(ids);
  });

  it('saving a paper without an abstract queues it and fills it in', async () => {
    const [id] = IDS;
    await seed([id ?? '']);
    const fetch = fakeFetch();
    const reply = await handleMessage(
      database,
      { type: 'setSaved', payload: { id, saved: true } },
      clock,
      { fetch },
    );
    expect(reply).toMatchObject({ ok: true, data: { saved: true } });
    await vi.waitFor(async () => expect((await all()).get(id ?? '')?.abstract).toBeTruthy());
    expect(fetch.urls.flatMap(idsOf)).toEqual([id]);
    expect((await all()).get(id ?? '')?.savedAt).toBe(NOON);
  });
});

const REAL_RESPONSES = [
  'arxiv_api_atom_q_testing_m100_2026_wrapped.json',
  'arxiv_api_atom_au_del_maestro_2016.xml',
];
const realRuns = sharedSuiteRuns(
  'fillIn/real responses',
  REAL_RESPONSES.map((name) => `fixtures/${name}`),
);

describe.skipIf(!realRuns)(
  `filling in from the real API responses ${ONLY_WITH_SHARED_FIXTURES}`,
  () => {
    it('fills the 110 papers of two real responses in two requests', async () => {
      const [wrapped = '', old = ''] = REAL_RESPONSES.map(readSharedFixture);
      const texts = [(JSON.parse(wrapped) as { body: string }).body, old];
      const entries = new Map<string, string>();
      for (const entry of texts.flatMap(entriesOf)) {
        const id = /<id>https?:\/\/arxiv\.org\/abs\/(\S+?)(v\d+)?<\/id>/.exec(entry)?.[1];
        if (id) entries.set(id, entry);
      }
      const ids = [...entries.keys()];
      expect(ids).toHaveLength(110);
      const { after } = await fillInInBatches(ids, entries);
      expect(ids.filter((id) => !after.get(id)?.abstract)).toEqual([]);
      expect(after.get('2202.12139')?.primaryCategory).toBe('cs.SE');
      expect(after.get('2202.12139')?.abstract).toMatch(
        /^Deep Learning \(DL\) has revolutionized the capabilities of vision-based systems/,
      );
      expect(after.get('1201.4869')?.primaryCategory).toBe('cond-mat.mes-hall');
      expect(after.get('1201.4869')?.abstract).toMatch(
        /^As helium-4 is cooled below 2\.17 K it undergoes a phase transition to a fundamentally new state/,
      );
      expect(after.get('gr-qc/0103067')?.primaryCategory).toBe('gr-qc');
      expect(after.get('gr-qc/0103067')?.abstract).toMatch(
        /^Modern formulations of equivalence principles provide the foundation/,
      );
    });
  },
);
