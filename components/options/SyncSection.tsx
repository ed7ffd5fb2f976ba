import { useId, useState } from 'react';
import { useStorageValue } from '@/components/useStorageValue';
import { sendMessage } from '@/utils/pages/sendMessage';
import type { SyncReport } from '@/utils/shared/protocol';
import { parseSyncStatus, syncEnabledItem, syncStatusItem } from '@/utils/storage/syncStore';

export interface SyncSectionServices {
  syncNow: () => Promise<SyncReport>;
  /** Asks the browser not to clear Paperlight's storage under pressure (navigator.storage.persist). */
  persist: () => Promise<boolean>;
}

const defaultServices: SyncSectionServices = {
  syncNow: () => sendMessage('syncNow', {}),
  persist: async () => (await navigator.storage?.persist?.()) ?? false,
};

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The opt-in to sync through the browser's own `storage.sync`: the switch (saved at once), when
 * it last synced, how much of the browser's sync space it uses, and plainly, when the library
 * is larger than that space, how much of it syncs.
 */
export function SyncSection({ services = defaultServices }: { services?: SyncSectionServices }) {
  const enabled = useStorageValue(syncEnabledItem);
  const status = parseSyncStatus(useStorageValue(syncStatusItem));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const meterId = useId();

  const onSwitch = (on: boolean) => {
    setMessage(null);
    syncEnabledItem.setValue(on).catch((error: unknown) => {
      setMessage(`Could not save: ${error}`);
    });
    // Synced or not, a library worth syncing is worth keeping: asked once it matters.
    if (on) services.persist().catch(() => false);
  };

  const onSyncNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const report = await services.syncNow();
      setMessage(
        report.wrote === 'later'
          ? 'Synced; sending your latest changes in a few seconds (the browser limits how often).'
          : 'Synced.',
      );
    } catch (error) {
      setMessage(`Sync failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const over = status !== null && status.papersSynced < status.papersWanted;
  const quota = status?.quotaBytes || 102_400;
  return (
    <section aria-labelledby={`${meterId}-title`}>
      <h2 id={`${meterId}-title`}>Sync</h2>
      <p className="lead">
        Your saved papers, tags, notes, reading states and interests can follow you to your other
        browsers signed in to the same browser account, through the browser's own sync. No
        Paperlight server is involved. The browser allows about 100 KB: about 5,000 saved papers
        (fewer with many tags and notes); the most recently changed go first.
      </p>
      <label className="switch">
        <input
          type="checkbox"
          name="sync"
          checked={enabled === true}
          disabled={enabled === undefined}
          onChange={(event) => onSwitch(event.target.checked)}
        />
        <span>Sync my library through the browser</span>
      </label>
      {enabled ? (
        <>
          <p className="hint">
            {status && status.lastSyncAt > 0
              ? `Last synced ${new Date(status.lastSyncAt).toLocaleString()}.`
              : 'Not synced yet.'}
          </p>
          {status ? (
            <p className="hint">
              <label htmlFor={meterId}>Browser sync space used: </label>
              <meter id={meterId} min={0} max={quota} value={status.bytes} />{' '}
              {kilobytes(status.bytes)} of {kilobytes(quota)} (
              {Math.round((status.bytes / quota) * 100)}%)
            </p>
          ) : null}
          {over ? (
            <p className="warning" role="status">
              Your library is larger than browser sync allows:{' '}
              {status.papersSynced.toLocaleString()} most recently changed items are synced (of{' '}
              {status.papersWanted.toLocaleString()}). The others stay in this browser.
            </p>
          ) : null}
          {status?.tagsLeftOut ? (
            <p className="warning">{status.tagsLeftOut} tags did not fit and are not synced.</p>
          ) : null}
          {status?.error ? (
            <p className="hint error">The last sync failed: {status.error}</p>
          ) : null}
          <div className="actions">
            <button type="button" onClick={onSyncNow} disabled={busy}>
              Sync now
            </button>
          </div>
        </>
      ) : null}
      <output className="status" aria-live="polite">
        {message}
      </output>
    </section>
  );
}
