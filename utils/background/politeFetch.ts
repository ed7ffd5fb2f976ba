import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { createLock, type Lock } from '@/utils/background/lock';
import { finiteOrZero, listOf } from '@/utils/storage/storedValue';

/**
 * Network access that respects the sources Paperlight reads (arXiv RSS, the arXiv API and the
 * Hugging Face daily papers API).
 *
 * - Only `https:` URLs on {@link ALLOWED_HOSTS} are fetched.
 * - Hosts are grouped ("arxiv", "huggingface"); each group has one slot, a minimum gap between
 *   request starts (arXiv asks for one request every 3 s) and never more than one request in
 *   flight per group within one worker.
 * - 429/503 put the group into a persisted backoff (`Retry-After`, else exponential with jitter).
 * - ETag / Last-Modified are remembered per URL and sent back; a 304 is `not-modified`.
 *
 * Everything needed across calls lives in the injected store (by default `storage.local`), because
 * the MV3 service worker may be stopped at any moment. The only in-memory state is a promise chain
 * per group that serializes concurrent callers inside one worker.
 */

export type HostGroup = 'arxiv' | 'huggingface';

export const ALLOWED_HOSTS: Readonly<Record<string, HostGroup>> = {
  'export.arxiv.org': 'arxiv',
  'rss.arxiv.org': 'arxiv',
  'arxiv.org': 'arxiv',
  'huggingface.co': 'huggingface',
};

/** Minimum time between the starts of two requests to hosts of one group. */
export const MIN_GAP_MS: Readonly<Record<HostGroup, number>> = {
  arxiv: 3_000,
  huggingface: 1_000,
};

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Exponential backoff without `Retry-After`: 30 s, 60 s, 120 s, … capped at 1 h. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60 * 1000;
/** Jitter lengthens an exponential backoff by up to this fraction (never shortens it). */
export const BACKOFF_JITTER = 0.25;
/** A `Retry-After` is honoured up to this long; beyond it is treated as nonsense and clamped. */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60 * 1000;
/** How many URLs' validators (ETag / Last-Modified) are remembered. */
export const MAX_VALIDATORS = 200;

export type FetchOutcome =
  | { kind: 'ok'; status: number; text: string; url: string }
  | { kind: 'not-modified'; url: string }
  /** The group is backing off until `until` (ms); `status` is set when this very call got it. */
  | { kind: 'backoff'; until: number; status?: number }
  | { kind: 'timeout' }
  | { kind: 'offline' }
  | { kind: 'http-error'; status: number }
  | { kind: 'too-large'; limit: number }
  | { kind: 'refused'; reason: string };

export type FetchOutcomeKind = FetchOutcome['kind'];

export interface PoliteFetchOptions {
  /** Aborts the request (headers and body) after this long; default 20 s. */
  timeoutMs?: number;
  /** Largest accepted body in bytes; default 10 MB. */
  maxBytes?: number;
  /**
   * Send `If-None-Match` / `If-Modified-Since` from the previous response (default true).
   * Pass false when the caller no longer has the earlier body, so a 304 would be useless.
   */
  conditional?: boolean;
  /** Extra request headers (e.g. `Accept`). The conditional headers are set by politeFetch. */
  headers?: Readonly<Record<string, string>>;
}

/** Anything with WXT storage item's `getValue` / `setValue`. */
export interface StateCell<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface GroupState {
  /** Earliest start (ms) of the group's next request. */
  nextAllowedAt: number;
  /** The group makes no request before this (ms); 0 when not backing off. */
  backoffUntil: number;
  /** Consecutive 429/503 responses since the last success. */
  failures: number;
}

export interface ValidatorEntry {
  url: string;
  etag?: string;
  lastModified?: string;
}

export interface PoliteFetchStore {
  groups: Readonly<Record<HostGroup, StateCell<GroupState>>>;
  /** Most recently used first. */
  validators: StateCell<ValidatorEntry[]>;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PoliteFetchDeps {
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  store: PoliteFetchStore;
  /** In [0, 1); jitter for the exponential backoff. */
  random: () => number;
  isOnline: () => boolean;
  debug: (message: string) => void;
}

export type PoliteFetcher = (url: string, options?: PoliteFetchOptions) => Promise<FetchOutcome>;

const EMPTY_GROUP: GroupState = { nextAllowedAt: 0, backoffUntil: 0, failures: 0 };

/** Items are stateless handles: a new store sees the same data. */
export function createStorageStore(): PoliteFetchStore {
  return {
    groups: {
      arxiv: storage.defineItem<GroupState>('local:politeFetch.group.arxiv', {
        fallback: EMPTY_GROUP,
      }),
      huggingface: storage.defineItem<GroupState>('local:politeFetch.group.huggingface', {
        fallback: EMPTY_GROUP,
      }),
    },
    validators: storage.defineItem<ValidatorEntry[]>('local:politeFetch.validators', {
      fallback: [],
    }),
  };
}

let defaultStore: PoliteFetchStore | undefined;

function defaultDeps(): PoliteFetchDeps {
  defaultStore ??= createStorageStore();
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    store: defaultStore,
    random: Math.random,
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    debug: (message) => console.debug(`[Paperlight] ${message}`),
  };
}

