import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createPoliteFetcher,
  createStorageStore,
  type FetchOutcome,
  type PoliteFetcher,
  type PoliteFetchStore,
  politeFetch,
} from '@/utils/background/politeFetch';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
const SECOND = 1000;
const API = 'https://export.arxiv.org/api/query?search_query=cat:cs.CL';
const RSS = 'https://rss.arxiv.org/rss/cs.CL';
const HF = 'https://huggingface.co/api/daily_papers';

interface Sent {
  url: string;
  at: number;
  headers: Headers;
  init: RequestInit;
}

/** Captured before any test installs fake timers. */
const realSetTimeout = globalThis.setTimeout;

type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;

/**
 * A fake clock and network shared by any number of fetchers, so a "worker restart" is just a new
 * fetcher (and a new store handle) over the same fakeBrowser storage and the same clock.
 */
function createWorld() {
  const queue: Responder[] = [];
  // Virtual time: once everything else has settled, the clock jumps to the earliest sleeper's wake.
  const sleepers: Array<{ wake: number; resolve: () => void }> = [];
  let waking = false;
  const wakeNextSleeper = (): void => {
    if (waking) return;
    waking = true;
    realSetTimeout(() => {
      waking = false;
      sleepers.sort((a, b) => a.wake - b.wake);
      const next = sleepers.shift();
      if (next === undefined) return;
      world.clock = Math.max(world.clock, next.wake);
      next.resolve();
      if (sleepers.length > 0) wakeNextSleeper();
    }, 0);
  };
  const world = {
    clock: T0,
    online: true,
    random: 0,
    requests: [] as Sent[],
    debug: vi.fn<(message: string) => void>(),
    /** Responses for the next requests, in order; afterwards every request gets a 200. */
    reply(...responders: Array<Responder | Response>): void {
      for (const responder of responders) {
        queue.push(typeof responder === 'function' ? responder : () => responder);
      }
    },
    fetcher(store: PoliteFetchStore = createStorageStore()): PoliteFetcher {
      return createPoliteFetcher({
        fetch: async (url, init) => {
          world.requests.push({ url, at: world.clock, headers: new Headers(init.headers), init });
          const next = queue.shift();
          return next ? next(url, init) : new Response(`body of ${url}`);
        },
        now: () => world.clock,
        sleep: (ms) =>
          new Promise<void>((resolve) => {
            sleepers.push({ wake: world.clock + ms, resolve });
            wakeNextSleeper();
          }),
        store,
        random: () => world.random,
        isOnline: () => world.online,
        debug: world.debug,
      });
    },
    times(): number[] {
      return world.requests.map((sent) => sent.at - T0);
    },
  };
  return world;
}

