import {
  badgeText,
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  readStore,
  routePage,
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
