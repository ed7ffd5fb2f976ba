import { browser } from 'wxt/browser';

/** The manifest command (wxt.config.ts `commands`) that opens the library. */
export const OPEN_LIBRARY_COMMAND = 'open-library';

interface ExtensionContext {
  tabId: number;
  documentUrl?: string;
}
type GetContexts = (filter: { contextTypes: string[] }) => Promise<ExtensionContext[]>;

/**
 * The tab already showing the library, if any. Chrome lists the extension's own tabs with
 * `runtime.getContexts` (no permission needed); elsewhere `tabs.query` by URL, which sees the
 * extension's own pages.
 */
async function libraryTabId(url: string): Promise<number | undefined> {
  const getContexts = (browser.runtime as unknown as { getContexts?: GetContexts }).getContexts;
  if (getContexts) {
    const contexts = await getContexts({ contextTypes: ['TAB'] });
    return contexts.find((context) => context.tabId >= 0 && context.documentUrl?.startsWith(url))
      ?.tabId;
  }
  const tabs = await browser.tabs.query({ url: `${url}*` });
  return tabs[0]?.id;
}

/** Focuses the library's tab when one is open, else opens it in a new tab. */
export async function openOrFocusLibrary(): Promise<void> {
  const url = browser.runtime.getURL('/library.html');
  const tabId = await libraryTabId(url).catch(() => undefined);
  if (tabId !== undefined) {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
