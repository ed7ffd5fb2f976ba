/**
 * Hugging Face Daily Papers list pages (not the /papers/<arxiv-id> paper pages: hfPaper):
 *   https://huggingface.co/papers
 *   https://huggingface.co/papers?date=YYYY-MM-DD
 *   https://huggingface.co/papers/date/YYYY-MM-DD      "HF Daily Papers · 2026-11-27"
 *   https://huggingface.co/papers/week/YYYY-Www        "HF Daily Papers · week 2026-W48"
 *   https://huggingface.co/papers/month/YYYY-MM        "HF Daily Papers · month 2026-11"
 *   https://huggingface.co/papers/trending             "HF Trending Papers"
 *
 * Primary source: the `div.SVELTE_HYDRATER[data-target="DailyPapers"]` `data-props` JSON
 * (`date`, `dailyPapers[]` of `{ paper: { id, title, authors[].name, summary, upvotes,
 * githubRepo, projectPage, ai_summary }, title, summary, … }` — fields are read from `paper` first,
 * then from the outer item); other islands holding a `dailyPapers` or `papers` list are accepted
 * too. Then the `article` cards (`a[href^="/papers/"]` → id, `h3` → title, `.leading-none`
 * upvote count), merged by id: cards add the papers the props lack (HF renders more cards as you
 * scroll or sort, and the props keep describing the first render). After an in-place navigation
 * (`inPlace`) the props are stale and only the cards are read. No page marks on HF: anchors are
 * null; each card entry carries its `article` as `element`.
 */

import type { DetectedEntry, SiteAdapter } from '@/utils/content/adapters/adapter';
import { collector, safeScan, textOf } from '@/utils/content/adapters/dom';
import { findProps, isHfPage } from '@/utils/content/adapters/hfPageProps';
import { arxivIdFrom } from '@/utils/shared/arxivId';
import { day, type Json, paperFromHfJson } from '@/utils/shared/hfPaperJson';
import { LIMITS } from '@/utils/shared/paper';

const PATH =
  /^\/papers(?:\/date\/(\d{4}-\d{2}-\d{2})|\/week\/(\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3]))|\/month\/(\d{4}-(?:0[1-9]|1[0-2]))|\/(trending))?\/?$/;

function readProps(doc: Document): Json | undefined {
  return (
    findProps(doc, 'div.SVELTE_HYDRATER[data-target="DailyPapers"]', () => true) ??
    findProps(
      doc,
      'div.SVELTE_HYDRATER[data-props]',
      (raw) => raw.includes('"dailyPapers"') || raw.includes('"papers"'),
    )
  );
}

function propsList(props: Json | undefined): unknown[] {
  const list = props?.dailyPapers ?? props?.papers;
  return Array.isArray(list) ? list : [];
}

function fromCard(article: Element, dailyDate: string | undefined): DetectedEntry {
  const link =
    article.querySelector('h3 a[href^="/papers/"]') ?? article.querySelector('a[href^="/papers/"]');
  // The upvote count is the one all-digit `.leading-none` box ("Submitted by …" shares the class).
  const votes = Array.from(article.querySelectorAll('.leading-none'), (el) => textOf(el, 20)).find(
    (text) => /^\d{1,9}$/.test(text),
  );
  return {
    paper: {
      id: arxivIdFrom(link?.getAttribute('href')?.slice(8)),
      title: textOf(article.querySelector('h3'), LIMITS.title),
      authors: [],
      hf: { upvotes: votes ? Number(votes) : undefined, dailyDate },
    },
    anchor: null,
    element: article,
  };
}

export const hfDaily: SiteAdapter = {
  name: 'hf-daily',
  matches: (url) => isHfPage(url) && PATH.test(url.pathname),
  scan(doc, url, options) {
    const [, pathDate, week, month, trending] = PATH.exec(url.pathname) ?? [];
    const props = options?.inPlace ? undefined : readProps(doc);
    const listPage = week || month || trending;
    const date = listPage
      ? undefined
      : (pathDate ??
        day(url.searchParams.get('date')) ??
        day(props?.date) ??
        day(doc.querySelector('time[datetime]')?.getAttribute('datetime')));
    const label = trending
      ? 'HF Trending Papers'
      : week
        ? `HF Daily Papers · week ${week}`
        : month
          ? `HF Daily Papers · month ${month}`
          : date
            ? `HF Daily Papers · ${date}`
            : 'HF Daily Papers';
    return safeScan(doc, 'hf-daily', label, url, () => {
      const fromJson = collector((item: unknown) => ({
        paper: paperFromHfJson(item, date),
        anchor: null,
      }));
      for (const item of propsList(props)) fromJson.add(item);
      const cards = collector((article: Element) => fromCard(article, date));
      for (const article of doc.querySelectorAll('article')) cards.add(article);
      if (!fromJson.entries.length) return cards.entries;
      // Merge by id: a card gives its element to the props entry, or adds a paper of its own.
      const entries = fromJson.entries;
      const byId = new Map(entries.map((entry, i) => [entry.paper.id, i]));
      for (const card of cards.entries) {
        const i = byId.get(card.paper.id);
        const entry = i === undefined ? undefined : entries[i];
        if (i !== undefined && entry) entries[i] = { ...entry, element: card.element };
        else if (entries.length < LIMITS.papersPerPage) entries.push(card);
      }
      return entries;
    });
  },
};
