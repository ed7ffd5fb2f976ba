import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { rouge, rougeTokens, scoreBest } from '@/scripts/rouge';

// ROUGE (bench) and the page reader's key sentences stem with the `stemmer` package; these pin the
// stems both rely on, so an upgrade that changes them shows here before it moves the bench.
describe('the stemmer package (Porter 1980 algorithm)', () => {
  // Examples from Porter's paper, step by step.
  it.each([
    // Step 1a
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    // Step 1b
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['tanned', 'tan'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    // Step 1c
    ['happy', 'happi'],
    ['sky', 'sky'],
    // Step 2
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['valenci', 'valenc'],
    ['digitizer', 'digit'],
    ['conformabli', 'conform'],
    ['radicalli', 'radic'],
    ['differentli', 'differ'],
    ['vileli', 'vile'],
    ['analogousli', 'analog'],
    ['vietnamization', 'vietnam'],
    ['predication', 'predic'],
    ['operator', 'oper'],
    ['feudalism', 'feudal'],
    ['decisiveness', 'decis'],
    ['hopefulness', 'hope'],
    ['callousness', 'callous'],
    ['formaliti', 'formal'],
    ['sensitiviti', 'sensit'],
    ['sensibiliti', 'sensibl'],
    // Step 3
    ['triplicate', 'triplic'],
    ['formative', 'form'],
    ['formalize', 'formal'],
    ['electriciti', 'electr'],
    ['electrical', 'electr'],
    ['hopeful', 'hope'],
    ['goodness', 'good'],
    // Step 4
    ['revival', 'reviv'],
    ['allowance', 'allow'],
    ['inference', 'infer'],
    ['airliner', 'airlin'],
    ['gyroscopic', 'gyroscop'],
    ['adjustable', 'adjust'],
    ['defensible', 'defens'],
    ['irritant', 'irrit'],
    ['replacement', 'replac'],
    ['adjustment', 'adjust'],
    ['dependent', 'depend'],
    ['adoption', 'adopt'],
    ['homologou', 'homolog'],
    ['communism', 'commun'],
    ['activate', 'activ'],
    ['angulariti', 'angular'],
    ['homologous', 'homolog'],
    ['effective', 'effect'],
    ['bowdlerize', 'bowdler'],
    // Step 5
    ['probate', 'probat'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['controll', 'control'],
    ['roll', 'roll'],
    // Several steps
    ['generalizations', 'gener'],
    ['oscillators', 'oscil'],
    ['networks', 'network'],
    ['training', 'train'],
  ])('%s → %s', (word, stem) => {
    expect(stemmer(word)).toBe(stem);
  });

  it('leaves words of one or two letters alone', () => {
    expect(stemmer('is')).toBe('is');
    expect(stemmer('a')).toBe('a');
  });

  // Porter's published departures from the paper (-logi → -log, -bli → -ble in step 2): these are
  // the only stems on the SciTLDR vocabulary that differ from a word-for-word 1980 implementation,
  // and the bench's ROUGE figures are the same either way.
  it.each([
    ['technology', 'technolog'],
    ['methodologies', 'methodolog'],
    ['possibly', 'possibl'],
    ['incredibly', 'incred'],
  ])('%s → %s (departure)', (word, stem) => {
    expect(stemmer(word)).toBe(stem);
  });
});

describe('rougeTokens', () => {
  it('lower-cases, splits on non-alphanumerics and stems words longer than 3 letters', () => {
    expect(rougeTokens('Training GANs (e.g., BigGAN-deep) was 3.5x faster!')).toEqual([
      'train',
      'gan',
      'e',
      'g',
      'biggan',
      'deep',
      'was',
      '3',
      '5x',
      'faster',
    ]);
  });

  it('drops non-ASCII letters as rouge-score does', () => {
    expect(rougeTokens('café ÜBER naïve')).toEqual(['caf', 'ber', 'na', 've']);
  });

  it('returns no tokens for empty text', () => {
    expect(rougeTokens('  -- ')).toEqual([]);
  });
});

describe('rouge', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    const same = rouge('We propose a model.', 'we PROPOSE a model');
    expect(same.rouge1.f1).toBe(1);
    expect(same.rouge2.f1).toBe(1);
    expect(same.rougeL.f1).toBe(1);
    const none = rouge('alpha beta', 'gamma delta');
    expect(none.rouge1.f1).toBe(0);
    expect(none.rouge2.f1).toBe(0);
    expect(none.rougeL.f1).toBe(0);
  });

  it('computes clipped n-gram overlap and the longest common subsequence', () => {
    const s = rouge('the cat sat on the mat', 'the cat was on the mat');
    // unigrams: the x2, cat, on, mat = 5 of 6 either way
    expect(s.rouge1.precision).toBeCloseTo(5 / 6);
    expect(s.rouge1.recall).toBeCloseTo(5 / 6);
    expect(s.rouge1.f1).toBeCloseTo(5 / 6);
    // bigrams: "the cat", "on the", "the mat" = 3 of 5
    expect(s.rouge2.f1).toBeCloseTo(3 / 5);
    // LCS: the cat on the mat = 5
    expect(s.rougeL.f1).toBeCloseTo(5 / 6);
  });

  it('clips repeated words to the reference count', () => {
    const s = rouge('the the the the', 'the cat');
    expect(s.rouge1.precision).toBeCloseTo(1 / 4);
    expect(s.rouge1.recall).toBeCloseTo(1 / 2);
    expect(s.rouge1.f1).toBeCloseTo((2 * (1 / 4) * (1 / 2)) / (1 / 4 + 1 / 2));
  });

  it('matches stemmed forms', () => {
    expect(rouge('networks trained', 'network training').rouge1.f1).toBe(1);
  });

  it('gives zeros for an empty prediction or reference', () => {
    expect(rouge('', 'a b').rouge1.f1).toBe(0);
    expect(rouge('a b', '').rougeL.f1).toBe(0);
    expect(rouge('a', 'a').rouge2.f1).toBe(0); // no bigrams at all
  });

  it('uses LCS order, not bag overlap, for ROUGE-L', () => {
    const s = rouge('mat the on sat cat the', 'the cat sat on the mat');
    expect(s.rouge1.f1).toBe(1);
    expect(s.rougeL.f1).toBeCloseTo(3 / 6); // LCS: the, sat, the
  });
});

describe('scoreBest', () => {
  it('takes the target with the best ROUGE-1 and reports its R2 and RL', () => {
    const prediction = 'a b c d';
    const targets = [
      'a b x y', // R1 0.5, R2 1/3
      'd c b a', // R1 1.0, R2 0, RL 0.25
    ];
    const best = scoreBest(prediction, targets);
    expect(best.rouge1.f1).toBe(1);
    expect(best.rouge2.f1).toBe(0);
    expect(best.rougeL.f1).toBeCloseTo(0.25);
  });

  it('keeps the first target on a tie and gives zeros without targets', () => {
    const tie = scoreBest('a b c', ['a b x', 'c x a']); // both R1 2/3
    expect(tie.rouge1.f1).toBeCloseTo(2 / 3);
    expect(tie.rouge2.f1).toBeCloseTo(1 / 2); // the first target's, not 0
    expect(tie.rougeL.f1).toBeCloseTo(2 / 3);
    expect(scoreBest('a b', []).rouge1.f1).toBe(0);
  });
});
