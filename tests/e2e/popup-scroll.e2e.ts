import type { Page, Route } from 'playwright-core';
import {
  eventually,
  type LoadedExtension,
  launchExtension,
  openPopup,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * Scroll anchoring in the popup's windowed list, in Chromium (jsdom has no layout): a long arXiv
 * listing is stored without abstracts; the popup is scrolled to the middle; the arXiv API answer
 * for the rows shown there arrives and those rows grow (their TL;DRs appear), including rows
 * rendered above the viewport. The row at the top of the viewport must not move.
 */

const RECENT = 'https://arxiv.org/list/cs.CL/recent';
const COUNT = 60;
const ids = Array.from({ length: COUNT }, (_, n) => `2607.${String(30001 + n)}`);

/** An arXiv /recent listing (current markup, as tests/fixtures/arxiv-list-recent-current.html). */
function recentListing(): string {
  const entries = ids.map(
    (id, n) => `  <dt>
    <a name='item${n + 1}'>[${n + 1}]</a>
    <a href ="/abs/${id}" title="Abstract" id="${id}">
      arXiv:${id}
    </a>
  </dt>
  <dd>
    <div class='meta'>
      <div class='list-title mathjax'><span class='descriptor'>Title:</span>
        Scroll anchoring paper number ${n + 1}${n % 3 === 0 ? ' with a title long enough to wrap onto a second line in the popup' : ''}
      </div>
      <div class='list-authors'><a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Ada Lovelace">Ada Lovelace</a></div>
      <div class='list-subjects'><span class='descriptor'>Subjects:</span>
        <span class="primary-subject">Computation and Language (cs.CL)</span>
      </div>
    </div>
  </dd>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Computation and Language</title></head>
<body>
<div id='dlpage'>
  <h1>Computation and Language</h1>
  <h2>Authors and titles for recent submissions</h2>
<dl id='articles'>
  <h3>Mon, 27 Jul 2026 (showing ${COUNT} of ${COUNT} entries )</h3>
${entries.join('\n')}
</dl>
</div>
</body>
</html>`;
}

/** The arXiv API's Atom answer for `requested`, each with an abstract that gives a long TL;DR. */
function apiAnswer(requested: readonly string[]): string {
  const entries = requested.map(
    (id) => `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Scroll anchoring paper ${id}</title>
    <updated>2026-07-27T12:00:00Z</updated>
    <summary>We introduce a method for keeping long lists of research papers readable while their rows grow as details arrive from the network, measured on many thousands of papers from several listings. It keeps every row where the reader left it, and it costs almost nothing to run in the popup of a browser extension on an ordinary laptop.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-07-27T12:00:00Z</published>
    <arxiv:primary_category term="cs.CL"/>
    <author>
      <name>Ada Lovelace</name>
    </author>
  </entry>`,
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/ScrollAnchoring</id>
  <title>arXiv Query</title>
  <updated>2026-07-28T00:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}

let extension: LoadedExtension;
/** API requests held until the test lets them through. */
const held: Route[] = [];
let holding = true;

function answer(route: Route): Promise<void> {
  const requested = (new URL(route.request().url()).searchParams.get('id_list') ?? '').split(',');
  return route.fulfill({
    status: 200,
    contentType: 'application/atom+xml; charset=utf-8',
    body: apiAnswer(requested),
  });
}

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, RECENT, recentListing());
  await extension.context.route('https://export.arxiv.org/api/query**', async (route) => {
    if (holding) held.push(route);
    else await answer(route);
  });
});

afterAll(async () => {
  await extension?.close();
});

interface RowBox {
  id: string;
  top: number;
  height: number;
  hasTldr: boolean;
}

/** The rendered rows, top to bottom, with their tops relative to the list's top edge. */
function rowBoxes(popup: Page): Promise<RowBox[]> {
  return popup.evaluate(() => {
    const list = document.querySelector('.vlist') as HTMLElement;
    const listTop = list.getBoundingClientRect().top;
    return [...list.querySelectorAll<HTMLElement>('article.paper')]
      .map((row) => {
        const box = row.getBoundingClientRect();
        const href = row.querySelector('h3 a')?.getAttribute('href') ?? '';
        return {
          id: href.replace('https://arxiv.org/abs/', ''),
          top: box.top - listTop,
          height: box.height,
          hasTldr: row.querySelector('.paper-tldr') !== null,
        };
      })
      .sort((a, b) => a.top - b.top);
  });
}

