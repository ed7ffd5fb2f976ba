/**
 * A local, model-free TL;DR: the abstract sentence that states what the paper contributes,
 * lightly trimmed. Pure (no DOM, no network) and fast (well under a millisecond per abstract).
 * Benchmarked on SciTLDR by scripts/bench-tldr.ts.
 */
import { LIMITS } from '@/utils/shared/paper';

// ---------------------------------------------------------------------------------------------
// Sentence splitting
// ---------------------------------------------------------------------------------------------

const wordSet = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Words whose period never ends a sentence (lower-case, without the final dot). */
const ABBREVIATIONS = wordSet(`
  e.g i.e cf vs viz approx resp fig figs eq eqs eqn sec secs sect tab ref refs ch chap thm lem pp
  vol dr mr mrs ms prof jr sr w.r.t a.k.a`);

/**
 * Words whose period may or may not end a sentence ("et al.", "etc.", initials, "U.S."): they end
 * one only when the next word is a usual sentence opener.
 */
const AMBIGUOUS = wordSet('al etc no inc ltd co corp st');

const SENTENCE_OPENERS = wordSet(`
  we this these that those the our in it its to for finally however moreover furthermore
  additionally also here thus therefore hence experiments experimental results using based as on
  unlike while although such both each then further specifically extensive code empirically
  overall existing recent most many their they an a i`);

const WORD_BEFORE = /[\p{L}\p{N}._-]/u;
/** Longest TeX math span skipped whole when splitting sentences. */
const MAX_MATH = 400;

