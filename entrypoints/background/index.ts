import { browser } from 'wxt/browser';
import { handleAlarm, scheduleAtStartup, scheduleDigest } from '@/utils/background/feedSchedule';
import { handleFillInAlarm, resumeFillIn } from '@/utils/background/fillIn';
import { handleMessage, refreshBadge } from '@/utils/background/handleMessage';
import { toolbarButton } from '@/utils/background/toolbarButton';
import { db } from '@/utils/storage/database';
import { SETTINGS_KEYS } from '@/utils/storage/settingsStore';

export default defineBackground(() => {
  toolbarButton()
    .setBadgeBackgroundColor({ color: '#b3261e' })
    .catch(() => {});
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(db, message);
  });
  // Badge text is not kept across browser restarts; recompute it from the digest.
  // The digest's alarms may not survive a restart either: schedule them, and one run soon.
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge(db);
    scheduleAtStartup().catch(logScheduleError);
    // Papers still waiting for their details from an earlier session.
    resumeFillIn({ database: db }).catch((error: unknown) => {
      console.warn('[Paperlight] could not resume the fill-in:', error);
    });
  });
  browser.runtime.onInstalled.addListener(() => {
    void refreshBadge(db);
    scheduleAtStartup().catch(logScheduleError);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void handleAlarm(alarm, { database: db, refreshBadge: () => refreshBadge(db) });
    void handleFillInAlarm(alarm, { database: db });
  });
  // The options page changed a setting: the period or the sources may differ now.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !SETTINGS_KEYS.some((key) => Object.hasOwn(changes, key))) return;
    scheduleDigest().catch(logScheduleError);
  });
});

function logScheduleError(error: unknown): void {
  console.warn('[Paperlight] could not schedule the digest:', error);
}
