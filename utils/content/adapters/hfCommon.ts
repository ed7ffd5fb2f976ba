/**
 * Shared by the Hugging Face adapters (hfDaily, hfPaper): the host check, the
 * `div.SVELTE_HYDRATER` `data-props` JSON reader and the HF paper-object reader.
 * HF serves its pages with Svelte islands: each `SVELTE_HYDRATER` div carries the island's
 * props as HTML-escaped JSON in `data-props` (the DOM hands it back unescaped).
 */

import { firstArxivId } from '@/utils/shared/arxivId';
import { cleanText, type DetectedPaper, type HfInfo, LIMITS } from '@/utils/shared/paper';
import { httpUrl } from '@/utils/shared/url';

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** The YYYY-MM-DD at the start of an ISO date or timestamp, else undefined. */
export const day = (v: unknown): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(str(v) ?? '')?.[0];

/** True for huggingface.co pages over http(s). */
export function isHfPage(url: URL): boolean {
  return /^https?:$/.test(url.protocol) && /^(www\.)?huggingface\.co$/.test(url.hostname);
}

let cachedRaw = '';
let cachedProps: Json | undefined;

/** Parsed `data-props` (undefined when absent or not JSON); the last parse is reused, since the
 * content script rescans HF pages whose props do not change. */
export function parseProps(raw: string | null | undefined): Json | undefined {
  if (!raw) return undefined;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    try {
      cachedProps = obj(JSON.parse(raw));
    } catch {
      cachedProps = undefined;
    }
  }
  return cachedProps;
}

/** The props of the first `SVELTE_HYDRATER` island matching `selector` whose raw attribute
 * passes `accept` (so unrelated islands are not parsed) and whose parsed props pass `match`. */
export function findProps(
  doc: Document,
  selector: string,
  accept: (raw: string) => boolean,
  match: (props: Json) => boolean = () => true,
): Json | undefined {
  for (const el of doc.querySelectorAll(selector)) {
    const raw = el.getAttribute('data-props');
    const props = raw && accept(raw) ? parseProps(raw) : undefined;
    if (props && match(props)) return props;
  }
  return undefined;
}

/**
 * One paper from HF JSON: a Daily Papers item `{ paper: {...}, title, summary, … }` (fields read
 * from `paper` first, then the outer item) or a bare paper object. `dailyDate` defaults to the
 * paper's `submittedOnDailyAt` day.
 */
export function hfPaper(item: unknown, dailyDate?: string): DetectedPaper {
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
    githubRepo: httpUrl(field('githubRepo'), { max: LIMITS.url }),
    projectPage: httpUrl(field('projectPage'), { max: LIMITS.url }),
    aiSummary: cleanText(str(field('ai_summary')), LIMITS.hfText),
    dailyDate: dailyDate ?? day(field('submittedOnDailyAt')),
  };
  return {
    id: firstArxivId([str(p.id), str(outer.id)]),
    title: cleanText(str(field('title')), LIMITS.title),
    authors,
    abstract: cleanText(str(field('summary')), LIMITS.abstract),
    hf,
  };
}
