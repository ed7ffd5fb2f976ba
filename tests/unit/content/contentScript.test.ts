/**
 * The content script's watch on Hugging Face (a single-page app): each page is its own jsdom
 * window at a real URL; timers and Date are faked, MutationObserver callbacks are real microtasks.
 */
import { JSDOM } from 'jsdom';
import { readFixture } from '@/tests/unit/content/adapters/load';
import {
  RESCAN_DEBOUNCE_MS,
  RESCAN_MAX_WAIT_MS,
  type Send,
  startContentScript,
} from '@/utils/content/contentScript';
import type { PageDetection } from '@/utils/shared/paper';

const DAY = 'https://huggingface.co/papers/date/2024-09-02';
const FIRST_IDS = ['2409.00001', '2409.00002', '2409.00005', '2409.00008'];

const card = (id: string, title = `Paper ${id}`) =>
  `<a href="/papers/${id}" class="block h-56"></a><div class="leading-none">3</div>` +
  `<h3><a href="/papers/${id}">${title}</a></h3>`;

interface Page {
  window: JSDOM['window'];
  document: Document;
  sent: PageDetection[];
  send: ReturnType<typeof vi.fn>;
  stop: () => void;
  /** Appends cards for these ids to the card grid (a DOM mutation). */
  addCards(...ids: string[]): void;
  /** Lets the MutationObserver callbacks run (microtasks), then moves the clock. */
  wait(ms: number): Promise<void>;
}

const pages: Page[] = [];

function open(url: string, html = readFixture('hf-daily.html'), failures = 0): Page {
  const dom = new JSDOM(html, { url });
  const sent: PageDetection[] = [];
  let failing = failures;
  const send = vi.fn(async (type: string, payload: unknown) => {
    if (failing-- > 0) throw new Error('background restarting');
    if (type === 'pageDetected') sent.push(payload as PageDetection);
    return { statuses: [] };
  });
  const document = dom.window.document;
  const page: Page = {
    window: dom.window,
    document,
    sent,
    send,
    stop: startContentScript(document, send as unknown as Send),
    addCards(...ids) {
      const grid = document.querySelector('main .grid') ?? document.body;
      for (const id of ids) {
        const article = document.createElement('article');
        article.className = 'relative flex flex-col';
        article.innerHTML = card(id);
        grid.append(article);
      }
    },
    async wait(ms) {
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(ms);
    },
  };
  pages.push(page);
  return page;
}

const ids = (detection: PageDetection | undefined) => detection?.papers.map((p) => p.id);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const page of pages.splice(0)) {
    page.stop();
    page.window.close();
  }
  vi.useRealTimers();
});

