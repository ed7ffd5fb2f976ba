import { useEffect, useId, useRef, useState } from 'react';
import type { OnDeviceStatus } from '@/utils/pages/onDeviceSummarizer';

/** What the on-device summary section needs from the outside world; tests inject their own. */
export interface OnDeviceSummaryServices {
  /** This browser's Summarizer: ready, downloadable, downloading or missing. */
  status: () => Promise<OnDeviceStatus>;
  load: () => Promise<boolean>;
  save: (enabled: boolean) => Promise<void>;
  /** Downloads the model (from the opt-in gesture); progress 0..1; resolves to whether it is ready. */
  download: (onProgress: (fraction: number) => void) => Promise<boolean>;
}

const STATUS_TEXT: Readonly<Record<OnDeviceStatus, string>> = {
  available: 'Available',
  downloadable: 'Needs a one-time model download',
  downloading: 'Downloading the model…',
  unavailable: 'Not available in this browser',
};

function statusText(status: OnDeviceStatus, progress: number | null): string {
  if (status === 'downloading' && progress !== null) {
    return `Downloading the model… ${Math.round(progress * 100)}%`;
  }
  return STATUS_TEXT[status];
}

/**
 * The opt-in to Chrome's built-in Summarizer: a checkbox (saved as soon as it changes), the
 * detected status, and the model download, started only by switching it on.
 */
export function OnDeviceSummary({ services }: { services: OnDeviceSummaryServices }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [status, setStatus] = useState<OnDeviceStatus | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const statusId = useId();
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    Promise.all([
      services.load().catch(() => false),
      services.status().catch((): OnDeviceStatus => 'unavailable'),
    ]).then(([on, found]) => {
      if (!live.current) return;
      setEnabled(on);
      setStatus(found);
    });
    return () => {
      live.current = false;
    };
  }, [services]);

  const startDownload = () => {
    setStatus('downloading');
    setProgress(null);
    // Called synchronously from the change event: Chrome starts a download only on a user gesture.
    services
      .download((fraction) => {
        if (live.current) setProgress(fraction);
      })
      .then(async (ready) => {
        if (!live.current) return;
        if (ready) {
          setStatus('available');
          return;
        }
        setStatus(await services.status().catch((): OnDeviceStatus => 'unavailable'));
        setProblem("The model download did not finish; the popup keeps Paperlight's own TL;DRs.");
      });
  };

  const onToggle = (checked: boolean) => {
    setEnabled(checked);
    setProblem(null);
    if (checked && (status === 'downloadable' || status === 'downloading')) startDownload();
    services.save(checked).catch((error: unknown) => {
      if (live.current) setProblem(`Could not save: ${error}`);
    });
  };

  const usable = status !== null && status !== 'unavailable';
  return (
    <fieldset className="on-device">
      <legend>Summaries</legend>
      <label className="switch">
        <input
          type="checkbox"
          name="onDeviceSummary"
          checked={usable && enabled === true}
          disabled={!usable || enabled === null}
          aria-describedby={statusId}
          onChange={(event) => onToggle(event.target.checked)}
        />
        <span>Use Chrome's on-device summarizer when available</span>
      </label>
      <p id={statusId} className="hint" data-status={status ?? 'checking'}>
        {status === null ? 'Checking this browser…' : statusText(status, progress)}
      </p>
      {problem ? <p className="hint error">{problem}</p> : null}
      <p className="hint">
        The popup then shows a one-sentence summary written by the model in Chrome (labelled
        "On-device summary") once it is ready, in place of Paperlight's TL;DR. Abstracts never leave
        your browser. Takes effect the next time you open the popup.
      </p>
    </fieldset>
  );
}
