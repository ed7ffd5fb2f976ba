import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordOpened } from '@/utils/background/openedPapers';
import { recordPageDetection } from '@/utils/background/paperStore';
import { rescoreRecent, trainingData } from '@/utils/background/ranking';
import { createRankingService } from '@/utils/background/rankingService';
import { PaperlightDatabase } from '@/utils/storage/database';
import {
  interestsItem,
  learningResetAtItem,
  readRankingSettings,
} from '@/utils/storage/rankingStore';

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();
let database: PaperlightDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`ranking-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

async function seeYesterday(ids: string[]): Promise<void> {
  await recordPageDetection(
    database,
    page(ids.map((id) => detectedPaper(id, { abstract: `About topic ${id}.` }))),
    NOON - DAY,
  );
}

describe('trainingData', () => {
  it('learns from saves, likes and opens (positives), dismissals and papers left alone (negatives)', async () => {
    await seeYesterday(['2408.00001', '2408.00002', '2408.00003', '2408.00004', '2408.00005']);
    await database.papers.update('2408.00001', { savedAt: NOON });
    await database.papers.update('2408.00002', { likedAt: NOON });
    await recordOpened(database, '2408.00003', 'https://arxiv.org/pdf/2408.00003', NOON);
    await database.papers.update('2408.00004', { dismissedAt: NOON });
    // A placeholder has no words to learn from.
    await recordOpened(database, '2408.09999', 'https://arxiv.org/pdf/2408.09999', NOON);

    const { examples, corpus } = await trainingData(database, 0, NOON);
    const byId = Object.fromEntries(examples.map((e) => [e.paper.id, [e.label, e.weight]]));
    expect(byId).toEqual({
      '2408.00001': [1, 1],
      '2408.00002': [1, 1],
      '2408.00003': [1, 0.6],
      '2408.00004': [0, 1],
      '2408.00005': [0, 0.3],
    });
    expect(corpus.map((paper) => paper.id).sort()).toEqual([
      '2408.00001',
      '2408.00002',
      '2408.00003',
      '2408.00004',
      '2408.00005',
    ]);
  });

  it('a dismissal outweighs a save, and nothing before "reset learning" counts', async () => {
    await seeYesterday(['2408.00001', '2408.00002']);
    await database.papers.update('2408.00001', { savedAt: NOON - 10, dismissedAt: NOON - 5 });
    await database.papers.update('2408.00002', { savedAt: NOON - 1000 });
    const { examples } = await trainingData(database, NOON - 100, NOON);
    expect(examples.map((e) => [e.paper.id, e.label])).toEqual([['2408.00001', 0]]);
  });
});

describe('re-scoring', () => {
  it('gives recent papers their new relevance when the interests change', async () => {
    await recordPageDetection(
      database,
      page([
        detectedPaper('2408.00001', { title: 'Diffusion models for text' }),
        detectedPaper('2408.00002', { title: 'Graph coloring' }),
      ]),
      NOON,
    );
    await interestsItem.setValue({
      keywords: ['diffusion'],
      exclusions: [],
      authors: [],
      categories: [],
    });
    const changed = await rescoreRecent(database, await readRankingSettings(), NOON + 1);
    expect(changed).toBeGreaterThanOrEqual(1);
    expect((await database.papers.get('2408.00001'))?.relevance).toMatchObject({
      matched: true,
      reasons: ['keyword: diffusion'],
    });
    expect((await database.papers.get('2408.00002'))?.relevance).toMatchObject({ matched: false });
  });

  it('the service re-scores on an interests change and tells the pages once it did', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001', { authors: ['Yoshua Bengio'] })]),
      Date.now(),
    );
    const relevanceChanged = vi.fn(async () => {});
    const service = createRankingService(database, { relevanceChanged });
    await interestsItem.setValue({
      keywords: [],
      exclusions: [],
      authors: ['Y. Bengio'],
      categories: [],
    });
    await service.storageChanged(['settings.periodHours']);
    expect(relevanceChanged).not.toHaveBeenCalled();
    await service.storageChanged(['ranking.interests']);
    expect(relevanceChanged).toHaveBeenCalledTimes(1);
    expect((await database.papers.get('2408.00001'))?.relevance).toMatchObject({
      matched: true,
      reasons: ['author: Y. Bengio'],
    });
    // A page seen now is scored with the new interests on the way in.
    const scoring = await service.scoring(Date.now());
    const [status] = await recordPageDetection(
      database,
      page([detectedPaper('2408.00002', { authors: ['Bengio, Yoshua'] })]),
      Date.now(),
      scoring,
    );
    expect(status?.relevance).toMatchObject({ matched: true });
  });

  it('reset learning stores no model (cold start) until new signals come', async () => {
    const relevanceChanged = vi.fn(async () => {});
    const service = createRankingService(database, { relevanceChanged });
    await learningResetAtItem.setValue(Date.now());
    await service.storageChanged(['ranking.resetAt']);
    expect((await readRankingSettings()).model).toBeUndefined();
  });
});

describe('paperStatuses', () => {
  it('answers with relevance computed now, also for a paper older than the re-scored days', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2307.00001', { title: 'Quantum error correction' })]),
      Date.now() - 30 * DAY,
    );
    const ranking = createRankingService(database, { relevanceChanged: async () => {} });
    await interestsItem.setValue({
      keywords: ['quantum'],
      exclusions: [],
      authors: [],
      categories: [],
    });
    await ranking.storageChanged(['ranking.interests']);
    const reply = await handleMessage(
      database,
      { type: 'paperStatuses', payload: { ids: ['2307.00001'] } },
      Date.now,
      { from: 'content-script', ranking },
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        statuses: [{ id: '2307.00001', seenBefore: true, relevance: { matched: true } }],
      },
    });
  });
});
