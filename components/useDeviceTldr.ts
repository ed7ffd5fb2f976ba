import { useEffect, useState } from 'react';
import { onDeviceSummarizerStatus, summarizeAbstract } from '@/utils/pages/onDeviceSummarizer';
import { readOnDeviceSummary } from '@/utils/storage/settingsStore';

/**
 * The popup's on-device summaries (Chrome's built-in Summarizer, opt-in on the options page).
 * Per popup session, in memory only: whether to use them at all (the setting is on and the model
 * is available, checked once), and each abstract's summary, or null when it failed.
 */
let enabled: Promise<boolean> | null = null;
const summaries = new Map<string, string | null>();

function onDeviceEnabled(): Promise<boolean> {
  enabled ??= readOnDeviceSummary()
    .then(async (on) => on && (await onDeviceSummarizerStatus()) === 'available')
    .catch(() => false);
  return enabled;
}

/**
 * The on-device one-sentence summary of `abstract`, once it is ready; null until then and whenever
 * the setting is off, the API is missing or anything fails (the row keeps its local TL;DR). Starts
 * only while the row is mounted (the lists render only the rows on screen) and never blocks it.
 */
export function useDeviceTldr(abstract: string | undefined): string | null {
  const text = abstract?.trim() ?? '';
  const [summary, setSummary] = useState<string | null>(() => summaries.get(text) ?? null);

  useEffect(() => {
    if (text === '') {
      setSummary(null);
      return;
    }
    if (summaries.has(text)) {
      setSummary(summaries.get(text) ?? null);
      return;
    }
    setSummary(null);
    const controller = new AbortController();
    onDeviceEnabled()
      .then((on) => (on ? summarizeAbstract(text, { signal: controller.signal }) : null))
      .then((result) => {
        // An unmounted row's summary was cancelled, not failed: ask again when it comes back.
        if (controller.signal.aborted) return;
        summaries.set(text, result);
        setSummary(result);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [text]);

  return text === '' ? null : summary;
}

/** Forgets the session's state (a new popup would; the tests do). */
export function resetDeviceTldrSession(): void {
  enabled = null;
  summaries.clear();
}
