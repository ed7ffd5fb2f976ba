import {
  type AuthorName,
  fold,
  lightStem,
  lightStemOf,
  paperWords,
  parseAuthorName,
  sameAuthorName,
  words,
  wordText,
} from '@/utils/shared/ranking/tokens';
import type { Interests, RankablePaper } from '@/utils/shared/ranking/types';

/**
 * Interest matching. Keywords and exclusions are words or phrases matched on whole words of the
 * title and abstract, case- and accent-insensitive, plurals tolerated ("diffusion models" matches
 * "diffusion model"); a trailing `*` makes the last word a prefix (`transform*`). Quotes only
 * group: `"diffusion model"` and `diffusion model` are the same phrase. Authors match by name
 * (initials, accents and "Last, First" order tolerated); categories by code, primary or cross-list.
 */

interface Term {
  /** As the user typed it, without quotes: the reason's text. */
  label: string;
  /** Light-stemmed words; with `prefix`, the last one is a raw prefix instead. */
  words: string[];
  prefix: boolean;
}

interface CompiledInterests {
  keywords: Term[];
  exclusions: Term[];
  authors: { label: string; name: AuthorName }[];
  categories: { label: string; code: string }[];
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
}

function compileTerm(typed: string): Term | undefined {
  const label = unquote(typed);
  const prefix = label.endsWith('*');
  const tokens = words(label);
  if (tokens.length === 0) return undefined;
  const last = tokens.length - 1;
  return {
    label,
    words: tokens.map((t, i) => (prefix && i === last ? t : lightStem(t))),
    prefix,
  };
}

function defined<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

const compiledCache = new WeakMap<Interests, CompiledInterests>();

/** Interests prepared for matching many papers (cached per Interests object). */
export function compileInterests(interests: Interests): CompiledInterests {
  const cached = compiledCache.get(interests);
  if (cached) return cached;
  const compiled: CompiledInterests = {
    keywords: defined(interests.keywords.map(compileTerm)),
    exclusions: defined(interests.exclusions.map((t) => compileTerm(t.replace(/^\s*-/, '')))),
    authors: defined(
      interests.authors.map((typed) => {
        const name = parseAuthorName(typed);
        return name ? { label: typed.trim(), name } : undefined;
      }),
    ),
    categories: interests.categories
      .map((typed) => typed.trim())
      .filter((typed) => typed.length > 0)
      .map((typed) => ({ label: typed, code: typed.toLowerCase() })),
  };
  compiledCache.set(interests, compiled);
  return compiled;
}

/** Whether the term's words occur in a row in `field`. */
function occursIn(term: Term, field: Int32Array): boolean {
  const n = term.words.length;
  const last = n - 1;
  const end = field.length - n;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < n; j++) {
      const want = term.words[j] as string;
      const id = field[i + j] as number;
      const ok =
        term.prefix && j === last ? wordText(id).startsWith(want) : lightStemOf(id) === want;
      if (!ok) continue outer;
    }
    return true;
  }
  return false;
}

function termIn(term: Term, paper: RankablePaper): boolean {
  const { title, abstract } = paperWords(paper);
  return occursIn(term, title) || occursIn(term, abstract);
}

const paperAuthors = new WeakMap<RankablePaper, AuthorName[]>();

function authorsOf(paper: RankablePaper): AuthorName[] {
  let names = paperAuthors.get(paper);
  if (!names) {
    names = defined(paper.authors.map(parseAuthorName));
    paperAuthors.set(paper, names);
  }
  return names;
}