function status(code: number, headers: Record<string, string> = {}): Response {
  return new Response(code === 304 ? null : `status ${code}`, { status: code, headers });
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('spacing between requests', () => {
  it('starts arXiv requests at least 3 s apart, across arXiv hosts', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    expect(await fetcher(API)).toEqual({
      kind: 'ok',
      status: 200,
      text: `body of ${API}`,
      url: API,
    });
    await fetcher(RSS);
    world.clock += 1 * SECOND;
    await fetcher('https://arxiv.org/abs/2408.00001');
    expect(world.times()).toEqual([0, 3 * SECOND, 6 * SECOND]);
  });

  it('does not wait when the gap has already passed', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    await fetcher(API);
    world.clock += 10 * SECOND;
    await fetcher(RSS);
    expect(world.times()).toEqual([0, 10 * SECOND]);
  });

  it('keeps the arXiv slot across a worker restart (new fetcher, same storage)', async () => {
    const world = createWorld();
    await world.fetcher()(API);
    world.clock += 1 * SECOND;
    await world.fetcher()(RSS);
    expect(world.times()).toEqual([0, 3 * SECOND]);
  });

  it('serializes parallel arXiv calls at t, t+3 s, t+6 s', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    const outcomes = await Promise.all([
      fetcher(`${API}&start=0`),
      fetcher(RSS),
      fetcher(`${API}&start=100`),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(world.times()).toEqual([0, 3 * SECOND, 6 * SECOND]);
    expect(world.requests.map((sent) => sent.url)).toEqual([
      `${API}&start=0`,
      RSS,
      `${API}&start=100`,
    ]);
  });

  it('serializes parallel calls from two fetchers in one worker', async () => {
    const world = createWorld();
    const store = createStorageStore();
    await Promise.all([world.fetcher(store)(API), world.fetcher(store)(RSS)]);
    expect(world.times()).toEqual([0, 3 * SECOND]);
  });

  it('never has two arXiv requests in flight at once', async () => {
    const world = createWorld();
    let inFlight = 0;
    let most = 0;
    const slow: (url: string) => Promise<Response> = async (url) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      world.clock += 5 * SECOND;
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return new Response(url);
    };
    world.reply(slow, slow, slow);
    const fetcher = world.fetcher();
    await Promise.all([fetcher(API), fetcher(RSS), fetcher(`${API}&x=1`)]);
    expect(most).toBe(1);
    expect(world.times()).toEqual([0, 5 * SECOND, 10 * SECOND]);
  });

  it('spaces Hugging Face requests 1 s apart, independently of arXiv', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    await Promise.all([fetcher(API), fetcher(HF), fetcher(`${HF}?date=2026-11-26`), fetcher(RSS)]);
    const at = Object.fromEntries(world.requests.map((sent) => [sent.url, sent.at - T0]));
    expect(at).toEqual({
      [API]: 0,
      [RSS]: 3 * SECOND,
      [HF]: 0,
      [`${HF}?date=2026-11-26`]: 1 * SECOND,
    });
  });

  it('does not let a clock set backwards stall the group for longer than one gap', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    await fetcher(API);
    world.clock -= 60 * 60 * SECOND;
    await fetcher(RSS);
    expect(world.requests[1]?.at).toBe(T0 - 60 * 60 * SECOND + 3 * SECOND);
  });
});

describe('backoff on 429 and 503', () => {
  it('honours Retry-After in seconds and makes no request while backing off', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(status(429, { 'Retry-After': '120' }));
    const until = T0 + 120 * SECOND;
    expect(await fetcher(API)).toEqual({ kind: 'backoff', until, status: 429 });

    world.clock = T0 + 60 * SECOND;
    expect(await fetcher(RSS)).toEqual({ kind: 'backoff', until });
    expect(await world.fetcher()(API)).toEqual({ kind: 'backoff', until });
    expect(world.requests).toHaveLength(1);

    world.clock = until;
    expect((await fetcher(API)).kind).toBe('ok');
    expect(world.times()).toEqual([0, 120 * SECOND]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const world = createWorld();
    const until = T0 + 90 * SECOND;
    world.reply(status(503, { 'Retry-After': new Date(until).toUTCString() }));
    expect(await world.fetcher()(API)).toEqual({ kind: 'backoff', until, status: 503 });
    world.clock += 89 * SECOND;
    expect(await world.fetcher()(API)).toEqual({ kind: 'backoff', until });
    expect(world.requests).toHaveLength(1);
  });

  it('waits at least the usual gap when Retry-After is 0 or in the past', async () => {
    const world = createWorld();
    world.reply(status(429, { 'Retry-After': '0' }));
    expect(await world.fetcher()(API)).toMatchObject({ until: T0 + 3 * SECOND });
    world.clock += 3 * SECOND;
    world.reply(status(429, { 'Retry-After': new Date(T0).toUTCString() }));
    expect(await world.fetcher()(API)).toMatchObject({ until: world.clock + 3 * SECOND });
  });

  it('backs off exponentially on 503 without Retry-After, capped at 1 h', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      world.reply(status(503));
      const outcome = await fetcher(API);
      if (outcome.kind !== 'backoff') throw new Error(`expected backoff, got ${outcome.kind}`);
      delays.push(outcome.until - world.clock);
      world.clock = outcome.until;
    }
    expect(delays.map((ms) => ms / SECOND)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(world.requests).toHaveLength(9);
  });

  it('adds jitter that lengthens, never shortens, the backoff (by up to 25 %)', async () => {
    const world = createWorld();
    world.random = 0.5;
    world.reply(status(503));
    expect(await world.fetcher()(API)).toMatchObject({ until: T0 + 33.75 * SECOND });
  });

  it('treats a garbled Retry-After like none', async () => {
    const world = createWorld();
    world.reply(status(429, { 'Retry-After': '1.5' }));
    expect(await world.fetcher()(API)).toMatchObject({ until: T0 + 30 * SECOND });
  });

  it('starts again from 30 s after a success', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(status(503), status(503));
    await fetcher(API);
    world.clock += 30 * SECOND;
    expect(await fetcher(API)).toMatchObject({ until: world.clock + 60 * SECOND });
    world.clock += 60 * SECOND;
    expect((await fetcher(API)).kind).toBe('ok');
    world.clock += 3 * SECOND;
    world.reply(status(503));
    expect(await fetcher(API)).toMatchObject({ until: world.clock + 30 * SECOND });
  });

  it('keeps arXiv and Hugging Face backoffs apart', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(status(429, { 'Retry-After': '600' }));
    expect((await fetcher(HF)).kind).toBe('backoff');
    expect((await fetcher(API)).kind).toBe('ok');
    expect((await fetcher(HF)).kind).toBe('backoff');
    expect(world.requests.map((sent) => sent.url)).toEqual([HF, API]);
  });

  it('answers queued callers with the backoff their predecessor ran into', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(status(429, { 'Retry-After': '60' }));
    const outcomes = await Promise.all([fetcher(API), fetcher(RSS), fetcher(API)]);
    expect(outcomes).toEqual([
      { kind: 'backoff', until: T0 + 60 * SECOND, status: 429 },
      { kind: 'backoff', until: T0 + 60 * SECOND },
      { kind: 'backoff', until: T0 + 60 * SECOND },
    ]);
    expect(world.requests).toHaveLength(1);
  });

  it('does not back off on other HTTP errors', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(status(404), status(500));
    expect(await fetcher(API)).toEqual({ kind: 'http-error', status: 404 });
    expect(await fetcher(API)).toEqual({ kind: 'http-error', status: 500 });
    expect((await fetcher(API)).kind).toBe('ok');
    expect(world.times()).toEqual([0, 3 * SECOND, 6 * SECOND]);
  });
});

