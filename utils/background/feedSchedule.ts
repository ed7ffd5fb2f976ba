import { browser } from 'wxt/browser';
import { isQuiet, runDigest, summarize } from '@/utils/background/fetchFeeds';
import type { Scoring } from '@/utils/background/paperStore';
import { createPoliteFetcher, type PoliteFetcher } from '@/utils/background/politeFetch';
import type { DigestReport } from '@/utils/shared/protocol';
import { anySourceOn, type DigestSettings } from '@/utils/shared/settings';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { readSettings } from '@/utils/storage/settingsStore';

/**
 * When the background digest runs: a periodic alarm (the period from the settings), plus a
 * one-off alarm shortly after the browser starts or the extension is installed. Alarms live in
 * the browser, not in the service worker, so they survive it being stopped; the worker keeps no
 * state between events except a promise that joins overlapping runs.
 */

export const DIGEST_ALARM = 'paperlight-digest';
/** The one-off run after start-up or install. */
export const DIGEST_SOON_ALARM = 'paperlight-digest-soon';
/** How long after start-up or install the one-off run waits (lets the network come up). */
export const SOON_DELAY_MINUTES = 1;

/**
 * Makes the periodic alarm match the settings: none when no source is on; otherwise one every
 * `periodHours`. An alarm that already has the right period is left alone (its next run stays).
 */
export async function scheduleDigest(settings?: DigestSettings): Promise<void> {
  const current = settings ?? (await readSettings());
  if (!anySourceOn(current)) {
    await browser.alarms.clear(DIGEST_ALARM);
    await browser.alarms.clear(DIGEST_SOON_ALARM);
    return;
  }
  const period = current.periodHours * 60;
  const existing = await browser.alarms.get(DIGEST_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(DIGEST_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

/** The periodic alarm, plus one run shortly, if any source is on. */
export async function scheduleAtStartup(): Promise<void> {
  const settings = await readSettings();
  await scheduleDigest(settings);
  if (anySourceOn(settings)) {
    await browser.alarms.create(DIGEST_SOON_ALARM, { delayInMinutes: SOON_DELAY_MINUTES });
  }
}

export interface RunOptions {
  database: PaperlightDatabase;
  /** Recomputes the badge after papers were stored. */
  refreshBadge: () => Promise<unknown>;
  fetch?: PoliteFetcher;
  now?: () => number;
  /** How stored papers get their relevance (read once per run). */
  scoring?: () => Promise<Scoring>;
}

let running: Promise<DigestReport> | undefined;

/**
 * Runs the digest with the current settings, refreshes the badge and logs one compact line
 * (debug level when it only met quiet skips). A run asked for while one is going joins it.
 * Never throws.
 */
export function runDigestNow(options: RunOptions): Promise<DigestReport> {
  running ??= runLogged(options).finally(() => {
    running = undefined;
  });
  return running;
}

async function runLogged(options: RunOptions): Promise<DigestReport> {
  const at = (options.now ?? Date.now)();
  try {
    const report = await runDigest({
      database: options.database,
      fetch: options.fetch ?? createPoliteFetcher(),
      settings: await readSettings(),
      now: options.now,
      scoring: await options.scoring?.(),
      debug: (message) => console.debug(`[Paperlight] digest: ${message}`),
    });
    if (report.sources.some((source) => source.outcome === 'stored')) {
      await options.refreshBadge();
    }
    const line = `[Paperlight] digest: ${summarize(report)}`;
    if (isQuiet(report)) console.debug(line);
    else if (report.sources.some((source) => source.outcome === 'error')) console.warn(line);
    else console.info(line);
    return report;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[Paperlight] digest failed: ${reason}`);
    return { at, sources: [] };
  }
}

/** Never throws. */
export async function handleAlarm(
  alarm: { name: string },
  options: RunOptions,
): Promise<DigestReport | undefined> {
  if (alarm.name !== DIGEST_ALARM && alarm.name !== DIGEST_SOON_ALARM) return undefined;
  return runDigestNow(options);
}
