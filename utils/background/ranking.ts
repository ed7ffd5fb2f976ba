import type { Scoring } from '@/utils/background/paperStore';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { LearnedModel, TrainingExample } from '@/utils/shared/ranking/model';
import { trainModel } from '@/utils/shared/ranking/model';
import { rankPaper } from '@/utils/shared/ranking/rank';
import type { RankablePaper, Relevance } from '@/utils/shared/ranking/types';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';
import type { RankingSettings } from '@/utils/storage/rankingStore';

/**
 * The background's side of ranking: which stored papers the ranker learns from, and keeping each
 * paper's stored `relevance` up to date. The ranker itself is pure (utils/shared/ranking/).
 */

/** Papers first seen in the last this many days are re-scored when interests or learning change. */
export const RESCORE_DAYS = 7;
/** At most this many papers of each signal are learned from (the newest). */
export const MAX_SIGNALS = 1000;
/** The IDF corpus: the newest this many papers. */
export const CORPUS_SIZE = 3000;
/** A paper left alone counts this much as a "not interested". */
const LEFT_ALONE_WEIGHT = 0.3;
/** An opened paper counts this much as a save. */
const OPENED_WEIGHT = 0.6;

export function rankableOf(record: PaperRecord): RankablePaper {
  return {
    id: record.id,
    title: record.placeholder ? '' : record.title,
    ...(record.abstract ? { abstract: record.abstract } : {}),
    authors: record.authors,
    categories: record.categories,
  };
}

export function relevanceOf(record: PaperRecord, settings: RankingSettings): Relevance {
  return rankPaper(rankableOf(record), settings.interests, settings.model, settings.adjustments);
}

export function scoringFrom(settings: RankingSettings, seenBoundary: number): Scoring {
  return { rank: (record) => relevanceOf(record, settings), seenBoundary };
}

function sameRelevance(a: Relevance | undefined, b: Relevance): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Re-scores the papers first seen in the last {@link RESCORE_DAYS} days and every saved one (the
 * popup shows both). Returns how many changed.
 */
export async function rescoreRecent(
  database: PaperlightDatabase,
  settings: RankingSettings,
  now: number,
): Promise<number> {
  const since = addLocalDays(startOfLocalDay(now), -RESCORE_DAYS);
  let changed = 0;
  const rescore = (paper: PaperRecord) => {
    const relevance = relevanceOf(paper, settings);
    if (sameRelevance(paper.relevance, relevance)) return;
    paper.relevance = relevance;
    changed++;
  };
  await database.transaction('rw', database.papers, async () => {
    await database.papers.where('firstSeenAt').aboveOrEqual(since).modify(rescore);
    await database.papers.where('savedAt').below(since).modify(rescore);
  });
  return changed;
}

function hasText(record: PaperRecord): boolean {
  return !record.placeholder && record.article === undefined;
}

/**
 * What the ranker learns from, given after the last "reset learning" (`resetAt`): saved, liked
 * and opened papers are positives; dismissed ones negatives; and papers first seen before today
 * that the user left alone (not saved, opened, liked or dismissed) are weak negatives, as many as
 * three times the positives. `corpus` is the newest papers, for word rarity (IDF).
 */
export async function trainingData(
  database: PaperlightDatabase,
  resetAt: number,
  now: number,
): Promise<{ examples: TrainingExample[]; corpus: RankablePaper[] }> {
  const newest = (index: 'savedAt' | 'openedAt' | 'likedAt' | 'dismissedAt') =>
    database.papers.where(index).above(resetAt).reverse().limit(MAX_SIGNALS).toArray();
  const [saved, opened, liked, dismissed] = await Promise.all([
    newest('savedAt'),
    newest('openedAt'),
    newest('likedAt'),
    newest('dismissedAt'),
  ]);
  const examples = new Map<string, TrainingExample>();
  const add = (records: PaperRecord[], label: 0 | 1, weight: number) => {
    for (const record of records) {
      if (!hasText(record) || examples.has(record.id)) continue;
      examples.set(record.id, { paper: rankableOf(record), label, weight });
    }
  };
  // A dismissal overrides an open (opened, then judged not interesting).
  add(
    saved.filter((record) => record.dismissedAt === undefined),
    1,
    1,
  );
  add(
    liked.filter((record) => record.dismissedAt === undefined),
    1,
    1,
  );
  add(dismissed, 0, 1);
  add(opened, 1, OPENED_WEIGHT);
  const positives = [...examples.values()].filter((example) => example.label === 1).length;
  const leftAlone: PaperRecord[] = [];
  if (positives > 0) {
    const wanted = positives * 3;
    await database.papers
      .where('firstSeenAt')
      .between(resetAt, startOfLocalDay(now), false, false)
      .reverse()
      .until(() => leftAlone.length >= wanted)
      .each((record) => {
        const engaged =
          record.savedAt !== undefined ||
          record.openedAt !== undefined ||
          record.likedAt !== undefined ||
          record.dismissedAt !== undefined;
        if (!engaged && hasText(record)) leftAlone.push(record);
      });
  }
  add(leftAlone, 0, LEFT_ALONE_WEIGHT);
  const corpus = (
    await database.papers.orderBy('firstSeenAt').reverse().limit(CORPUS_SIZE).toArray()
  )
    .filter(hasText)
    .map(rankableOf);
  return { examples: [...examples.values()], corpus };
}

/** Trains a new model from the stored signals (warm-started from the current one). */
export async function learnFromSignals(
  database: PaperlightDatabase,
  settings: RankingSettings,
  now: number,
): Promise<LearnedModel | undefined> {
  const { examples, corpus } = await trainingData(database, settings.resetAt, now);
  // After "reset learning" the old model is not a starting point either.
  const previous =
    settings.model && settings.model.trainedAt > settings.resetAt ? settings.model : undefined;
  return trainModel(examples, corpus, { ...(previous ? { previous } : {}), now });
}