describe('stored state left malformed (an older version, a hand edit)', () => {
  it('reads a malformed group state as no constraint, keeping its valid fields', async () => {
    const world = createWorld();
    await fakeBrowser.storage.local.set({
      'politeFetch.group.arxiv': { nextAllowedAt: 'soon', backoffUntil: null, failures: -2.5 },
      'politeFetch.group.huggingface': 'garbage',
    });
    const fetcher = world.fetcher();
    expect((await fetcher(API)).kind).toBe('ok');
    expect((await fetcher(HF)).kind).toBe('ok');
    expect(world.times()).toEqual([0, 0]);

    const until = T0 + 60 * SECOND;
    await fakeBrowser.storage.local.set({
      'politeFetch.group.arxiv': { backoffUntil: until, failures: 'many' },
    });
    expect(await fetcher(RSS)).toEqual({ kind: 'backoff', until });
    expect(world.requests).toHaveLength(2);
  });

  it('drops malformed validators and sends back the valid ones', async () => {
    const world = createWorld();
    await fakeBrowser.storage.local.set({
      'politeFetch.validators': [
        'junk',
        { url: 5 },
        { url: RSS, etag: 7 },
        { url: API, etag: '"v1"' },
      ],
    });
    const fetcher = world.fetcher();
    await fetcher(API);
    await fetcher(RSS);
    expect(world.requests.map((sent) => sent.headers.get('If-None-Match'))).toEqual(['"v1"', null]);

    await fakeBrowser.storage.local.set({ 'politeFetch.validators': { url: API } });
    await fetcher(API);
    expect(world.requests[2]?.headers.get('If-None-Match')).toBeNull();
  });
});