/** Rows after two animation frames with nothing moving (resize observers have run). */
async function settledRows(popup: Page): Promise<RowBox[]> {
  const twoFrames = () =>
    popup.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
  let previous = JSON.stringify(await rowBoxes(popup));
  for (let attempt = 0; attempt < 50; attempt++) {
    await twoFrames();
    const now = await rowBoxes(popup);
    if (JSON.stringify(now) === previous) return now;
    previous = JSON.stringify(now);
  }
  throw new Error('the popup list did not settle');
}

describe('the popup list keeps its place when rows above the viewport grow', () => {
  it('the row at the top of the viewport stays put while the rows above it fill in', async () => {
    const page = await extension.context.newPage();
    await page.goto(RECENT);
    const stored = await eventually(
      () => readStore<PaperRecord>(extension.worker),
      (rows) => rows.length >= COUNT,
    );
    expect(stored).toHaveLength(COUNT);
    expect(stored.every((paper) => paper.abstract === undefined)).toBe(true);
    await page.close();

    const popup = await openPopup(extension);
    await expect.poll(() => popup.locator('article.paper').count()).toBeGreaterThan(3);

    // Scroll to the middle, then align a row's top with the viewport's top edge, so that every
    // row above it lies wholly above the viewport.
    const list = popup.locator('.vlist');
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    let rows = await settledRows(popup);
    const firstInView = rows.find((row) => row.top >= 0);
    if (!firstInView) throw new Error('no row in view');
    await list.evaluate((element, offset) => {
      element.scrollTop += offset;
    }, firstInView.top);
    rows = await settledRows(popup);

    const anchor = rows.find((row) => Math.abs(row.top) < 1);
    if (!anchor) throw new Error(`no row at the top edge: ${JSON.stringify(rows)}`);
    const above = rows.filter((row) => row.top < 0);
    // Rows are rendered above the viewport (the overscan), still without TL;DRs.
    expect(above.length).toBeGreaterThan(0);
    expect(above.some((row) => row.hasTldr)).toBe(false);

    // The rows' ids have been asked for; let the answers through.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    holding = false;
    for (const route of held.splice(0)) await answer(route);
    await expect
      .poll(async () => (await rowBoxes(popup)).filter((row) => row.hasTldr).map((row) => row.id), {
        timeout: 15_000,
      })
      .toEqual(expect.arrayContaining([...above.map((row) => row.id), anchor.id]));

    const after = await settledRows(popup);
    const grown = above
      .map((row) => (after.find((now) => now.id === row.id)?.height ?? 0) - row.height)
      .reduce((sum, delta) => sum + delta, 0);
    // The rows above really grew…
    expect(grown).toBeGreaterThan(20);
    // …and the row that was at the top edge is still there.
    expect(after.find((row) => row.id === anchor.id)?.top).toBeCloseTo(0, 0);
    await popup.close();
  });

  it('j moves the focus row by row past the rendered window, scrolling each row into view', async () => {
    const popup = await openPopup(extension);
    await expect.poll(() => popup.locator('article.paper').count()).toBeGreaterThan(3);
    // The whole day is in (the first rows come before it, without the group's size).
    await expect.poll(() => popup.locator('.group-count').count()).toBeGreaterThan(0);
    const focusedId = () =>
      popup.evaluate(() => document.activeElement?.getAttribute('data-paper-id') ?? null);
    for (let step = 0; step < 40; step++) await popup.keyboard.press('j');
    // Feed order is page order here (nothing ranks these papers).
    await expect.poll(focusedId).toBe(ids[39]);
    const inView = await popup.evaluate(() => {
      const list = (document.querySelector('.vlist') as HTMLElement).getBoundingClientRect();
      const row = (document.activeElement as HTMLElement).getBoundingClientRect();
      return row.top >= list.top - 1 && row.bottom <= list.bottom + 1;
    });
    expect(inView).toBe(true);
    await popup.keyboard.press('k');
    await expect.poll(focusedId).toBe(ids[38]);
    await popup.close();
  });
});
