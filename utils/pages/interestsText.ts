import type { Interests } from '@/utils/shared/ranking/types';
import { parseCategories } from '@/utils/shared/settings';

/**
 * The options page's interest fields as text, and back: keywords and exclusions share one field
 * (`diffusion, "diffusion model", transform*, -survey`), authors go one per line (names carry
 * commas: "Bengio, Y."), categories are comma-separated codes. Pure.
 */

const MAX_TERM_LENGTH = 100;
const MAX_TERMS = 200;

/** Comma- or newline-separated terms; a comma inside "quotes" belongs to the phrase. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let term = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === '\n')) {
      terms.push(term);
      term = '';
    } else {
      term += char;
    }
  }
  terms.push(term);
  return terms.map((each) => each.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

/** Why a keyword (without its `-`) cannot be used, or undefined when it can. */
function keywordProblem(term: string): string | undefined {
  if (term.length > MAX_TERM_LENGTH) return `too long: ${term.slice(0, 20)}…`;
  const quotes = term.split('"').length - 1;
  if (quotes > 0) {
    if (quotes !== 2 || !/^"[^"]+"$/.test(term)) return `unbalanced quotes: ${term}`;
    if (!/[\p{L}\p{N}]/u.test(term)) return `empty phrase: ${term}`;
    return undefined;
  }
  if (term.includes('*') && !/^[\p{L}\p{N}-]{2,}\*$/u.test(term)) {
    return `* only ends a word of 2+ letters: ${term}`;
  }
  if (!/[\p{L}\p{N}]/u.test(term)) return `not a word: ${term}`;
  return undefined;
}

export interface ParsedKeywords {
  keywords: string[];
  /** Without the leading `-`. */
  exclusions: string[];
  problems: string[];
}

export function parseKeywordsText(text: string): ParsedKeywords {
  const keywords: string[] = [];
  const exclusions: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of splitTerms(text)) {
    const excluded = raw.startsWith('-');
    const term = excluded ? raw.slice(1).trim() : raw;
    if (!term) {
      problems.push('a "-" with nothing after it');
      continue;
    }
    const problem = keywordProblem(term);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const key = `${excluded ? '-' : ''}${term.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (excluded ? exclusions : keywords).push(term);
  }
  if (keywords.length + exclusions.length > MAX_TERMS)
    problems.push(`more than ${MAX_TERMS} terms`);
  return { keywords, exclusions, problems };
}

export function keywordsText(interests: Pick<Interests, 'keywords' | 'exclusions'>): string {
  return [...interests.keywords, ...interests.exclusions.map((term) => `-${term}`)].join(', ');
}

export interface ParsedAuthors {
  authors: string[];
  problems: string[];
}

/** One author per line ("Y. Bengio", "Bengio, Yoshua"). */
export function parseAuthorsText(text: string): ParsedAuthors {
  const authors: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const name = line.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    if (name.length > MAX_TERM_LENGTH || !/\p{L}{2}/u.test(name)) {
      problems.push(`not a name: ${name.slice(0, 30)}`);
      continue;
    }
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    authors.push(name);
  }
  if (authors.length > MAX_TERMS) problems.push(`more than ${MAX_TERMS} authors`);
  return { authors, problems };
}

export interface InterestsDraft {
  keywordsText: string;
  authorsText: string;
  categoriesText: string;
}

export function draftOfInterests(interests: Interests): InterestsDraft {
  return {
    keywordsText: keywordsText(interests),
    authorsText: interests.authors.join('\n'),
    categoriesText: interests.categories.join(', '),
  };
}

export interface ParsedInterests {
  interests: Interests;
  /** Per field; empty when the field is fine. */
  problems: { keywords: string[]; authors: string[]; categories: string[] };
}

export function parseInterestsDraft(draft: InterestsDraft): ParsedInterests {
  const keywords = parseKeywordsText(draft.keywordsText);
  const authors = parseAuthorsText(draft.authorsText);
  const categories = parseCategories(draft.categoriesText);
  return {
    interests: {
      keywords: keywords.keywords,
      exclusions: keywords.exclusions,
      authors: authors.authors,
      categories: categories.codes,
    },
    problems: {
      keywords: keywords.problems,
      authors: authors.problems,
      categories: [
        ...(categories.invalid.length > 0
          ? [`not a category code: ${categories.invalid.join(', ')}`]
          : []),
        ...(categories.tooMany ? ['too many categories (20 at most)'] : []),
      ],
    },
  };
}
