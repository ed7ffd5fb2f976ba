import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepShadowRoots } from '@/tests/helpers/shadowRoots';
import { readFixture } from '@/tests/unit/content/adapters/load';
import { type Send, startContentScript } from '@/utils/content/contentScript';
import { onStatusesChanged } from '@/utils/content/statusesChanged';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * Live updates: the background says `statusesChanged` to the tab; the content script asks the
 * statuses of the papers it marked, in page order, and redraws marks and the bar's count in place.
 */

const CATCHUP = 'https://arxiv.org/catchup/cs.CL/2026-11-30';
const IDS = ['2611.10001', '2611.10002', '2610.00007'];

function status(id: string, fields: Partial<PaperStatus> = {}): PaperStatus {
  return {
    id,
    saved: false,
    seenBefore: false,
    opened: false,
    dismissed: false,
    hasCode: false,
    ...fields,
  };
}

const matching = (id: string) =>
  status(id, {
    relevance: {
      score: 0.9,
      matched: true,
      reasons: ['author: Y. Bengio'],
      learned: [],
      coldStart: true,
    },
  });

beforeEach(() => {
  fakeBrowser.reset();
});

function openCatchup() {
  const dom = new JSDOM(readFixture('arxiv-catchup.html'), { url: CATCHUP });
  const roots = keepShadowRoots(dom.window as unknown as Window & typeof globalThis);
  let changed = false;
  const send = vi.fn(async (type: string, payload: { ids?: string[] }) => {
    if (type === 'pageDetected') return { statuses: IDS.map((id) => status(id)) };
    if (type === 'paperStatuses') {
      return {
        statuses: (payload.ids ?? []).map((id) =>
          changed && id === IDS[0] ? matching(id) : status(id),
        ),
      };
    }
    throw new Error(`unexpected ${type}`);
  });
  startContentScript(dom.window.document, send as unknown as Send, {
    subscribe: onStatusesChanged,
  });
  const doc = dom.window.document;
  const shadow = (selector: string) => {
    const host = doc.querySelector(selector);
    return host ? roots.get(host) : undefined;
  };
  return {
    doc,
    send,
    changeInterests: () => {
      changed = true;
    },
    saveLabel: (id: string) =>
      shadow(`paperlight-mark[data-paperlight-id="${id}"]`)
        ?.querySelector('button.s')
        ?.getAttribute('aria-label'),
    count: () => shadow('paperlight-bar')?.querySelector('span')?.textContent,
  };
}

describe('statusesChanged', () => {
  it('re-marks the open catch-up page and recounts the matches, in place', async () => {
    const page = openCatchup();
    await vi.waitFor(() => expect(page.count()).toBe('0 matches'));
    const host = page.doc.querySelector('paperlight-mark');
    page.changeInterests();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'statusesChanged' },
      { id: fakeBrowser.runtime.id },
    );
    await vi.waitFor(() => expect(page.count()).toBe('1 match'));
    expect(page.send).toHaveBeenLastCalledWith('paperStatuses', { ids: IDS });
    expect(page.saveLabel(IDS[0] as string)).toBe(
      'Save in Paperlight — matches: author: Y. Bengio',
    );
    // The same mark, redrawn.
    expect(page.doc.querySelector('paperlight-mark')).toBe(host);
    expect(page.doc.querySelectorAll('paperlight-mark')).toHaveLength(3);
  });

  it('ignores messages from anything but this extension, and other messages', async () => {
    const page = openCatchup();
    await vi.waitFor(() => expect(page.count()).toBe('0 matches'));
    page.changeInterests();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'statusesChanged' },
      { id: 'another-extension' },
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'somethingElse' },
      { id: fakeBrowser.runtime.id },
    );
    expect(page.send).not.toHaveBeenCalledWith('paperStatuses', expect.anything());
  });
});
