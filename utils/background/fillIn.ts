import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { asPagePapers } from '@/utils/background/feeds/common';
import { createLock } from '@/utils/background/lock';
import { mergeMetadata } from '@/utils/background/mergePaper';
import {
  createPoliteFetcher,
  type PoliteFetcher,
  type StateCell,
} from '@/utils/background/politeFetch';
import { isArxivId } from '@/utils/shared/arxivId';
import type { DetectedPaper } from '@/utils/shared/paper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { needsFillIn } from '@/utils/shared/paperRecord';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { listOf } from '@/utils/storage/storedValue';

/**
 * Filling in what a page did not show: papers known without an abstract (arXiv listings that do
 * not show abstracts, Hugging Face cards, "found on this page" placeholders) are looked up on the
 * arXiv API when the popup shows them, when they are saved, or when asked, and their metadata is
 * merged in with `mergeMetadata` (not a sighting: no label, count or first-seen change).
 *
 * The pending ids and the recent failures live in `storage.local`, so a stopped service worker
 * loses nothing; the only in-memory state is the promise that joins overlapping runs and the chain
 * that serializes queue updates inside one worker. A run is started right away when ids are
 * queued; a one-off alarm re-triggers it when work remains, after a backoff, or when the worker
 * was stopped in the middle of a run.
 */

export const ARXIV_API = 'https://export.arxiv.org/api/query';
/** The one-off alarm that (re)starts a fill-in run. */
export const FILL_IN_ALARM = 'paperlight-fill-in';
/** Ids per arXiv API request. */
export const BATCH_SIZE = 100;
/** Requests per run; what remains waits for the alarm. */
export const MAX_BATCHES_PER_RUN = 10;
/** Most ids waiting at once; the oldest are dropped beyond it. */
export const MAX_QUEUE = 1000;
/** An id the API did not answer for is not asked for again before this long (ms). */
export const RETRY_AFTER_MS = 6 * 60 * 60 * 1000;
export const MAX_FAILURES = 2000;
/** When a run leaves work behind (offline, timeout, more batches), the alarm fires after this. */
export const RESUME_DELAY_MINUTES = 1;

export interface FailureEntry {
  id: string;
  /** When the look-up failed (ms). */
  at: number;
}

/** Ids waiting to be looked up, oldest first. */
export const fillInQueue = storage.defineItem<string[]>('local:fillIn.queue', { fallback: [] });
/** Ids recently looked up without result, most recent first. */
export const fillInFailures = storage.defineItem<FailureEntry[]>('local:fillIn.failures', {
  fallback: [],
});

export interface FillInStore {
  queue: StateCell<string[]>;
  failures: StateCell<FailureEntry[]>;
}

const defaultStore: FillInStore = { queue: fillInQueue, failures: fillInFailures };

export interface FillInDeps {
  database: PaperlightDatabase;
  fetch?: PoliteFetcher;
  now?: () => number;
  store?: FillInStore;
  /** Whether to (re)schedule the fill-in alarm (default true). */
  alarms?: boolean;
}

export function arxivApiUrl(ids: readonly string[]): string {
  return `${ARXIV_API}?id_list=${ids.join(',')}&max_results=${ids.length}`;
}

const storedQueue = listOf(v.pipe(v.string(), v.check(isArxivId)));
const storedFailures = listOf(v.object({ id: v.string(), at: v.number() }));

/** The stored queue's valid ids (a hand edit or an older version may have left anything). */
function readQueue(value: unknown): string[] {
  return v.parse(storedQueue, value);
}

function readFailures(value: unknown): FailureEntry[] {
  return v.parse(storedFailures, value);
}

/** Queue updates run one after another inside a worker (read, change, write). */
const exclusive = createLock();

/**
 * Adds ids to the persisted queue, leaving out unknown papers, papers that have an abstract (or
 * are articles), ids already queued and ids that failed less than {@link RETRY_AFTER_MS} ago.
 * Returns how many were added. Does not fetch.
 */
export function enqueueFillIn(
  deps: Pick<FillInDeps, 'database' | 'now' | 'store'>,
  ids: readonly string[],
): Promise<number> {
  const store = deps.store ?? defaultStore;
  const now = (deps.now ?? Date.now)();
  return exclusive(async () => {
    const wanted = [...new Set(ids)].filter((id) => isArxivId(id));
    if (wanted.length === 0) return 0;
    const records = await deps.database.papers.bulkGet(wanted);
    const queue = readQueue(await store.queue.getValue());
    const queued = new Set(queue);
    const recent = new Set(
      readFailures(await store.failures.getValue())
        .filter((entry) => now - entry.at < RETRY_AFTER_MS && entry.at <= now)
        .map((entry) => entry.id),
    );
    const added = wanted.filter((id, index) => {
      const record = records[index];
      return record !== undefined && needsFillIn(record) && !queued.has(id) && !recent.has(id);
    });
    if (added.length === 0) return 0;
    await store.queue.setValue([...queue, ...added].slice(-MAX_QUEUE));
    return added.length;
  });
}

