import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_RETENTION_DAYS,
  RETENTION_CHOICES,
  type RetentionDays,
  type WatchReport,
} from '@/utils/shared/watch';
import { finiteOrZero } from '@/utils/storage/storedValue';

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

export async function readWatchEnabled(): Promise<boolean> {
  return v.parse(v.fallback(v.boolean(), true), await watchEnabledItem.getValue());
}

export async function readRetentionDays(): Promise<RetentionDays> {
  return v.parse(
    v.fallback(v.picklist(RETENTION_CHOICES), DEFAULT_RETENTION_DAYS),
    await retentionDaysItem.getValue(),
  );
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

export async function readStorageNotice(): Promise<StorageNotice | null> {
  return v.parse(storedNotice, await storageNoticeItem.getValue());
}
