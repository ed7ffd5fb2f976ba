/**
 * Popup open times in the built extension (part of `npm run bench`): Today on a 300- and a
 * 5,000-paper day, Saved with 20 and 20,000 saved, and an "All papers" list at 50,000 stored;
 * and the library page opening on Saved, at both sizes.
 * The database is seeded inside the extension (records made in the page, with the same
 * `listKeysOf` the database computes on every write). Each list is also read two ways in the
 * same page and run: the old shape (every record of the list, sorted in JS: what the popup did
 * before) and the new one (ids from an index, then the first rows' records).
 */
import type { Page } from 'playwright-core';
import { bundleForPage, median } from '@/scripts/benchHelpers';
import { launchExtension } from '@/tests/e2e/harness';

const RUNS = 5;
const started = Date.now();
/** Progress on stderr, so the table on stdout stays clean. */
const progress = (step: string) =>
  console.error(`[popup bench] ${((Date.now() - started) / 1000).toFixed(0)} s: ${step}`);
const FIRST_ROWS = 16;
const DAY_MS = 86_400_000;

interface PopupBench {
  seed(options: {
    from: number;
    count: number;
    /** Local midnight of the first day; papers go `perDay` to a day, day by day backwards. */
    day: number;
    perDay: number;
    savedEvery?: number;
  }): Promise<number>;
  oldToday(day: number): Promise<number>;
  newToday(day: number): Promise<number>;
  oldSaved(): Promise<number>;
  newSaved(): Promise<number>;
  oldAll(): Promise<number>;
  newAll(): Promise<number>;
}

declare global {
  interface Window {
    popupBench: PopupBench;
    firstRowAt?: number;
  }
}

/** `tied`: every paper gets the same score (a new user's grouped day) instead of spread ones. */
async function bundleSeeder(tied: boolean): Promise<string> {
  const entry = `
    import { compareByRelevance, listKeysOf, passesFilter } from './utils/shared/listKeys';
    import { startOfLocalDay, addLocalDays } from './utils/shared/time';
    const FIRST = ${FIRST_ROWS};
    const open = () => new Promise((resolve, reject) => {
      const request = indexedDB.open('paperlight');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const words = 'model attention diffusion language retrieval graph learning robust sparse scaling token agent'.split(' ');
    const text = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
    function record(i, firstSeenAt, savedAt) {
      const label = i % 3 === 0 ? 'HF Daily Papers · bench' : i % 3 === 1 ? 'arXiv cs.CL · new' : 'arXiv cs.LG · new';
      const sighting = { kind: i % 3 === 0 ? 'hf-daily' : 'arxiv-listing', label, url: 'https://arxiv.org/list/cs.CL/new', at: firstSeenAt, position: i % 500 };
      const paper = {
        id: 'b' + String(i).padStart(6, '0'), title: 'A paper about ' + text(i, 8), authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
        abstract: text(i, 150), categories: ['cs.CL', 'cs.LG'], primaryCategory: 'cs.CL', tldr: text(i + 1, 20),
        codeUrls: i % 4 === 0 ? ['https://github.com/lab/p' + i] : [], projectUrls: [],
        ...(i % 3 === 0 ? { hf: { upvotes: i % 97, aiSummary: text(i + 2, 25) } } : {}),
        firstSeenAt, lastSeenAt: firstSeenAt, firstSighting: sighting, lastSighting: sighting, sightingCount: 1, countsAsNew: true,
        relevance: { score: ${tied ? '0.5' : '((i * 37) % 1000) / 1000'}, matched: i % 5 === 0, reasons: i % 5 === 0 ? ['keyword: attention'] : [], learned: [], coldStart: false },
        ...(savedAt !== undefined ? { savedAt } : {}),
      };
      paper.listKeys = listKeysOf(paper);
      return paper;
    }
    async function putAll(records) {
      const db = await open();
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const r of records) store.put(r);
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      db.close();
    }
    async function read(fn) {
      const db = await open();
      const start = performance.now();
      const store = db.transaction('papers').objectStore('papers');
      const shown = await fn(store);
      const time = performance.now() - start;
      db.close();
      if (shown.length === 0) throw new Error('nothing read');
      return time;
    }
    const firstRows = (store, ids) => Promise.all(ids.slice(0, FIRST).map((id) => done(store.get(id))));
    const range = (prefix) => IDBKeyRange.bound(prefix, [...prefix, []], true, true);
    window.popupBench = {
      async seed({ from, count, day, perDay, savedEvery }) {
        for (let chunk = 0; chunk < count; chunk += 2000) {
          const records = [];
          for (let i = from + chunk; i < from + Math.min(count, chunk + 2000); i++) {
            const k = i - from;
            const dayStart = addLocalDays(day, -Math.floor(k / perDay));
            const at = dayStart + 3600000 + (k % perDay) * 1000;
            records.push(record(i, at, savedEvery && k % savedEvery === 0 ? at + 60000 : undefined));
          }
          await putAll(records);
        }
        return count;
      },
      // Before: every record of the day, filtered and sorted in JS (utils/pages/paperQueries.ts).
      oldToday: (day) => read(async (store) => {
        const papers = await done(store.index('firstSeenAt').getAll(IDBKeyRange.bound(day, addLocalDays(day, 1), false, true)));
        return papers.filter((p) => p.article === undefined && passesFilter(p, 'all')).sort(compareByRelevance);
      }),
      // After: the day's ordered ids, the dismissed ids and the day's count from keys, then the first rows.
      newToday: (day) => read(async (store) => {
        const index = store.index('listKeys');
        const [ids] = await Promise.all([
          done(index.getAllKeys(range(['day', day, 'all']))),
          done(index.getAllKeys(range(['day', day, 'dismissed']))),
        ]);
        return firstRows(store, ids);
      }),
      oldSaved: () => read(async (store) => (await done(store.index('savedAt').getAll())).reverse()),
      newSaved: () => read(async (store) => firstRows(store, (await done(store.index('savedAt').getAllKeys())).reverse())),
      oldAll: () => read(async (store) => (await done(store.index('lastSeenAt').getAll())).reverse()),
      newAll: () => read(async (store) => firstRows(store, (await done(store.index('lastSeenAt').getAllKeys())).reverse())),
    };`;
  return bundleForPage(entry);
}

