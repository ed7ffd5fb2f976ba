/**
 * The learned model's features of a paper. Keys: `w:<stem>` (a word, Porter-stemmed), `p:<stem>
 * <stem>` (two adjacent words, no stopword between), `a:<surname> <initial>` (an author, so "Y.
 * Bengio" and "Bengio, Yoshua" are one feature) and `c:<code>` (a category). Title words count
 * twice. Text values are TF-IDF: sublinear term frequency, cosine-normalised over the paper's own
 * terms (so a value never depends on words the model did not keep), times the term's IDF.
 */
import { authorKey, stem, words } from '@/utils/shared/ranking/tokens';
import type { RankablePaper } from '@/utils/shared/ranking/types';

export const TITLE_WEIGHT = 2;
/** An author's and a category's feature value (text values are mostly 0.2–1). */
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
  can't cannot often among across toward towards`.split(/\s+/),
);

function isTerm(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** A paper's raw features: text term counts (title doubled), author and category keys. */
export interface PaperTerms {
  /** `w:`/`p:` key → count. */
  text: Map<string, number>;
  /** Σ (1 + ln count)² over `text`: the cosine normaliser's square. */
  norm2: number;
  authors: string[];
  categories: string[];
}

function addText(counts: Map<string, number>, text: string, times: number): void {
  const tokens = words(text);
  let previous: string | undefined;
  for (const word of tokens) {
    if (!isTerm(word)) {
      previous = undefined;
      continue;
    }
    const stemmed = stem(word);
    const key = `w:${stemmed}`;
    counts.set(key, (counts.get(key) ?? 0) + times);
    if (previous !== undefined) {
      const phrase = `p:${previous} ${stemmed}`;
      counts.set(phrase, (counts.get(phrase) ?? 0) + times);
    }
    previous = stemmed;
  }
}

const cache = new WeakMap<RankablePaper, PaperTerms>();

export function paperTerms(paper: RankablePaper): PaperTerms {
  const cached = cache.get(paper);
  if (cached) return cached;
  const text = new Map<string, number>();
  addText(text, paper.title, TITLE_WEIGHT);
  if (paper.abstract) addText(text, paper.abstract, 1);
  let norm2 = 0;
  for (const count of text.values()) {
    const tf = 1 + Math.log(count);
    norm2 += tf * tf;
  }
  const authors = new Set<string>();
  for (const name of paper.authors) {
    const key = authorKey(name);
    if (key) authors.add(key);
  }
  const terms: PaperTerms = {
    text,
    norm2,
    authors: [...authors],
    categories: [...new Set(paper.categories.map((c) => `c:${c.trim()}`))].filter(
      (key) => key.length > 2,
    ),
  };
  cache.set(paper, terms);
  return terms;
}

/** All feature keys of a paper (pins and bans are checked against these). */
export function featureKeys(terms: PaperTerms): string[] {
  return [...terms.text.keys(), ...terms.authors, ...terms.categories];
}

/** The IDF of a term seen in `df` of `n` documents. */
export function idfOf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** The paper's feature values. `idf` gives the IDF of text terms; a term it lacks is left out. */
export function featureValues(
  terms: PaperTerms,
  idf: (key: string) => number | undefined,
): Map<string, number> {
  const values = new Map<string, number>();
  const scale = terms.norm2 > 0 ? 1 / Math.sqrt(terms.norm2) : 0;
  for (const [key, count] of terms.text) {
    const weight = idf(key);
    if (weight !== undefined) values.set(key, (1 + Math.log(count)) * scale * weight);
  }
  for (const key of terms.authors) values.set(key, AUTHOR_VALUE);
  for (const key of terms.categories) values.set(key, CATEGORY_VALUE);
  return values;
}

/** How a key reads when no surface form was recorded: "a:bengio y" → "author bengio y". */
export function fallbackLabel(key: string): string {
  const body = key.slice(2);
  if (key.startsWith('a:')) return `author ${body}`;
  return body;
}

/** The surface forms of a paper's features, for readable labels ("models" for `w:model`). */
export function surfaceForms(paper: RankablePaper, into: Map<string, Map<string, number>>): void {
  const add = (key: string, surface: string) => {
    let forms = into.get(key);
    if (!forms) {
      forms = new Map();
      into.set(key, forms);
    }
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  };
  for (const text of [paper.title, paper.abstract ?? '']) {
    let previous: string | undefined;
    let previousStem: string | undefined;
    for (const word of words(text)) {
      if (!isTerm(word)) {
        previous = undefined;
        continue;
      }
      const stemmed = stem(word);
      add(`w:${stemmed}`, word);
      if (previous !== undefined) add(`p:${previousStem} ${stemmed}`, `${previous} ${word}`);
      previous = word;
      previousStem = stemmed;
    }
  }
  for (const name of paper.authors) {
    const key = authorKey(name);
    if (key) add(key, `author ${name.trim()}`);
  }
  for (const code of paper.categories) add(`c:${code.trim()}`, code.trim());
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
