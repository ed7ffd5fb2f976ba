import { useEffect, useId, useState } from 'react';
import { useStorageValue } from '@/components/useStorageValue';
import {
  formatBytes,
  requestPersistentStorage,
  type StorageStatus,
  storageStatus,
} from '@/utils/pages/persistentStorage';
import { isRetentionDays, RETENTION_CHOICES, type RetentionDays } from '@/utils/shared/watch';
import {
  retentionDaysItem,
  retentionDaysOf,
  storageNoticeItem,
  storageNoticeOf,
} from '@/utils/storage/watchSettings';

export interface StorageServices {
  status: () => Promise<StorageStatus>;
  persist: () => Promise<boolean | undefined>;
}

const defaultServices: StorageServices = {
  status: storageStatus,
  persist: requestPersistentStorage,
};

function retentionLabel(days: RetentionDays): string {
  if (days === 0) return 'Never prune';
  if (days === 365) return '1 year';
  if (days === 730) return '2 years';
  return `${days} days`;
}

/** A notice while storage runs short (the worker sets it; it goes when there is room again). */
export function StorageNoticeBanner() {
  const notice = storageNoticeOf(useStorageValue(storageNoticeItem) ?? null);
  if (!notice) return null;
  const used =
    notice.quota > 0 ? ` (${formatBytes(notice.usage)} of ${formatBytes(notice.quota)} used)` : '';
  return (
    <p className="storage-notice error" role="alert">
      Storage is running short{used}. Paperlight pruned {notice.pruned} unsaved papers not seen for
      30 days; saved papers, tags and notes were kept. Freeing disk space, or a shorter retention
      below, makes room.
    </p>
  );
}

/** Retention of unsaved papers, and whether the browser keeps the library when space runs low. */
export function LibrarySafetySection({
  services = defaultServices,
}: {
  services?: StorageServices;
}) {
  const id = useId();
  const stored = useStorageValue(retentionDaysItem);
  const retention = stored === undefined ? undefined : retentionDaysOf(stored);
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let live = true;
    services
      .status()
      .then((found) => {
        if (live) setStatus(found);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [services]);

  const onPersist = async () => {
    const persisted = await services.persist();
    setStatus((previous) => ({ ...previous, persisted }));
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Library storage</h2>
      <StorageNoticeBanner />
      <fieldset>
        <legend>Unsaved papers</legend>
        <label className="field" htmlFor={`${id}-retention`}>
          Prune unsaved papers not seen for
        </label>
        <select
          id={`${id}-retention`}
          name="retentionDays"
          value={retention ?? ''}
          disabled={retention === undefined}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (!isRetentionDays(value)) return;
            retentionDaysItem.setValue(value).catch((error: unknown) => {
              console.warn('[Paperlight] could not save the retention:', error);
            });
          }}
        >
          {RETENTION_CHOICES.map((days) => (
            <option key={days} value={days}>
              {retentionLabel(days)}
            </option>
          ))}
        </select>
        <p className="hint">
          Checked once a day. Saved papers are never pruned, nor papers with tags, a note, "more
          like this" or "not interested". When storage runs short, unsaved papers not seen for 30
          days are pruned first, before anything saved.
        </p>
      </fieldset>
      <p className="storage-status">
        {status?.usage !== undefined && status.quota
          ? `${formatBytes(status.usage)} used of ${formatBytes(status.quota)} available. `
          : null}
        {status?.persisted === true
          ? 'The browser keeps your library even when disk space runs low.'
          : status?.persisted === false
            ? 'The browser may clear your library when disk space runs low.'
            : null}
      </p>
      {status?.persisted === false ? (
        <div className="actions">
          <button type="button" onClick={onPersist}>
            Ask the browser to keep it
          </button>
        </div>
      ) : null}
    </section>
  );
}
