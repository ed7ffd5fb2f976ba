import { describe, expect, it } from 'vitest';
import {
  draftOfInterests,
  keywordsText,
  parseAuthorsText,
  parseInterestsDraft,
  parseKeywordsText,
} from '@/utils/pages/interestsText';

describe('the keywords field', () => {
  it('reads words, "quoted phrases", prefixes and -exclusions', () => {
    expect(
      parseKeywordsText('diffusion, "diffusion model", transform*\n-survey, - position paper'),
    ).toEqual({
      keywords: ['diffusion', '"diffusion model"', 'transform*'],
      exclusions: ['survey', 'position paper'],
      problems: [],
    });
  });

  it('keeps a comma inside quotes in the phrase, and drops repeats', () => {
    expect(parseKeywordsText('"low-rank, sparse", Diffusion, diffusion').keywords).toEqual([
      '"low-rank, sparse"',
      'Diffusion',
    ]);
  });

  it('says what is wrong with a term, and leaves it out', () => {
    const parsed = parseKeywordsText('ok, "unclosed, *, a*b, -, x*');
    expect(parsed.keywords).toEqual(['ok']);
    expect(parsed.problems).toEqual(['unbalanced quotes: "unclosed, *, a*b, -, x*']);
    expect(parseKeywordsText('*, a*b, -, x*').problems).toEqual([
      '* only ends a word of 2+ letters: *',
      '* only ends a word of 2+ letters: a*b',
      'a "-" with nothing after it',
      '* only ends a word of 2+ letters: x*',
    ]);
  });

  it('writes interests back the way they are typed', () => {
    const text = keywordsText({ keywords: ['"diffusion model"', 'rl'], exclusions: ['survey'] });
    expect(text).toBe('"diffusion model", rl, -survey');
    expect(parseKeywordsText(text)).toEqual({
      keywords: ['"diffusion model"', 'rl'],
      exclusions: ['survey'],
      problems: [],
    });
  });
});

describe('the authors field', () => {
  it('takes one name per line, commas included', () => {
    expect(parseAuthorsText('Y. Bengio\n  Bengio, Yoshua \n\nHinton, G.')).toEqual({
      authors: ['Y. Bengio', 'Bengio, Yoshua', 'Hinton, G.'],
      problems: [],
    });
    expect(parseAuthorsText('42\nAda Lovelace').problems).toEqual(['not a name: 42']);
  });
});

describe('the whole interests form', () => {
  it('round-trips through the draft and validates categories', () => {
    const interests = {
      keywords: ['graph*'],
      exclusions: ['survey'],
      authors: ['Bengio, Y.'],
      categories: ['cs.LG', 'stat.ML'],
    };
    expect(parseInterestsDraft(draftOfInterests(interests))).toEqual({
      interests,
      problems: { keywords: [], authors: [], categories: [] },
    });
    expect(
      parseInterestsDraft({ keywordsText: '', authorsText: '', categoriesText: 'cs.LG, bogus' })
        .problems.categories,
    ).toEqual(['not a category code: bogus']);
  });
});
