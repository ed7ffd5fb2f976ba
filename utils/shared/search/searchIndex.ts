/**
 * The library's search index: a compact inverted index (one typed-array posting list per word),
 * BM25F ranking over three fields, every word required, the last word as a prefix. Pure: the
 * service worker keeps one in memory and persists its snapshot (utils/background/searchService.ts).
 *
 * Documents get increasing numbers, so posting lists stay sorted by appending. A changed document
 * is removed (its number marked dead, skipped when read) and added again under a new number;
 * `compact()` drops the dead entries and renumbers.
 */
import { type ParsedQuery, TOKENIZER_VERSION, tokenize } from '@/utils/shared/search/tokenize';

export interface SearchDocument {
  id: string;
  title: string;
  authors: readonly string[];
  /** Abstract, TL;DR, note, tag names…: one field for ranking. */
  text: readonly string[];
  saved: boolean;
}

/** Field order in the packed term frequencies and in `lengths`. */
const TITLE = 0;
const AUTHORS = 1;
const TEXT = 2;
const FIELDS = 3;
const FIELD_UNIT = [1, 1 << 10, 1 << 20] as const;
/** BM25F: how much a word in each field counts, and the usual k1 and b. */
const FIELD_WEIGHT = [3, 3, 1] as const;
const K1 = 1.2;
const B = 0.75;
/** A shorter last word is matched whole: two letters expand to most of the library, slowly. */
const PREFIX_MIN = 3;

/** tf packed in 16 bits: title 4 bits, authors 4 bits, text 8 bits (each capped). */
function pack(title: number, authors: number, text: number): number {
  return Math.min(title, 15) | (Math.min(authors, 15) << 4) | (Math.min(text, 255) << 8);
}

/**
 * One word's documents (ascending) and packed term frequencies. Plain arrays while they grow;
 * loaded from a snapshot they are views into its typed arrays until the word gets a document.
 */
interface Posting {
  docs: number[] | Uint32Array;
  tfs: number[] | Uint16Array;
}

function append(posting: Posting, doc: number, tf: number): void {
  if (!Array.isArray(posting.docs)) posting.docs = Array.from(posting.docs);
  if (!Array.isArray(posting.tfs)) posting.tfs = Array.from(posting.tfs);
  posting.docs.push(doc);
  posting.tfs.push(tf);
}

/** What is persisted: plain data and typed arrays (structured-clone friendly, no JSON). */
export interface SearchSnapshot {
  format: 1;
  tokenizerVersion: number;
  ids: string[];
  saved: Uint8Array;
  /** FIELDS lengths (in words) per document. */
  lengths: Uint16Array;
  /** The words, sorted, joined by '\n'. */
  terms: string;
  /** Where each word's postings start in `docs`/`tfs` (terms + 1 entries). */
  starts: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

export interface SearchOptions {
  scope: 'all' | 'saved';
  limit: number;
}

export interface SearchResult {
  ids: string[];
  total: number;
}

export class SearchIndex {
  private ids: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private saved = new Uint8Array(1024);
  private lengths = new Uint16Array(1024 * FIELDS);
  private readonly lengthSums = [0, 0, 0];
  /** A word's postings, or (loaded from a snapshot, not yet read) its position in `loaded`. */
  private postings = new Map<string, Posting | number>();
  private loaded: SearchSnapshot | undefined;
  /** Words sorted (for prefixes), and the words added since that sort. */
  private sortedTerms: string[] = [];
  private newTerms: string[] = [];
  private dead = 0;
  /** Per-query scratch arrays indexed by document number, reused (a generation stamp clears them). */
  private stamp = new Uint32Array(0);
  private generation = 0;
  private score = new Float64Array(0);
  private tier = new Uint8Array(0);
  private matched = new Uint8Array(0);

  private posting(word: string): Posting | undefined {
    const entry = this.postings.get(word);
    if (typeof entry !== 'number') return entry;
    const snapshot = this.loaded;
    if (!snapshot) return undefined;
    const start = snapshot.starts[entry] ?? 0;
    const end = snapshot.starts[entry + 1] ?? start;
    const posting = {
      docs: snapshot.docs.subarray(start, end),
      tfs: snapshot.tfs.subarray(start, end),
    };
    this.postings.set(word, posting);
    return posting;
  }

