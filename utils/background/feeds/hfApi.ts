/**
 * huggingface.co/api/daily_papers?date=YYYY-MM-DD: a JSON array of
 *   { paper: { id, title, summary, authors: [{ name, hidden, … }], upvotes, ai_summary,
 *              ai_keywords, githubRepo?, githubStars?, projectPage?, publishedAt,
 *              submittedOnDailyAt, … },
 *     title, summary, publishedAt, thumbnail, numComments, submittedBy, … }
 * Fields are read from `paper` first, then from the outer item. The Daily Papers date is the
 * `date` argument when given (the query's), else the day of `paper.submittedOnDailyAt`.
 *
 * Pure: no DOM. Never throws; a malformed item is skipped with a reason.
 */

import {
  type Built,
  collector,
  type FeedPaper,
  type FeedParse,
  nothing,
  obj,
  str,
} from '@/utils/background/feeds/common';
import { firstArxivId } from '@/utils/shared/arxivId';
import { cleanText, type HfInfo, LIMITS } from '@/utils/shared/paper';
import { httpUrl } from '@/utils/shared/url';

export type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The YYYY-MM-DD day at the start of a string ("2025-09-30T01:13:12.259Z"), if valid. */
function day(v: unknown): string | undefined {
  const m = DAY.exec(str(v) ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? m[0] : undefined;
}

function itemPaper(item: unknown, date: string | undefined): Built {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { skip: `not an object (${item === null ? 'null' : typeof item})` };
  }
  const outer = obj(item);
  const p = obj(outer.paper);
  const field = (key: string): unknown => p[key] ?? outer[key];
  const id = firstArxivId([str(p.id), str(outer.id)]);
  if (!id) return { skip: `no valid arXiv id (${cleanText(str(p.id) ?? typeof p.id, 40)})` };
  const authors: string[] = [];
  const list = field('authors');
  for (const a of Array.isArray(list) ? list : []) {
    // `hidden` is the author's choice to hide the paper on their HF profile; they are still an
    // author of the paper, so they are kept (the arXiv listing has them too).
    const name = cleanText(str(obj(a).name) ?? str(a), LIMITS.authorName);
    if (name) authors.push(name);
    if (authors.length >= LIMITS.authors) break;
  }
  const upvotes = field('upvotes');
  const hf: HfInfo = {
    upvotes:
      typeof upvotes === 'number' && Number.isSafeInteger(upvotes) && upvotes >= 0
        ? upvotes
        : undefined,
    githubRepo: httpUrl(field('githubRepo'), { max: LIMITS.url }),
    projectPage: httpUrl(field('projectPage'), { max: LIMITS.url }),
    aiSummary: cleanText(str(field('ai_summary')), LIMITS.hfText),
    dailyDate: date ?? day(p.submittedOnDailyAt) ?? day(outer.submittedOnDailyAt),
  };
  const paper: FeedPaper = {
    id,
    title: cleanText(str(field('title')), LIMITS.title),
    authors,
    abstract: cleanText(str(field('summary')), LIMITS.abstract),
    hf,
  };
  return paper;
}

/**
 * Reads a Daily Papers API response (already JSON-parsed; a JSON string is parsed too). `date`
 * is the `?date=` the caller asked for, YYYY-MM-DD.
 */
export function parseHfDailyApi(json: unknown, date?: string): FeedParse {
  try {
    let data = json;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data.replace(/^\uFEFF/, ''));
      } catch {
        return nothing('not JSON');
      }
    }
    if (!Array.isArray(data)) {
      return nothing(`not an array of papers (${data === null ? 'null' : typeof data})`);
    }
    const items: unknown[] = data;
    const asked = day(date);
    const c = collector();
    const limit = Math.min(items.length, LIMITS.papersPerPage + 1);
    for (let index = 0; index < limit; index++) {
      c.add(index, () => itemPaper(items[index], asked));
    }
    const dailyDate = asked ?? c.papers.find((p) => p.hf?.dailyDate)?.hf?.dailyDate;
    return c.result({
      batchDate: dailyDate,
      announced: dailyDate,
    });
  } catch {
    return nothing('unreadable response');
  }
}
