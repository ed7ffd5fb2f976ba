import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * "Summarize this page" and "Find papers on this page" in the built extension, in Chromium.
 *
 * How the page gets read here. In use, the popup reads the active tab through `activeTab`,
 * which Chrome grants only when the user clicks the toolbar button — something a headless test
 * cannot do (`openPopup` loads popup.html in a tab of its own, which grants nothing). So the test
 * loads a copy of the build whose manifest also lists `https://blog.example.org/*` as a host
 * permission: for that one origin it stands in for activeTab's temporary grant. Everything else
 * is the shipped code path: the popup (opened with `?tab=<id>`, since the popup's own tab is the
 * active one) calls `scripting.executeScript` with the built page-reader.js on that tab,
 * Readability reads the page, and the results go to the background as protocol messages. The
 * production manifest stays at `activeTab` + `scripting`; a page on another origin (no grant)
 * shows that the popup then cannot read it and says so plainly.
 */

const ARTICLE = 'https://blog.example.org/post';
const LINKS = 'https://blog.example.org/links';
const ELSEWHERE = 'https://other.example.com/post';
const TEST_HOST = 'https://blog.example.org/*';

declare const chrome: {
  tabs: { query(query: { url: string }): Promise<{ id?: number; url?: string }[]> };
};

let extension: LoadedExtension;
let buildCopy: string;

/** The build with one test-only host permission added to its manifest (see above). */
function buildWithTestHost(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'paperlight-e2e-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), TEST_HOST];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Opens `url` in a tab; returns the page and its tab id (read from the service worker). */
async function openTab(url: string): Promise<{ page: Page; tabId: number | undefined }> {
  const page = await extension.context.newPage();
  await page.goto(url);
  const tabs = await extension.worker.evaluate(
    (pattern) => chrome.tabs.query({ url: pattern }),
    url,
  );
  return { page, tabId: tabs[0]?.id };
}

async function openPopupFor(tabId: number | string): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'This page' }).click();
  return popup;
}

beforeAll(async () => {
  buildCopy = buildWithTestHost();
  extension = await launchExtension(undefined, buildCopy);
  const article = fixture('article-page.html');
  await routePage(extension.context, ARTICLE, article);
  await routePage(extension.context, ELSEWHERE, article);
  await routePage(
    extension.context,
    LINKS,
    '<!doctype html><title>Links</title><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>',
  );
});

afterAll(async () => {
  await extension?.close();
  if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
});

describe('page actions in Chromium', () => {
  it('ships activeTab + scripting, no broad host access, and Readability only in page-reader.js', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as {
      permissions: string[];
      host_permissions: string[];
      optional_host_permissions?: string[];
    };
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(manifest.permissions).not.toContain('tabs');
    for (const host of [
      ...manifest.host_permissions,
      ...(manifest.optional_host_permissions ?? []),
    ]) {
      expect(host).not.toMatch(/^(?:<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/);
      expect(host).not.toContain('blog.example.org');
    }
    // A property name from Readability's source that survives minification.
    const readability = (file: string) =>
      readFileSync(path.join(EXTENSION_DIR, file), 'utf8').includes('unlikelyCandidates');
    expect(readability('page-reader.js')).toBe(true);
    expect(readability('content-scripts/content.js')).toBe(false);
    expect(readability('background.js')).toBe(false);
    for (const chunk of readdirSync(path.join(EXTENSION_DIR, 'chunks'))) {
      expect(readability(`chunks/${chunk}`)).toBe(false);
    }
  });

  it('summarizes an article page and saves it as an item shown in Saved', async () => {
    const { page, tabId } = await openTab(ARTICLE);
    expect(tabId).toBeTypeOf('number');
    const popup = await openPopupFor(tabId as number);
    await popup.getByRole('button', { name: 'Summarize this page' }).click();

    const summary = popup.locator('.article-summary');
    await expect
      .poll(() => summary.locator('h2').textContent())
      .toBe('What we learned building retrieval for support');
    expect(await summary.locator('.article-byline').textContent()).toMatch(/Grace Hopper/);
    expect(await summary.locator('.article-meta').textContent()).toBe('Example Blog · 1 min read');
    const sentences = await summary.locator('.article-key li').allTextContents();
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(sentences.join(' ')).toContain('retriever');

    await popup.getByRole('button', { name: /Save$/ }).click();
    const id = `url:${ARTICLE}`;
    const stored = await eventually(papers, (found) => found.get(id)?.savedAt !== undefined);
    expect(stored.get(id)).toMatchObject({
      title: 'What we learned building retrieval for support',
      lastSighting: { kind: 'article', url: ARTICLE },
      article: {
        url: ARTICLE,
        siteName: 'Example Blog',
        readingMinutes: 1,
        keySentences: sentences,
      },
      tldr: sentences[0],
    });
    await expect
      .poll(() => popup.getByRole('button', { name: /Saved$/ }).getAttribute('aria-pressed'))
      .toBe('true');

    await popup.getByRole('tab', { name: /^Saved/ }).click();
    const row = popup.locator('article.paper', { hasText: 'What we learned building retrieval' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('h3 a').getAttribute('href')).toBe(ARTICLE);
    // The page was read, not changed.
    expect(await page.locator('paperlight-mark').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('finds the arXiv papers the page links to and adds them to the digest', async () => {
    const { page, tabId } = await openTab(ARTICLE);
    const popup = await openPopupFor(tabId as number);
    await popup.getByRole('button', { name: 'Find papers on this page' }).click();

    await expect
      .poll(() => popup.locator('.list-summary').textContent())
      .toBe('3 papers found on blog.example.org · 3 new');
    const stored = await eventually(papers, (found) => found.has('2409.00001'));
    for (const id of ['2408.01234', '2310.06825', '2409.00001']) {
      expect(stored.get(id)).toMatchObject({
        title: `arXiv:${id}`,
        placeholder: true,
        lastSighting: { kind: 'page-links', label: 'Found on blog.example.org', url: ARTICLE },
      });
    }
    const titles = await popup.locator('article.paper h3').allTextContents();
    expect(titles.sort()).toEqual(['arXiv:2310.06825', 'arXiv:2408.01234', 'arXiv:2409.00001']);
    await popup.close();
    await page.close();
  });

  it('says plainly when a page has no article, or cannot be read', async () => {
    const links = await openTab(LINKS);
    let popup = await openPopupFor(links.tabId as number);
    await popup.getByRole('button', { name: 'Summarize this page' }).click();
    await expect
      .poll(() => popup.locator('.page-message').textContent())
      .toBe("Paperlight couldn't find an article on this page.");
    await popup.getByRole('button', { name: 'Find papers on this page' }).click();
    await expect
      .poll(() => popup.locator('.page-message').textContent())
      .toBe('No arXiv papers on this page.');
    await popup.close();

    // No grant for this origin (as without the toolbar click): the browser refuses the script.
    // The same tab, so its id is known; Chrome hides the URL of a tab the extension cannot read.
    await links.page.goto(ELSEWHERE);
    popup = await openPopupFor(links.tabId as number);
    await popup.getByRole('button', { name: 'Summarize this page' }).click();
    await expect
      .poll(() => popup.locator('.page-message').textContent())
      .toMatch(/^Paperlight can't read this page\./);
    expect(await links.page.locator('body').textContent()).toContain('retriever');
    await popup.close();
    await links.page.close();
  });
});