  /** Documents in the index. */
  get size(): number {
    return this.numberOf.size;
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  isSaved(id: string): boolean {
    const number = this.numberOf.get(id);
    return number !== undefined && this.saved[number] === 1;
  }

  /** Adds a document, or replaces the one with the same id. */
  add(doc: SearchDocument): void {
    this.remove(doc.id);
    const number = this.ids.length;
    this.ids.push(doc.id);
    this.numberOf.set(doc.id, number);
    this.ensureCapacity(number + 1);
    this.saved[number] = doc.saved ? 1 : 0;
    // Per word: title count + authors count × 2^10 + text count × 2^20 (no array per word).
    const counts = new Map<string, number>();
    const fields: [number, readonly string[]][] = [
      [TITLE, [doc.title]],
      [AUTHORS, doc.authors],
      [TEXT, doc.text],
    ];
    for (const [field, texts] of fields) {
      const unit = FIELD_UNIT[field] ?? 1;
      let length = 0;
      for (const text of texts) {
        for (const word of tokenize(text)) {
          length++;
          counts.set(word, (counts.get(word) ?? 0) + unit);
        }
      }
      const capped = Math.min(length, 65_535);
      this.lengths[number * FIELDS + field] = capped;
      this.lengthSums[field] = (this.lengthSums[field] ?? 0) + capped;
    }
    for (const [word, count] of counts) {
      let posting = this.posting(word);
      if (!posting) {
        posting = { docs: [], tfs: [] };
        this.postings.set(word, posting);
        this.newTerms.push(word);
      }
      append(
        posting,
        number,
        pack(count & 0x3ff, (count >> 10) & 0x3ff, Math.floor(count / (1 << 20))),
      );
    }
  }

  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    this.numberOf.delete(id);
    this.ids[number] = '';
    for (let field = 0; field < FIELDS; field++) {
      this.lengthSums[field] =
        (this.lengthSums[field] ?? 0) - (this.lengths[number * FIELDS + field] ?? 0);
    }
    this.dead++;
  }

  /** The ids of all documents (for reconciling with the database). */
  allIds(): string[] {
    return [...this.numberOf.keys()];
  }

  /** Whether enough removed documents linger that `compact()` is worth its time. */
  get needsCompaction(): boolean {
    return this.dead > 1000 && this.dead > this.size / 4;
  }

