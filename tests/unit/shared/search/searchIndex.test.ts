import { type SearchDocument, SearchIndex } from '@/utils/shared/search/searchIndex';
import { parseQuery, tokenize } from '@/utils/shared/search/tokenize';

function doc(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return { id, title: '', authors: [], text: [], saved: false, ...fields };
}

function find(index: SearchIndex, query: string, scope: 'all' | 'saved' = 'all'): string[] {
  return index.search(parseQuery(query), { scope, limit: 100 }).ids;
}

describe('the search words', () => {
  it('folds case and accents, drops TeX commands and single letters, keeps digits', () => {
    expect(tokenize('Schrödinger $\\mathcal{O}(n)$ bound, Y. LeCun, 3 layers')).toEqual([
      'schrodinger',
      'bound',
      'lecun',
      '3',
      'layers',
    ]);
  });

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('graph neur')).toEqual({ words: ['graph'], prefix: 'neur' });
    expect(parseQuery('graph neural ')).toEqual({ words: ['graph', 'neural'] });
  });
});

describe('SearchIndex', () => {
  let index: SearchIndex;
  beforeEach(() => {
    index = new SearchIndex();
    index.add(
      doc('a', { title: 'Graph neural networks for molecules', authors: ['Ada Lovelace'] }),
    );
    index.add(doc('b', { title: 'Protein folding', text: ['We use graph neural networks.'] }));
    index.add(doc('c', { title: 'Neural scaling laws', text: ['No graphs here.'], saved: true }));
    index.add(doc('d', { title: 'Attention', text: ['An essay.'], authors: ['Alan Turing'] }));
  });

  it('finds only papers that have every word', () => {
    expect(find(index, 'graph neural networks ').sort()).toEqual(['a', 'b']);
    expect(find(index, 'neural attention ')).toEqual([]);
  });

  it('matches the word being typed as a prefix, the others whole', () => {
    expect(find(index, 'neural net').sort()).toEqual(['a', 'b']);
    expect(find(index, 'neural gra').sort()).toEqual(['a', 'b', 'c']);
    // "gra" is not a whole word: typed past, it must match exactly.
    expect(find(index, 'gra neural')).toEqual([]);
  });

  it('ranks a title match above a match in the abstract only', () => {
    index.add(
      doc('e', { title: 'Notes', text: ['folding folding folding folding protein folding'] }),
    );
    expect(find(index, 'folding ')).toEqual(['b', 'e']);
  });

  it('finds an author by name, and by surname with an initial', () => {
    expect(find(index, 'lovelace')).toEqual(['a']);
    expect(find(index, 'A. Turing')).toEqual(['d']);
  });

  it('keeps to saved papers when asked', () => {
    expect(find(index, 'neural', 'saved')).toEqual(['c']);
  });

  it('counts every match and returns at most the limit', () => {
    const result = index.search(parseQuery('neural'), { scope: 'all', limit: 1 });
    expect(result.total).toBe(3);
    expect(result.ids).toHaveLength(1);
  });

  it('forgets the old words of a changed paper, and a removed one', () => {
    index.add(doc('a', { title: 'Protein design' }));
    expect(find(index, 'molecules')).toEqual([]);
    expect(find(index, 'protein').sort()).toEqual(['a', 'b']);
    index.remove('b');
    expect(find(index, 'protein')).toEqual(['a']);
  });

  it('answers the same after a round trip through its snapshot, and keeps learning', () => {
    index.remove('d');
    const copy = new SearchIndex();
    copy.load(structuredClone(index.snapshot()));
    expect(copy.size).toBe(3);
    for (const query of ['graph neural networks ', 'neural gra', 'neural', 'attention']) {
      expect(find(copy, query)).toEqual(find(index, query));
    }
    copy.add(doc('f', { title: 'Graph grammars' }));
    expect(find(copy, 'graph gramm')).toEqual(['f']);
    expect(find(copy, 'graph neural networks ').sort()).toEqual(['a', 'b']);
  });

  it('drops removed papers when compacted, answering the same', () => {
    for (let i = 0; i < 50; i++) index.add(doc(`x${i}`, { title: `Filler ${i} neural` }));
    for (let i = 0; i < 50; i++) index.remove(`x${i}`);
    const before = find(index, 'neural');
    index.compact();
    expect(find(index, 'neural')).toEqual(before);
    expect(index.snapshot().ids).toEqual(['a', 'b', 'c', 'd']);
  });
});
