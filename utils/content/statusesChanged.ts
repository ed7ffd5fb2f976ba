import { browser } from 'wxt/browser';

/**
 * Calls `refresh` when the background says the papers' statuses changed (interests edited, the
 * model retrained, a paper saved elsewhere): `{type: 'statusesChanged'}`, sent to the tab. Only
 * this extension can message a content script this way; the sender is checked all the same.
 */
export function onStatusesChanged(refresh: () => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (
      sender.id === browser.runtime.id &&
      (message as { type?: unknown })?.type === 'statusesChanged'
    ) {
      refresh();
    }
  });
}
