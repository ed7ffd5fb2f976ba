/**
 * One reading of Hugging Face's paper JSON for the HF pages and the daily papers API: the same
 * paper gets the same fields, authors marked `hidden` included, whichever it was seen on.
 * Runs on the repo's own fixtures (tests/fixtures); the real files are in
 * hfPaperJson.shared-fixtures.test.ts.
 */
import { readFixture as readFeed } from '@/tests/unit/background/feeds/load';
import { byId, papers, readFixture, scanHtml } from '@/tests/unit/content/adapters/load';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { hfDaily } from '@/utils/content/adapters/hfDaily';
import { hfPaperPage } from '@/utils/content/adapters/hfPaper';
import { paperFromHfJson } from '@/utils/shared/hfPaperJson';

/** `data-props` as HF writes it: JSON, HTML-escaped. */
const propsAttr = (value: unknown) =>
  JSON.stringify(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

const dailyPage = (items: unknown[]) =>
  `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${propsAttr({
    date: '2025-09-30T00:00:00.000Z',
    dailyPapers: items,
  })}"></div>`;

const paperPage = (paper: unknown) =>
  `<div class="SVELTE_HYDRATER contents" data-target="PaperContent" data-props="${propsAttr({
    paper,
  })}"></div>`;

/** A hidden first author, as the real API gives one (hf_api_daily_papers_2025-09-30.json). */
const hiddenFirst = {
  paper: {
    id: '2509.22518',
    authors: [
      {
        _id: 'a1',
        user: { _id: 'u1', fullname: 'Bo Li', user: 'liboaccn', type: 'user' },
        name: 'Bo Li',
        status: 'claimed_verified',
        statusLastChangedAt: '2025-09-29T05:58:06.996Z',
        hidden: true,
      },
      { _id: 'a2', name: 'Guanzhi Deng', hidden: false },
      { _id: 'a3', name: 'Ronghao  Chen', hidden: false },
    ],
    title: 'REMA: A Unified Reasoning Manifold Framework',
    summary: 'Understanding how LLMs reason.',
    upvotes: 12,
    submittedOnDailyAt: '2025-09-29T04:26:39.000Z',
  },
  title: 'REMA: A Unified Reasoning Manifold Framework',
};

describe('paperFromHfJson', () => {
  it('keeps authors marked hidden, in their place', () => {
    expect(paperFromHfJson(hiddenFirst).authors).toEqual(['Bo Li', 'Guanzhi Deng', 'Ronghao Chen']);
  });

  it('reads a Daily Papers item and a bare paper object alike', () => {
    const expected = {
      id: '2509.22518',
      title: 'REMA: A Unified Reasoning Manifold Framework',
      authors: ['Bo Li', 'Guanzhi Deng', 'Ronghao Chen'],
      abstract: 'Understanding how LLMs reason.',
      hf: {
        upvotes: 12,
        githubRepo: undefined,
        projectPage: undefined,
        aiSummary: '',
        dailyDate: '2025-09-29',
      },
    };
    expect(paperFromHfJson(hiddenFirst)).toEqual(expected);
    expect(paperFromHfJson(hiddenFirst.paper)).toEqual(expected);
    expect(paperFromHfJson(hiddenFirst, '2025-09-30').hf?.dailyDate).toBe('2025-09-30');
  });

  it('takes names given as plain strings, and skips authors without one', () => {
    const item = { id: '2509.00001', authors: ['Ada Lovelace', { name: 7 }, {}, { name: ' ' }] };
    expect(paperFromHfJson(item).authors).toEqual(['Ada Lovelace']);
  });

  it('gives no id, and no date, for what is not one', () => {
    expect(paperFromHfJson({ paper: { id: 'not-an-id' } }).id).toBe('');
    expect(paperFromHfJson({ paper: { id: '2509.1' }, id: '2509.00002v2' }).id).toBe('2509.00002');
    expect(paperFromHfJson({ submittedOnDailyAt: '2025-02-30' }).hf?.dailyDate).toBeUndefined();
    expect(paperFromHfJson(null)).toMatchObject({ id: '', title: '', authors: [] });
  });
});

describe('the same paper from an HF page and from the API', () => {
  const api: unknown[] = JSON.parse(readFeed('hf-daily-api.json'));
  const fromApi = parseHfDailyApi(api, '2025-09-30');

  it('has the same authors on the Daily Papers page, the paper page and the API', () => {
    const daily = scanHtml(
      hfDaily,
      dailyPage(api),
      'https://huggingface.co/papers/date/2025-09-30',
    );
    const item = api.find((i) => JSON.stringify(i).includes('"2509.24006"')) as {
      paper: unknown;
    };
    const paper = scanHtml(
      hfPaperPage,
      paperPage(item.paper),
      'https://huggingface.co/papers/2509.24006',
    );
    // hf-daily-api.json marks Haoxu Wang `hidden`.
    const authors = ['Jintao Zhang', 'Haoxu Wang'];
    expect(byId(daily, '2509.24006').authors).toEqual(authors);
    expect(byId(paper, '2509.24006').authors).toEqual(authors);
    expect(fromApi.papers.find((p) => p.id === '2509.24006')?.authors).toEqual(authors);
  });

  it('reads every paper of the API fixture the same way on a page', () => {
    const daily = scanHtml(
      hfDaily,
      dailyPage(api),
      'https://huggingface.co/papers/date/2025-09-30',
    );
    expect(papers(daily)).toEqual(fromApi.papers);
    expect(papers(daily).map((p) => p.id)).toEqual(['2509.24006', '2509.25190', '2509.22222']);
  });

  it('has the same authors in the API for the papers of the page fixtures', () => {
    const html = readFixture('hf-paper.html');
    const props = JSON.parse(
      new DOMParser()
        .parseFromString(html, 'text/html')
        .querySelector('[data-target="PaperContent"]')
        ?.getAttribute('data-props') ?? '{}',
    ) as { paper: unknown };
    const authors = ['Mary Jackson', 'Katherine Johnson', 'Dorothy Vaughan'];
    expect(parseHfDailyApi([props]).papers[0]?.authors).toEqual(authors);
    const page = scanHtml(hfPaperPage, html, 'https://huggingface.co/papers/2409.00077');
    expect(byId(page, '2409.00077').authors).toEqual(authors);
  });
});
