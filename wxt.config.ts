import { defineConfig, type Entrypoint, type WxtHooks } from 'wxt';

type ViteBuildConfig = Parameters<WxtHooks['vite:build:extendConfig']>[1];

// Firefox only (Chrome warns about keys it does not know). Paperlight collects and transmits no
// user data: its only requests are the public feeds and arXiv look-ups listed in the README.
// data_collection_permissions exists from Firefox 140 (142 on Android); older versions reject it.
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'paperlight@paperlight.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/**
 * The content script talks to the browser's own `browser` (Firefox) or `chrome` (Chrome) object,
 * as `@wxt-dev/browser` gives it: both return promises in Manifest V3 for the few calls it makes
 * (`runtime.sendMessage`, `runtime.onMessage`, `runtime.id`). The polyfill the other pages use
 * would be 3 KB of the content script's 14 KB gzip budget, on every arXiv page.
 */
function nativeBrowserInContentScripts(
  entrypoints: readonly Entrypoint[],
  config: ViteBuildConfig,
): void {
  if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
  const aliases = config.resolve?.alias ?? {};
  config.resolve = {
    ...config.resolve,
    alias: [
      { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
      ...(Array.isArray(aliases)
        ? aliases
        : Object.entries(aliases).map(([find, replacement]) => ({ find, replacement }))),
    ],
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: { 'vite:build:extendConfig': nativeBrowserInContentScripts },
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    description:
      "Notices the papers on arXiv and Hugging Face pages you read, keeps a local digest, and shows the day's papers with TL;DRs and code links.",
    // Host access only where papers are detected; everything else goes through activeTab on demand.
    // export.arxiv.org / rss.arxiv.org: the background digest fetches feeds from the service worker.
    host_permissions: [
      'https://arxiv.org/*',
      'https://huggingface.co/*',
      'https://export.arxiv.org/*',
      'https://rss.arxiv.org/*',
    ],
    // activeTab + scripting: the popup's "Summarize this page" / "Find papers on this page" read the
    // current tab only after the user's click, with the injected page-reader.js.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting'],
    action: { default_title: 'Paperlight' },
    // Handled by the worker (opens or focuses library.html); a command needs no permission.
    commands: {
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Paperlight library',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
