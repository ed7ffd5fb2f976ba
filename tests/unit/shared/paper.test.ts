import { cleanText, withoutEmptyFields } from '@/utils/shared/paper';

describe('cleanText', () => {
  it('collapses every kind of whitespace run to one space and trims', () => {
    expect(cleanText('\n   Scaling  laws\tfor\u00a0tiny\r\n  models  ', 100)).toBe(
      'Scaling laws for tiny models',
    );
    expect(cleanText(' a b ', 100)).toBe('a b');
    expect(cleanText('already clean', 100)).toBe('already clean');
  });

  it('clips to the limit and reads nothing as empty', () => {
    expect(cleanText('  abcdef  ', 3)).toBe('abc');
    expect(cleanText(undefined, 3)).toBe('');
    expect(cleanText(null, 3)).toBe('');
    expect(cleanText(' \n\t ', 3)).toBe('');
  });
});

describe('withoutEmptyFields', () => {
  it("drops '', undefined, [] and {} but keeps empty authors, zeros and false", () => {
    expect(
      withoutEmptyFields({
        id: '2408.01234',
        title: 'T',
        authors: [],
        abstract: '',
        comments: undefined,
        categories: [],
        hf: {},
        upvotes: 0,
        flag: false,
      }),
    ).toEqual({ id: '2408.01234', title: 'T', authors: [], upvotes: 0, flag: false });
  });

  it('returns the same object when nothing is empty', () => {
    const paper = { id: '2408.01234', title: 'T', authors: ['A B'] };
    expect(withoutEmptyFields(paper)).toBe(paper);
  });
});
