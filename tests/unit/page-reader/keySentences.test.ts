import {
  countWords,
  KEY_SENTENCE_MAX_LENGTH,
  keySentenceCount,
  pickKeySentences,
  readingMinutes,
} from '@/utils/page-reader/keySentences';

const ARTICLE = [
  'Retrieval-augmented generation lets a language model consult documents before it answers a question.',
  'The idea is simple, but making retrieval fast and accurate at scale is hard for most teams.',
  'Our team spent a year building a retrieval pipeline for customer support questions.',
  'We learned that the retriever matters more than the language model for answer quality.',
  'A weak retriever returns off-topic documents, and the language model then answers confidently but wrongly.',
  'Caching frequent questions cut our latency in half without hurting answer quality.',
  'The weather was lovely during the offsite where we planned all of this.',
  'In the end, investing in the retriever paid off more than upgrading the language model.',
];

describe('pickKeySentences', () => {
  it('picks 3–5 sentences, in article order, from the article itself', () => {
    const picked = pickKeySentences(ARTICLE);
    expect(picked.length).toBeGreaterThanOrEqual(3);
    expect(picked.length).toBeLessThanOrEqual(5);
    for (const sentence of picked) expect(ARTICLE).toContain(sentence);
    const order = picked.map((sentence) => ARTICLE.indexOf(sentence));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prefers central sentences (shared vocabulary) and the opening over an aside', () => {
    const picked = pickKeySentences(ARTICLE, 3);
    expect(picked).toHaveLength(3);
    expect(picked).toContain(ARTICLE[0]);
    expect(picked).not.toContain(ARTICLE[6]);
    expect(picked.some((sentence) => sentence.includes('retriever'))).toBe(true);
  });

  it('reads one text with blank lines between paragraphs the same way', () => {
    expect(pickKeySentences(ARTICLE.join('\n\n'), 3)).toEqual(pickKeySentences(ARTICLE, 3));
  });

  it('skips a near-duplicate of a sentence already picked', () => {
    const repeated = [ARTICLE[0] as string, `${ARTICLE[0]} `, ...ARTICLE.slice(1)];
    const picked = pickKeySentences(repeated, 4);
    expect(new Set(picked).size).toBe(picked.length);
    expect(picked.filter((sentence) => sentence.startsWith('Retrieval-augmented'))).toHaveLength(1);
  });

  it('ignores headings, captions and list introductions; returns [] when nothing is left', () => {
    expect(pickKeySentences(['Introduction', 'Figure 2.', 'Here is what we found:'])).toEqual([]);
    expect(pickKeySentences([])).toEqual([]);
    expect(pickKeySentences('')).toEqual([]);
  });

  it('returns fewer sentences for a short article', () => {
    expect(pickKeySentences(ARTICLE.slice(0, 2))).toHaveLength(2);
  });

  it('clips very long sentences and stays fast on a huge article', () => {
    const long = `${'word '.repeat(79)}end.`;
    const [clipped] = pickKeySentences([long.replace(/word/g, 'lengthyword')], 1);
    expect(clipped?.length).toBeLessThanOrEqual(KEY_SENTENCE_MAX_LENGTH);
    expect(clipped?.endsWith('…')).toBe(true);

    const huge = Array.from({ length: 20_000 }, (_, i) => `${ARTICLE[i % ARTICLE.length]}`);
    const started = performance.now();
    const picked = pickKeySentences(huge);
    expect(picked.length).toBeGreaterThanOrEqual(3);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('keySentenceCount, readingMinutes, countWords', () => {
  it('asks for 3 to 5 sentences, never more than there are', () => {
    expect(keySentenceCount(2)).toBe(2);
    expect(keySentenceCount(10)).toBe(3);
    expect(keySentenceCount(48)).toBe(4);
    expect(keySentenceCount(500)).toBe(5);
  });

  it('reads at about 230 words a minute', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(50)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
    expect(countWords('  one two\nthree  ')).toBe(3);
  });
});
