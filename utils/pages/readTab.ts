import { browser } from 'wxt/browser';
import { isPageReading, type PageReading } from '@/utils/shared/pageReaderResult';

/**
 * The popup's side of "Summarize this page" / "Find papers on this page": runs the page reader
 * (entrypoints/page-reader.ts, built to /page-reader.js) in a tab with `scripting.executeScript`.
 * Only ever called from a click in the popup, when `activeTab` has granted access to the tab.
 */

export type PageReadOutcome =
  | { status: 'read'; reading: PageReading }
  /** The browser does not let extensions read this tab (chrome://, the extension store, …). */
  | { status: 'restricted' };

/** The injected script, as WXT builds it. */
export const PAGE_READER_FILE = '/page-reader.js';

/** Pages extensions may read: the web and local files; everything else is the browser's own. */
function readableUrl(url: string | undefined): boolean {
  return url === undefined || url === '' || /^(?:https?|file):/i.test(url);
}

/**
 * The tab the page actions work on: `tabId` when given (the popup's `?tab=` parameter), else
 * the active tab of the current window. undefined when there is none.
 */
export async function targetTab(tabId?: number): Promise<{ id: number; url?: string } | undefined> {
  if (tabId !== undefined) {
    try {
      const tab = await browser.tabs.get(tabId);
      return tab.id === undefined ? undefined : { id: tab.id, url: tab.url };
    } catch {
      return undefined;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/** Reads the tab's page with the injected reader; 'restricted' when the browser refuses. */
export async function readTab(tabId?: number): Promise<PageReadOutcome> {
  const tab = await targetTab(tabId);
  // Without `tabs` permission the URL is only known once activeTab grants the tab; a known URL
  // that is not a web page is refused up front, anything else is left to executeScript.
  if (!tab || !readableUrl(tab.url)) return { status: 'restricted' };
  let result: unknown;
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      files: [PAGE_READER_FILE],
    });
    result = first?.result;
  } catch {
    // "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted", no host
    // access: all mean the same to the user.
    return { status: 'restricted' };
  }
  return isPageReading(result) ? { status: 'read', reading: result } : { status: 'restricted' };
}
