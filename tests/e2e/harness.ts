import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';

/** The parts of the extension API the tests call inside the service worker. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
};

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');

/** Debian's Chromium, or $CHROME_PATH; a clear error when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install it with ` +
        '`sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium binary.',
    );
  }
  return found;
}

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with the built extension loaded, in a fresh or given profile.
 * `extensionDir`: another unpacked copy of the build (e.g. one with a test-only manifest change).
 */
export async function launchExtension(
  profileDir?: string,
  extensionDir: string = EXTENSION_DIR,
): Promise<LoadedExtension> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const dir = profileDir ?? mkdtempSync(path.join(tmpdir(), 'paperlight-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Nothing in the tests may reach the network: anything not routed by a test is refused.
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('internetdisconnected'),
  );
  const worker = await serviceWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    async close() {
      await context.close();
      if (!profileDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [existing] = context.serviceWorkers();
  return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/** Serves `body` at exactly `url` (arXiv and HF pages are tested at their real URLs). */
export async function routePage(
  context: BrowserContext,
  url: string,
  body: string,
  contentType = 'text/html; charset=utf-8',
): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'tests/fixtures', name), 'utf8');
}

/** All rows of an object store, read from the service worker with plain IndexedDB. */
export async function readStore<T>(worker: Worker, store = 'papers'): Promise<T[]> {
  return worker.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(storeName)) {
            database.close();
            resolve([]);
            return;
          }
          const request = database.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Changes fields of one stored row, from the service worker with plain IndexedDB. */
export async function patchRecord(
  worker: Worker,
  id: string,
  patch: Record<string, unknown>,
  store = 'papers',
): Promise<void> {
  await worker.evaluate(
    ({ id, patch, store }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction(store, 'readwrite');
          const objects = transaction.objectStore(store);
          const read = objects.get(id);
          read.onsuccess = () => objects.put({ ...read.result, ...patch });
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { id, patch, store },
  );
}

/** The words a page mark shows: its style sheet writes them (`::before` and `::after`). */
export function pageMarkText(mark: Locator): Promise<string> {
  return mark.evaluate((element) => {
    const generated = (pseudo: string) => {
      const content = getComputedStyle(element, pseudo).content;
      return content.startsWith('"') ? JSON.parse(content) : '';
    };
    return generated('::before') + element.textContent + generated('::after');
  });
}

export function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Polls `read` until `accept` holds or the timeout passes; returns the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Closes the browser and starts it again on the same profile, as a browser restart would. */
export async function restartBrowser(extension: LoadedExtension): Promise<LoadedExtension> {
  await extension.context.close();
  const restarted = await launchExtension(extension.profileDir);
  const close = restarted.close;
  restarted.close = async () => {
    await close();
    rmSync(extension.profileDir, { recursive: true, force: true });
  };
  return restarted;
}

/**
 * Scrolls a list box to `top` (or by `by` viewport heights) and waits until the list has rendered
 * for the new position: the scroll event has fired and two frames have passed (React commits the
 * scroll's update before the second). False when the box did not move (already there, or at the
 * end).
 */
async function scrollList(box: Locator, move: { top: number } | { by: number }): Promise<boolean> {
  return box.evaluate(
    (element, move) =>
      new Promise<boolean>((resolve) => {
        const before = element.scrollTop;
        const rendered = () =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
        element.addEventListener('scroll', rendered, { once: true });
        element.scrollTop = 'top' in move ? move.top : before + element.clientHeight * move.by;
        if (element.scrollTop === before) {
          element.removeEventListener('scroll', rendered);
          resolve(false);
        }
      }),
    move,
  );
}

/** Scrolls a windowed popup list from top to bottom, collecting what `read` sees on the way. */
export async function scrollThroughList<T>(
  popup: Page,
  read: () => Promise<T[]>,
  list = '.vlist',
): Promise<T[]> {
  const seen: T[] = [];
  const box = popup.locator(list).first();
  await scrollList(box, { top: 0 });
  for (let step = 0; step < 200; step++) {
    for (const value of await read()) if (!seen.includes(value)) seen.push(value);
    if (!(await scrollList(box, { by: 0.8 }))) break;
  }
  return seen;
}

/** Scrolls a windowed popup list until `locator` is rendered; returns it. */
export async function scrollUntilRendered(popup: Page, locator: Locator, list = '.vlist') {
  const box = popup.locator(list).first();
  await scrollList(box, { top: 0 });
  for (let step = 0; step < 200 && (await locator.count()) === 0; step++) {
    if (!(await scrollList(box, { by: 0.8 }))) break;
  }
  await locator.first().scrollIntoViewIfNeeded();
  return locator.first();
}

export async function openPopup(extension: LoadedExtension): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  return popup;
}
