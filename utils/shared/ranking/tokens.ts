/**
 * Text and name normalisation shared by interest matching and the learned model: accent folding,
 * word tokens, a light plural stemmer (matching) and a memoised Porter stemmer (model features),
 * and author names reduced to a comparable shape ("Bengio, Y." → surname bengio, given [y]).
 */
import { stemmer } from 'stemmer';

/** Letters NFKD does not decompose into an ASCII base plus a combining mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  þ: 'th',
};

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case, accents folded (Müller → muller, Łukasz → lukasz). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßøłđæœıþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

const WORD = /[a-z0-9]+/g;

/** The folded alphanumeric words of `text`, in order ("GPT-4's" → gpt, 4, s). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/**
 * Plural tolerance for matching what the user typed: models → model, studies → study,
 * processes → process. Applied to both sides, so over-trimming ("bias" → "bia") is harmless.
 */
export function lightStem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/[sui]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem (memoised: a digest has a few thousand distinct words). Short words stay as they are. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = word.length > 3 && !/\d/.test(word) ? stemmer(word) : word;
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, result);
  return result;
}

const SURNAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'al',
]);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** An author name reduced for comparison. */
export interface AuthorName {
  /** The last word of the surname, folded: "LeCun" → lecun, "van Beethoven" → beethoven. */
  surname: string;
  /** Given names and initials in order, folded: ["yoshua"], ["y"], ["h", "y"]. */
  given: string[];
}

function nameTokens(text: string): string[] {
  return fold(text)
    .replace(/['’`]/g, '')
    .replace(/[^a-z\-\s]+/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t.length > 0 && !NAME_SUFFIXES.has(t));
}

function givenParts(tokens: readonly string[]): string[] {
  // "Jean-Pierre" counts by its first part; particles ("Ludwig van") are not given names.
  return tokens.filter((t) => !SURNAME_PARTICLES.has(t)).map((t) => t.split('-')[0] as string);
}

/**
 * "Yoshua Bengio", "Y. Bengio", "Bengio, Yoshua", "Bengio, Y.", "Bengio Y" → { bengio, [y…] }.
 * Undefined for a name with no letters.
 */
export function parseAuthorName(name: string): AuthorName | undefined {
  if (parsedNames.has(name)) return parsedNames.get(name);
  const parsed = parseAuthorNameUncached(name);
  if (parsedNames.size >= NAME_CACHE_LIMIT) parsedNames.clear();
  parsedNames.set(name, parsed);
  return parsed;
}

/** Names recur across a digest (and every re-score): parse each once. */
const parsedNames = new Map<string, AuthorName | undefined>();
const NAME_CACHE_LIMIT = 50_000;

function parseAuthorNameUncached(name: string): AuthorName | undefined {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const surnameTokens = nameTokens(name.slice(0, comma));
    const given = givenParts(nameTokens(name.slice(comma + 1)));
    const surname = surnameTokens.at(-1);
    if (surname) return { surname, given };
    return undefined;
  }
  // Initials written with dots and no space ("H.Y. Ng") are separate initials.
  const tokens = nameTokens(name.replace(/\.(?=\S)/g, '. '));
  if (tokens.length === 0) return undefined;
  // "Bengio Y" / "Smith J A" (surname first, initials without dots after it).
  const firstInitial = tokens.findIndex((t, i) => i > 0 && t.length === 1);
  if (
    firstInitial > 0 &&
    tokens.slice(firstInitial).every((t) => t.length === 1) &&
    tokens.slice(0, firstInitial).every((t) => t.length > 1)
  ) {
    return {
      surname: tokens[firstInitial - 1] as string,
      given: tokens.slice(firstInitial),
    };
  }
  const surname = tokens.at(-1) as string;
  return { surname, given: givenParts(tokens.slice(0, -1)) };
}

function givenCompatible(a: string, b: string): boolean {
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return a === b;
}

/** Same surname, and the given names / initials they both have agree in order. */
export function sameAuthorName(a: AuthorName, b: AuthorName): boolean {
  if (a.surname !== b.surname) return false;
  const n = Math.min(a.given.length, b.given.length);
  for (let i = 0; i < n; i++) {
    if (!givenCompatible(a.given[i] as string, b.given[i] as string)) return false;
  }
  return true;
}

/** The model's key for an author: surname and first initial ("a:bengio y"), so variants collide. */
export function authorKey(name: string): string | undefined {
  const parsed = parseAuthorName(name);
  if (!parsed) return undefined;
  const initial = parsed.given[0]?.[0];
  return initial ? `a:${parsed.surname} ${initial}` : `a:${parsed.surname}`;
}

/**
 * Words are interned to numbers: a paper's words are then a small typed array (no strings kept
 * alive per paper), and per-word results (stems) are computed once per word, not per occurrence.
 */
let wordIds = new Map<string, number>();
let wordTexts: string[] = [];
let lightStems: string[] = [];
const WORD_LIMIT = 1_000_000;
/** Bumped when the word table is reset: tables indexed by word id must then be reset too. */
export let wordGeneration = 0;

export function wordText(id: number): string {
  return wordTexts[id] as string;
}

/** The light stem of an interned word (memoised). */
export function lightStemOf(id: number): string {
  let light = lightStems[id];
  if (light === undefined) {
    light = lightStem(wordTexts[id] as string);
    lightStems[id] = light;
  }
  return light;
}

function wordIdsOf(text: string): Int32Array {
  const tokens = words(text);
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    let id = wordIds.get(token);
    if (id === undefined) {
      id = wordTexts.length;
      wordIds.set(token, id);
      wordTexts.push(token);
    }
    ids[i] = id;
  }
  return ids;
}

/** A paper's words (interned ids), title and abstract apart (a phrase never spans the two). */
export interface PaperWords {
  title: Int32Array;
  abstract: Int32Array;
}

// Papers are re-scored whenever interests or the model change, each time as new objects read from
// the database: their words are kept by id (ints only, with the title and abstract length to
// notice an edit), so a re-score skips tokenising. Bounded; cleared when full.
const seenWords = new Map<string, { title: string; abstractLength: number; words: PaperWords }>();
const SEEN_LIMIT = 20_000;
let seenGeneration = 0;

/** The words of a paper, tokenised once per paper id and text (matching and the model share them). */
export function paperWords(paper: { id?: string; title: string; abstract?: string }): PaperWords {
  if (wordTexts.length > WORD_LIMIT) {
    wordIds = new Map();
    wordTexts = [];
    lightStems = [];
    wordGeneration++;
  }
  if (seenGeneration !== wordGeneration) {
    seenWords.clear();
    seenGeneration = wordGeneration;
  }
  const abstractLength = paper.abstract?.length ?? 0;
  const seen = paper.id === undefined ? undefined : seenWords.get(paper.id);
  if (seen && seen.title === paper.title && seen.abstractLength === abstractLength)
    return seen.words;
  const words = {
    title: wordIdsOf(paper.title),
    abstract: paper.abstract ? wordIdsOf(paper.abstract) : new Int32Array(0),
  };
  if (paper.id !== undefined) {
    if (seenWords.size >= SEEN_LIMIT) seenWords.clear();
    seenWords.set(paper.id, { title: paper.title, abstractLength, words });
  }
  return words;
}
