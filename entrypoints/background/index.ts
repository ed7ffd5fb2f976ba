import { browser } from 'wxt/browser';
import { handleMessage, refreshBadge } from '@/utils/background';
import { db } from '@/utils/db';

export default defineBackground(() => {
  browser.action.setBadgeBackgroundColor({ color: '#b3261e' }).catch(() => {});
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(db, message);
  });
  // Badge text is not kept across browser restarts; recompute it from the digest.
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
  browser.runtime.onInstalled.addListener(() => void refreshBadge(db));
});