/**
 * Splits text into sentences. Handles abbreviations ("e.g.", "i.e.", "et al.", "Fig. 2", "vs."),
 * decimals and version numbers (3.5, v1.2.3), URLs, initials ("J. R. Smith"), TeX math
 * (`$...$`, `\(...\)` are never split), closing quotes/brackets after the stop, and blank
 * lines. A stop ends a sentence only when followed by whitespace and a word that does not start
 * lower-case. Returns trimmed, whitespace-collapsed, non-empty sentences. Linear time.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;

  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const sentence = /\s\s|[^\S ]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  };

  // Jump from one character that matters to the next: stops, math delimiters, newlines.
  const interesting = /[.!?\u2026$\\\n]/g;
  while (i < n) {
    interesting.lastIndex = i;
    const hit = interesting.exec(text);
    if (hit === null) break;
    i = hit.index;
    const c = hit[0];

    // TeX math is skipped whole: $...$, $$...$$, \(...\). A "$" without a close within
    // MAX_MATH characters is a dollar sign; so is an escaped "\$".
    if (c === '\\' || c === '$') {
      const open =
        c === '$' ? (text[i + 1] === '$' ? '$$' : '$') : text[i + 1] === '(' ? '\\(' : '';
      if (open === '') {
        i += 2; // an escape such as \$ or \%
        continue;
      }
      const close = open === '\\(' ? '\\)' : open;
      // Bounded search, so that many unclosed openers stay linear.
      const at = text.slice(i + open.length, i + MAX_MATH).indexOf(close);
      i += open.length + (at === -1 ? 0 : at + close.length);
      continue;
    }

    // A blank line always ends a sentence (and any unclosed math).
    if (c === '\n') {
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (text[j] === '\n') {
        push(i);
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }

    // A stop: take the whole run ("...", "?!"), then closing quotes/brackets.
    let end = i + 1;
    while (end < n && /[.!?\u2026]/.test(text[end] as string)) end++;
    while (end < n && /["'\u201d\u2019)\]}]/.test(text[end] as string)) end++;
    // Must be followed by whitespace (so 3.5, v1.2, example.com/x.html never split).
    if (end < n && !/\s/.test(text[end] as string)) {
      i = end;
      continue;
    }
    let next = end;
    while (next < n && /\s/.test(text[next] as string)) next++;
    if (next >= n) break;
    if (/\p{Ll}/u.test(text[next] as string)) {
      i = end; // "e.g. the", "etc. and": a lower-case word continues the sentence
      continue;
    }
    if (c === '.' && end === i + 1 && !periodEndsSentence(text, start, i, next)) {
      i = end;
      continue;
    }
    push(end);
    i = next;
  }
  push(n);
  return sentences;
}

/** Whether the single period at `dot` ends the sentence; `next` is the next visible char. */
function periodEndsSentence(text: string, from: number, dot: number, next: number): boolean {
  let w = dot;
  while (w > from && WORD_BEFORE.test(text[w - 1] as string)) w--;
  const word = text.slice(w, dot);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  const initial = /^\p{Lu}$/u.test(word); // "J. Smith"
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word); // "U.S", "e.g" spelled otherwise
  if (!initial && !dotted && !AMBIGUOUS.has(lower)) return true;
  // Ambiguous: a sentence end only before a usual opener ("et al. We show", not "et al. (2020)").
  const m = /^[\p{L}]+/u.exec(text.slice(next, next + 30));
  if (m === null) return false;
  const after = text[next + m[0].length];
  return after !== '.' && SENTENCE_OPENERS.has(m[0].toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Picking the contribution sentence
// ---------------------------------------------------------------------------------------------

/** Verbs that announce a contribution after "we" / "this paper". */
const CONTRIBUTION_VERBS = wordSet(`
  propose proposes proposed introduce introduces introduced present presents presented develop
  develops developed design designs designed devise devises devised describe describes formulate
  formulates contribute contributes construct constructs establish establishes derive derives offer
  offers provide provides build builds create creates release releases put puts`);
/** Verbs that announce what the paper studies or finds. */
const STUDY_VERBS = wordSet(`
  study studies investigate investigates explore explores analyze analyzes analyse analyses examine
  examines consider considers address addresses tackle tackles focus focuses aim aims show shows
  demonstrate demonstrates prove proves find finds argue argues extend extends characterize
  characterizes identify identifies leverage leverages learn learns train trains reduce reduces
  improve improves evaluate evaluates compare compares`);
const PAPER_NOUNS = wordSet('paper work article study note manuscript thesis report');
const THING_NOUNS = wordSet(`
  method approach model framework algorithm architecture technique system scheme procedure network
  networks strategy formulation objective loss benchmark dataset analysis regularizer mechanism`);
const RESULT_WORDS = wordSet(`
  outperform outperforms outperforming achieve achieves achieving improves improve improvement
  state-of-the-art significantly superior competitive`);
const EVALUATION_WORDS = wordSet(`
  experiments experiment experimental empirically empirical evaluate evaluated evaluation
  benchmarks datasets simulations`);
const STOPWORDS = wordSet(`
  a an the of to in on for and or but is are was were be been being by with as at from that this
  these those it its we our us they their which who whom can could may might will would should not
  no than then there here such also into over under between through via using based while when
  where how what both each more most other some any all one two new novel paper work show propose
  proposed method approach results has have had do does did so`);
/** Phrases typical of background and motivation sentences (matched on space-padded words). */
const BACKGROUND = new RegExp(
  ` (?:${[
    'has been',
    'have been',
    'has become',
    'have become',
    'has attracted',
    'have attracted',
    'has shown',
    'have shown',
    'remains',
    'remain',
    'challenging',
    'a challenge',
    'open problem',
    'is crucial',
    'is important',
    'are important',
    'is an important',
    'is a fundamental',
    'widely used',
    'gained',
    'in recent years',
    'is known',
    'suffer',
    'suffers',
    'limited',
    'prior work',
    'previous work',
    'existing methods',
    'existing approaches',
  ].join('|')}) `,
);

/** What a sentence looks like, as numbers that {@link WEIGHTS} multiply. */
interface SentenceFeatures {
  /** "we"/"this paper" followed within three words by propose/introduce/present/… */
  contribution: number;
  /** …by study/investigate/show/… instead. */
  study: number;
  /** Mentions "this paper/work/…". */
  paperRef: number;
  /** Opens with "We", "In this paper", "This work", "Here". */
  contributionOpener: number;
  /** The first sentence that looks like any kind of contribution statement. */
  firstContribution: number;
  /** The first sentence with a contribution verb. */
  firstProposal: number;
  /** Comes before any contribution statement: background. */
  beforeContribution: number;
  /** How many contribution statements came before (0..1). */
  contributionRank: number;
  /** "we also / further / then / finally": a secondary point. */
  secondary: number;
  /** "novel/new" with a method noun. */
  novelty: number;
  /** "outperforms", "state-of-the-art", … */
  results: number;
  /** "experiments", "empirically", "datasets", … */
  evaluation: number;
  /** "has been", "remains challenging", "existing methods", … */
  background: number;
  /** Ends with a question mark. */
  question: number;
  /** Position: second sentence; last sentence; relative position 0..1. */
  second: number;
  last: number;
  relativePosition: number;
  /** Fewer than 8 words; length in units of 30 words (capped at 2). */
  short: number;
  length: number;
  /** How many of the abstract's 3 most widespread content words the sentence has (0..1). */
  topTerms: number;
  /** Similarity of the sentence's content words to the rest of the abstract. */
  similarity: number;
  /** Introduces a name: "(ABC)", "called X". */
  naming: number;
  /** "our method/model/…" (usually a results sentence). */
  ourMethod: number;
}

/**
 * Weights, fitted on SciTLDR dev (619 abstracts) by maximising the expected ROUGE-1 of a softmax
 * choice among each abstract's (tidied) sentences, with L2 regularisation, then rounded. Few,
 * general features; nothing keyed to single papers. Held-out R1 in 5-fold cross-validation
 * (three random splits): 41.5 to 41.8; on the whole split, with these weights: 42.3.
 */
const WEIGHTS: Readonly<Record<keyof SentenceFeatures, number>> = {
  contribution: 0.8,
  study: 0.55,
  paperRef: 0.4,
  contributionOpener: 0.55,
  firstContribution: 0.85,
  firstProposal: 0.8,
  beforeContribution: -0.4,
  contributionRank: -0.6,
  secondary: -0.55,
  novelty: 0.35,
  results: -0.4,
  evaluation: -0.6,
  background: -0.3,
  question: -0.5,
  second: -0.85,
  last: 0.45,
  relativePosition: -0.2,
  short: -0.25,
  length: 0.3,
  topTerms: 0.85,
  similarity: 0.45,
  naming: 0.25,
  ourMethod: -0.4,
};

function words(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
}

/** A cheap stem for matching words across sentences ("networks"/"network", "learned"/"learning"). */
function contentKey(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '');
}

