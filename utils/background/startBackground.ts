import { browser } from 'wxt/browser';
import { refreshBadge } from '@/utils/background/badge';
import { handleAlarm, scheduleAtStartup, scheduleDigest } from '@/utils/background/feedSchedule';
import { handleFillInAlarm, requestFillIn, resumeFillIn } from '@/utils/background/fillIn';
import { handleMessage } from '@/utils/background/handleMessage';
import { handleMaintenanceAlarm, scheduleMaintenance } from '@/utils/background/librarySafety';
import { OPEN_LIBRARY_COMMAND, openOrFocusLibrary } from '@/utils/background/libraryTab';
import { notifyStatusesChanged } from '@/utils/background/notifyTabs';
import { recordOpened } from '@/utils/background/openedPapers';
import { createRankingService } from '@/utils/background/rankingService';
import { changesLibrary, createSyncService } from '@/utils/background/sync';
import { toolbarButton } from '@/utils/background/toolbarButton';
import { handleWatchAlarm, scheduleWatch } from '@/utils/background/watchSaved';
import { openedPaperId } from '@/utils/shared/arxivId';
import type { Sender } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { BADGE_MODE_KEY } from '@/utils/storage/rankingStore';
import { SETTINGS_KEYS } from '@/utils/storage/settingsStore';
import { SYNC_ENABLED_KEY } from '@/utils/storage/syncStore';
import { WATCH_ENABLED_KEY } from '@/utils/storage/watchSettings';

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
  const statusesChanged = () => notifyStatusesChanged().catch(logError('tell open pages'));
  const ranking = createRankingService(database, {
    relevanceChanged: async () => {
      await Promise.all([statusesChanged(), refreshBadge(database)]);
    },
  });
  const sync = createSyncService(database, {
    papersArrived: (ids) => {
      requestFillIn({ database }, ids).catch(logError('look up papers saved elsewhere'));
    },
    libraryChanged: () => {
      void statusesChanged();
      void refreshBadge(database);
    },
  });
  const syncNow = () => {
    sync.syncNow().catch(logError('sync the library'));
  };
  const ownBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = senderOf(sender, browser.runtime.id, ownBase);
    if (!from) return undefined;
    return handleMessage(database, message, Date.now, {
      from,
      ranking,
      statusesChanged,
      sync,
    }).then((reply) => {
      if (reply.ok && changesLibrary((message as { type?: unknown }).type)) sync.localChanged();
      return reply;
    });
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command === OPEN_LIBRARY_COMMAND) {
      openOrFocusLibrary().catch(logError('open the library'));
    }
  });
  // Opening a paper is a signal the reader gives without thinking. Host access to arxiv.org and
  // huggingface.co gives the worker these tabs' URLs (PDFs included, which have no content
  // script); other tabs' URLs are not visible to it.
  browser.tabs.onUpdated.addListener((_tabId, change) => {
    const id = change.url ? openedPaperId(change.url) : undefined;
    if (!id || !change.url) return;
    recordOpened(database, id, change.url, Date.now())
      .then((first) => {
        if (first) ranking.signalGiven();
        return statusesChanged();
      })
      .catch(logError('record an opened paper'));
  });
  // Badge text is not kept across browser restarts; recompute it from the digest.
  // The digest's alarms may not survive a restart either: schedule them, and one run soon.
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge(database);
    ranking.retrainNow().catch(logError('learn from your signals'));
    scheduleAtStartup().catch(logScheduleError);
    // Papers still waiting for their details from an earlier session.
    resumeFillIn({ database }).catch((error: unknown) => {
      console.warn('[Paperlight] could not resume the fill-in:', error);
    });
    scheduleLibraryAlarms();
    syncNow();
  });
  browser.runtime.onInstalled.addListener(() => {
    void refreshBadge(database);
    ranking.retrainNow().catch(logError('learn from your signals'));
    scheduleAtStartup().catch(logScheduleError);
    scheduleLibraryAlarms();
    syncNow();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void handleAlarm(alarm, {
      database,
      refreshBadge: () => refreshBadge(database),
      scoring: () => ranking.scoring(Date.now()),
    });
    void handleFillInAlarm(alarm, { database });
    void handleWatchAlarm(alarm, { database });
    void handleMaintenanceAlarm(alarm, { database });
  });
  // The options page changed a setting: the period or the sources may differ now.
  browser.storage.onChanged.addListener((changes, area) => {
    // Another browser's library arrived (or this one's own write came back: ignored).
    if (area === 'sync') sync.areaChanged(changes);
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (keys.includes(SYNC_ENABLED_KEY)) syncNow();
    if (keys.includes('ranking.interests')) sync.localChanged();
    if (SETTINGS_KEYS.some((key) => keys.includes(key))) scheduleDigest().catch(logScheduleError);
    if (keys.includes(BADGE_MODE_KEY)) void refreshBadge(database);
    if (keys.includes(WATCH_ENABLED_KEY)) scheduleWatch().catch(logError('schedule the watch'));
    ranking.storageChanged(keys).catch(logError('re-rank your papers'));
  });
}

/** The watch on saved papers (12-hourly, while on) and the daily retention and storage check. */
function scheduleLibraryAlarms(): void {
  scheduleWatch().catch(logError('schedule the watch'));
  scheduleMaintenance().catch(logError('schedule the library maintenance'));
}

function logError(what: string): (error: unknown) => void {
  return (error) => {
    console.warn(`[Paperlight] could not ${what}:`, error);
  };
}

function logScheduleError(error: unknown): void {
  console.warn('[Paperlight] could not schedule the digest:', error);
}
