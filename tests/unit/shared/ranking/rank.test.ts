import { signals, syntheticPapers, topicOf } from '@/tests/unit/shared/ranking/synthetic';
import { type LearnedModel, NO_ADJUSTMENTS, trainModel } from '@/utils/shared/ranking/model';
import { rankPaper } from '@/utils/shared/ranking/rank';
import { type Interests, NO_INTERESTS, type RankablePaper } from '@/utils/shared/ranking/types';

const papers = syntheticPapers(100, 4, 'r');
const model = trainModel(signals(papers, ['graphs']), papers) as LearnedModel;
const vision = papers.filter((p) => topicOf(p) === 'vision');
const graphs = papers.filter((p) => topicOf(p) === 'graphs');

const follow = (partial: Partial<Interests>): Interests => ({ ...NO_INTERESTS, ...partial });

describe('rankPaper', () => {
  it('at cold start, ranks matches above the rest and says why', () => {
    const interests = follow({ keywords: ['"object detection"'], authors: ['K. He'] });
    const withBoth = vision.find(
      (p) =>
        p.authors.includes('Kaiming He') && /object detection/.test(`${p.title} ${p.abstract}`),
    ) as RankablePaper;
    const relevance = rankPaper(withBoth, interests, undefined, NO_ADJUSTMENTS);
    expect(relevance).toEqual({
      score: expect.any(Number),
      matched: true,
      reasons: ['keyword: object detection', 'author: K. He'],
      learned: [],
      coldStart: true,
    });
    const other = rankPaper(graphs[0] as RankablePaper, interests, undefined, NO_ADJUSTMENTS);
    expect(other).toMatchObject({ matched: false, reasons: [], coldStart: true });
    expect(relevance.score).toBeGreaterThan(other.score);
    expect(relevance.score).toBeLessThanOrEqual(1);
    expect(other.score).toBeGreaterThanOrEqual(0);
  });

  it('with a model, a match outranks a non-match of the same learned score', () => {
    const paper = vision[0] as RankablePaper;
    const plain = rankPaper(paper, NO_INTERESTS, model, NO_ADJUSTMENTS);
    const matched = rankPaper(paper, follow({ categories: ['cs.CV'] }), model, NO_ADJUSTMENTS);
    expect(matched.matched).toBe(true);
    expect(matched.reasons).toEqual(['category: cs.CV']);
    expect(matched.score).toBeGreaterThan(plain.score);
    expect(matched.learned).toEqual(plain.learned);
  });

  it('learned papers rank above unlearned ones without interests, with reasons both ways', () => {
    const graph = rankPaper(graphs[1] as RankablePaper, NO_INTERESTS, model, NO_ADJUSTMENTS);
    const other = rankPaper(vision[1] as RankablePaper, NO_INTERESTS, model, NO_ADJUSTMENTS);
    expect(graph.score).toBeGreaterThan(other.score);
    expect(graph.learned[0]?.weight).toBeGreaterThan(0);
    expect(other.learned.some((r) => r.weight < 0)).toBe(true);
    expect(graph.learned.length).toBeLessThanOrEqual(3);
  });

  it('sends an excluded paper below every other, whatever it matches or learned', () => {
    const interests = follow({ keywords: ['graph neural'], exclusions: ['message passing'] });
    const excludedPaper = graphs.find((p) => /message passing/.test(`${p.title} ${p.abstract}`));
    const excluded = rankPaper(excludedPaper as RankablePaper, interests, model, NO_ADJUSTMENTS);
    expect(excluded).toMatchObject({ matched: false, excludedBy: 'message passing' });
    const lowest = Math.min(
      ...papers
        .map((p) => rankPaper(p, interests, model, NO_ADJUSTMENTS))
        .filter((r) => r.excludedBy === undefined)
        .map((r) => r.score),
    );
    expect(excluded.score).toBeLessThan(lowest);
    expect(excluded.score).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic', () => {
    const paper = papers[7] as RankablePaper;
    const interests = follow({ keywords: ['graph'] });
    expect(rankPaper(paper, interests, model, NO_ADJUSTMENTS)).toEqual(
      rankPaper({ ...paper }, interests, model, NO_ADJUSTMENTS),
    );
  });
});