function contentKeys(ws: readonly string[]): string[] {
  return ws.filter((w) => !STOPWORDS.has(w)).map(contentKey);
}

function sentenceFeatures(sentences: readonly string[]): SentenceFeatures[] {
  const tokenized = sentences.map(words);
  const keyed = tokenized.map(contentKeys);
  const count = sentences.length;

  // Sentence frequency and total frequency of content words across the abstract.
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  let totalTf = 0;
  for (const keys of keyed) {
    for (const key of keys) tf.set(key, (tf.get(key) ?? 0) + 1);
    for (const key of new Set(keys)) df.set(key, (df.get(key) ?? 0) + 1);
    totalTf += keys.length;
  }
  const topTerms = new Set(
    [...df.entries()]
      .filter(([, d]) => d > 1)
      .sort((a, b) => b[1] - a[1] || (tf.get(b[0]) ?? 0) - (tf.get(a[0]) ?? 0))
      .slice(0, 3)
      .map(([key]) => key),
  );

  let contributionsSeen = 0;
  let proposalSeen = false;
  return sentences.map((sentence, index): SentenceFeatures => {
    const ws = tokenized[index] as string[];
    const keys = keyed[index] as string[];
    const padded = ` ${ws.join(' ')} `;

    let proposal = false;
    let study = false;
    for (let k = 0; k < ws.length; k++) {
      const w = ws[k] as string;
      const subject =
        w === 'we' || (PAPER_NOUNS.has(w) && (ws[k - 1] === 'this' || ws[k - 1] === 'our'));
      if (!subject) continue;
      for (let j = k + 1; j <= k + 3 && j < ws.length; j++) {
        const v = ws[j] as string;
        if (CONTRIBUTION_VERBS.has(v)) proposal = true;
        else if (STUDY_VERBS.has(v)) study = true;
      }
    }
    const opener =
      ws[0] === 'we' ||
      ws[0] === 'here' ||
      /^ (?:in )?(?:this|the present|our) (?:paper|work|article|study|note) /.test(padded);
    const isContribution = proposal || study || opener;
    const rank = contributionsSeen;
    if (isContribution) contributionsSeen++;
    const firstProposal = proposal && !proposalSeen;
    if (proposal) proposalSeen = true;

    // Similarity: the sentence's content words, counted in the rest of the abstract.
    const own = new Map<string, number>();
    for (const key of keys) own.set(key, (own.get(key) ?? 0) + 1);
    let shared = 0;
    let top = 0;
    for (const [key, n] of own) {
      shared += (tf.get(key) ?? 0) - n;
      if (topTerms.has(key)) top++;
    }
    const restNorm = Math.sqrt(Math.max(1, totalTf - keys.length));

    return {
      contribution: proposal ? 1 : 0,
      study: !proposal && study ? 1 : 0,
      paperRef: / (?:this|the present|our) (?:paper|work|article|study|note|manuscript) /.test(
        padded,
      )
        ? 1
        : 0,
      contributionOpener: opener ? 1 : 0,
      firstContribution: isContribution && rank === 0 ? 1 : 0,
      firstProposal: firstProposal ? 1 : 0,
      beforeContribution: contributionsSeen === 0 ? 1 : 0,
      contributionRank: Math.min(rank, 4) / 4,
      secondary: / we (?:also|further|then|additionally|finally|next) /.test(padded) ? 1 : 0,
      novelty: / (?:novel|new) /.test(padded) && ws.some((w) => THING_NOUNS.has(w)) ? 1 : 0,
      results: ws.some((w) => RESULT_WORDS.has(w)) ? 1 : 0,
      evaluation: ws.some((w) => EVALUATION_WORDS.has(w)) ? 1 : 0,
      background: BACKGROUND.test(padded) ? 1 : 0,
      question: sentence.endsWith('?') ? 1 : 0,
      second: index === 1 ? 1 : 0,
      last: index === count - 1 && count > 2 ? 1 : 0,
      relativePosition: count > 1 ? index / (count - 1) : 0,
      short: ws.length < 8 ? 1 : 0,
      length: Math.min(ws.length, 60) / 30,
      topTerms: Math.min(top, 3) / 3,
      similarity: own.size > 0 ? shared / Math.sqrt(own.size) / restNorm : 0,
      naming:
        /\([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*\)|\b(?:called|dubbed|named|termed) [A-Z]/.test(
          sentence,
        )
          ? 1
          : 0,
      ourMethod:
        / our (?:\S+ )?(?:method|approach|model|framework|algorithm|technique|system) /.test(padded)
          ? 1
          : 0,
    };
  });
}

/** Index of the sentence that best states the contribution; -1 when there are none. */
function pickSentence(sentences: readonly string[]): number {
  const keys = Object.keys(WEIGHTS) as (keyof SentenceFeatures)[];
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  sentenceFeatures(sentences).forEach((features, index) => {
    let score = 0;
    for (const key of keys) score += WEIGHTS[key] * features[key];
    if (score > bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

// ---------------------------------------------------------------------------------------------
// Making the picked sentence read well on its own
// ---------------------------------------------------------------------------------------------

/**
 * Leading framing that adds nothing once the sentence stands alone: "In this paper, we propose"
 * → "We propose", "To address this issue, we introduce" → "We introduce". Only clauses from this
 * list are cut, and only when a comma or "we" follows ("Next, we", not "Next generation").
 */
const FRAMING =
  /^(?:(?:in|within|with) (?:this|the present|our) (?:paper|work|study|article|note|letter)|here|to this end|towards? (?:this|that) (?:goal|end)|to (?:address|tackle|overcome|solve|alleviate|remedy|mitigate|fix|bridge|fill|close|resolve|handle|avoid|circumvent) (?:this|these|such|the|that|those)\b[^,;]{0,60}|in (?:order|an effort|an attempt) to [^,;]{1,80}|specifically|in particular|concretely|finally|moreover|furthermore|additionally|in addition|thus|therefore|hence|consequently|instead|as a result|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|overall|next|motivated by [^,;]{1,80}|inspired by [^,;]{1,80}|building (?:up)?on [^,;]{1,80}|based on (?:this|these) [^,;]{0,40}|in this (?:context|setting|regard)|with this in mind|to do so|for this purpose|to that end)(?:\s*,\s*|\s+(?=we\s))/i;

/** Citations: "(Smith et al., 2019)", "(e.g. Lee, 2020)", "[12]" (not intervals like "[0, 1]"). */
const CITATIONS =
  /\s*(?:\((?:[^()]{0,80}\bet al\.?[^()]{0,40}|[^()]{0,60}\b(?:19|20)\d\d[a-z]?)\)|\[\d{1,3}\])/g;

const MAX_LENGTH = 300;

/** True when `text` closes every bracket it opens and has no open `$...$` math. */
function balanced(text: string): boolean {
  let depth = 0;
  let dollars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '$' && text[i - 1] !== '\\') dollars++;
  }
  return depth === 0 && dollars % 2 === 0;
}

/** Drops what cannot end a clipped sentence: separators and dangling function words. */
function trimEnd(text: string): string {
  let t = text;
  for (let previous = ''; previous !== t; ) {
    previous = t;
    t = t
      .replace(/[\s,;:–—-]+$/, '')
      .replace(/\s(?:and|or|but|with|of|the|a|an|to|for|in|on|by|as|from|that|which)$/i, '');
  }
  return t;
}

/**
 * Cuts `sentence` to at most `max` characters. Prefers the last clause boundary ("; ", ", which",
 * ", where", ", and", " – "…) past 40% of the limit and outside brackets or math, ending with a
 * period; otherwise cuts at a word and ends with an ellipsis.
 */
function clip(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const head = sentence.slice(0, max);
  const boundary =
    /;\s|:\s|\s[–—-]\s|,\s(?=(?:which|where|while|whereas|and|but|thus|so|by|using|with|as|such|including|leading|allowing|enabling|making|yielding|resulting|i\.e\.|e\.g\.)\b)/g;
  let cut = -1;
  for (let m = boundary.exec(head); m !== null; m = boundary.exec(head)) {
    if (m.index >= max * 0.4 && balanced(head.slice(0, m.index))) cut = m.index;
  }
  if (cut >= 0) return `${trimEnd(head.slice(0, cut))}.`;
  const space = head.lastIndexOf(' ');
  return `${trimEnd(head.slice(0, space > max * 0.4 ? space : max - 1))}…`;
}

/** Framing and citations removed, capitalised, clipped; ends with a stop. */
function tidy(sentence: string): string {
  let s = sentence.replace(CITATIONS, '').replace(/\s+([,.;:])(?=\s|$)/g, '$1');
  const unframed = s.replace(FRAMING, '');
  if (unframed !== s && unframed !== '') s = unframed.charAt(0).toUpperCase() + unframed.slice(1);
  s = clip(s, MAX_LENGTH);
  return /[.!?…]["'”’)\]]*$/.test(s) ? s : `${s}.`;
}

/**
 * One sentence saying what the paper contributes, picked from `abstract` (never generated):
 * contribution cues ("we propose", "this paper") and the sentence's place and vocabulary choose
 * it, then leading framing and citations are dropped and it is clipped to about 300 characters
 * at a clause boundary. '' for an empty abstract. Reads at most LIMITS.abstract characters.
 */
export function localTldr(abstract: string): string {
  const sentences = splitSentences(abstract.slice(0, LIMITS.abstract));
  const picked = sentences[pickSentence(sentences)];
  return picked === undefined ? '' : tidy(picked);
}
