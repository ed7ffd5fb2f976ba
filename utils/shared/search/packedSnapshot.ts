import type { SearchSnapshot } from '@/utils/shared/search/searchIndex';

/**
 * The search index as it is stored: a {@link SearchSnapshot} with its postings packed. Each word's
 * document numbers are stored as the differences between neighbours (zigzag, so any order
 * packs), and those and the word counts as variable-length bytes: most take one byte instead of
 * four and two. At 50,000 papers that makes the stored record about a quarter of the size, and
 * reading it from IndexedDB when a stopped worker wakes up takes that much less time; unpacking
 * costs less than the bytes saved.
 */
export interface PackedSnapshot extends Omit<SearchSnapshot, 'format' | 'docs' | 'tfs'> {
  format: 2;
  /** How many postings there are (the length of the unpacked `docs` and `tfs`). */
  postings: number;
  docs: Uint8Array;
  tfs: Uint8Array;
}

/** Appends `value` (≥ 0, < 2³²) as 7-bit groups, low first; returns the next free position. */
function putVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  let next = at;
  while (rest > 0x7f) {
    out[next++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  out[next++] = rest;
  return next;
}

const zigzag = (delta: number) => (delta >= 0 ? delta * 2 : -delta * 2 - 1);
const unzigzag = (value: number) => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

export function packSnapshot(snapshot: SearchSnapshot): PackedSnapshot {
  const { format: _format, docs, tfs, ...rest } = snapshot;
  // At most 5 bytes a document number difference (zigzag of 32 bits), 3 a word count.
  const packedDocs = new Uint8Array(docs.length * 5);
  const packedTfs = new Uint8Array(tfs.length * 3);
  let docsAt = 0;
  let tfsAt = 0;
  for (let term = 0; term + 1 < snapshot.starts.length; term++) {
    let previous = 0;
    for (let i = snapshot.starts[term] ?? 0; i < (snapshot.starts[term + 1] ?? 0); i++) {
      const doc = docs[i] ?? 0;
      docsAt = putVarint(packedDocs, docsAt, zigzag(doc - previous));
      previous = doc;
      tfsAt = putVarint(packedTfs, tfsAt, tfs[i] ?? 0);
    }
  }
  return {
    ...rest,
    format: 2,
    postings: docs.length,
    docs: packedDocs.slice(0, docsAt),
    tfs: packedTfs.slice(0, tfsAt),
  };
}

/**
 * The snapshot a packed one was made from; throws on bytes that do not unpack to exactly
 * `postings` postings (a damaged record: the index is then rebuilt from the papers).
 */
export function unpackSnapshot(packed: PackedSnapshot): SearchSnapshot {
  const { format: _format, postings, docs: packedDocs, tfs: packedTfs, ...rest } = packed;
  const docs = new Uint32Array(postings);
  const tfs = new Uint16Array(postings);
  let docsAt = 0;
  let tfsAt = 0;
  const docsEnd = packedDocs.length;
  const documents = rest.ids.length;
  const tfsEnd = packedTfs.length;
  // Inlined reads: this runs for every posting (millions at 50,000 papers).
  for (let term = 0; term + 1 < rest.starts.length; term++) {
    let previous = 0;
    const end = rest.starts[term + 1] ?? 0;
    for (let i = rest.starts[term] ?? 0; i < end; i++) {
      let value = 0;
      let scale = 1;
      let byte = 0x80;
      while (byte >= 0x80) {
        if (docsAt >= docsEnd) throw new Error('the stored search index is cut short');
        byte = packedDocs[docsAt++] as number;
        value += (byte & 0x7f) * scale;
        scale *= 128;
      }
      previous += unzigzag(value);
      if (previous < 0 || previous >= documents) {
        throw new Error('the stored search index names a document it does not hold');
      }
      docs[i] = previous;
      value = 0;
      scale = 1;
      byte = 0x80;
      while (byte >= 0x80) {
        if (tfsAt >= tfsEnd) throw new Error('the stored search index is cut short');
        byte = packedTfs[tfsAt++] as number;
        value += (byte & 0x7f) * scale;
        scale *= 128;
      }
      tfs[i] = value;
    }
  }
  if (
    docsAt !== packedDocs.length ||
    tfsAt !== packedTfs.length ||
    rest.starts.at(-1) !== postings
  ) {
    throw new Error('the stored search index does not unpack to its size');
  }
  return { ...rest, format: 1, docs, tfs };
}