/** The interests a paper matches ("author: Y. Bengio", "keyword: diffusion"), and the exclusion it hit. */
export function matchInterests(
  paper: RankablePaper,
  interests: Interests,
): { reasons: string[]; excludedBy?: string } {
  const compiled = compileInterests(interests);
  const reasons: string[] = [];
  const add = (reason: string) => {
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  for (const term of compiled.keywords) if (termIn(term, paper)) add(`keyword: ${term.label}`);
  if (compiled.authors.length > 0) {
    const names = authorsOf(paper);
    for (const author of compiled.authors) {
      if (names.some((name) => sameAuthorName(author.name, name))) add(`author: ${author.label}`);
    }
  }
  if (compiled.categories.length > 0) {
    const codes = new Set(paper.categories.map((c) => c.toLowerCase()));
    for (const category of compiled.categories) {
      if (codes.has(category.code)) add(`category: ${category.label}`);
    }
  }
  const exclusion = compiled.exclusions.find((term) => termIn(term, paper));
  return exclusion ? { reasons, excludedBy: exclusion.label } : { reasons };
}

/** Whether two author names are the same person as far as names tell ("Y. Bengio" = "Bengio, Yoshua"). */
export function sameAuthor(a: string, b: string): boolean {
  const x = parseAuthorName(a);
  const y = parseAuthorName(b);
  return x !== undefined && y !== undefined && sameAuthorName(x, y);
}

/** Which options-page field a text comes from (they split differently). */
export type InterestField = 'keywords' | 'exclusions' | 'authors' | 'categories';

/** Splits on commas, semicolons and line breaks that are outside double quotes. */
function splitOutsideQuotes(text: string, separators: RegExp): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && separators.test(char)) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim().replace(/\s+/g, ' ')).filter((item) => item.length > 0);
}

const INITIAL = /^\p{L}\.?(?:-?\p{L}\.)*$/u;

/** "Geoffrey E." / "Y." / "Yoshua": what follows the comma of "Last, First". */
function looksLikeGivenNames(piece: string): boolean {
  const tokens = piece.split(' ');
  return tokens.filter((t) => !INITIAL.test(t)).length <= 1;
}

/**
 * Merges "Bengio" + "Y." back into "Bengio, Y." after a split on commas: a one-word piece followed
 * by given names ("Yoshua", "Geoffrey E.", "Y.") is one "Last, First" name.
 */
function mergeLastFirst(pieces: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    const next = pieces[i + 1];
    if (!piece.includes(' ') && !piece.startsWith('"') && next && looksLikeGivenNames(next)) {
      names.push(`${piece}, ${next}`);
      i++;
    } else {
      names.push(piece);
    }
  }
  return names;
}

function dedupe(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = fold(unquote(item));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An options-page text field as a list of interests. Items are separated by commas, semicolons or
 * line breaks (categories also by spaces); text in double quotes stays one item, quotes kept
 * (`"diffusion model"`, `"Bengio, Yoshua"`). Items are trimmed, empties and case-insensitive
 * duplicates dropped. `exclusions` drops a leading `-` (`-survey` → `survey`). `authors` keeps
 * "Last, First" names together: `Bengio, Y., Yann LeCun` → ["Bengio, Y.", "Yann LeCun"].
 */
export function parseInterestText(text: string, field: InterestField = 'keywords'): string[] {
  const separators = field === 'categories' ? /[,;\n\r\s]/ : /[,;\n\r]/;
  let items = splitOutsideQuotes(text, separators);
  if (field === 'authors') {
    items = text
      .split(/[;\n\r]/)
      .flatMap((line) => mergeLastFirst(splitOutsideQuotes(line, /,/)))
      .map((name) => unquote(name));
  }
  if (field === 'exclusions') items = items.map((item) => item.replace(/^-\s*/, ''));
  return dedupe(items.filter((item) => unquote(item).length > 0));
}

/**
 * One keyword field holding both kinds, as the issue writes them: `diffusion, "diffusion model",
 * transform*, -survey` → keywords [diffusion, "diffusion model", transform*], exclusions [survey].
 */
export function parseKeywordText(text: string): { keywords: string[]; exclusions: string[] } {
  const items = parseInterestText(text, 'keywords');
  return {
    keywords: items.filter((item) => !item.startsWith('-')),
    exclusions: dedupe(
      items.filter((item) => item.startsWith('-')).map((item) => item.replace(/^-\s*/, '')),
    ).filter((item) => unquote(item).length > 0),
  };
}

/** The list back as text for the options page's field (authors one per line, others comma-separated). */
export function formatInterestText(items: readonly string[], field: InterestField): string {
  return items.join(field === 'authors' ? '\n' : ', ');
}
