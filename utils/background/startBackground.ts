import { browser } from 'wxt/browser';
import { refreshBadge } from '@/utils/background/badge';
import { handleAlarm, scheduleAtStartup, scheduleDigest } from '@/utils/background/feedSchedule';
import { handleFillInAlarm, resumeFillIn } from '@/utils/background/fillIn';
import { handleMessage } from '@/utils/background/handleMessage';
import { toolbarButton } from '@/utils/background/toolbarButton';
import type { Sender } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { SETTINGS_KEYS } from '@/utils/storage/settingsStore';

/**
 * Who sent a runtime message: this extension's own pages are on its origin (`ownBase`, e.g.
 * `chrome-extension://<id>/`); anything else of this extension is a content script running in a
 * web page (a popup opened in a tab still has the extension's URL). Undefined for another
 * extension. A sender without a URL gets the content script's lesser rights.
 */
export function senderOf(
  sender: { id?: string; url?: string },
  ownId: string,
  ownBase: string,
): Sender | undefined {
  if (sender.id !== ownId) return undefined;
  return sender.url?.startsWith(ownBase) ? 'extension-page' : 'content-script';
}

/** The service worker's wiring: the message listener, start-up, alarms and settings changes. */
export function startBackground(database: PaperlightDatabase): void {
  toolbarButton()
    .setBadgeBackgroundColor({ color: '#b3261e' })
    .catch(() => {});
  const ownBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = senderOf(sender, browser.runtime.id, ownBase);
    if (!from) return undefined;
    return handleMessage(database, message, Date.now, { from });
  });
  // Badge text is not kept across browser restarts; recompute it from the digest.
  // The digest's alarms may not survive a restart either: schedule them, and one run soon.
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge(database);
    scheduleAtStartup().catch(logScheduleError);
    // Papers still waiting for their details from an earlier session.
    resumeFillIn({ database }).catch((error: unknown) => {
      console.warn('[Paperlight] could not resume the fill-in:', error);
    });
  });
  browser.runtime.onInstalled.addListener(() => {
    void refreshBadge(database);
    scheduleAtStartup().catch(logScheduleError);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void handleAlarm(alarm, { database, refreshBadge: () => refreshBadge(database) });
    void handleFillInAlarm(alarm, { database });
  });
  // The options page changed a setting: the period or the sources may differ now.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !SETTINGS_KEYS.some((key) => Object.hasOwn(changes, key))) return;
    scheduleDigest().catch(logScheduleError);
  });
}

function logScheduleError(error: unknown): void {
  console.warn('[Paperlight] could not schedule the digest:', error);
}
