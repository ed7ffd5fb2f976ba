import {
  accessibleName,
  badgeText,
  clickControl,
  cursorId,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  markControl,
  pageMark,
  readStore,
  routePage,
  shadowWidgets,
  shownIds,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * Ranking in the built extension: interests decide what the "new matches" badge counts, and a
 * paper opened in a tab (a PDF, which has no content script) is recorded as opened.
 */

const NEW_LISTING = 'https://arxiv.org/list/cs.CL/new';
const PDF = 'https://arxiv.org/pdf/2408.04539v1';
const HF_PAPER = 'https://huggingface.co/papers/2408.04540';

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

let extension: LoadedExtension;

beforeEach(async () => {
  extension = await launchExtension();
  await routePage(extension.context, NEW_LISTING, fixture('arxiv-list-new-current.html'));
});
afterEach(async () => {
  await extension.close();
});

async function setStorage(items: Record<string, unknown>): Promise<void> {
  await extension.worker.evaluate((values) => chrome.storage.local.set(values), items);
}

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

it('in "new matches only" mode the badge counts the new papers matching the interests', async () => {
  await setStorage({
    'ranking.interests': {
      keywords: ['quantum'],
      exclusions: [],
      authors: ['J. Doe'],
      categories: [],
    },
    'settings.badgeMode': 'matches',
  });
  const page = await extension.context.newPage();
  await page.goto(NEW_LISTING);
  // Of the four papers, Jane Doe's and the quantum Krylov one match.
  expect(
    await eventually(
      () => badgeText(extension.worker),
      (text) => text === '2',
    ),
  ).toBe('2');
  const stored = await papers();
  expect(stored.get('2408.04540')?.relevance).toMatchObject({
    matched: true,
    reasons: ['author: J. Doe'],
  });
  expect(stored.get('2301.13353')?.relevance).toMatchObject({
    matched: true,
    reasons: ['keyword: quantum'],
  });
  expect(stored.get('2408.03001')?.relevance?.matched).toBe(false);

  // Back to every new paper: the badge follows the setting at once.
  await setStorage({ 'settings.badgeMode': 'all' });
  expect(
    await eventually(
      () => badgeText(extension.worker),
      (text) => text === '4',
    ),
  ).toBe('4');
});

it('records a paper opened as a PDF or on Hugging Face, with the time', async () => {
  await extension.context.route(PDF, (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: '%PDF-1.4\n%%EOF\n' }),
  );
  await routePage(extension.context, HF_PAPER, '<!doctype html><title>HF paper</title>');
  const before = Date.now();
  const listing = await extension.context.newPage();
  await listing.goto(NEW_LISTING);
  await eventually(papers, (found) => found.size === 4);
  expect((await papers()).get('2408.04539')?.openedAt).toBeUndefined();

  const tab = await extension.context.newPage();
  await tab.goto(PDF).catch(() => {}); // the PDF viewer may take the navigation over
  const opened = await eventually(
    papers,
    (found) => found.get('2408.04539')?.openedAt !== undefined,
  );
  expect(opened.get('2408.04539')?.openedAt).toBeGreaterThanOrEqual(before);

  await tab.goto(HF_PAPER);
  const both = await eventually(papers, (found) => found.get('2408.04540')?.openedAt !== undefined);
  expect(both.get('2408.04540')?.openedAt).toBeGreaterThanOrEqual(before);
  // Only those two were opened.
  expect([...both.values()].filter((paper) => paper.openedAt !== undefined).length).toBe(2);
});

it('learns from saves in the service worker and explains the new ranking', async () => {
  const topics = {
    graph: 'Graph neural networks pass messages along the edges of molecular graphs.',
    protein: 'Protein folding is predicted from sequence alignments with a structure module.',
  };
  const paper = (n: number, topic: keyof typeof topics) => ({
    id: `2408.${String(10000 + n)}`,
    title: topic === 'graph' ? `Graph neural networks, study ${n}` : `Protein folding, study ${n}`,
    authors: [`Author ${n}`],
    abstract: `${topics[topic]} Study number ${n}.`,
  });
  const detection = {
    source: {
      kind: 'arxiv-listing',
      label: 'arXiv cs.LG · new',
      url: 'https://arxiv.org/list/cs.LG/new',
    },
    papers: [1, 2, 3, 4, 5, 6].flatMap((n) => [paper(n, 'graph'), paper(n + 10, 'protein')]),
  };
  // The extension's own options page stands in for the pages and the popup.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const send = (message: unknown) =>
    options.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean }>;
  expect(await send({ type: 'pageDetected', payload: detection })).toMatchObject({ ok: true });
  for (const n of [1, 2, 3]) {
    expect(
      await send({ type: 'setSaved', payload: { id: `2408.${10000 + n}`, saved: true } }),
    ).toMatchObject({ ok: true });
  }

  const learned = await eventually(
    papers,
    (found) => found.get('2408.10004')?.relevance?.coldStart === false,
    15_000,
  );
  const graph = learned.get('2408.10004')?.relevance;
  const protein = learned.get('2408.10014')?.relevance;
  expect(graph?.score).toBeGreaterThan(protein?.score ?? 1);
  expect(graph?.learned.map((reason) => reason.label).join(' ')).toMatch(/graph|neural/i);
});

it('interests set on the options page re-mark an open listing live, with the reasons in the names', async () => {
  const page = await extension.context.newPage();
  await page.goto(NEW_LISTING);
  const saveName = async (id: string) =>
    accessibleName(page, await markControl(page, id, 's')).catch(() => '');
  await expect.poll(() => saveName('2408.04540')).toBe('Save in Paperlight');
  expect((await pageMark(page, '2408.04540'))?.labels).not.toContain('Match');

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByLabel('Keywords and phrases').fill('krylov');
  await options.getByLabel('Authors').fill('J. Doe');
  await options.getByRole('button', { name: 'Save interests' }).click();

  // The listing was not reloaded: its marks changed in place.
  await expect
    .poll(() => saveName('2408.04540'), { timeout: 10_000 })
    .toBe('Save in Paperlight — matches: author: J. Doe');
  expect(await saveName('2301.13353')).toBe('Save in Paperlight — matches: keyword: krylov');
  expect(await saveName('2408.03001')).toBe('Save in Paperlight');
  expect((await pageMark(page, '2408.04540'))?.labels).toContain('Match');
  // The listing bar counts them.
  await expect
    .poll(async () => (await shadowWidgets(page)).find((widget) => widget.id === 'bar')?.labels)
    .toContain('2 matches');

  // "Only matches" leaves the two matching papers on the page, and `j` visits them in order.
  await clickControl(page, await markControl(page, 'bar', 'Only matches'));
  await expect.poll(() => shownIds(page)).toEqual(['2408.04540', '2301.13353']);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('j');
  await expect.poll(() => cursorId(page)).toBe('2408.04540');
  await page.keyboard.press('j');
  await expect.poll(() => cursorId(page)).toBe('2301.13353');
});