async function removeFromQueue(store: FillInStore, done: ReadonlySet<string>): Promise<void> {
  await exclusive(async () => {
    const queue = readQueue(await store.queue.getValue());
    await store.queue.setValue(queue.filter((id) => !done.has(id)));
  });
}

async function rememberFailures(store: FillInStore, ids: readonly string[], at: number) {
  if (ids.length === 0) return;
  await exclusive(async () => {
    const failed = new Set(ids);
    const kept = readFailures(await store.failures.getValue()).filter(
      (entry) => !failed.has(entry.id) && at - entry.at < RETRY_AFTER_MS,
    );
    const added = ids.map((id) => ({ id, at }));
    await store.failures.setValue([...added, ...kept].slice(0, MAX_FAILURES));
  });
}

export type FillInOutcome =
  /** The queue is empty. */
  | 'done'
  /** Batches remain after this run's last one: the alarm continues. */
  | 'more'
  /** Offline, a timeout or an arXiv backoff: the queue is kept and the alarm retries. */
  | 'offline'
  | 'timeout'
  | 'backoff';

export interface FillInReport {
  /** API requests made (or attempted). */
  requests: number;
  /** Papers that gained metadata. */
  filled: number;
  /** Ids the API did not answer for (remembered as failures). */
  failed: number;
  outcome: FillInOutcome;
  /** For a backoff: no arXiv request before this (ms). */
  until?: number;
}

async function mergeBatch(
  database: PaperlightDatabase,
  ids: readonly string[],
  fetched: ReadonlyMap<string, DetectedPaper>,
): Promise<Set<string>> {
  return database.transaction('rw', database.papers, async () => {
    const records = await database.papers.bulkGet([...ids]);
    const merged: PaperRecord[] = [];
    const filled = new Set<string>();
    ids.forEach((id, index) => {
      const record = records[index];
      const paper = fetched.get(id);
      if (!record || !paper) return;
      const next = mergeMetadata(record, paper);
      merged.push(next);
      if (next.abstract) filled.add(id);
    });
    await database.papers.bulkPut(merged);
    return filled;
  });
}

/** By id, each checked against the page schema; a string says why the response is unusable. */
function validFetched(text: string): Map<string, DetectedPaper> | string {
  const parsed = parseArxivApi(text);
  if (parsed.error !== undefined) return `arXiv API error: ${parsed.error}`;
  if (parsed.papers.length === 0 && parsed.skipped.some((skip) => skip.index === -1)) {
    return parsed.skipped[0]?.reason ?? 'unreadable response';
  }
  return new Map(asPagePapers(parsed.papers).map((paper) => [paper.id, paper]));
}

async function processQueue(deps: FillInDeps): Promise<FillInReport> {
  const store = deps.store ?? defaultStore;
  const now = deps.now ?? Date.now;
  const fetch = deps.fetch ?? createPoliteFetcher();
  const report: FillInReport = { requests: 0, filled: 0, failed: 0, outcome: 'done' };

  for (let batch = 0; ; batch++) {
    const queue = readQueue(await store.queue.getValue());
    // Drop what was filled since it was queued (a page may have shown it meanwhile).
    const records = await deps.database.papers.bulkGet(queue.slice(0, BATCH_SIZE * 2));
    const stale = new Set(
      queue.slice(0, BATCH_SIZE * 2).filter((_id, index) => {
        const record = records[index];
        return record === undefined || !needsFillIn(record);
      }),
    );
    if (stale.size > 0) await removeFromQueue(store, stale);
    const ids = queue.filter((id) => !stale.has(id)).slice(0, BATCH_SIZE);
    if (ids.length === 0) return { ...report, outcome: 'done' };
    if (batch >= MAX_BATCHES_PER_RUN) return { ...report, outcome: 'more' };

    report.requests++;
    const outcome = await fetch(arxivApiUrl(ids), {
      headers: { Accept: 'application/atom+xml, application/xml;q=0.9, */*;q=0.1' },
      // Each batch is a different URL; a 304 would be no use without the earlier body.
      conditional: false,
    });
    if (outcome.kind === 'offline' || outcome.kind === 'timeout') {
      return { ...report, outcome: outcome.kind };
    }
    if (outcome.kind === 'backoff') return { ...report, outcome: 'backoff', until: outcome.until };

    let filled = new Set<string>();
    if (outcome.kind === 'ok') {
      const fetched = validFetched(outcome.text);
      if (typeof fetched === 'string') {
        console.warn(`[Paperlight] fill-in: ${fetched}`);
      } else {
        filled = await mergeBatch(deps.database, ids, fetched);
      }
    } else {
      console.warn(`[Paperlight] fill-in: arXiv API request failed (${outcome.kind})`);
    }
    const failed = ids.filter((id) => !filled.has(id));
    await rememberFailures(store, failed, now());
    await removeFromQueue(store, new Set(ids));
    report.filled += filled.size;
    report.failed += failed.length;
  }
}

