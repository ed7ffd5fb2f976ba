import { createLock } from '@/utils/background/lock';
import type { Scoring } from '@/utils/background/paperStore';
import { learnFromSignals, rescoreRecent, scoringFrom } from '@/utils/background/ranking';
import { seenBoundary } from '@/utils/background/signals';
import type { PaperlightDatabase } from '@/utils/storage/database';
import {
  learnedModelItem,
  RANKING_KEYS,
  type RankingSettings,
  readRankingSettings,
} from '@/utils/storage/rankingStore';

/** Signals given within this long of each other are learned in one retraining. */
export const RETRAIN_DELAY_MS = 1500;

/** The storage keys (without `local:`) whose change re-scores papers: the ranking's, and the model. */
export const RESCORE_KEYS: readonly string[] = [...RANKING_KEYS, 'ranking.model'];

export interface RankingService {
  /** How papers stored now are scored (settings cached until they change). */
  scoring(now: number): Promise<Scoring>;
  /** A save, open, like or dismissal happened: retrain soon (several signals, one retraining). */
  signalGiven(): void;
  /** Some `storage.local` keys changed: re-score when they are the ranking's. */
  storageChanged(keys: readonly string[]): Promise<void>;
  /** Retrains now (start-up, tests); resolves when the new model is stored. */
  retrainNow(): Promise<void>;
}

export interface RankingServiceDeps {
  /** Told after stored relevance changed (page marks redraw, badge recount). */
  relevanceChanged: () => Promise<void>;
  now?: () => number;
}

/**
 * The service worker's ranking loop. Retraining and re-scoring run one at a time (a lock) and
 * never inside a message's reply: the page or popup that gave a signal gets its answer at once,
 * and hears about new relevance through `relevanceChanged`.
 */
export function createRankingService(
  database: PaperlightDatabase,
  deps: RankingServiceDeps,
): RankingService {
  const now = deps.now ?? Date.now;
  const lock = createLock();
  let settings: Promise<RankingSettings> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const current = () => {
    settings ??= readRankingSettings();
    return settings;
  };

  const retrain = () =>
    lock(async () => {
      const model = await learnFromSignals(database, await readRankingSettings(), now());
      // Storing it is a ranking change: storageChanged re-scores.
      await learnedModelItem.setValue(model ?? null);
    });

  return {
    async scoring(at) {
      return scoringFrom(await current(), await seenBoundary(at));
    },
    signalGiven() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        retrain().catch((error: unknown) => {
          console.warn('[Paperlight] could not learn from your signals:', error);
        });
      }, RETRAIN_DELAY_MS);
    },
    async storageChanged(keys) {
      if (!keys.some((key) => RESCORE_KEYS.includes(key))) return;
      settings = undefined;
      // "Reset learning" (or pins/bans) changes what is learned: retrain, which stores a model
      // and comes back here to re-score.
      if (keys.includes('ranking.resetAt')) {
        await retrain();
        return;
      }
      const changed = await lock(async () => rescoreRecent(database, await current(), now()));
      if (changed > 0) await deps.relevanceChanged();
    },
    retrainNow: retrain,
  };
}
