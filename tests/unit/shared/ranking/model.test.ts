import { auc, signals, syntheticPapers, topicOf } from '@/tests/unit/shared/ranking/synthetic';
import {
  type LearnedModel,
  learnedContributions,
  NO_ADJUSTMENTS,
  type TrainingExample,
  topFeatures,
  trainModel,
} from '@/utils/shared/ranking/model';
import { rankPaper } from '@/utils/shared/ranking/rank';
import { NO_INTERESTS, type RankablePaper } from '@/utils/shared/ranking/types';

const train = syntheticPapers(100, 1, 'train');
const heldOut = syntheticPapers(100, 2, 'test');
const corpus = [...train, ...heldOut];
const isGraph = (p: RankablePaper): 0 | 1 => (topicOf(p) === 'graphs' ? 1 : 0);

function learnedScores(model: LearnedModel | undefined, papers: readonly RankablePaper[]) {
  return papers.map((p) => rankPaper(p, NO_INTERESTS, model, NO_ADJUSTMENTS).score);
}

describe('trainModel', () => {
  const model = trainModel(signals(train, ['graphs']), corpus, { now: 1000 }) as LearnedModel;

  it('learns a planted preference: held-out graph papers rank above the others', () => {
    expect(model).toBeDefined();
    expect(auc(learnedScores(model, heldOut), heldOut.map(isGraph))).toBeGreaterThan(0.9);
  });

  it('records when and from how much it learned', () => {
    expect(model).toMatchObject({ version: 1, trainedAt: 1000, positives: 20, negatives: 80 });
  });

  it('explains a graph paper by the planted terms, and names what it learned readably', () => {
    const graphPaper = heldOut.find((p) => isGraph(p)) as RankablePaper;
    const relevance = rankPaper(graphPaper, NO_INTERESTS, model, NO_ADJUSTMENTS);
    expect(relevance.coldStart).toBe(false);
    expect(relevance.learned.length).toBeGreaterThan(0);
    expect(relevance.learned.length).toBeLessThanOrEqual(3);
    expect(relevance.learned[0]?.weight).toBeGreaterThan(0);
    const planted =
      /graph neural|message passing|node classification|neural|node|message|classification|author (Petar Veličković|Jure Leskovec|William L\. Hamilton)|cs\.LG/;
    expect(relevance.learned[0]?.label).toMatch(planted);

    const learned = topFeatures(model, NO_ADJUSTMENTS, 5);
    expect(learned.positive.map((r) => r.label).join(' | ')).toMatch(
      /graph neural|message passing|node classification/,
    );
    expect(learned.positive.every((r) => r.weight > 0)).toBe(true);
    expect(learned.negative.every((r) => r.weight < 0)).toBe(true);
    // The planted topic's features are not among what lowers a paper.
    expect(learned.negative.map((r) => r.label).join(' | ')).not.toMatch(
      /graph neural|message passing/,
    );
  });

  it('labels authors as written and keys them so name variants are one feature', () => {
    const withAuthor = trainModel(
      train.map((paper, i) => ({
        paper: i < 10 ? { ...paper, authors: ['Bengio, Yoshua'] } : paper,
        label: i < 10 ? 1 : 0,
      })),
      corpus,
    ) as LearnedModel;
    expect(withAuthor.weights['a:bengio y']).toBeGreaterThan(0);
    expect(withAuthor.labels['a:bengio y']).toBe('author Bengio, Yoshua');
    const variant = { ...heldOut[5], authors: ['Y. Bengio'] } as RankablePaper;
    expect(learnedContributions(withAuthor, variant).map((c) => c.feature)).toContain('a:bengio y');
  });

  it('is cold start (undefined) with fewer than 3 positives, or none at all (reset)', () => {
    expect(trainModel([], corpus)).toBeUndefined();
    const twoSaved: TrainingExample[] = train.map((paper, i) => ({ paper, label: i < 2 ? 1 : 0 }));
    expect(trainModel(twoSaved, corpus)).toBeUndefined();
    expect(
      rankPaper(train[0] as RankablePaper, NO_INTERESTS, undefined, NO_ADJUSTMENTS),
    ).toMatchObject({ coldStart: true, learned: [] });
  });

  it('learns from saved papers alone, contrasting them with the digest', () => {
    const savedOnly = signals(train, ['graphs']).filter((e) => e.label === 1);
    const fromSaves = trainModel(savedOnly, corpus) as LearnedModel;
    expect(fromSaves).toBeDefined();
    expect(auc(learnedScores(fromSaves, heldOut), heldOut.map(isGraph))).toBeGreaterThan(0.9);
  });

  it('keeps the model small', () => {
    const big = trainModel(
      signals(syntheticPapers(400, 9, 'big'), ['graphs']),
      corpus,
    ) as LearnedModel;
    expect(Object.keys(big.weights).length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(big).length).toBeLessThan(400_000);
  });

  it('is deterministic', () => {
    const again = trainModel(signals(train, ['graphs']), corpus, { now: 1000 });
    expect(again).toEqual(model);
  });

  it('warm-starts from the previous model and follows a change of taste', () => {
    const quantum = signals(train, ['quantum']);
    const warm = trainModel(quantum, corpus, { previous: model }) as LearnedModel;
    const isQuantum = heldOut.map((p): 0 | 1 => (topicOf(p) === 'quantum' ? 1 : 0));
    expect(auc(learnedScores(warm, heldOut), isQuantum)).toBeGreaterThan(0.9);
    // From the previous weights or from scratch, the same papers come first: the quantum ones.
    const cold = trainModel(quantum, corpus) as LearnedModel;
    const quantumIds = heldOut.filter((p) => topicOf(p) === 'quantum').map((p) => p.id);
    expect(quantumIds).toHaveLength(20);
    for (const trained of [warm, cold]) {
      const scores = learnedScores(trained, heldOut);
      const top = heldOut
        .map((p, i) => ({ id: p.id, score: scores[i] as number }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 20)
        .map((p) => p.id);
      expect(top.sort()).toEqual([...quantumIds].sort());
    }
  });
});

describe('pins and bans', () => {
  const model = trainModel(signals(train, ['graphs']), corpus) as LearnedModel;
  const visionPaper = heldOut.find((p) => topicOf(p) === 'vision') as RankablePaper;
  const graphPaper = heldOut.find((p) => topicOf(p) === 'graphs') as RankablePaper;
  const score = (p: RankablePaper, pinned: string[], banned: string[]) =>
    rankPaper(p, NO_INTERESTS, model, { pinned, banned }).score;

  it('a pinned author raises a paper with that author, even one the model did not learn', () => {
    const byNewAuthor = { ...visionPaper, authors: ['Ada Lovelace'] };
    expect(model.weights['a:lovelace a']).toBeUndefined();
    const before = score(byNewAuthor, [], []);
    const after = score(byNewAuthor, ['a:lovelace a'], []);
    expect(after).toBeGreaterThan(before);
    const relevance = rankPaper(byNewAuthor, NO_INTERESTS, model, {
      pinned: ['a:lovelace a'],
      banned: [],
    });
    expect(relevance.learned[0]).toMatchObject({ feature: 'a:lovelace a' });
    expect(relevance.learned[0]?.weight).toBeGreaterThanOrEqual(2);
  });

  it('a pinned term raises a paper that has it; a banned one lowers it', () => {
    expect(score(visionPaper, ['p:object detect'], [])).toBeGreaterThan(score(visionPaper, [], []));
    expect(score(graphPaper, [], ['p:graph neural'])).toBeLessThan(score(graphPaper, [], []));
    // Unrelated pins leave a paper alone.
    expect(score(visionPaper, ['p:quantum circuit'], [])).toBe(score(visionPaper, [], []));
  });

  it('topFeatures shows pins among the positive and bans among the negative', () => {
    const adjusted = topFeatures(
      model,
      { pinned: ['p:object detect'], banned: ['p:graph neural'] },
      50,
    );
    expect(adjusted.positive.map((r) => r.feature)).toContain('p:object detect');
    expect(adjusted.positive.map((r) => r.feature)).not.toContain('p:graph neural');
    expect(adjusted.negative.map((r) => r.feature)).toContain('p:graph neural');
  });
});
