/**
 * The HF author rule on the real Hugging Face data in ../shared/fixtures (read-only, outside the
 * repo): an author marked `hidden` is a real author of the paper and is kept, on the pages and
 * in the API alike. The project's own tests must pass without that folder, so this suite skips,
 * saying so, when it is absent; hfPaperJson.test.ts tests the same rule on the repo's fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, papers, scanHtml } from '@/tests/unit/content/adapters/load';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { hfDaily } from '@/utils/content/adapters/hfDaily';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../../shared/fixtures');
const API = 'hf_api_daily_papers_2025-09-30.json';
const PAGE = 'hf_papers_daily_2024-08-01.html';
const exists = existsSync(path.join(SHARED, API)) && existsSync(path.join(SHARED, PAGE));

if (exists) console.info(`[hf authors] running on the real HF page and API response in ${SHARED}`);
else console.warn(`[hf authors] SKIPPED: ${API} and ${PAGE} not found in ${SHARED}`);

const real = (name: string) => readFileSync(path.join(SHARED, name), 'utf8');

interface RawItem {
  paper: { id: string; authors: { name: string; hidden?: boolean }[] };
}

/** The fixture's own marks (not the code under test): id → names marked hidden. */
function hiddenAuthors(items: RawItem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { paper } of items) {
    const hidden = paper.authors.filter((a) => a.hidden === true).map((a) => a.name);
    if (hidden.length) out[paper.id] = hidden;
  }
  return out;
}

const authorCount = (items: { authors: unknown[] }[]) =>
  items.reduce((sum, item) => sum + item.authors.length, 0);

describe.skipIf(!exists)('HF authors marked hidden, on the real HF data', () => {
  describe(`${API} (the daily papers API)`, () => {
    let items: RawItem[] = [];
    beforeAll(() => {
      items = JSON.parse(real(API));
    });

    it('has one hidden author among 599: the first author of 2509.22518', () => {
      expect(items).toHaveLength(50);
      expect(authorCount(items.map((i) => i.paper))).toBe(599);
      expect(hiddenAuthors(items)).toEqual({ '2509.22518': ['Bo Li'] });
    });

    it('keeps them, in the API and on a page with the same data', () => {
      const rema = [
        'Bo Li',
        'Guanzhi Deng',
        'Ronghao Chen',
        'Junrong Yue',
        'Shuo Zhang',
        'Qinghua Zhao',
        'Linqi Song',
        'Lijie Wen',
      ];
      const api = parseHfDailyApi(items, '2025-09-30');
      const props = JSON.stringify({ date: '2025-09-30T00:00:00.000Z', dailyPapers: items })
        .replaceAll('&', '&amp;')
        .replaceAll('"', '&quot;');
      const page = scanHtml(
        hfDaily,
        `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}"></div>`,
        'https://huggingface.co/papers/date/2025-09-30',
      );
      expect(api.papers.find((p) => p.id === '2509.22518')?.authors).toEqual(rema);
      expect(byId(page, '2509.22518').authors).toEqual(rema);
      expect(authorCount(api.papers)).toBe(599);
      expect(papers(page).map((p) => [p.id, p.authors])).toEqual(
        api.papers.map((p) => [p.id, p.authors]),
      );
    });
  });

  describe(`${PAGE} (a Daily Papers page)`, () => {
    let html = '';
    let items: RawItem[] = [];
    beforeAll(() => {
      html = real(PAGE);
      const props = new DOMParser()
        .parseFromString(html, 'text/html')
        .querySelector('[data-target="DailyPapers"]')
        ?.getAttribute('data-props');
      items = JSON.parse(props ?? '{}').dailyPapers;
    });

    it('has one hidden author among 630: the third author of 2407.21781', () => {
      expect(items).toHaveLength(13);
      expect(authorCount(items.map((i) => i.paper))).toBe(630);
      expect(hiddenAuthors(items)).toEqual({ '2407.21781': ['Xuanyu Huang'] });
    });

    it('keeps them on the page, as the API reads the same items', () => {
      const berkeleyHumanoid = [
        'Qiayuan Liao',
        'Bike Zhang',
        'Xuanyu Huang',
        'Xiaoyu Huang',
        'Zhongyu Li',
        'Koushil Sreenath',
      ];
      const page = scanHtml(hfDaily, html, 'https://huggingface.co/papers?date=2024-08-01');
      const api = parseHfDailyApi(items, '2024-08-01');
      expect(byId(page, '2407.21781').title).toBe(
        'Berkeley Humanoid: A Research Platform for Learning-based Control',
      );
      expect(byId(page, '2407.21781').authors).toEqual(berkeleyHumanoid);
      expect(api.papers.find((p) => p.id === '2407.21781')?.authors).toEqual(berkeleyHumanoid);
      expect(authorCount(papers(page))).toBe(630);
      expect(papers(page).map((p) => [p.id, p.authors])).toEqual(
        api.papers.map((p) => [p.id, p.authors]),
      );
    });
  });
});