  search(query: ParsedQuery, { scope, limit }: SearchOptions): SearchResult {
    const exact: Posting[] = [];
    for (const word of query.words) {
      const posting = this.posting(word);
      if (!posting) return { ids: [], total: 0 };
      exact.push(posting);
    }
    const expansions = query.prefix === undefined ? [] : this.expand(query.prefix);
    if (exact.length === 0 && expansions.length === 0) return { ids: [], total: 0 };
    if (query.prefix !== undefined && expansions.length === 0) return { ids: [], total: 0 };
    this.prepareScratch();
    const generation = ++this.generation;
    const { stamp, score, tier, matched } = this;
    const live = this.size;
    const avg = this.lengthSums.map((sum) => Math.max(1, sum / Math.max(1, live)));
    const candidates: number[] = [];

    exact.sort((a, b) => a.docs.length - b.docs.length);
    const [first, ...rest] = exact;
    if (first) {
      // Candidates: the rarest word's documents; every other word must then be found in them.
      const idf = this.idf(first.docs.length);
      for (let i = 0; i < first.docs.length; i++) {
        const doc = first.docs[i] ?? 0;
        if (!this.eligible(doc, scope)) continue;
        stamp[doc] = generation;
        const tf = first.tfs[i] ?? 0;
        score[doc] = this.termScore(doc, tf, idf, avg);
        tier[doc] = tf & 0xff ? 1 : 0;
        candidates.push(doc);
      }
      let required = generation;
      for (const posting of rest) {
        const idf = this.idf(posting.docs.length);
        const next = ++this.generation;
        for (let i = 0; i < posting.docs.length; i++) {
          const doc = posting.docs[i] ?? 0;
          if (stamp[doc] !== required) continue;
          stamp[doc] = next;
          const tf = posting.tfs[i] ?? 0;
          score[doc] = (score[doc] ?? 0) + this.termScore(doc, tf, idf, avg);
          if (tf & 0xff) tier[doc] = (tier[doc] ?? 0) + 1;
        }
        required = next;
      }
      if (expansions.length > 0) {
        const next = ++this.generation;
        for (const [posting, weight] of expansions) {
          const idf = this.idf(posting.docs.length) * weight;
          for (let i = 0; i < posting.docs.length; i++) {
            const doc = posting.docs[i] ?? 0;
            if (stamp[doc] !== required && stamp[doc] !== next) continue;
            const tf = posting.tfs[i] ?? 0;
            score[doc] = (score[doc] ?? 0) + this.termScore(doc, tf, idf, avg);
            if (stamp[doc] === required) {
              stamp[doc] = next;
              matched[doc] = 0;
            }
            if (tf & 0xff && !matched[doc]) {
              matched[doc] = 1;
              tier[doc] = (tier[doc] ?? 0) + 1;
            }
          }
        }
        required = next;
      }
      const kept = candidates.filter((doc) => stamp[doc] === required);
      return this.ranked(kept, limit);
    }
    // Only the word being typed: every document with one of its expansions.
    for (const [posting, weight] of expansions) {
      const idf = this.idf(posting.docs.length) * weight;
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i] ?? 0;
        const tf = posting.tfs[i] ?? 0;
        if (stamp[doc] !== generation) {
          if (!this.eligible(doc, scope)) continue;
          stamp[doc] = generation;
          score[doc] = 0;
          tier[doc] = 0;
          candidates.push(doc);
        }
        score[doc] = (score[doc] ?? 0) + this.termScore(doc, tf, idf, avg);
        if (tf & 0xff) tier[doc] = 1;
      }
    }
    return this.ranked(candidates, limit);
  }

  /** Sorted by how many query words are in the title or authors, then by BM25F score. */
  private ranked(docs: number[], limit: number): SearchResult {
    const { score, tier } = this;
    const top =
      docs.length > limit * 4 && limit < 500
        ? this.preselect(docs, limit)
        : [...docs].sort(
            (a, b) => (tier[b] ?? 0) - (tier[a] ?? 0) || (score[b] ?? 0) - (score[a] ?? 0),
          );
    return { ids: top.slice(0, limit).map((doc) => this.ids[doc] ?? ''), total: docs.length };
  }

  /** The best `limit` documents without sorting them all (a large result set, a small page). */
  private preselect(docs: number[], limit: number): number[] {
    const { score, tier } = this;
    const key = (doc: number) => (tier[doc] ?? 0) * 1e9 + (score[doc] ?? 0);
    const best: number[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    for (const doc of docs) {
      const value = key(doc);
      if (best.length >= limit && value <= floor) continue;
      best.push(doc);
      if (best.length >= limit * 2) {
        best.sort((a, b) => key(b) - key(a));
        best.length = limit;
        floor = key(best[limit - 1] ?? 0);
      }
    }
    return best.sort((a, b) => key(b) - key(a));
  }

  private eligible(doc: number, scope: SearchOptions['scope']): boolean {
    return this.ids[doc] !== '' && (scope === 'all' || this.saved[doc] === 1);
  }

  /** Posting lengths still count removed documents until `compact()`: capped at the live count. */
  private idf(postingLength: number): number {
    const n = this.size;
    const documentFrequency = Math.min(postingLength, n);
    return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  private termScore(doc: number, tf: number, idf: number, avg: number[]): number {
    const base = doc * FIELDS;
    const lengths = this.lengths;
    const weighted =
      (FIELD_WEIGHT[TITLE] * (tf & 0xf)) /
        (1 - B + (B * (lengths[base] ?? 0)) / (avg[TITLE] ?? 1)) +
      (FIELD_WEIGHT[AUTHORS] * ((tf >> 4) & 0xf)) /
        (1 - B + (B * (lengths[base + 1] ?? 0)) / (avg[AUTHORS] ?? 1)) +
      (FIELD_WEIGHT[TEXT] * (tf >> 8)) /
        (1 - B + (B * (lengths[base + 2] ?? 0)) / (avg[TEXT] ?? 1));
    return (idf * weighted * (K1 + 1)) / (weighted + K1);
  }

  /** The words starting with `prefix`, each with its weight (1 for the prefix itself). */
  private expand(prefix: string): [Posting, number][] {
    const out: [Posting, number][] = [];
    if (prefix.length < PREFIX_MIN && !/^\d$/.test(prefix)) {
      const posting = this.posting(prefix);
      return posting ? [[posting, 1]] : [];
    }
    if (this.newTerms.length > 4096) this.mergeNewTerms();
    const terms = this.sortedTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((terms[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const take = (term: string) => {
      const posting = this.posting(term);
      if (posting && posting.docs.length > 0) out.push([posting, prefix.length / term.length]);
    };
    for (let i = low; i < terms.length; i++) {
      const term = terms[i] ?? '';
      if (!term.startsWith(prefix)) break;
      take(term);
    }
    for (const term of this.newTerms) if (term.startsWith(prefix)) take(term);
    return out;
  }

  private mergeNewTerms(): void {
    this.sortedTerms = [...this.sortedTerms, ...this.newTerms].sort();
    this.newTerms = [];
  }

  private ensureCapacity(count: number): void {
    if (count <= this.saved.length) return;
    const capacity = Math.max(count, this.saved.length * 2);
    const saved = new Uint8Array(capacity);
    saved.set(this.saved);
    this.saved = saved;
    const lengths = new Uint16Array(capacity * FIELDS);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  private prepareScratch(): void {
    const count = this.ids.length;
    if (this.stamp.length >= count && this.generation < 0xfffff000) return;
    const capacity = Math.max(count, 1024) * 2;
    this.stamp = new Uint32Array(capacity);
    this.score = new Float64Array(capacity);
    this.tier = new Uint8Array(capacity);
    this.matched = new Uint8Array(capacity);
    this.generation = 0;
  }

  /** Drops removed documents and renumbers the rest (their order is kept). */
  compact(): void {
    this.load(this.snapshot());
  }

  /** The index as plain data, without removed documents. */
  snapshot(): SearchSnapshot {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let number = 0; number < this.ids.length; number++) {
      if (this.ids[number] === '') continue;
      renumber[number] = ids.length;
      ids.push(this.ids[number] ?? '');
    }
    const saved = new Uint8Array(ids.length);
    const lengths = new Uint16Array(ids.length * FIELDS);
    for (let number = 0; number < this.ids.length; number++) {
      const to = renumber[number] ?? -1;
      if (to < 0) continue;
      saved[to] = this.saved[number] ?? 0;
      lengths.set(this.lengths.subarray(number * FIELDS, number * FIELDS + FIELDS), to * FIELDS);
    }
    this.mergeNewTerms();
    let total = 0;
    for (const term of this.sortedTerms) total += this.posting(term)?.docs.length ?? 0;
    const docs = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    const terms: string[] = [];
    const starts: number[] = [0];
    let at = 0;
    for (const term of this.sortedTerms) {
      const posting = this.posting(term);
      if (!posting) continue;
      const begin = at;
      for (let i = 0; i < posting.docs.length; i++) {
        const to = renumber[posting.docs[i] ?? 0] ?? -1;
        if (to < 0) continue;
        docs[at] = to;
        tfs[at] = posting.tfs[i] ?? 0;
        at++;
      }
      if (at === begin) continue;
      terms.push(term);
      starts.push(at);
    }
    return {
      format: 1,
      tokenizerVersion: TOKENIZER_VERSION,
      ids,
      saved,
      lengths,
      terms: terms.join('\n'),
      starts: Uint32Array.from(starts),
      docs: docs.slice(0, at),
      tfs: tfs.slice(0, at),
    };
  }

  /** Replaces the contents with a snapshot's (postings are views into its arrays until changed). */
  load(snapshot: SearchSnapshot): void {
    this.ids = [...snapshot.ids];
    this.numberOf.clear();
    this.ids.forEach((id, number) => {
      this.numberOf.set(id, number);
    });
    this.saved = new Uint8Array(Math.max(1024, this.ids.length));
    this.saved.set(snapshot.saved);
    this.lengths = new Uint16Array(Math.max(1024, this.ids.length) * FIELDS);
    this.lengths.set(snapshot.lengths);
    this.lengthSums.fill(0);
    for (let i = 0; i < snapshot.lengths.length; i++) {
      const field = i % FIELDS;
      this.lengthSums[field] = (this.lengthSums[field] ?? 0) + (snapshot.lengths[i] ?? 0);
    }
    this.sortedTerms = snapshot.terms === '' ? [] : snapshot.terms.split('\n');
    this.newTerms = [];
    this.postings = new Map();
    this.loaded = snapshot;
    this.sortedTerms.forEach((term, i) => {
      this.postings.set(term, i);
    });
    this.dead = 0;
    this.stamp = new Uint32Array(0);
  }
}
