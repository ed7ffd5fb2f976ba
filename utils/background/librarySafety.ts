import { browser } from 'wxt/browser';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { TOMBSTONE_TTL_MS } from '@/utils/shared/sync/syncRecords';
import type { PaperlightDatabase } from '@/utils/storage/database';
import {
  readRetentionDays,
  readStorageNotice,
  type StorageNotice,
  storageNoticeItem,
} from '@/utils/storage/watchSettings';

/**
 * Keeping the library safe and the database small. Once a day, unsaved papers not seen for the
 * retention period (options page; default 180 days) are pruned, and the storage estimate is
 * checked. When storage runs short (by the estimate, or because a write failed with a
 * QuotaExceededError), unsaved papers not seen for {@link SHORT_KEEP_DAYS} days are pruned too
 * and a notice is kept for the options page and the popup.
 *
 * Never pruned: saved papers, and papers that carry something the user gave them even when
 * unsaved: tags, a note, a reading state, a library edit (an unsave sync must carry), "more like this", "not interested" (they would come back unmarked), or
 * an unseen watch update. Pruning walks the `lastSeenAt` index in batches of
 * {@link PRUNE_BATCH}, one transaction each; it never reads the whole table.
 */

export const MAINTENANCE_ALARM = 'paperlight-maintenance';
export const MAINTENANCE_PERIOD_MINUTES = 24 * 60;
export const PRUNE_BATCH = 500;
/** When storage runs short, unsaved papers not seen for this long go too. */
export const SHORT_KEEP_DAYS = 30;
/** Storage is short when less than this is left, or more than {@link SHORT_FRACTION} is used. */
export const SHORT_BYTES_LEFT = 50 * 1024 * 1024;
export const SHORT_FRACTION = 0.9;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a paper may be pruned: nothing the user gave it would be lost. */
export function isPrunable(paper: PaperRecord, now: number): boolean {
  const lastLibraryEdit = Math.max(0, ...Object.values(paper.libraryEditedAt ?? {}));
  return (
    paper.savedAt === undefined &&
    (paper.tagIds ?? []).length === 0 &&
    !paper.note?.trim() &&
    paper.readingState === undefined &&
    // An unsave still syncing (a tombstone) needs the record to carry it to other browsers.
    lastLibraryEdit < now - TOMBSTONE_TTL_MS &&
    paper.likedAt === undefined &&
    paper.dismissedAt === undefined &&
    paper.unseenUpdateAt === undefined
  );
}

/**
 * Deletes the prunable papers last seen before `cutoff` (ms), oldest first, a batch per
 * transaction; returns how many. Papers kept are counted, so the next batch starts after them.
 */
export async function pruneUnseenSince(
  database: PaperlightDatabase,
  cutoff: number,
  now: number,
  batch = PRUNE_BATCH,
): Promise<number> {
  let pruned = 0;
  let kept = 0;
  for (;;) {
    const done = await database.transaction('rw', database.papers, async () => {
      const papers = await database.papers
        .where('lastSeenAt')
        .below(cutoff)
        .offset(kept)
        .limit(batch)
        .toArray();
      const gone = papers.filter((paper) => isPrunable(paper, now)).map((paper) => paper.id);
      await database.papers.bulkDelete(gone);
      pruned += gone.length;
      kept += papers.length - gone.length;
      return papers.length < batch;
    });
    if (done) return pruned;
  }
}

export interface StorageEstimate {
  usage?: number;
  quota?: number;
}

export type Estimate = () => Promise<StorageEstimate | undefined>;

const browserEstimate: Estimate = async () =>
  typeof navigator !== 'undefined' && navigator.storage?.estimate
    ? navigator.storage.estimate()
    : undefined;

export function isShort(estimate: StorageEstimate | undefined): boolean {
  const usage = estimate?.usage ?? 0;
  const quota = estimate?.quota ?? 0;
  if (!(quota > 0)) return false;
  return quota - usage < SHORT_BYTES_LEFT || usage / quota > SHORT_FRACTION;
}

