/**
 * huggingface.co/api/daily_papers?date=YYYY-MM-DD: a JSON array of Daily Papers items, each read
 * by utils/shared/hfPaperJson.ts as the HF pages' items are. The Daily Papers date is the `date`
 * argument when given (the query's), else the day of `paper.submittedOnDailyAt`.
 *
 * Never throws; a malformed item is skipped with a reason.
 */

import {
  type Built,
  collector,
  type FeedPaper,
  type FeedParse,
  nothing,
} from '@/utils/background/feeds/common';
import { day, obj, paperFromHfJson, str } from '@/utils/shared/hfPaperJson';
import { cleanText, LIMITS } from '@/utils/shared/paper';

export type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';

function itemPaper(item: unknown, date: string | undefined): Built {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { skip: `not an object (${item === null ? 'null' : typeof item})` };
  }
  const paper: FeedPaper = paperFromHfJson(item, date);
  if (!paper.id) {
    const id = obj(obj(item).paper).id;
    return { skip: `no valid arXiv id (${cleanText(str(id) ?? typeof id, 40)})` };
  }
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
