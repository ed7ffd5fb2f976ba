import { browser } from 'wxt/browser';

/**
 * The toolbar button's API. Chrome's build is Manifest V3 (`action`); Firefox's is Manifest V2,
 * which has only `browserAction`: calling `browser.action` there crashed the background at start-up.
 */
export function toolbarButton() {
  return browser.action ?? browser.browserAction;
}