describe('conditional requests', () => {
  const validators = { ETag: '"v1"', 'Last-Modified': 'Thu, 26 Nov 2026 20:00:00 GMT' };

  it('sends back ETag and Last-Modified and reports a 304 as not modified', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(new Response('<rss/>', { headers: validators }), status(304));
    expect(await fetcher(RSS)).toMatchObject({ kind: 'ok', text: '<rss/>' });
    world.clock += 60 * SECOND;
    expect(await world.fetcher()(RSS)).toEqual({ kind: 'not-modified', url: RSS });

    const [first, second] = world.requests;
    expect(first?.headers.get('If-None-Match')).toBeNull();
    expect(first?.headers.get('If-Modified-Since')).toBeNull();
    expect(second?.headers.get('If-None-Match')).toBe('"v1"');
    expect(second?.headers.get('If-Modified-Since')).toBe('Thu, 26 Nov 2026 20:00:00 GMT');
  });

  it('keeps the validators after a 304 and replaces them after a new 200', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(
      new Response('a', { headers: { ETag: '"v1"' } }),
      status(304),
      new Response('b', { headers: { ETag: '"v2"' } }),
      new Response('c'),
    );
    for (let i = 0; i < 5; i++) {
      await fetcher(RSS);
      world.clock += 10 * SECOND;
    }
    expect(world.requests.map((sent) => sent.headers.get('If-None-Match'))).toEqual([
      null,
      '"v1"',
      '"v1"',
      '"v2"',
      null,
    ]);
  });

  it('keeps validators per URL (ignoring the fragment)', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(new Response('x', { headers: validators }));
    await fetcher(`${HF}?date=2026-11-26`);
    await fetcher(`${HF}?date=2026-11-27`);
    await fetcher(`${HF}?date=2026-11-26#top`);
    expect(world.requests.map((sent) => sent.headers.get('If-None-Match'))).toEqual([
      null,
      null,
      '"v1"',
    ]);
    expect(world.requests[2]?.url).toBe(`${HF}?date=2026-11-26`);
  });

  it('sends no validators when asked not to', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(new Response('x', { headers: validators }));
    await fetcher(RSS);
    await fetcher(RSS, { conditional: false, headers: { Accept: 'application/rss+xml' } });
    const sent = world.requests[1];
    expect(sent?.headers.get('If-None-Match')).toBeNull();
    expect(sent?.headers.get('If-Modified-Since')).toBeNull();
    expect(sent?.headers.get('Accept')).toBe('application/rss+xml');
  });

  it('remembers only the 200 most recently fetched URLs', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    const url = (i: number) => `${HF}?page=${i}`;
    for (let i = 0; i <= 200; i++) {
      world.reply(new Response('x', { headers: { ETag: `"e${i}"` } }));
      await fetcher(url(i));
    }
    await fetcher(url(200));
    await fetcher(url(1));
    await fetcher(url(0));
    expect(world.requests.slice(-3).map((sent) => sent.headers.get('If-None-Match'))).toEqual([
      '"e200"',
      '"e1"',
      null,
    ]);
  });
});

describe('timeouts', () => {
  /** A fetch that answers only by rejecting once its signal aborts, as real fetch does. */
  const hang: (url: string, init: RequestInit) => Promise<Response> = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () =>
        reject(new DOMException('The operation was aborted.', 'AbortError')),
      );
    });

  it('gives up after 20 s by default', async () => {
    vi.useFakeTimers();
    const world = createWorld();
    world.reply(hang);
    let outcome: FetchOutcome | undefined;
    const pending = world
      .fetcher()(API)
      .then((result) => {
        outcome = result;
      });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(outcome).toEqual({ kind: 'timeout' });
  });

  it('also times out a body that stops arriving', async () => {
    const world = createWorld();
    world.reply(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('<rss>'));
            },
          }),
        ),
    );
    expect(await world.fetcher()(RSS, { timeoutMs: 20 })).toEqual({ kind: 'timeout' });
  });

  it('does not back off after a timeout', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(hang);
    expect(await fetcher(API, { timeoutMs: 10 })).toEqual({ kind: 'timeout' });
    expect((await fetcher(API)).kind).toBe('ok');
    expect(world.times()).toEqual([0, 3 * SECOND]);
  });
});