describe('Hugging Face: the SPA watch', () => {
  it('reads the page at once, in one message', async () => {
    const page = open(DAY);
    await page.wait(0);
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]?.source).toEqual({
      kind: 'hf-daily',
      label: 'HF Daily Papers · 2024-09-02',
      url: DAY,
    });
    expect(ids(page.sent[0])).toEqual(FIRST_IDS);
  });

  it('rescans ~300 ms after the DOM grows and sends only the new papers', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.addCards('2409.00031', '2409.00001');
    await page.wait(RESCAN_DEBOUNCE_MS - 1);
    expect(page.sent).toHaveLength(1);
    await page.wait(1);
    expect(page.sent).toHaveLength(2);
    expect(page.sent[1]?.source.label).toBe('HF Daily Papers · 2024-09-02');
    expect(ids(page.sent[1])).toEqual(['2409.00031']);
    expect(page.sent[1]?.papers[0]?.hf?.dailyDate).toBe('2024-09-02');
  });

  it('debounces a burst of changes into one rescan, and sends nothing when nothing is new', async () => {
    const page = open(DAY);
    await page.wait(0);
    const scans = vi.spyOn(page.document, 'querySelectorAll');
    for (const id of ['2409.00041', '2409.00042', '2409.00043']) {
      page.addCards(id);
      await page.wait(100);
    }
    expect(page.sent).toHaveLength(1);
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent).toHaveLength(2);
    expect(ids(page.sent[1])).toEqual(['2409.00041', '2409.00042', '2409.00043']);
    const afterOne = scans.mock.calls.length;
    expect(afterOne).toBeGreaterThan(0);

    page.document.body.append(page.document.createElement('div'));
    page.addCards('2409.00041');
    await page.wait(RESCAN_DEBOUNCE_MS * 3);
    expect(scans.mock.calls.length).toBeGreaterThan(afterOne);
    expect(page.sent).toHaveLength(2);
  });

  it('still rescans a page that never stops changing', async () => {
    const page = open(DAY);
    await page.wait(0);
    const ticker = page.document.createElement('span');
    page.document.body.append(ticker);
    page.addCards('2409.00051');
    for (let t = 0; t < RESCAN_MAX_WAIT_MS + 500; t += 100) {
      ticker.textContent = String(t);
      await page.wait(100);
    }
    expect(ids(page.sent[1])).toEqual(['2409.00051']);
  });

  it('starts a new page view on a new URL: new label, leftovers of the old view not re-sent', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.window.history.pushState({}, '', '/papers/date/2024-09-03');
    // The app has not re-rendered yet: the old cards are still there.
    page.document.body.append(page.document.createElement('div'));
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent).toHaveLength(1);

    page.addCards('2409.00061', '2409.00062');
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent).toHaveLength(2);
    expect(page.sent[1]?.source).toEqual({
      kind: 'hf-daily',
      label: 'HF Daily Papers · 2024-09-03',
      url: 'https://huggingface.co/papers/date/2024-09-03',
    });
    expect(ids(page.sent[1])).toEqual(['2409.00061', '2409.00062']);
    expect(page.sent[1]?.papers[0]?.hf?.dailyDate).toBe('2024-09-03');

    // A paper sent in the first view, rendered anew on this one, is a sighting on this one.
    page.addCards('2409.00001', '2409.00061');
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(ids(page.sent[2])).toEqual(['2409.00001']);
    expect(page.sent[2]?.source.label).toBe('HF Daily Papers · 2024-09-03');
  });

  it('treats a card reused for another paper as new, and ignores hash changes', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.window.history.pushState({}, '', '/papers/week/2024-W36#top');
    const first = page.document.querySelector('article');
    if (!first) throw new Error('no card');
    first.innerHTML = card('2409.00071', 'Reused card');
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent[1]?.source.label).toBe('HF Daily Papers · week 2024-W36');
    expect(page.sent[1]?.source.url).toBe('https://huggingface.co/papers/week/2024-W36');
    expect(ids(page.sent[1])).toEqual(['2409.00071']);
    expect(page.sent[1]?.papers[0]?.hf?.dailyDate).toBeUndefined();

    page.window.location.hash = '#community';
    page.document.body.append(page.document.createElement('div'));
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent).toHaveLength(2);
  });

  it('rescans on popstate without any DOM change, and reads the props again back home', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.window.history.pushState({}, '', '/papers/trending');
    page.addCards('2409.00081');
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent[1]?.source.label).toBe('HF Trending Papers');
    expect(ids(page.sent[1])).toEqual(['2409.00081']);

    page.window.history.back();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(page.window.location.href).toBe(DAY));
    page.window.dispatchEvent(new page.window.PopStateEvent('popstate'));
    await page.wait(RESCAN_DEBOUNCE_MS);
    // Back on the served URL the props are read again: a new page view, in which only the
    // papers without a card left from the earlier views are new sightings.
    expect(page.sent[2]?.source.label).toBe('HF Daily Papers · 2024-09-02');
    expect(ids(page.sent[2])).toEqual(['2409.00005', '2409.00008']);
  });

  it('reads a paper page reached in place', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.window.history.pushState({}, '', '/papers/2409.00091');
    const main = page.document.querySelector('main');
    if (!main) throw new Error('no main');
    main.innerHTML =
      '<section><h1>In-place Paper</h1><a href="https://arxiv.org/abs/2409.00091">arXiv</a></section>';
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(page.sent[1]?.source).toEqual({
      kind: 'hf-daily',
      label: 'HF paper pages',
      url: 'https://huggingface.co/papers/2409.00091',
    });
    expect(page.sent[1]?.papers).toEqual([
      { id: '2409.00091', title: 'In-place Paper', authors: [] },
    ]);
  });

  it('sends papers again after a failed send, and never throws into the page', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const page = open(DAY, readFixture('hf-daily.html'), 1);
    await page.wait(0);
    expect(page.sent).toHaveLength(0);
    expect(debug).toHaveBeenCalled();
    page.addCards('2409.00101');
    await page.wait(RESCAN_DEBOUNCE_MS);
    expect(ids(page.sent[0])).toEqual([...FIRST_IDS, '2409.00101']);
    debug.mockRestore();
  });

  it('stops: no observer, no timer, no listener left', async () => {
    const page = open(DAY);
    await page.wait(0);
    page.addCards('2409.00111');
    page.stop();
    page.window.dispatchEvent(new page.window.PopStateEvent('popstate'));
    await page.wait(RESCAN_DEBOUNCE_MS * 2);
    expect(page.sent).toHaveLength(1);
  });
});

describe('arXiv: one pass', () => {
  it('reads the page once and does not watch it', async () => {
    const page = open(
      'https://arxiv.org/list/cs.CL/new',
      readFixture('arxiv-list-new-current.html'),
    );
    await page.wait(0);
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]?.source.label).toBe('arXiv cs.CL · new');
    page.document.body.append(page.document.createElement('div'));
    page.window.dispatchEvent(new page.window.PopStateEvent('popstate'));
    await page.wait(RESCAN_DEBOUNCE_MS * 2);
    expect(page.send.mock.calls.filter(([type]) => type === 'pageDetected')).toHaveLength(1);
  });
});