let running: Promise<FillInReport> | undefined;
/** Set when ids were queued while a run was going: it looks at the queue once more before ending. */
let again = false;

/**
 * Looks up the queued ids, a batch of at most {@link BATCH_SIZE} per request, through politeFetch
 * (one arXiv request per 3 s, backoff, timeouts, offline skips). A run asked for while one is
 * going joins it. Schedules the alarm when work remains, clears it when the queue is empty.
 * Never throws.
 */
export function runFillIn(deps: FillInDeps): Promise<FillInReport> {
  if (running !== undefined) {
    again = true;
    return running;
  }
  running = runScheduled(deps).finally(() => {
    running = undefined;
    // Asked for again after the run's last look at the queue: look once more.
    if (again) {
      again = false;
      void runFillIn(deps);
    }
  });
  return running;
}

async function runScheduled(deps: FillInDeps): Promise<FillInReport> {
  let report: FillInReport;
  try {
    let total: FillInReport | undefined;
    do {
      again = false;
      const pass = await processQueue(deps);
      total = {
        ...pass,
        requests: pass.requests + (total?.requests ?? 0),
        filled: pass.filled + (total?.filled ?? 0),
        failed: pass.failed + (total?.failed ?? 0),
      };
    } while (again && total.outcome === 'done');
    report = total;
    again = false;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[Paperlight] fill-in failed: ${reason}`);
    report = { requests: 0, filled: 0, failed: 0, outcome: 'more' };
  }
  if (report.requests > 0) {
    console.debug(
      `[Paperlight] fill-in: ${report.requests} requests, ${report.filled} filled, ${report.failed} not found; ${report.outcome}`,
    );
  }
  if (deps.alarms !== false) {
    try {
      await scheduleFillIn(report, (deps.now ?? Date.now)());
    } catch (error) {
      console.warn('[Paperlight] could not schedule the fill-in alarm:', error);
    }
  }
  return report;
}

async function scheduleFillIn(report: FillInReport, now: number): Promise<void> {
  if (report.outcome === 'done') {
    await browser.alarms.clear(FILL_IN_ALARM);
    return;
  }
  if (report.outcome === 'backoff' && report.until !== undefined && report.until > now) {
    await browser.alarms.create(FILL_IN_ALARM, { when: report.until + 1000 });
    return;
  }
  await browser.alarms.create(FILL_IN_ALARM, { delayInMinutes: RESUME_DELAY_MINUTES });
}

/**
 * Queues ids and starts a run without waiting for it; returns how many were queued. When any
 * were, the alarm is set first, so a worker stopped mid-run resumes when it fires.
 */
export async function requestFillIn(deps: FillInDeps, ids: readonly string[]): Promise<number> {
  const queued = await enqueueFillIn(deps, ids);
  if (queued === 0) return 0;
  if (deps.alarms !== false) {
    await browser.alarms.create(FILL_IN_ALARM, { delayInMinutes: RESUME_DELAY_MINUTES });
  }
  void runFillIn(deps);
  return queued;
}

/** Never throws. */
export async function handleFillInAlarm(
  alarm: { name: string },
  deps: FillInDeps,
): Promise<FillInReport | undefined> {
  if (alarm.name !== FILL_IN_ALARM) return undefined;
  return runFillIn(deps);
}

/** At start-up: resumes a queue left by an earlier session (alarms may not survive a restart). */
export async function resumeFillIn(deps: FillInDeps): Promise<FillInReport | undefined> {
  const queue = readQueue(await (deps.store ?? defaultStore).queue.getValue());
  if (queue.length === 0) return undefined;
  return runFillIn(deps);
}