describe('offline', () => {
  it('skips quietly without a request while the browser is offline', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const world = createWorld();
    world.online = false;
    expect(await world.fetcher()(API)).toEqual({ kind: 'offline' });
    expect(world.requests).toHaveLength(0);
    world.online = true;
    expect((await world.fetcher()(API)).kind).toBe('ok');
    expect(world.times()).toEqual([0]);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('treats a network TypeError as offline, without backoff', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetcher(HF)).toEqual({ kind: 'offline' });
    expect((await fetcher(HF)).kind).toBe('ok');
    expect(world.times()).toEqual([0, 1 * SECOND]);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(world.debug).toHaveBeenCalled();
  });
});

describe('refused URLs', () => {
  it.each([
    ['http:', 'http://export.arxiv.org/api/query?id_list=2408.00001'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/plain,hello'],
    ['another host', 'https://example.com/feed'],
    ['a look-alike host', 'https://arxiv.org.example.com/rss'],
    ['a subdomain not on the list', 'https://www.huggingface.co/api/daily_papers'],
    ['credentials', 'https://user:secret@arxiv.org/abs/2408.00001'],
    ['a port', 'https://arxiv.org:8443/abs/2408.00001'],
    ['not a URL', 'arxiv.org/abs/2408.00001'],
  ])('refuses %s without a request', async (_label, url) => {
    const world = createWorld();
    expect(await world.fetcher()(url)).toMatchObject({ kind: 'refused' });
    expect(world.requests).toHaveLength(0);
  });

  it('refuses a response redirected off the allow-list', async () => {
    const world = createWorld();
    const redirected = new Response('elsewhere');
    Object.defineProperty(redirected, 'url', { value: 'https://example.com/elsewhere' });
    world.reply(redirected);
    expect(await world.fetcher()(HF)).toMatchObject({ kind: 'refused' });
  });

  it('reports the final URL of an allowed redirect', async () => {
    const world = createWorld();
    const redirected = new Response('abs');
    Object.defineProperty(redirected, 'url', { value: 'https://arxiv.org/abs/2408.00001v2' });
    world.reply(redirected);
    expect(await world.fetcher()('https://arxiv.org/abs/2408.00001')).toMatchObject({
      kind: 'ok',
      url: 'https://arxiv.org/abs/2408.00001v2',
    });
  });
});

describe('responses', () => {
  it('sends no cookies and passes extra headers', async () => {
    const world = createWorld();
    await world.fetcher()(API, { headers: { Accept: 'application/atom+xml' } });
    expect(world.requests[0]?.init.credentials).toBe('omit');
    expect(world.requests[0]?.headers.get('Accept')).toBe('application/atom+xml');
  });

  it('refuses bodies over the size cap', async () => {
    const world = createWorld();
    const fetcher = world.fetcher();
    world.reply(new Response('x'.repeat(11)), new Response('x'.repeat(10)));
    expect(await fetcher(HF, { maxBytes: 10 })).toEqual({ kind: 'too-large', limit: 10 });
    expect(await fetcher(HF, { maxBytes: 10 })).toMatchObject({ kind: 'ok', text: 'x'.repeat(10) });
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const world = createWorld();
    let pulled = false;
    world.reply(
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              pulled = true;
              controller.close();
            },
          },
          { highWaterMark: 0 },
        ),
        { headers: { 'Content-Length': String(11 * 1024 * 1024) } },
      ),
    );
    expect(await world.fetcher()(HF)).toEqual({ kind: 'too-large', limit: 10 * 1024 * 1024 });
    expect(pulled).toBe(false);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const world = createWorld();
    const bytes = new TextEncoder().encode('Schrödinger — λ');
    world.reply(
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
            controller.close();
          },
        }),
      ),
    );
    expect(await world.fetcher()(HF)).toMatchObject({ kind: 'ok', text: 'Schrödinger — λ' });
  });

  it('works through politeFetch with injected dependencies', async () => {
    const requests: string[] = [];
    const outcome = await politeFetch(HF, undefined, {
      fetch: async (url) => {
        requests.push(url);
        return new Response('[]');
      },
      now: () => T0,
      sleep: async () => undefined,
      isOnline: () => true,
    });
    expect(outcome).toEqual({ kind: 'ok', status: 200, text: '[]', url: HF });
    expect(requests).toEqual([HF]);
  });
});
