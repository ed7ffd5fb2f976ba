/**
 * Hugging Face's paper JSON, read one way wherever Paperlight meets it: in the `data-props` of
 * the Daily Papers and paper pages (content script) and from the daily papers API (background
 * digest), so a paper has the same fields whichever it was seen on. Pure and small: the content
 * script carries it.
 *
 *   { paper: { id, title, summary, authors: [{ name, hidden, user?, status? }], upvotes,
 *              githubRepo?, projectPage?, ai_summary, submittedOnDailyAt, … },
 *     title, summary, … }                       a Daily Papers item, or the bare `paper` object
 */

import { firstArxivId } from '@/utils/shared/arxivId';
import { cleanText, type DetectedPaper, LIMITS } from '@/utils/shared/paper';
import { httpUrl } from '@/utils/shared/url';

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** YYYY-MM-DD from the start of a date or timestamp ("2025-09-30T01:13:12.259Z"), if a real day. */
export function day(v: unknown): string | undefined {
  const m = DAY.exec(str(v) ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? m[0] : undefined;
}

/**
 * The authors' names in order. Authors marked `hidden` are kept: `hidden` belongs to the HF
 * account linked to the author (its owner chose not to show the paper on their profile); the
 * paper still lists them, as arXiv does.
 */
function authorNames(list: unknown): string[] {
  const names: string[] = [];
  for (const author of Array.isArray(list) ? list : []) {
    const name = cleanText(str(obj(author).name) ?? str(author), LIMITS.authorName);
    if (name) names.push(name);
    if (names.length >= LIMITS.authors) break;
  }
  return names;
}

/**
 * One paper from HF JSON, fields read from `paper` first, then from the outer item. `id` is ''
 * when there is no valid arXiv id; URLs are http(s) only; `dailyDate` is the given Daily Papers
 * date, else the day of `submittedOnDailyAt`. Empty fields are left for the caller's collector.
 */
export function paperFromHfJson(item: unknown, dailyDate?: string): DetectedPaper {
  const outer = obj(item);
  const p = obj(outer.paper);
  const field = (key: string): unknown => p[key] ?? outer[key];
  const upvotes = field('upvotes');
  return {
    id: firstArxivId([str(p.id), str(outer.id)]),
    title: cleanText(str(field('title')), LIMITS.title),
    authors: authorNames(field('authors')),
    abstract: cleanText(str(field('summary')), LIMITS.abstract),
    hf: {
      upvotes:
        typeof upvotes === 'number' && Number.isSafeInteger(upvotes) && upvotes >= 0
          ? upvotes
          : undefined,
      githubRepo: httpUrl(field('githubRepo'), { max: LIMITS.url }),
      projectPage: httpUrl(field('projectPage'), { max: LIMITS.url }),
      aiSummary: cleanText(str(field('ai_summary')), LIMITS.hfText),
      dailyDate: dailyDate ?? day(p.submittedOnDailyAt) ?? day(outer.submittedOnDailyAt),
    },
  };
}
