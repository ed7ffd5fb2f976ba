import type { Route } from 'playwright-core';
import { eventually, type LoadedExtension, launchExtension, readStore } from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The watch on saved papers in the built extension: a paper is saved, "Check now" on the options
 * page makes the service worker ask the arXiv API (served here by `context.route`) — the first
 * look records the paper's state and announces nothing — then arXiv has a v3 with a venue in its
 * comments, and the next "Check now" shows it on the options page and on the stored record.
 */

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
};

const ID = '2611.04242';
const TITLE = 'Watching Papers Change';
let extension: LoadedExtension;
const arxivRequests: { url: string; at: number }[] = [];
const hfRequests: string[] = [];
let arxivNow = { version: 1, comments: '9 pages' };

function atom(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>arXiv Query</title>
  <entry>
    <id>http://arxiv.org/abs/${ID}v${arxivNow.version}</id>
    <title>${TITLE}</title>
    <summary>We watch papers change and report it.</summary>
    <arxiv:comment>${arxivNow.comments}</arxiv:comment>
    <arxiv:primary_category term="cs.DL"/>
    <category term="cs.DL"/>
    <author><name>Ada Lovelace</name></author>
  </entry>
</feed>`;
}

async function stored(): Promise<PaperRecord | undefined> {
  return (await readStore<PaperRecord>(extension.worker)).find((paper) => paper.id === ID);
}

beforeAll(async () => {
  extension = await launchExtension();
  await extension.context.route('https://export.arxiv.org/api/query**', async (route: Route) => {
    arxivRequests.push({ url: route.request().url(), at: Date.now() });
    await route.fulfill({
      status: 200,
      contentType: 'application/atom+xml; charset=utf-8',
      body: atom(),
    });
  });
  await extension.context.route('https://huggingface.co/api/papers/**', async (route: Route) => {
    hfRequests.push(route.request().url());
    await route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: '{"error":"Not found"}',
    });
  });
});

afterAll(async () => {
  await extension?.close();
});

it('"Check now" shows a saved paper\'s new version; the first look announced nothing; off stops it', async () => {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const send = (message: unknown) =>
    options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean }>;
  expect(
    await send({
      type: 'pageDetected',
      payload: {
        source: {
          kind: 'arxiv-listing',
          label: 'arXiv cs.DL · new',
          url: 'https://arxiv.org/list/cs.DL/new',
        },
        papers: [
          {
            id: ID,
            title: TITLE,
            authors: ['Ada Lovelace'],
            abstract: 'We watch papers change and report it.',
            comments: '9 pages',
          },
        ],
      },
    }),
  ).toMatchObject({ ok: true });
  expect(await send({ type: 'setSaved', payload: { id: ID, saved: true } })).toMatchObject({
    ok: true,
  });

  const checkNow = options.getByRole('button', { name: 'Check now' });
  const report = options.locator('.watch-status .watch-report');
  await checkNow.click();
  await expect.poll(() => report.textContent()).toBe('Checked 1 paper: nothing new.');
  const first = await stored();
  expect(first).toMatchObject({ latestVersion: 1, comments: '9 pages' });
  expect(first?.watchedAt).toBeGreaterThan(0);
  expect(first?.updates).toBeUndefined();
  expect(first?.unseenUpdateAt).toBeUndefined();
  expect(arxivRequests).toHaveLength(1);
  expect(new URL(arxivRequests[0]?.url ?? '').searchParams.get('id_list')).toBe(ID);
  // No code known: Hugging Face was asked for it (and said 404).
  expect(hfRequests).toEqual([`https://huggingface.co/api/papers/${ID}`]);

  arxivNow = { version: 3, comments: 'Accepted at NeurIPS 2026' };
  await checkNow.click();
  const news = options.locator('.watch-status .watch-news li');
  await expect
    .poll(() => news.textContent())
    .toBe(`${TITLE}: v3; comments now say: Accepted at NeurIPS 2026`);
  expect(await report.getAttribute('data-updated')).toBe('1');
  const updated = await eventually(stored, (paper) => (paper?.updates?.length ?? 0) > 0);
  expect(updated?.latestVersion).toBe(3);
  expect(updated?.updates?.map((update) => [update.kind, update.text])).toEqual([
    ['version', 'v3'],
    ['comments', 'Accepted at NeurIPS 2026'],
  ]);
  expect(updated?.unseenUpdateAt).toBe(updated?.updates?.[0]?.at);
  // One arXiv request per check, never two within 3 s.
  expect(arxivRequests).toHaveLength(2);
  expect((arxivRequests[1]?.at ?? 0) - (arxivRequests[0]?.at ?? 0)).toBeGreaterThanOrEqual(2900);

  // Off with one switch: no alarm, no "Check now", no request.
  expect(await extension.worker.evaluate(() => chrome.alarms.get('paperlight-watch'))).toBeTruthy();
  await options.getByRole('checkbox', { name: 'Check saved papers for news' }).uncheck();
  await expect.poll(() => checkNow.isDisabled()).toBe(true);
  await expect
    .poll(() => extension.worker.evaluate(() => chrome.alarms.get('paperlight-watch')))
    .toBeFalsy();
  expect(await send({ type: 'watchSavedNow', payload: {} })).toMatchObject({
    ok: true,
    data: { outcome: 'off' },
  });
  expect(arxivRequests).toHaveLength(2);
  await options.close();
});