/** A one-off fetcher; locks are still shared with others on the same store. */
export function politeFetch(
  url: string,
  options?: PoliteFetchOptions,
  deps?: Partial<PoliteFetchDeps>,
): Promise<FetchOutcome> {
  return createPoliteFetcher(deps)(url, options);
}

export function createPoliteFetcher(overrides: Partial<PoliteFetchDeps> = {}): PoliteFetcher {
  const deps: PoliteFetchDeps = { ...defaultDeps(), ...overrides };
  return (url, options = {}) => fetchPolitely(deps, url, options);
}

type Checked = { ok: true; url: URL; group: HostGroup } | { ok: false; reason: string };

/** Whether `url` may be fetched at all, and in which host group. */
export function checkUrl(url: string): Checked {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: `scheme ${parsed.protocol}` };
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, reason: 'credentials in URL' };
  }
  if (parsed.port !== '') return { ok: false, reason: `port ${parsed.port}` };
  const group = Object.hasOwn(ALLOWED_HOSTS, parsed.hostname)
    ? ALLOWED_HOSTS[parsed.hostname]
    : undefined;
  if (group === undefined) return { ok: false, reason: `host ${parsed.hostname} not allowed` };
  parsed.hash = '';
  return { ok: true, url: parsed, group };
}

async function fetchPolitely(
  deps: PoliteFetchDeps,
  rawUrl: string,
  options: PoliteFetchOptions,
): Promise<FetchOutcome> {
  const checked = checkUrl(rawUrl);
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  const { url, group } = checked;
  const cell = deps.store.groups[group];

  // Answer at once, without queueing behind other callers, when nothing can be sent anyway.
  const early = await quickSkip(deps, cell);
  if (early) return early;

  return exclusive(deps.store, `group:${group}`, async () => {
    const skip = await quickSkip(deps, cell);
    if (skip) return skip;

    let state = readGroup(await cell.getValue());
    const gap = MIN_GAP_MS[group];
    // Clamped to one gap, so a clock set backwards cannot stall the group indefinitely.
    const wait = Math.min(gap, state.nextAllowedAt - deps.now());
    if (wait > 0) await deps.sleep(wait);

    const startedAt = deps.now();
    state = { ...readGroup(await cell.getValue()), nextAllowedAt: startedAt + gap };
    await cell.setValue(state);

    const outcome = await request(deps, url, options);
    if (outcome.kind === 'rate-limited') {
      const failures = state.failures + 1;
      const now = deps.now();
      const delay =
        retryAfterMs(outcome.retryAfter, now) ?? exponentialBackoffMs(failures, deps.random());
      const until = now + Math.max(delay, gap);
      await cell.setValue({ ...state, backoffUntil: until, failures });
      deps.debug(`${url.hostname} answered ${outcome.status}; backing off until ${iso(until)}`);
      return { kind: 'backoff', until, status: outcome.status };
    }
    if ((outcome.kind === 'ok' || outcome.kind === 'not-modified') && state.failures > 0) {
      await cell.setValue({ ...state, backoffUntil: 0, failures: 0 });
    }
    if (outcome.kind === 'offline') deps.debug(`offline; skipped ${url.href}`);
    return outcome;
  });
}

async function quickSkip(
  deps: PoliteFetchDeps,
  cell: StateCell<GroupState>,
): Promise<FetchOutcome | undefined> {
  const { backoffUntil } = readGroup(await cell.getValue());
  const now = deps.now();
  if (backoffUntil > now) {
    // A persisted time further ahead than any backoff we set means the clock moved back; clamp.
    return { kind: 'backoff', until: Math.min(backoffUntil, now + RETRY_AFTER_MAX_MS) };
  }
  if (!deps.isOnline()) {
    deps.debug('offline; skipped a request');
    return { kind: 'offline' };
  }
  return undefined;
}

type RequestResult =
  | Exclude<FetchOutcome, { kind: 'backoff' }>
  | { kind: 'rate-limited'; status: number; retryAfter: string | null };

