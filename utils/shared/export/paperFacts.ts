import { isArxivId } from '@/utils/shared/arxivId';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * What every export format reads off a record the same way: where the paper lives, when it was
 * submitted (from its arXiv id), and its tag names. Pure.
 */

/** The paper's page: arXiv's abstract page, or the saved article's address. */
export function paperUrl(paper: Pick<PaperRecord, 'id' | 'article'>): string {
  if (isArxivId(paper.id)) return `https://arxiv.org/abs/${paper.id}`;
  return paper.article?.url ?? paper.id.replace(/^url:/, '');
}

/**
 * Year and month (1–12) of first submission, read from an arXiv id: "1706.03762" → 2017, 6;
 * "hep-th/9901001" → 1999, 1. Undefined for anything else.
 */
export function arxivDate(id: string): { year: number; month: number } | undefined {
  if (!isArxivId(id)) return undefined;
  const digits = /(\d{2})(\d{2})(?:\.\d+|\d{3})$/.exec(id);
  if (!digits) return undefined;
  const yy = Number(digits[1]);
  const month = Number(digits[2]);
  if (month < 1 || month > 12) return undefined;
  // Old-style ids started in 1991; new-style ones in 2007 (0704).
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month };
}

/** Names of the paper's live tags, in the paper's order. */
export function tagNames(
  paper: Pick<PaperRecord, 'tagIds'>,
  tagsById: ReadonlyMap<string, { name: string; deletedAt?: number }>,
): string[] {
  const names: string[] = [];
  for (const id of paper.tagIds ?? []) {
    const tag = tagsById.get(id);
    if (tag && tag.deletedAt === undefined) names.push(tag.name);
  }
  return names;
}

export function tagMap<T extends { id: string }>(tags: readonly T[] = []): Map<string, T> {
  return new Map(tags.map((tag) => [tag.id, tag]));
}

/** Splits text into plain and `$…$` / `$$…$$` math runs (an unmatched `$` is plain text). */
export function mathSegments(text: string): { math: boolean; text: string }[] {
  const out: { math: boolean; text: string }[] = [];
  const pattern = /\$\$[^$]+\$\$|\$[^$]+\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) out.push({ math: false, text: text.slice(last, start) });
    out.push({ math: true, text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) out.push({ math: false, text: text.slice(last) });
  return out;
}

/** ASCII letters and digits of a word, accents dropped, lower-cased ("Müller" → "muller"). */
export function asciiWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** The author's surname: the last word, with a lower-case particle before it ("van der Berg"). */
export function splitName(author: string): { given: string; family: string } {
  const words = author.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { given: '', family: words[0] ?? '' };
  let cut = words.length - 1;
  while (
    cut > 1 &&
    /^(van|von|der|den|de|del|della|di|da|du|la|le|dos|das|ter|ten)$/.test(words[cut - 1] ?? '')
  ) {
    cut--;
  }
  return { given: words.slice(0, cut).join(' '), family: words.slice(cut).join(' ') };
}
