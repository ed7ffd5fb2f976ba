/**
 * Key sentences of an article, picked (never generated) by a small extractive scorer: each
 * sentence's term-frequency centrality (how much of the article's recurring vocabulary it carries)
 * plus its position (early in the article, first in its paragraph). Pure: no DOM, no network.
 */
import { stemmer } from 'stemmer';
import { splitSentences } from '@/utils/shared/tldr';

/** Most characters read from an article (keeps the scorer fast on huge pages). */
export const KEY_SENTENCE_INPUT_MAX = 200_000;
/** A picked sentence longer than this is clipped at a word, with an ellipsis. */
export const KEY_SENTENCE_MAX_LENGTH = 400;

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers him his how i if in into is it its itself just me more most my
  no nor not now of off on once only or other our ours out over own same she should so some such
  than that the their theirs them then there these they this those through to too under until up
  very was we were what when where which while who whom why will with would you your yours one two
  may might must shall us get got like make made many much even still well way new use used using`
    .trim()
    .split(/\s+/),
);

/** Content words of a sentence: lower-case, stemmed, without stopwords and very short words. */
function terms(sentence: string): string[] {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(/^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word);
  }
  return out;
}

interface Candidate {
  text: string;
  order: number;
  paragraph: number;
  firstInParagraph: boolean;
  terms: Set<string>;
  words: number;
}

function clip(sentence: string): string {
  if (sentence.length <= KEY_SENTENCE_MAX_LENGTH) return sentence;
  const head = sentence.slice(0, KEY_SENTENCE_MAX_LENGTH - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > KEY_SENTENCE_MAX_LENGTH / 2 ? head.slice(0, space) : head).replace(/[\s,;:]+$/, '')}…`;
}

/** How many sentences to pick for an article of `count` usable sentences: 3 to 5. */
export function keySentenceCount(count: number): number {
  return Math.min(count, Math.max(3, Math.min(5, Math.ceil(count / 12))));
}

/**
 * Picks the 3–5 key sentences of an article given as paragraphs (or one text with blank lines
 * between paragraphs), returned in article order. Sentences of 6 to 80 words are candidates
 * (shorter ones are captions and headings, longer ones lists run together); a sentence that
 * repeats most of an already picked one is skipped. Returns fewer when the article has fewer.
 */
export function pickKeySentences(paragraphs: readonly string[] | string, max?: number): string[] {
  const input = typeof paragraphs === 'string' ? [paragraphs] : paragraphs;
  const candidates: Candidate[] = [];
  let budget = KEY_SENTENCE_INPUT_MAX;
  let paragraphIndex = 0;
  for (const paragraph of input) {
    if (budget <= 0) break;
    const text = paragraph.slice(0, budget);
    budget -= text.length;
    // Blank lines inside one string also separate paragraphs.
    for (const block of text.split(/\n\s*\n/)) {
      const sentences = splitSentences(block);
      if (sentences.length === 0) continue;
      sentences.forEach((sentence, index) => {
        const words = sentence.split(/\s+/).length;
        if (words < 6 || words > 80) return;
        if (/[:]$/.test(sentence)) return; // introduces a list or a quote
        candidates.push({
          text: sentence,
          order: candidates.length,
          paragraph: paragraphIndex,
          firstInParagraph: index === 0,
          terms: new Set(terms(sentence)),
          words,
        });
      });
      paragraphIndex++;
    }
  }
  if (candidates.length === 0) return [];

  // Term frequency over the whole article: in how many candidate sentences each term occurs.
  const frequency = new Map<string, number>();
  for (const candidate of candidates) {
    for (const term of candidate.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const centrality = candidates.map((candidate) => {
    if (candidate.terms.size === 0) return 0;
    let sum = 0;
    for (const term of candidate.terms) {
      const f = frequency.get(term) ?? 1;
      if (f > 1) sum += Math.log2(f);
    }
    // Normalised by length so that long sentences do not win on size alone.
    return sum / Math.sqrt(candidate.terms.size);
  });
  const top = Math.max(...centrality, Number.EPSILON);
  const paragraphs_ = Math.max(1, paragraphIndex - 1);
  const scored = candidates.map((candidate, index) => {
    const position = 1 - candidate.paragraph / paragraphs_; // 1 for the first paragraph
    const score =
      0.6 * ((centrality[index] ?? 0) / top) +
      0.2 * position +
      0.15 * (candidate.firstInParagraph ? 1 : 0) +
      0.05 * (candidate.order === 0 ? 1 : 0) -
      (candidate.text.endsWith('?') ? 0.15 : 0);
    return { candidate, score };
  });
  scored.sort((a, b) => b.score - a.score || a.candidate.order - b.candidate.order);

  const wanted = max ?? keySentenceCount(candidates.length);
  const picked: Candidate[] = [];
  for (const { candidate } of scored) {
    if (picked.length >= wanted) break;
    const redundant = picked.some((other) => overlap(candidate.terms, other.terms) > 0.6);
    if (!redundant) picked.push(candidate);
  }
  return picked.sort((a, b) => a.order - b.order).map((candidate) => clip(candidate.text));
}

/** Share of the smaller term set found in the other one. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  return shared / small.size;
}

/** Minutes to read `words` words at about 230 words a minute; at least 1 for any text. */
export function readingMinutes(words: number): number {
  if (words <= 0) return 0;
  return Math.max(1, Math.round(words / 230));
}

/** Words in a text (runs of non-space). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
