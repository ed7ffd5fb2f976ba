/**
 * The one set of word rules of library search, used for both the stored papers and what the user
 * types (so both are cut the same way). Pure.
 */

/** Bumped whenever the rules change: a persisted index made with other rules is rebuilt. */
export const TOKENIZER_VERSION = 1;

/** The longest word kept (longer runs are usually hashes or URLs); longer ones are cut. */
const MAX_WORD = 40;

const TEX_COMMAND = /\\[a-zA-Z]+/g;
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text: accents and case folded, TeX commands (`\mathcal`) dropped, split on
 * anything but letters and digits. Single letters are dropped (initials, variables in formulas:
 * "Y. LeCun" is found by "lecun"); single digits are kept.
 */
export function tokenize(text: string): string[] {
  const folded = text.replace(TEX_COMMAND, ' ').normalize('NFKD').replace(MARKS, '').toLowerCase();
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (word.length === 1 && !/\d/.test(word)) continue;
    words.push(word.length > MAX_WORD ? word.slice(0, MAX_WORD) : word);
  }
  return words;
}

export interface ParsedQuery {
  /** Words that must each appear exactly (all but the one being typed), without repeats. */
  words: string[];
  /**
   * The last word, matched as a prefix while it is being typed (also a whole word); undefined when
   * the query ends with a space or punctuation, or has no word.
   */
  prefix?: string;
}

/**
 * What a query asks for: every word must match; the last one may be the start of a word, unless
 * the user has typed past it (a trailing space or punctuation).
 */
export function parseQuery(query: string): ParsedQuery {
  const words = tokenize(query);
  const typing = words.length > 0 && /[\p{L}\p{N}]$/u.test(query);
  const prefix = typing ? words.pop() : undefined;
  const unique = [...new Set(words)].filter((word) => word !== prefix);
  return prefix === undefined ? { words: unique } : { words: unique, prefix };
}