/**
 * Waits until the database answers a one-key read at once (within 15 ms, twice running): the
 * reads the last popup load left in flight are done. A popup is opened from rest; without this,
 * each load in a row would wait for the one before it, whose reads the browser finishes even
 * after the page is gone.
 */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 20_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const start = performance.now();
          const request = indexedDB.open('paperlight');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const read = db
              .transaction('papers')
              .objectStore('papers')
              .getKey(IDBKeyRange.lowerBound(''));
            read.onsuccess = () => {
              db.close();
              resolve(performance.now() - start);
            };
            read.onerror = () => reject(read.error);
          };
        }),
    );
    quick = ms < 15 ? quick + 1 : 0;
  }
}

/**
 * Page load from rest → its first row (`selector`) drawn, as the MutationObserver installed before
 * the page's scripts saw it.
 */
async function openToFirstRow(page: Page, url: string, selector: string): Promise<number> {
  await settle(page);
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 30_000 });
  const at = await page.evaluate(() => window.firstRowAt);
  if (at === undefined) throw new Error('first row not observed');
  return at;
}

/** Popup page load → first row drawn. */
const todayOpen = (page: Page, url: string) => openToFirstRow(page, url, 'article.paper');

/** Library page load (it opens on Saved) → first row drawn. */
const libraryOpen = (page: Page, url: string) => openToFirstRow(page, url, 'article.library-row');

/** Click on the Saved tab → first saved row drawn. */
function savedOpen(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((element) =>
          element.textContent?.startsWith('Saved'),
        );
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('.list-summary') && document.querySelector('article.paper')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        tab?.click();
      }),
  );
}

export type BenchRow = [name: string, value: string, ratio: string];

