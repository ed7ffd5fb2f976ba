/**
 * The learned model's features of a paper. Keys: `w:<stem>` (a word, Porter-stemmed), `p:<stem>
 * <stem>` (two adjacent words, no stopword between), `a:<surname> <initial>` (an author, so "Y.
 * Bengio" and "Bengio, Yoshua" are one feature) and `c:<code>` (a category). Title words count
 * twice. A text term's value is TF-IDF: (1 + ln count) × IDF / √(the paper's term count), a
 * length normalisation that needs no word the model did not keep, so scoring only looks up the
 * model's own terms.
 *
 * Speed: words and stems are interned to numbers once per service-worker life, and a term is a
 * number (a phrase packs its two stems), so a paper costs one map lookup per word.
 */
import {
  authorKey,
  paperWords,
  stem,
  wordGeneration,
  wordText,
} from '@/utils/shared/ranking/tokens';
import type { RankablePaper } from '@/utils/shared/ranking/types';

export const TITLE_WEIGHT = 2;
/** An author's and a category's feature value (text values are mostly 0.1–1). */
export const AUTHOR_VALUE = 1;
export const CATEGORY_VALUE = 0.5;

// English function words plus the boilerplate of abstracts, which would otherwise be learned
// from and shown as reasons ("propose", "results").
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either et etc few for from
  further had has have having he her here hers herself him himself his how however i if in into is it
  its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then
  there these they this those through thus to too under until up upon very via was we were what when
  where which while who whom why will with within without would you your yours yourself yourselves
  abstract al paper papers propose proposed proposes show shows shown result results method methods
  approach approaches use used uses using based new novel work study present presents demonstrate
  demonstrates well one two three first second many several various given whose much may might must
  cannot often among across toward towards`.split(/\s+/),
);

const stemIds = new Map<string, number>();
const stemTexts: string[] = [];
/** Word id → stem id, or −1 for a stopword or a number (indexed by the interned word ids). */
let wordStems: number[] = [];
let wordStemsGeneration = 0;

/** Phrase ids are (first + 1) × PHRASE + second: above every word id, exact in a double. */
const PHRASE = 2 ** 22;

export function phraseId(first: number, second: number): number {
  return (first + 1) * PHRASE + second;
}

export function firstOfPhrase(id: number): number {
  return id < PHRASE ? -1 : Math.floor(id / PHRASE) - 1;
}

function internStem(text: string): number {
  let id = stemIds.get(text);
  if (id === undefined) {
    id = stemTexts.length;
    stemIds.set(text, id);
    stemTexts.push(text);
  }
  return id;
}

/** An interned word's stem id, or −1 for a word the model ignores (stopword, number, one letter). */
export function stemIdOfWord(wordId: number): number {
  if (wordStemsGeneration !== wordGeneration) {
    wordStems = [];
    wordStemsGeneration = wordGeneration;
  }
  let id = wordStems[wordId];
  if (id === undefined) {
    const word = wordText(wordId);
    id =
      word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word) ? internStem(stem(word)) : -1;
    wordStems[wordId] = id;
  }
  return id;
}

/** The term id of a `w:`/`p:` key (interning its stems), or undefined for other keys. */
export function termIdOfKey(key: string): number | undefined {
  if (key.startsWith('w:')) return internStem(key.slice(2));
  if (key.startsWith('p:')) {
    const space = key.indexOf(' ');
    if (space < 0) return undefined;
    return (internStem(key.slice(2, space)) + 1) * PHRASE + internStem(key.slice(space + 1));
  }
  return undefined;
}

export function keyOfTermId(id: number): string {
  if (id < PHRASE) return `w:${stemTexts[id]}`;
  const first = Math.floor(id / PHRASE) - 1;
  return `p:${stemTexts[first]} ${stemTexts[id - (first + 1) * PHRASE]}`;
}

/**
 * Calls `visit(termId, times)` for every word and phrase occurrence of the paper and returns the
 * total count (the length normaliser's square).
 */
export function forEachTerm(
  paper: RankablePaper,
  visit: (term: number, times: number) => void,
): number {
  const { title, abstract } = paperWords(paper);
  let length = 0;
  for (const [field, times] of [
    [title, TITLE_WEIGHT],
    [abstract, 1],
  ] as const) {
    let previous = -1;
    for (const word of field) {
      const id = stemIdOfWord(word);
      if (id < 0) {
        previous = -1;
        continue;
      }
      visit(id, times);
      length += times;
      if (previous >= 0) {
        visit((previous + 1) * PHRASE + id, times);
        length += times;
      }
      previous = id;
    }
  }
  return length;
}

/** A paper's raw features: text term counts (title doubled), author and category keys. */
export interface PaperTerms {
  /** Term id → count. */
  text: Map<number, number>;
  /** Total term count (the length normaliser's square). */
  length: number;
  authors: string[];
  categories: string[];
}

export function authorKeys(paper: RankablePaper): string[] {
  const keys = new Set<string>();
  for (const name of paper.authors) {
    const key = authorKey(name);
    if (key) keys.add(key);
  }
  return [...keys];
}

export function categoryKeys(paper: RankablePaper): string[] {
  const keys = new Set<string>();
  for (const code of paper.categories) if (code.trim()) keys.add(`c:${code.trim()}`);
  return [...keys];
}

export function paperTerms(paper: RankablePaper): PaperTerms {
  const text = new Map<number, number>();
  const length = forEachTerm(paper, (term, times) => {
    text.set(term, (text.get(term) ?? 0) + times);
  });
  return { text, length, authors: authorKeys(paper), categories: categoryKeys(paper) };
}

/** A text term's value: sublinear frequency × IDF, length-normalised. */
export function textValue(count: number, idf: number, length: number): number {
  return length > 0 ? ((1 + Math.log(count)) * idf) / Math.sqrt(length) : 0;
}

/** The IDF of a term seen in `df` of `n` documents. */
export function idfOf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** How a key reads when no surface form was recorded: "a:bengio y" → "author bengio y". */
export function fallbackLabel(key: string): string {
  const body = key.slice(2);
  if (key.startsWith('a:')) return `author ${body}`;
  return body;
}

/** Counts the surface forms of a paper's features, for readable labels ("models" for `w:model`). */
export function surfaceForms(paper: RankablePaper, into: Map<string, Map<string, number>>): void {
  const add = (key: string, surface: string) => {
    let forms = into.get(key);
    if (!forms) {
      forms = new Map();
      into.set(key, forms);
    }
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  };
  const { title, abstract } = paperWords(paper);
  for (const field of [title, abstract]) {
    let previous = -1;
    for (const wordId of field) {
      const id = stemIdOfWord(wordId);
      if (id < 0) {
        previous = -1;
        continue;
      }
      const word = wordText(wordId);
      add(keyOfTermId(id), word);
      if (previous >= 0) {
        add(keyOfTermId(phraseId(stemIdOfWord(previous), id)), `${wordText(previous)} ${word}`);
      }
      previous = wordId;
    }
  }
  for (const name of paper.authors) {
    const key = authorKey(name);
    if (key) add(key, `author ${name.trim()}`);
  }
  for (const code of paper.categories) if (code.trim()) add(`c:${code.trim()}`, code.trim());
}

/** The most frequent surface form (ties: the shortest, then alphabetical: deterministic). */
export function commonest(forms: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [form, count] of forms) {
    if (
      best === undefined ||
      count > bestCount ||
      (count === bestCount &&
        (form.length < best.length || (form.length === best.length && form < best)))
    ) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