export interface MaintenanceDeps {
  database: PaperlightDatabase;
  now?: () => number;
  estimate?: Estimate;
}

export interface MaintenanceReport {
  /** Pruned by the retention period. */
  pruned: number;
  /** Pruned more because storage ran short. */
  prunedShort: number;
  short: boolean;
}

/** Storage ran short: prune what may go, and tell the user. */
async function whenShort(
  deps: MaintenanceDeps,
  cause: StorageNotice['cause'],
  estimate: StorageEstimate | undefined,
): Promise<number> {
  const now = (deps.now ?? Date.now)();
  const pruned = await pruneUnseenSince(deps.database, now - SHORT_KEEP_DAYS * DAY_MS, now);
  const notice: StorageNotice = {
    at: now,
    usage: estimate?.usage ?? 0,
    quota: estimate?.quota ?? 0,
    pruned,
    cause,
  };
  await storageNoticeItem.setValue(notice);
  console.warn(
    `[Paperlight] storage is running short (${cause}); pruned ${pruned} unsaved papers not seen for ${SHORT_KEEP_DAYS} days`,
  );
  return pruned;
}

/** The daily run: retention, then the storage check. Never throws. */
export async function runMaintenance(deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const now = (deps.now ?? Date.now)();
  const report: MaintenanceReport = { pruned: 0, prunedShort: 0, short: false };
  try {
    const days = await readRetentionDays();
    if (days > 0) report.pruned = await pruneUnseenSince(deps.database, now - days * DAY_MS, now);
    const estimate = await (deps.estimate ?? browserEstimate)().catch(() => undefined);
    report.short = isShort(estimate);
    if (report.short) {
      report.prunedShort = await whenShort(deps, 'estimate', estimate);
    } else if (estimate?.quota && (await readStorageNotice())) {
      // Room again: the notice goes (a refused write that still fails tells the user again).
      await storageNoticeItem.setValue(null);
    }
    if (report.pruned > 0) {
      console.info(`[Paperlight] pruned ${report.pruned} unsaved papers not seen for ${days} days`);
    }
  } catch (error) {
    console.warn('[Paperlight] library maintenance failed:', error);
  }
  return report;
}

/** Whether an error is the browser refusing a write for lack of room. */
export function isQuotaError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const name = (cause as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    cause =
      (cause as { inner?: unknown; cause?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

let handlingQuota: Promise<unknown> | undefined;

/**
 * After a failed write: when it failed for lack of room, prune and tell the user (once at a
 * time). Returns whether it was a quota error. Never throws.
 */
export async function afterWriteError(deps: MaintenanceDeps, error: unknown): Promise<boolean> {
  if (!isQuotaError(error)) return false;
  handlingQuota ??= (async () => {
    const estimate = await (deps.estimate ?? browserEstimate)().catch(() => undefined);
    await whenShort(deps, 'quota-error', estimate);
  })()
    .catch((failure: unknown) => {
      console.warn('[Paperlight] could not make room:', failure);
    })
    .finally(() => {
      handlingQuota = undefined;
    });
  await handlingQuota;
  return true;
}

export async function scheduleMaintenance(): Promise<void> {
  const existing = await browser.alarms.get(MAINTENANCE_ALARM);
  if (existing?.periodInMinutes === MAINTENANCE_PERIOD_MINUTES) return;
  await browser.alarms.create(MAINTENANCE_ALARM, {
    delayInMinutes: 10,
    periodInMinutes: MAINTENANCE_PERIOD_MINUTES,
  });
}

/** Never throws. */
export async function handleMaintenanceAlarm(
  alarm: { name: string },
  deps: MaintenanceDeps,
): Promise<MaintenanceReport | undefined> {
  if (alarm.name !== MAINTENANCE_ALARM) return undefined;
  return runMaintenance(deps);
}
