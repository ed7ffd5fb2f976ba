import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_RETENTION_DAYS,
  RETENTION_CHOICES,
  type RetentionDays,
  WATCH_OUTCOMES,
  type WatchReport,
} from '@/utils/shared/watch';
import { finiteOrZero, listOf } from '@/utils/storage/storedValue';

/**
 * The watch on saved papers and the library's safety settings in `storage.local`, each read
 * through a valibot schema (a hand edit or an older version reads as the default). The options
 * page writes them as soon as they change; the worker reads them on every run.
 */

/** Check saved papers for news (on by default; one switch on the options page). */
export const watchEnabledItem = storage.defineItem<boolean>('local:settings.watchSaved', {
  fallback: true,
});
export const WATCH_ENABLED_KEY = 'settings.watchSaved';

/** Unsaved papers not seen for this many days are pruned; 0 keeps everything. */
export const retentionDaysItem = storage.defineItem<RetentionDays>('local:settings.retentionDays', {
  fallback: DEFAULT_RETENTION_DAYS,
});

/** The last watch run's report (the options page shows it). */
export const lastWatchReportItem = storage.defineItem<WatchReport | null>(
  'local:watch.lastReport',
  {
    fallback: null,
  },
);

/** Set while storage runs short: what was found and what was done about it. */
export interface StorageNotice {
  /** When it was found (ms). */
  at: number;
  /** Bytes used and available to the extension, when the browser says (0 when unknown). */
  usage: number;
  quota: number;
  /** Unsaved papers pruned to make room. */
  pruned: number;
  /** What revealed it: the daily check, or a write refused for lack of room. */
  cause: 'estimate' | 'quota-error';
}

export const storageNoticeItem = storage.defineItem<StorageNotice | null>('local:storage.notice', {
  fallback: null,
});

const storedWatchEnabled = v.fallback(v.boolean(), true);
const storedRetention = v.fallback(v.picklist(RETENTION_CHOICES), DEFAULT_RETENTION_DAYS);

/** The stored switch as read (pages read the raw value live, then this). */
export function watchEnabledOf(value: unknown): boolean {
  return v.parse(storedWatchEnabled, value);
}

export function retentionDaysOf(value: unknown): RetentionDays {
  return v.parse(storedRetention, value);
}

export async function readWatchEnabled(): Promise<boolean> {
  return watchEnabledOf(await watchEnabledItem.getValue());
}

export async function readRetentionDays(): Promise<RetentionDays> {
  return retentionDaysOf(await retentionDaysItem.getValue());
}

const storedNotice = v.fallback(
  v.nullable(
    v.object({
      at: finiteOrZero,
      usage: finiteOrZero,
      quota: finiteOrZero,
      pruned: finiteOrZero,
      cause: v.fallback(v.picklist(['estimate', 'quota-error']), 'estimate'),
    }),
  ),
  null,
) satisfies v.GenericSchema<unknown, StorageNotice | null>;

export function storageNoticeOf(value: unknown): StorageNotice | null {
  return v.parse(storedNotice, value);
}

export async function readStorageNotice(): Promise<StorageNotice | null> {
  return storageNoticeOf(await storageNoticeItem.getValue());
}

const count = v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 0);
const storedReport = v.fallback(
  v.nullable(
    v.object({
      at: finiteOrZero,
      outcome: v.picklist(WATCH_OUTCOMES),
      checked: count,
      updated: count,
      updates: count,
      skipped: count,
      requests: count,
      hfRequests: count,
      until: v.optional(v.number()),
      detail: v.optional(v.pipe(v.string(), v.maxLength(300))),
      news: v.optional(
        listOf(
          v.object({
            id: v.pipe(v.string(), v.maxLength(100)),
            title: v.pipe(v.string(), v.maxLength(300)),
            lines: listOf(v.pipe(v.string(), v.maxLength(3000))),
          }),
        ),
      ),
    }),
  ),
  null,
) satisfies v.GenericSchema<unknown, WatchReport | null>;

/** The last report as stored; anything malformed reads as none. */
export function watchReportOf(value: unknown): WatchReport | null {
  return v.parse(storedReport, value);
}