async function request(
  deps: PoliteFetchDeps,
  url: URL,
  options: PoliteFetchOptions,
): Promise<RequestResult> {
  const key = url.href;
  const headers = new Headers(options.headers);
  if (options.conditional !== false) {
    const known = await lookupValidators(deps.store, key);
    if (known?.etag !== undefined) headers.set('If-None-Match', known.etag);
    if (known?.lastModified !== undefined) headers.set('If-Modified-Since', known.lastModified);
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await deps.fetch(key, {
        method: 'GET',
        headers,
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (error) {
      if (timedOut) return { kind: 'timeout' };
      if (error instanceof TypeError) return { kind: 'offline' };
      throw error;
    }

    const finalUrl = response.url === '' ? key : response.url;
    if (finalUrl !== key && !checkUrl(finalUrl).ok) {
      await discard(response);
      return { kind: 'refused', reason: `redirected to ${finalUrl}` };
    }
    if (response.status === 304) {
      await discard(response);
      await rememberValidators(deps.store, key, response.headers, true);
      return { kind: 'not-modified', url: finalUrl };
    }
    if (response.status === 429 || response.status === 503) {
      await discard(response);
      return {
        kind: 'rate-limited',
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
      };
    }
    if (!response.ok) {
      await discard(response);
      return { kind: 'http-error', status: response.status };
    }

    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const body = await readText(response, limit, controller.signal);
    if (timedOut) return { kind: 'timeout' };
    if (body === undefined) return { kind: 'too-large', limit };
    if (options.conditional !== false) {
      await rememberValidators(deps.store, key, response.headers, false);
    }
    return { kind: 'ok', status: response.status, text: body, url: finalUrl };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    if (error instanceof TypeError) return { kind: 'offline' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, or undefined once it exceeds `limit` bytes (the rest is not read). */
async function readText(
  response: Response,
  limit: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) {
    await discard(response);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        cancel();
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to do: the body is unwanted anyway.
  }
}

async function lookupValidators(
  store: PoliteFetchStore,
  url: string,
): Promise<ValidatorEntry | undefined> {
  const entries = readValidators(await store.validators.getValue());
  return entries.find((entry) => entry.url === url);
}

/** Records a response's validators as the most recent entry; a 200 without any forgets the URL. */
function rememberValidators(
  store: PoliteFetchStore,
  url: string,
  headers: Headers,
  notModified: boolean,
): Promise<void> {
  return exclusive(store, 'validators', async () => {
    const entries = readValidators(await store.validators.getValue());
    const previous = entries.find((entry) => entry.url === url);
    const etag = headers.get('ETag') ?? (notModified ? previous?.etag : undefined);
    const lastModified =
      headers.get('Last-Modified') ?? (notModified ? previous?.lastModified : undefined);
    const rest = entries.filter((entry) => entry.url !== url);
    if (etag === undefined && lastModified === undefined) {
      if (previous !== undefined) await store.validators.setValue(rest);
      return;
    }
    const entry: ValidatorEntry = { url };
    if (etag !== undefined) entry.etag = etag;
    if (lastModified !== undefined) entry.lastModified = lastModified;
    await store.validators.setValue([entry, ...rest].slice(0, MAX_VALIDATORS));
  });
}

/** Milliseconds to wait from a `Retry-After` value (delta-seconds or HTTP-date), if usable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else if (/[a-z]{3}/i.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  } else {
    return undefined;
  }
  return Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

/** 30 s · 2^(failures−1), capped at 1 h, lengthened by up to 25 % jitter (still within the cap). */
export function exponentialBackoffMs(failures: number, random: number): number {
  const nominal = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.min(BACKOFF_MAX_MS, Math.round(nominal * (1 + BACKOFF_JITTER * random)));
}

/** Stored state, with anything malformed (older versions, hand edits) read as "no constraint". */
const storedGroup = v.fallback(
  v.object({
    nextAllowedAt: finiteOrZero,
    backoffUntil: finiteOrZero,
    failures: v.pipe(
      finiteOrZero,
      v.transform((failures) => Math.max(0, Math.floor(failures))),
    ),
  }),
  EMPTY_GROUP,
) satisfies v.GenericSchema<unknown, GroupState>;

function readGroup(value: unknown): GroupState {
  return v.parse(storedGroup, value);
}

/** Stored validators; a malformed entry is dropped. */
const storedValidators = listOf(
  v.object({ url: v.string(), etag: v.optional(v.string()), lastModified: v.optional(v.string()) }),
) satisfies v.GenericSchema<unknown, ValidatorEntry[]>;

function readValidators(value: unknown): ValidatorEntry[] {
  return v.parse(storedValidators, value);
}

/** One lock per store and key (the in-worker half of the politeness). */
const locks = new WeakMap<object, Map<string, Lock>>();

function exclusive<T>(store: object, key: string, task: () => Promise<T>): Promise<T> {
  let byKey = locks.get(store);
  if (byKey === undefined) {
    byKey = new Map();
    locks.set(store, byKey);
  }
  let lock = byKey.get(key);
  if (lock === undefined) {
    lock = createLock();
    byKey.set(key, lock);
  }
  return lock(task);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
