import {
  matchInterests,
  parseInterestText,
  parseKeywordText,
  sameAuthor,
} from '@/utils/shared/ranking/interests';
import { type Interests, NO_INTERESTS, type RankablePaper } from '@/utils/shared/ranking/types';

const paper: RankablePaper = {
  id: '2401.00001',
  title: 'Latent Diffusion Models for Transformer-based Video Synthesis',
  abstract:
    'We train transformers on compressed video. Unlike a survey, we report new results on ' +
    'graph neural networks and self-supervised learning.',
  authors: ['Yoshua Bengio', 'Jörg Müller', 'Nelly H.Y. Ng'],
  categories: ['cs.CV', 'cs.LG'],
};

function interests(partial: Partial<Interests>): Interests {
  return { ...NO_INTERESTS, ...partial };
}

describe('sameAuthor', () => {
  it.each([
    ['Y. Bengio', 'Yoshua Bengio'],
    ['Bengio, Y.', 'Yoshua Bengio'],
    ['Bengio, Yoshua', 'Y. Bengio'],
    ['Bengio Y', 'Yoshua Bengio'],
    ['yoshua bengio', 'Yoshua BENGIO'],
    ['Müller, J.', 'Jorg Muller'],
    ['Jörg Müller', 'J. Muller'],
    ['N. Ng', 'Nelly H.Y. Ng'],
    ['Nelly H. Y. Ng', 'Nelly H.Y. Ng'],
    ['Ludwig van Beethoven', 'van Beethoven, L.'],
    ['Geoffrey E. Hinton', 'Hinton, Geoffrey'],
    ['Jean-Pierre Serre', 'J.-P. Serre'],
  ])('%s = %s', (a, b) => {
    expect(sameAuthor(a, b)).toBe(true);
    expect(sameAuthor(b, a)).toBe(true);
  });

  it.each([
    ['Yann LeCun', 'Yoshua Bengio'],
    ['J. Smith', 'A. Smith'],
    ['Samy Bengio', 'Yoshua Bengio'],
    ['John A. Smith', 'John B. Smith'],
    ['Smith, J.', 'Smithson, J.'],
    ['', 'Yoshua Bengio'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameAuthor(a, b)).toBe(false);
  });
});

describe('matchInterests', () => {
  it('matches nothing without interests', () => {
    expect(matchInterests(paper, NO_INTERESTS)).toEqual({ reasons: [] });
  });

  it('matches words and quoted phrases on word boundaries, case-insensitively, plurals tolerated', () => {
    const result = matchInterests(
      paper,
      interests({
        keywords: ['"diffusion model"', 'VIDEO', 'graph neural network', 'self-supervised'],
      }),
    );
    expect(result.reasons).toEqual([
      'keyword: diffusion model',
      'keyword: VIDEO',
      'keyword: graph neural network',
      'keyword: self-supervised',
    ]);
  });

  it('does not match inside words or across a phrase gap', () => {
    const result = matchInterests(
      paper,
      interests({ keywords: ['diffusion video', 'former', 'net', '"neural graph"', 'deo'] }),
    );
    expect(result.reasons).toEqual([]);
  });

  it('matches a prefix with *', () => {
    expect(matchInterests(paper, interests({ keywords: ['transform*'] })).reasons).toEqual([
      'keyword: transform*',
    ]);
    expect(
      matchInterests(paper, interests({ keywords: ['synth*', 'graph neur*'] })).reasons,
    ).toEqual(['keyword: synth*', 'keyword: graph neur*']);
    expect(matchInterests(paper, interests({ keywords: ['ransform*'] })).reasons).toEqual([]);
  });

  it('says which exclusion ruled the paper out', () => {
    expect(
      matchInterests(
        paper,
        interests({ keywords: ['video'], exclusions: ['surveys', 'benchmark'] }),
      ),
    ).toEqual({ reasons: ['keyword: video'], excludedBy: 'surveys' });
    expect(matchInterests(paper, interests({ exclusions: ['"video synthesis"'] })).excludedBy).toBe(
      'video synthesis',
    );
    expect(matchInterests(paper, interests({ exclusions: ['-survey'] })).excludedBy).toBe('survey');
    expect(
      matchInterests(paper, interests({ exclusions: ['reinforcement', 'sur'] })).excludedBy,
    ).toBeUndefined();
  });

  it('matches authors by name variant, with the name as typed in the reason', () => {
    const result = matchInterests(
      paper,
      interests({ authors: ['Bengio, Y.', 'J. Muller', 'Yann LeCun', 'A. Ng', 'Ng, Nelly'] }),
    );
    expect(result.reasons).toEqual([
      'author: Bengio, Y.',
      'author: J. Muller',
      'author: Ng, Nelly',
    ]);
  });

  it('matches categories, primary or cross-list, by exact code', () => {
    expect(
      matchInterests(paper, interests({ categories: ['cs.LG', 'cs.CV', 'cs.AI', 'cs'] })).reasons,
    ).toEqual(['category: cs.LG', 'category: cs.CV']);
  });

  it('lists every kind of match, keywords first', () => {
    expect(
      matchInterests(
        paper,
        interests({ keywords: ['video'], authors: ['Y. Bengio'], categories: ['cs.LG'] }),
      ).reasons,
    ).toEqual(['keyword: video', 'author: Y. Bengio', 'category: cs.LG']);
  });
});

describe('parseInterestText', () => {
  it('splits keywords on commas and lines, keeps quoted phrases, drops empties and duplicates', () => {
    expect(
      parseInterestText(
        'diffusion, "diffusion model, latent"\n transform* ;; Diffusion,  , graph  neural',
      ),
    ).toEqual(['diffusion', '"diffusion model, latent"', 'transform*', 'graph neural']);
  });

  it('strips the leading - of exclusions', () => {
    expect(parseInterestText('-survey, - review, benchmark, -survey', 'exclusions')).toEqual([
      'survey',
      'review',
      'benchmark',
    ]);
  });

  it('keeps "Last, First" author names together', () => {
    expect(
      parseInterestText(
        'Bengio, Y., Yann LeCun\nHinton, Geoffrey E.; "Smith, John"\nY. Bengio',
        'authors',
      ),
    ).toEqual(['Bengio, Y.', 'Yann LeCun', 'Hinton, Geoffrey E.', 'Smith, John', 'Y. Bengio']);
  });

  it('splits categories on spaces too', () => {
    expect(parseInterestText('cs.LG cs.AI, cs.LG\nstat.ML', 'categories')).toEqual([
      'cs.LG',
      'cs.AI',
      'stat.ML',
    ]);
  });

  it('separates keywords and exclusions typed in one field', () => {
    expect(
      parseKeywordText('diffusion, "diffusion model", transform*, -survey, -"user study"'),
    ).toEqual({
      keywords: ['diffusion', '"diffusion model"', 'transform*'],
      exclusions: ['survey', '"user study"'],
    });
  });
});
