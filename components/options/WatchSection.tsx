import { useEffect, useState } from 'react';
import { useStorageValue } from '@/components/useStorageValue';
import { sendMessage } from '@/utils/pages/sendMessage';
import { type WatchReport, watchSummary } from '@/utils/shared/watch';
import {
  lastWatchReportItem,
  watchEnabledItem,
  watchEnabledOf,
  watchReportOf,
} from '@/utils/storage/watchSettings';

export interface WatchServices {
  checkNow: () => Promise<WatchReport>;
}

const defaultServices: WatchServices = { checkNow: () => sendMessage('watchSavedNow', {}) };

type Status =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; report: WatchReport }
  | { kind: 'error'; message: string };

function ReportLine({ report }: { report: WatchReport }) {
  return (
    <div className="watch-report" data-outcome={report.outcome} data-updated={report.updated}>
      <span>{watchSummary(report)}</span>
      {report.news && report.news.length > 0 ? (
        <ul className="watch-news">
          {report.news.map((item) => (
            <li key={item.id} data-id={item.id}>
              <strong>{item.title}</strong>: {item.lines.join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The watch on saved papers: its switch (saved on change), "Check now" and the last check. */
export function WatchSection({ services = defaultServices }: { services?: WatchServices }) {
  const stored = useStorageValue(watchEnabledItem);
  const storedEnabled = stored === undefined ? undefined : watchEnabledOf(stored);
  // The switch follows the click at once; storage catches up (or the write failed and it reverts).
  const [asked, setAsked] = useState<boolean | undefined>(undefined);
  const enabled = asked ?? storedEnabled;
  useEffect(() => {
    if (asked !== undefined && storedEnabled === asked) setAsked(undefined);
  }, [asked, storedEnabled]);
  const last = watchReportOf(useStorageValue(lastWatchReportItem) ?? null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onCheckNow = async () => {
    setStatus({ kind: 'checking' });
    try {
      setStatus({ kind: 'checked', report: await services.checkNow() });
    } catch (error) {
      setStatus({ kind: 'error', message: `Check failed: ${error}` });
    }
  };

  return (
    <section aria-labelledby="watch-heading">
      <h2 id="watch-heading">Watch on saved papers</h2>
      <p className="lead">
        Paperlight can look up your saved arXiv papers every 12 hours and tell you what changed: a
        new version, new comments (often the venue), a journal reference or DOI, and code that
        appeared. It asks the arXiv API for 100 papers at a time, at most one request every 3
        seconds, and Hugging Face for the code of up to 20 papers without code per check.
      </p>
      <fieldset>
        <legend>Watch</legend>
        <label className="switch">
          <input
            type="checkbox"
            name="watchSaved"
            checked={enabled === true}
            disabled={enabled === undefined}
            onChange={(event) => {
              const on = event.target.checked;
              setAsked(on);
              watchEnabledItem.setValue(on).catch((error: unknown) => {
                setAsked(undefined);
                console.warn('[Paperlight] could not save the watch switch:', error);
              });
            }}
          />
          <span>Check saved papers for news</span>
        </label>
        <div className="actions">
          <button
            type="button"
            onClick={onCheckNow}
            disabled={enabled !== true || status.kind === 'checking'}
          >
            Check now
          </button>
        </div>
        <output className="status watch-status" aria-live="polite">
          {status.kind === 'checking' ? 'Checking…' : null}
          {status.kind === 'error' ? <span className="error">{status.message}</span> : null}
          {status.kind === 'checked' ? <ReportLine report={status.report} /> : null}
        </output>
        {status.kind !== 'checked' && last ? (
          <p className="hint">
            Last check {new Date(last.at).toLocaleString()}: {watchSummary(last)}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
