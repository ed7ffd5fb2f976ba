import {
  eventually,
  fixture,
  type LoadedExtension,
  launchExtension,
  readStore,
  routePage,
} from '@/tests/e2e/harness';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * Hugging Face is a single-page app: the built extension in Chromium on a Daily Papers page that
 * then changes in place (a new URL by history.pushState, new cards), as HF does when you move
 * between days, sort or load more; and HF paper pages, reached in place and loaded.
 */

const DAY = 'https://huggingface.co/papers/date/2024-09-02';
const WEEK = 'https://huggingface.co/papers/week/2024-W36';
const PAPER = 'https://huggingface.co/papers/2409.00077';
const FIRST_IDS = ['2409.00001', '2409.00002', '2409.00005', '2409.00008'];

let extension: LoadedExtension;

async function papers(): Promise<Map<string, PaperRecord>> {
  const rows = await readStore<PaperRecord>(extension.worker);
  return new Map(rows.map((row) => [row.id, row]));
}

const hasAll = (ids: string[]) => (found: Map<string, PaperRecord>) =>
  ids.every((id) => found.has(id));

beforeAll(async () => {
  extension = await launchExtension();
  await routePage(extension.context, DAY, fixture('hf-daily.html'));
  await routePage(extension.context, WEEK, fixture('hf-daily.html'));
  await routePage(extension.context, PAPER, fixture('hf-paper.html'));
});

afterAll(async () => {
  await extension?.close();
});

describe('Hugging Face as a single-page app, in Chromium', () => {
  it('picks up a new day and new cards in place, sending each paper once per page view', async () => {
    const page = await extension.context.newPage();
    await page.goto(DAY);
    let stored = await eventually(papers, hasAll(FIRST_IDS));
    expect([...stored.keys()].sort()).toEqual(FIRST_IDS);
    expect(stored.get('2409.00001')?.lastSighting.label).toBe('HF Daily Papers · 2024-09-02');

    // What HF does on "next day": a new URL, then the new day's cards (the old ones linger here).
    await page.evaluate(() => {
      history.pushState({}, '', '/papers/date/2024-09-03');
      const grid = document.querySelector('main .grid') ?? document.body;
      const cards = [
        { id: '2409.00021', title: 'Paper Twenty-One' },
        { id: '2409.00022', title: 'Paper Twenty-Two' },
      ];
      for (const { id, title } of cards) {
        const article = document.createElement('article');
        article.className = 'relative flex flex-col overflow-hidden rounded-xl border';
        const votes = document.createElement('div');
        votes.className = 'leading-none';
        votes.textContent = '12';
        const heading = document.createElement('h3');
        const link = document.createElement('a');
        link.href = `/papers/${id}`;
        link.textContent = title;
        heading.append(link);
        article.append(votes, heading);
        grid.append(article);
      }
    });
    stored = await eventually(papers, hasAll(['2409.00021', '2409.00022']));
    for (const id of ['2409.00021', '2409.00022']) {
      const paper = stored.get(id);
      expect(paper?.firstSighting.kind).toBe('hf-daily');
      expect(paper?.firstSighting.label).toBe('HF Daily Papers · 2024-09-03');
      expect(paper?.firstSighting.url).toBe('https://huggingface.co/papers/date/2024-09-03');
      expect(paper?.hf).toMatchObject({ upvotes: 12, dailyDate: '2024-09-03' });
      expect(paper?.sightingCount).toBe(1);
    }
    expect(stored.get('2409.00021')?.title).toBe('Paper Twenty-One');

    // A later change rescans the page, and the rescan sends only what is new: a card added with
    // it arrives, and the papers already sent in this page view stay seen once.
    await page.evaluate(() => {
      document.body.append(document.createElement('div'));
      const grid = document.querySelector('main .grid') ?? document.body;
      const article = document.createElement('article');
      article.className = 'relative flex flex-col overflow-hidden rounded-xl border';
      const votes = document.createElement('div');
      votes.className = 'leading-none';
      votes.textContent = '3';
      const heading = document.createElement('h3');
      const link = document.createElement('a');
      link.href = '/papers/2409.00024';
      link.textContent = 'Paper Twenty-Four';
      heading.append(link);
      article.append(votes, heading);
      grid.append(article);
    });
    stored = await eventually(papers, hasAll(['2409.00024']));
    expect(stored.get('2409.00024')?.sightingCount).toBe(1);
    expect(stored.size).toBe(7);
    for (const id of FIRST_IDS) {
      expect(stored.get(id)?.sightingCount).toBe(1);
      expect(stored.get(id)?.lastSighting.label).toBe('HF Daily Papers · 2024-09-02');
    }
    for (const id of ['2409.00021', '2409.00022']) expect(stored.get(id)?.sightingCount).toBe(1);

    // A paper page reached in place (HF's own links go through the app).
    await page.evaluate(() => {
      history.pushState({}, '', '/papers/2409.00023');
      const main = document.querySelector('main');
      if (!main) throw new Error('no main');
      const heading = document.createElement('h1');
      heading.textContent = 'Paper Twenty-Three';
      const arxiv = document.createElement('a');
      arxiv.href = 'https://arxiv.org/abs/2409.00023';
      arxiv.textContent = 'View arXiv page';
      main.replaceChildren(heading, arxiv);
    });
    stored = await eventually(papers, (found) => found.has('2409.00023'));
    expect(stored.get('2409.00023')).toMatchObject({
      title: 'Paper Twenty-Three',
      sightingCount: 1,
      firstSighting: {
        kind: 'hf-daily',
        label: 'HF paper pages',
        url: 'https://huggingface.co/papers/2409.00023',
      },
    });
    // HF pages are read, not marked.
    expect(await page.locator('paperlight-mark').count()).toBe(0);
    await page.close();
  });

  it('reads a paper page from its props', async () => {
    const page = await extension.context.newPage();
    await page.goto(PAPER);
    const stored = await eventually(papers, (found) => found.has('2409.00077'));
    expect(stored.get('2409.00077')).toMatchObject({
      title: 'Orbital Transformers: Long Context for $n$-Body Problems',
      authors: ['Mary Jackson', 'Katherine Johnson', 'Dorothy Vaughan'],
      hf: {
        upvotes: 17,
        githubRepo: 'https://github.com/example/orbital',
        aiSummary: 'Transformers predict orbits over long horizons.',
        dailyDate: '2024-09-02',
      },
      sightingCount: 1,
      lastSighting: { kind: 'hf-daily', label: 'HF paper pages', url: PAPER },
    });
    expect(stored.get('2409.00077')?.codeUrls).toContain('https://github.com/example/orbital');
    await page.close();
  });

  it('labels a week list, a new page view of papers already seen', async () => {
    const page = await extension.context.newPage();
    await page.goto(WEEK);
    const stored = await eventually(
      papers,
      (found) => found.get('2409.00001')?.sightingCount === 2,
    );
    for (const id of FIRST_IDS) {
      expect(stored.get(id)?.sightingCount).toBe(2);
      expect(stored.get(id)?.lastSighting.label).toBe('HF Daily Papers · week 2024-W36');
      // The day it was listed on is not lost to a list without one.
      expect(stored.get(id)?.hf?.dailyDate).toBe('2024-09-02');
    }
    await page.close();
  });
});