export async function measurePopupOpen({ tied = false } = {}): Promise<BenchRow[]> {
  const seeder = await bundleSeeder(tied);
  const extension = await launchExtension();
  try {
    const url = `chrome-extension://${extension.extensionId}/popup.html`;
    const libraryUrl = `chrome-extension://${extension.extensionId}/library.html`;
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('article.paper')) {
          window.firstRowAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    // The popup opens the database at the current schema; then it is seeded from the page.
    await page.goto(url);
    await page.waitForSelector('.app');
    await page.evaluate(seeder);
    const today = await page.evaluate(() => {
      const d = new Date();
      d.setHours(0, 0, 0, 0);
      return d.getTime();
    });
    const seed = (options: Parameters<PopupBench['seed']>[0]) =>
      page.evaluate((o) => window.popupBench.seed(o), options);
    // First 5,000 papers on the 10 days before today (20 of them saved) and a 300-paper day.
    await seed({ from: 0, count: 5_000, day: today - DAY_MS, perDay: 500, savedEvery: 250 });
    await seed({ from: 5_000, count: 300, day: today, perDay: 300 });
    progress('seeded 5,300 papers');

    // The old reads of the large lists take seconds each: 3 runs, no warm-up, keep the bench short.
    const times = async (read: () => Promise<number>, runs = RUNS) => {
      if (runs === RUNS) await read(); // warm up
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push(await read());
      return median(samples);
    };
    const reads = (name: keyof PopupBench, args: number[] = [], runs = RUNS) =>
      times(
        () =>
          page.evaluate(
            ([method, values]) =>
              (window.popupBench[method as 'oldToday'] as (...a: number[]) => Promise<number>)(
                ...(values as number[]),
              ),
            [name, args] as const,
          ),
        runs,
      );
    const opens = async () => {
      const todayMs = await times(() => todayOpen(page, url));
      const savedMs = await times(async () => {
        await todayOpen(page, url);
        // The popup settled first (Today's rows drawn, the Saved tab's count in, its reads done):
        // otherwise the click would time the rest of the opening work, which grows with the day
        // and with the saved papers, not the Saved view.
        await page.waitForSelector('[role="tab"] .tab-count', { timeout: 30_000 });
        await settle(page);
        return savedOpen(page);
      });
      const libraryMs = await times(() => libraryOpen(page, libraryUrl));
      await page.goto(url);
      await page.evaluate(seeder);
      return { todayMs, savedMs, libraryMs };
    };

    progress('reading');
    const small = {
      oldToday: await reads('oldToday', [today]),
      newToday: await reads('newToday', [today]),
      oldSaved: await reads('oldSaved'),
      newSaved: await reads('newSaved'),
      ...(await opens()),
    };
    progress('measured the small lists');
    // Then 50,000 in all: the day grows to 5,000, 19,980 more saved (older days), and more days.
    await seed({ from: 5_300, count: 4_700, day: today, perDay: 4_700 });
    await seed({
      from: 10_000,
      count: 19_980,
      day: today - 11 * DAY_MS,
      perDay: 500,
      savedEvery: 1,
    });
    await seed({ from: 29_980, count: 20_020, day: today - 51 * DAY_MS, perDay: 500 });
    progress('seeded 50,000 papers');
    const large = {
      oldToday: await reads('oldToday', [today], 3),
      newToday: await reads('newToday', [today]),
      oldSaved: await reads('oldSaved', [], 3),
      newSaved: await reads('newSaved'),
      oldAll: await reads('oldAll', [], 3),
      newAll: await reads('newAll'),
      ...(await opens()),
    };
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const x = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
    return [
      ['Today, 300-paper day: old read (every record of the day)', ms(small.oldToday), '1.00×'],
      [
        'Today, 300-paper day: keys + first rows',
        ms(small.newToday),
        x(small.newToday, small.oldToday),
      ],
      ['Today, 5,000-paper day: old read', ms(large.oldToday), x(large.oldToday, small.oldToday)],
      [
        'Today, 5,000-paper day: keys + first rows',
        ms(large.newToday),
        x(large.newToday, small.newToday),
      ],
      ['Saved, 20 saved: old read (every saved record)', ms(small.oldSaved), '1.00×'],
      ['Saved, 20 saved: keys + first rows', ms(small.newSaved), x(small.newSaved, small.oldSaved)],
      ['Saved, 20,000 saved: old read', ms(large.oldSaved), x(large.oldSaved, small.oldSaved)],
      [
        'Saved, 20,000 saved: keys + first rows',
        ms(large.newSaved),
        x(large.newSaved, small.newSaved),
      ],
      ['All papers, 50,000 stored: every record', ms(large.oldAll), x(large.oldAll, large.newAll)],
      ['All papers, 50,000 stored: keys + first rows', ms(large.newAll), '1.00×'],
      ['popup open → first row, Today 300-paper day', ms(small.todayMs), '1.00×'],
      [
        'popup open → first row, Today 5,000-paper day',
        ms(large.todayMs),
        x(large.todayMs, small.todayMs),
      ],
      ['Saved tab click → first row, 20 saved', ms(small.savedMs), '1.00×'],
      [
        'Saved tab click → first row, 20,000 saved',
        ms(large.savedMs),
        x(large.savedMs, small.savedMs),
      ],
      ['library open → first row (Saved), 20 saved', ms(small.libraryMs), '1.00×'],
      [
        'library open → first row (Saved), 20,000 saved, 50,000 stored',
        ms(large.libraryMs),
        x(large.libraryMs, small.libraryMs),
      ],
    ];
  } finally {
    await extension.close();
  }
}
