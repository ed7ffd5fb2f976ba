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
import { listKeysOf } from '@/utils/shared/listKeys';
import type { PaperRecord } from '@/utils/shared/paperRecord';

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

/**
 * Changes fields of one stored row, from the service worker with plain IndexedDB. A paper's list
 * keys are derived from its fields by the database on every write (utils/storage/database.ts),
 * which plain IndexedDB skips: they are recomputed here the same way.
 */
export async function patchRecord(
  worker: Worker,
  id: string,
  patch: Record<string, unknown>,
  store = 'papers',
): Promise<void> {
  if (store === 'papers') {
    const stored = (await readStore<PaperRecord>(worker)).find((paper) => paper.id === id);
    if (stored) {
      const patched = { ...stored, ...patch } as PaperRecord;
      patch = { ...patch, listKeys: listKeysOf(patched) };
    }
  }
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

interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** One control inside a page mark or the listing bar, as the browser shows it. */
export interface ShadowControl {
  /** Its class inside the mark ('s' save, 'x' not interested, 'u' the ⋯ menu), '' in the bar. */
  kind: string;
  text: string;
  pressed: string | undefined;
  backendNodeId: number;
}

/** A page mark (or the listing bar): what it shows, read through its closed shadow root. */
export interface ShadowWidget {
  id: string;
  /** The shown labels ("New", "Seen", "Opened", "Code", "Match"; the bar's count). */
  labels: string[];
  controls: ShadowControl[];
}

const attribute = (node: CdpNode, name: string): string | undefined => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
};

const textIn = (node: CdpNode): string =>
  node.nodeName === '#text' ? (node.nodeValue ?? '') : (node.children ?? []).map(textIn).join('');

function* descendants(node: CdpNode): Generator<CdpNode> {
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    yield child;
    yield* descendants(child);
  }
}

/**
 * The page marks and the listing bar, read from the browser's DOM through their closed shadow
 * roots (the DevTools protocol sees them; no page script, and no Playwright locator, can).
 */
export async function shadowWidgets(page: Page): Promise<ShadowWidget[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const widgets: ShadowWidget[] = [];
    for (const node of descendants(root)) {
      if (node.nodeName !== 'PAPERLIGHT-MARK' && node.nodeName !== 'PAPERLIGHT-BAR') continue;
      const inside = [...descendants({ ...node, children: [] })];
      widgets.push({
        id: attribute(node, 'data-paperlight-id') ?? 'bar',
        labels: inside
          .filter(
            (el) =>
              (el.nodeName === 'B' || el.nodeName === 'SPAN') &&
              attribute(el, 'hidden') === undefined &&
              attribute(el, 'role') === undefined &&
              !(el.children ?? []).some((child) => child.nodeName !== '#text'),
          )
          .map(textIn)
          .filter(Boolean),
        controls: inside
          .filter((el) => el.nodeName === 'BUTTON')
          .map((el) => ({
            kind: attribute(el, 'class') ?? '',
            text: textIn(el),
            pressed: attribute(el, 'aria-pressed'),
            backendNodeId: el.backendNodeId,
          })),
      });
    }
    return widgets;
  } finally {
    await cdp.detach();
  }
}

/** The mark of one paper (undefined while there is none). */
export async function pageMark(page: Page, id: string): Promise<ShadowWidget | undefined> {
  return (await shadowWidgets(page)).find((widget) => widget.id === id);
}

/** A control of a mark or the bar: by its kind in a mark ('s', 'x', 'u'), by its text in the bar. */
export async function markControl(page: Page, id: string, kindOrText: string) {
  const widget = await pageMark(page, id);
  const control = widget?.controls.find((c) => c.kind === kindOrText || c.text === kindOrText);
  if (!control) throw new Error(`no ${kindOrText} control on ${id}`);
  return control;
}

/** The accessible name the browser gives a control inside a shadow root. */
export async function accessibleName(page: Page, control: ShadowControl): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      backendNodeId: control.backendNodeId,
      fetchRelatives: false,
    })) as { nodes: { name?: { value?: string } }[] };
    return nodes[0]?.name?.value ?? '';
  } finally {
    await cdp.detach();
  }
}

/** The centre of a control on screen, scrolled into view first. */
async function controlCentre(page: Page, control: ShadowControl): Promise<[number, number]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: control.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: control.backendNodeId,
    })) as { model: { border: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return [(x1 + x3) / 2, (y1 + y3) / 2];
  } finally {
    await cdp.detach();
  }
}

/** Clicks a control with the mouse, as the user would (a trusted click at its centre). */
export async function clickControl(page: Page, control: ShadowControl): Promise<void> {
  await page.mouse.click(...(await controlCentre(page, control)));
}

/** Moves the mouse onto a control, as the user would. */
export async function hoverControl(page: Page, control: ShadowControl): Promise<void> {
  await page.mouse.move(...(await controlCentre(page, control)));
}

/** Focuses a control, as Tab would reach it. */
export async function focusControl(page: Page, control: ShadowControl): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.focus', { backendNodeId: control.backendNodeId });
  } finally {
    await cdp.detach();
  }
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

/** The ids of the listing entries the page shows (not hidden by the Paperlight bar). */
export const shownIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('dl#articles > dt')]
      .filter((dt) => (dt as HTMLElement).offsetParent !== null)
      .map((dt) => dt.querySelector('a[title="Abstract"]')?.getAttribute('id')),
  );

/** The id of the listing entry the keyboard cursor (`j`/`k`) is on, or null. */
export const cursorId = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('dt[data-paperlight-cur]')
        ?.querySelector('a[title="Abstract"]')
        ?.getAttribute('id') ?? null,
  );
