import { describe, expect, it } from 'vitest';
import { localTldr, splitSentences } from '@/utils/shared/tldr';

describe('splitSentences', () => {
  it('splits on sentence stops followed by a capitalised word', () => {
    expect(splitSentences('We train a model. It works! Does it scale? Yes.')).toEqual([
      'We train a model.',
      'It works!',
      'Does it scale?',
      'Yes.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t ')).toEqual([]);
  });

  it('keeps text without a final stop, and collapses whitespace', () => {
    expect(splitSentences('  A first   line\nwrapped. And a second without stop ')).toEqual([
      'A first line wrapped.',
      'And a second without stop',
    ]);
  });

  it('does not split after e.g., i.e., cf., vs., Fig., Eq., Sec. or w.r.t.', () => {
    expect(
      splitSentences(
        'Models, e.g. Transformers, i.e. Attention Nets, cf. Fig. 3 and Eq. 2 in Sec. 4 vs. RNNs ' +
          'w.r.t. Accuracy are compared. Results follow.',
      ),
    ).toEqual([
      'Models, e.g. Transformers, i.e. Attention Nets, cf. Fig. 3 and Eq. 2 in Sec. 4 vs. RNNs w.r.t. Accuracy are compared.',
      'Results follow.',
    ]);
  });

  it('does not split after "et al." unless a usual sentence opener follows', () => {
    expect(
      splitSentences(
        'Lee et al. (2020) and Kim et al. Proposed it. We extend Lee et al. We show X.',
      ),
    ).toEqual([
      'Lee et al. (2020) and Kim et al. Proposed it.',
      'We extend Lee et al.',
      'We show X.',
    ]);
  });

  it('keeps decimals, version numbers, URLs and file names whole', () => {
    expect(
      splitSentences(
        'Accuracy rises from 3.5% to 4.25 with v1.2.3 of the tool. Code: https://github.com/a/b.c and main.py. Done.',
      ),
    ).toEqual([
      'Accuracy rises from 3.5% to 4.25 with v1.2.3 of the tool.',
      'Code: https://github.com/a/b.c and main.py.',
      'Done.',
    ]);
  });

  it('ends a sentence at a URL followed by a period', () => {
    expect(splitSentences('Code is at https://github.com/a/b. We thank X.')).toEqual([
      'Code is at https://github.com/a/b.',
      'We thank X.',
    ]);
  });

  it('never splits inside TeX math', () => {
    expect(
      splitSentences('Let $x. Y$ hold and $$a. B$$ too. Then \\(u. V\\) holds. It costs $5. Done.'),
    ).toEqual([
      'Let $x. Y$ hold and $$a. B$$ too.',
      'Then \\(u. V\\) holds.',
      'It costs $5.',
      'Done.',
    ]);
  });

  it('keeps initials and dotted abbreviations with the name that follows', () => {
    expect(splitSentences('As J. R. Smith and the U.S. Army found, it holds. We agree.')).toEqual([
      'As J. R. Smith and the U.S. Army found, it holds.',
      'We agree.',
    ]);
  });

  it('continues after a stop followed by a lower-case word', () => {
    expect(splitSentences('We use approx. ten runs, etc. and more. Next.')).toEqual([
      'We use approx. ten runs, etc. and more.',
      'Next.',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence, and handles ellipses', () => {
    expect(splitSentences('He said "it works." (We agree.) Wait... Then go.')).toEqual([
      'He said "it works."',
      '(We agree.)',
      'Wait...',
      'Then go.',
    ]);
  });

  it('splits at blank lines even without a stop', () => {
    expect(splitSentences('A heading\n\nThe body text.')).toEqual(['A heading', 'The body text.']);
  });
});

describe('localTldr', () => {
  it('returns an empty string for empty or blank input', () => {
    expect(localTldr('')).toBe('');
    expect(localTldr('   \n  ')).toBe('');
  });

  it('picks the contribution over background and motivation', () => {
    const abstract =
      'Graph neural networks have been widely used for molecular property prediction. ' +
      'However, existing methods remain limited by over-smoothing in deep architectures. ' +
      'Recently, several normalization schemes have been proposed to address this issue. ' +
      'In this paper, we propose RingNorm, a normalization layer that preserves ring-level ' +
      'information in message passing. ' +
      'Experiments on five benchmarks show that RingNorm outperforms prior normalization methods.';
    expect(localTldr(abstract)).toBe(
      'We propose RingNorm, a normalization layer that preserves ring-level information in message passing.',
    );
  });

  it('picks "this paper introduces" over a long motivating opening', () => {
    const abstract =
      'Large language models are increasingly deployed in settings where their answers are ' +
      'trusted without verification. ' +
      'Although calibration has been studied extensively, it remains a challenge for ' +
      'free-form generation. ' +
      'This paper introduces a sampling-based estimator of answer confidence that requires no ' +
      'access to model weights. ' +
      'We also release a benchmark of 2,000 annotated questions.';
    expect(localTldr(abstract)).toBe(
      'This paper introduces a sampling-based estimator of answer confidence that requires no access to model weights.',
    );
  });

  it('prefers the main contribution to a later results or secondary sentence', () => {
    const abstract =
      'We present a simple method for compressing vision transformers by merging similar tokens ' +
      'between layers. ' +
      'Our method requires no retraining. ' +
      'We also show that it can be combined with quantization. ' +
      'Experiments on ImageNet demonstrate a 2x speed-up with less than 0.5% accuracy loss.';
    expect(localTldr(abstract)).toBe(
      'We present a simple method for compressing vision transformers by merging similar tokens between layers.',
    );
  });

  it('drops leading framing clauses and citations, keeping a readable sentence', () => {
    const abstract =
      'Contrastive learning is popular (Chen et al., 2020). ' +
      'Existing approaches have been shown to depend on large batches [12]. ' +
      'To address this limitation, we introduce a memory-free contrastive objective (He et al., 2020) ' +
      'that works with batches of 32 samples.';
    expect(localTldr(abstract)).toBe(
      'We introduce a memory-free contrastive objective that works with batches of 32 samples.',
    );
  });

  it('does not cut words that merely start like a framing clause', () => {
    expect(localTldr('Next generation sequencing data are noisy and hard to align.')).toBe(
      'Next generation sequencing data are noisy and hard to align.',
    );
  });

  it('returns a one-sentence abstract as it is, ending with a stop', () => {
    expect(localTldr('We propose a new optimizer for sparse models')).toBe(
      'We propose a new optimizer for sparse models.',
    );
  });

  it('clips a very long sentence at a clause boundary so that it still reads as a sentence', () => {
    const clause =
      'a module that aligns visual regions with the words of the instruction across many steps';
    const abstract = `We introduce a navigation agent with ${clause}, which ${Array(8)
      .fill('keeps track of the progress made so far')
      .join(' and ')}, while also estimating the remaining distance to the goal.`;
    const tldr = localTldr(abstract);
    expect(tldr.length).toBeLessThanOrEqual(301);
    expect(tldr).toBe(`We introduce a navigation agent with ${clause}.`);
  });

  it('clips a long sentence without clause boundaries at a word, with an ellipsis', () => {
    const abstract = `We study ${Array(80).fill('very').join(' ')} long sentences`;
    const tldr = localTldr(abstract);
    expect(tldr.length).toBeLessThanOrEqual(301);
    expect(tldr).toMatch(/^We study very( very)+…$/);
  });

  it('does not cut inside brackets or math when clipping', () => {
    const abstract = `We prove a bound $f(x) = ${'a + '.repeat(40)}b; c$ for ${'every model and '.repeat(
      12,
    )}all data.`;
    const tldr = localTldr(abstract);
    expect(tldr.length).toBeLessThanOrEqual(301);
    expect(tldr.endsWith('…')).toBe(true);
  });

  it('handles huge input by reading only the allowed abstract length', () => {
    const tldr = localTldr('We propose X. '.repeat(10_000));
    expect(tldr).toBe('We propose X.');
  });
});
