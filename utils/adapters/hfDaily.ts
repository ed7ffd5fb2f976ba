/**
 * Hugging Face Daily Papers list pages (not the /papers/<arxiv-id> paper pages):
 *   https://huggingface.co/papers
 *   https://huggingface.co/papers?date=YYYY-MM-DD
 *   https://huggingface.co/papers/date/YYYY-MM-DD
 *
 * Primary source: the `div.SVELTE_HYDRATER[data-target="DailyPapers"]` `data-props` JSON
 * (`date`, `dailyPapers[]` of `{ paper: { id, title, authors[].name, summary, upvotes,
 * githubRepo, projectPage, ai_summary }, title, summary, … }` — fields are read from `paper` first,
 * then from the outer item). Fallback when it is missing, malformed or yields nothing: the
 * server-rendered `article` cards (`a[href^="/papers/"]` → id, `h3` → title, `.leading-none`
 * upvote count). No page marks on HF: anchors are null.
 */
import { cleanText, type DetectedPaper, type HfInfo, LIMITS } from '../paper';
import type { DetectedEntry, SiteAdapter } from './adapter';
import { collector, httpUrl, parseId, safeScan, textOf } from './dom';

type Json = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}/;
const PATH = /^\/papers(\/date\/(\d{4}-\d{2}-\d{2}))?\/?$/;

const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const day = (v: unknown): string | undefined => DATE.exec(str(v) ?? '')?.[0];

function urlDate(url: URL): string | undefined {
  return PATH.exec(url.pathname)?.[2] ?? day(url.searchParams.get('date'));
}

function readProps(doc: Document): Json | undefined {
  const raw = doc
    .querySelector('div.SVELTE_HYDRATER[data-target="DailyPapers"]')
    ?.getAttribute('data-props');
  try {
    return raw ? obj(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

function fromProps(item: unknown, dailyDate: string | undefined): DetectedEntry {
  const outer = obj(item);
  const p = obj(outer.paper);
  const field = (key: string): unknown => p[key] ?? outer[key];
  const upvotes = field('upvotes');
  const authors: string[] = [];
  const list = field('authors');
  for (const a of Array.isArray(list) ? list : []) {
    const name = cleanText(str(obj(a).name), LIMITS.authorName);
    if (name && obj(a).hidden !== true && authors.length < LIMITS.authors) authors.push(name);
  }
  const hf: HfInfo = {
    upvotes: Number.isSafeInteger(upvotes) && Number(upvotes) >= 0 ? Number(upvotes) : undefined,
    githubRepo: httpUrl(field('githubRepo')),
    projectPage: httpUrl(field('projectPage')),
    aiSummary: cleanText(str(field('ai_summary')), LIMITS.hfText),
    dailyDate,
  };
  const paper: DetectedPaper = {
    id: parseId(str(p.id) ?? str(outer.id)),
    title: cleanText(str(field('title')), LIMITS.title),
    authors,
    abstract: cleanText(str(field('summary')), LIMITS.abstract),
    hf,
  };
  return { paper, anchor: null };
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
      id: parseId(link?.getAttribute('href')?.slice(8)),
      title: textOf(article.querySelector('h3'), LIMITS.title),
      authors: [],
      hf: { upvotes: votes ? Number(votes) : undefined, dailyDate },
    },
    anchor: null,
  };
}

export const hfDaily: SiteAdapter = {
  name: 'hf-daily',
  matches: (url) =>
    /^https?:$/.test(url.protocol) &&
    /^(www\.)?huggingface\.co$/.test(url.hostname) &&
    PATH.test(url.pathname),
  scan(doc, url) {
    const props = readProps(doc);
    const date =
      urlDate(url) ??
      day(props?.date) ??
      day(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
    return safeScan(
      doc,
      'hf-daily',
      date ? `HF Daily Papers · ${date}` : 'HF Daily Papers',
      url,
      () => {
        const list = props?.dailyPapers;
        const fromJson = collector((item: unknown) => fromProps(item, date));
        for (const item of Array.isArray(list) ? list : []) fromJson.add(item);
        if (fromJson.entries.length) return fromJson.entries;
        const cards = collector((article: Element) => fromCard(article, date));
        for (const article of doc.querySelectorAll('article')) cards.add(article);
        return cards.entries;
      },
    );
  },
};
