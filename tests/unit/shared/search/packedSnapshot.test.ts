import { packSnapshot, unpackSnapshot } from '@/utils/shared/search/packedSnapshot';
import {
  type SearchDocument,
  SearchIndex,
  type SearchSnapshot,
} from '@/utils/shared/search/searchIndex';
import { parseQuery } from '@/utils/shared/search/tokenize';

const doc = (id: string, title: string, text: string[] = []): SearchDocument => ({
  id,
  title,
  authors: [],
  text,
  saved: false,
});

/** A snapshot written by hand: postings out of order, numbers past one byte. */
function handMade(): SearchSnapshot {
  const ids = Array.from({ length: 300 }, (_, i) => `p${i}`);
  return {
    format: 1,
    tokenizerVersion: 1,
    ids,
    saved: new Uint8Array(300),
    lengths: new Uint16Array(900),
    terms: 'alpha\nbeta',
    starts: Uint32Array.from([0, 3, 5]),
    docs: Uint32Array.from([299, 2, 130, 0, 299]),
    tfs: Uint16Array.from([1, 400, 2, 65535, 1]),
  };
}

describe('the stored search index', () => {
  it('packs to fewer bytes and unpacks to the same snapshot', () => {
    const snapshot = handMade();
    const packed = packSnapshot(snapshot);
    expect(packed.format).toBe(2);
    expect(packed.docs.byteLength + packed.tfs.byteLength).toBeLessThan(
      snapshot.docs.byteLength + snapshot.tfs.byteLength,
    );
    expect(unpackSnapshot(packed)).toEqual(snapshot);
  });

  it('answers the same from an index packed and unpacked', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 500; i++) {
      index.add(doc(`d${i}`, i % 3 ? 'graph neural networks' : 'protein folding', [`note ${i}`]));
    }
    const copy = new SearchIndex();
    copy.load(unpackSnapshot(structuredClone(packSnapshot(index.snapshot()))));
    for (const query of ['graph', 'protein fold', 'note', 'neural netw']) {
      const options = { scope: 'all', limit: 50 } as const;
      expect(copy.search(parseQuery(query), options)).toEqual(
        index.search(parseQuery(query), options),
      );
    }
  });

  it('refuses bytes cut short, left over, or naming a document it does not hold', () => {
    const packed = packSnapshot(handMade());
    expect(() => unpackSnapshot({ ...packed, docs: packed.docs.slice(0, -1) })).toThrow(
      /cut short/,
    );
    expect(() => unpackSnapshot({ ...packed, tfs: Uint8Array.from([...packed.tfs, 1]) })).toThrow(
      /does not unpack/,
    );
    expect(() => unpackSnapshot({ ...packed, ids: packed.ids.slice(0, 10) })).toThrow(
      /does not hold/,
    );
  });
});
