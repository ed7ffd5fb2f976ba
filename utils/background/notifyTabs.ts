import { browser } from 'wxt/browser';
import { STATUSES_CHANGED, type StatusesChangedPush } from '@/utils/shared/protocol';

/** The pages the content script runs on (see entrypoints/content): only they are told. */
const CONTENT_SCRIPT_TABS = ['https://arxiv.org/*', 'https://huggingface.co/*'];

/**
 * Tells every open arXiv and Hugging Face tab that paper statuses may have changed, so their page
 * marks are redrawn without a reload. Tabs without the content script (or still loading) do not
 * answer; that is fine: they read fresh statuses when they load.
 */
export async function notifyStatusesChanged(): Promise<void> {
  const push: StatusesChangedPush = { type: STATUSES_CHANGED };
  const tabs = await browser.tabs.query({ url: CONTENT_SCRIPT_TABS });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, push).catch(() => {}),
    ),
  );
}
