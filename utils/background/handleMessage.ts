import { recordPagePapers, saveArticle } from '@/utils/background/articleStore';
import { popupOpenedAt, refreshBadge } from '@/utils/background/badge';
import { runDigestNow } from '@/utils/background/feedSchedule';
import { requestFillIn } from '@/utils/background/fillIn';
import { importLibrary } from '@/utils/background/importLibrary';
import {
  createTag,
  deleteTag,
  markUpdatesSeen,
  mergeTags,
  restoreLibrary,
  setNote,
  setReadingState,
  setSavedMany,
  setTags,
  updateTag,
} from '@/utils/background/library';
import { afterWriteError } from '@/utils/background/librarySafety';
import { recordPageDetection, setPaperSaved } from '@/utils/background/paperStore';
import type { PoliteFetcher } from '@/utils/background/politeFetch';
import type { RankingService } from '@/utils/background/rankingService';
import { type SearchService, searchServiceFor } from '@/utils/background/searchService';
import {
  followAuthor,
  paperStatuses,
  setPaperDismissed,
  setPaperLiked,
} from '@/utils/background/signals';
import type { SyncService } from '@/utils/background/sync';
import { runWatch } from '@/utils/background/watchSaved';
import { isArxivId, openedPaperId } from '@/utils/shared/arxivId';
import { validateMessage } from '@/utils/shared/messageSchemas';
import {
  type MessageName,
  type Reply,
  type Response,
  refusalFor,
  type Sender,
  type ValidatedMessage,
} from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { allSeenAtItem } from '@/utils/storage/rankingStore';

/**
 * The background's message handler: validates, checks that the sender may ask it, then runs one
 * protocol message. A refused or failed message changes nothing and is answered with its reason.
 */
export async function handleMessage(
  database: PaperlightDatabase,
  message: unknown,
  now: () => number = Date.now,
  services: BackgroundServices = {},
): Promise<Reply<MessageName>> {
  const checked = validateMessage(message);
  if (!checked.ok) return refused(checked.error);
  const refusal = refusalFor(services.from ?? 'extension-page', checked.message);
  if (refusal !== undefined) return refused(refusal);
  try {
    const data = await dispatch(database, checked.message, now, services);
    return { ok: true, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[Paperlight] ${checked.message.type} failed: ${reason}`);
    // Out of room: unsaved papers are pruned and the user is told (the write is not retried).
    await afterWriteError({ database, now }, error);
    return { ok: false, error: reason };
  }
}

function refused(reason: string): Reply<MessageName> {
  console.warn(`[Paperlight] refused a message: ${reason}`);
  return { ok: false, error: reason };
}

export interface BackgroundServices {
  /** Who sent the message; the listener passes what the sender says (default: an extension page). */
  from?: Sender;
  /** Tests inject the fetcher the arXiv API look-ups ("fill-in") use. */
  fetch?: PoliteFetcher;
  /** Scores stored papers and learns from signals (absent: papers are stored unscored). */
  ranking?: RankingService;
  /** Tells open arXiv/HF tabs that paper statuses changed (their marks redraw). */
  statusesChanged?: () => Promise<void>;
  /** The library's search index (absent: the database's own, made on the first search). */
  search?: SearchService;
  /** Syncs the library through `storage.sync` (absent: sync is not wired, reported as off). */
  sync?: SyncService;
}

/** A save, dismissal or like: the ranker has something to learn, and open pages redraw. */
function signalGiven(services: BackgroundServices): void {
  services.ranking?.signalGiven();
  services.statusesChanged?.().catch(() => {});
}

async function dispatch(
  database: PaperlightDatabase,
  message: ValidatedMessage,
  now: () => number,
  services: BackgroundServices,
): Promise<Response<MessageName>> {
  switch (message.type) {
    case 'pageDetected': {
      const at = now();
      const scoring = await services.ranking?.scoring(at);
      const statuses = await recordPageDetection(database, message.payload, at, scoring);
      // A paper's own page was read: an open, which the ranker learns from.
      if (openedPaperId(message.payload.source.url)) services.ranking?.signalGiven();
      await refreshBadge(database);
      return { statuses };
    }
    case 'setSaved': {
      const { id, saved } = message.payload;
      const status = await setPaperSaved(database, id, saved, now());
      signalGiven(services);
      // A paper saved without its abstract gets it looked up (queued; the reply does not wait).
      if (saved && isArxivId(id)) {
        await requestFillIn({ database, now, fetch: services.fetch }, [id]).catch(
          (error: unknown) => {
            console.warn('[Paperlight] could not queue a fill-in:', error);
          },
        );
      }
      return status;
    }
    case 'saveArticle':
      return saveArticle(database, message.payload, now());
    case 'pagePapersFound': {
      const result = await recordPagePapers(database, message.payload, now());
      await refreshBadge(database);
      return result;
    }
    case 'popupOpened': {
      await popupOpenedAt.setValue(now());
      return { badge: await refreshBadge(database) };
    }
    case 'fetchNow': {
      const { ranking } = services;
      return runDigestNow({
        database,
        refreshBadge: () => refreshBadge(database),
        now,
        ...(ranking ? { scoring: () => ranking.scoring(now()) } : {}),
      });
    }
    case 'fillIn':
      return {
        queued: await requestFillIn({ database, now, fetch: services.fetch }, message.payload.ids),
      };
    case 'paperStatuses': {
      const at = now();
      const scoring = await services.ranking?.scoring(at);
      return { statuses: await paperStatuses(database, message.payload.ids, at, scoring?.rank) };
    }
    case 'setDismissed': {
      const { id, dismissed } = message.payload;
      const status = await setPaperDismissed(database, id, dismissed, now());
      signalGiven(services);
      return status;
    }
    case 'setLiked': {
      const status = await setPaperLiked(
        database,
        message.payload.id,
        message.payload.liked,
        now(),
      );
      signalGiven(services);
      return status;
    }
    case 'followAuthor':
      return {
        following: await followAuthor(database, message.payload.id, message.payload.author),
      };
    case 'markAllSeen': {
      const at = now();
      await Promise.all([allSeenAtItem.setValue(at), popupOpenedAt.setValue(at)]);
      services.statusesChanged?.().catch(() => {});
      return { badge: await refreshBadge(database) };
    }
    case 'searchLibrary': {
      const search = services.search ?? searchServiceFor(database);
      return search.search(message.payload);
    }
    case 'createTag':
      return createTag(database, message.payload, now());
    case 'updateTag':
      return updateTag(database, message.payload, now());
    case 'deleteTag':
      return deleteTag(database, message.payload.id, now());
    case 'mergeTags':
      return mergeTags(database, message.payload, now());
    case 'setTags':
      return setTags(database, message.payload, now());
    case 'setNote':
      return setNote(database, message.payload, now());
    case 'setReadingState':
      return setReadingState(database, message.payload, now());
    case 'setSavedMany': {
      const result = await setSavedMany(database, message.payload, now());
      if (result.changed > 0) signalGiven(services);
      return result;
    }
    case 'restoreLibrary': {
      const result = await restoreLibrary(database, message.payload, now());
      if (result.changed > 0) signalGiven(services);
      return result;
    }
    case 'markUpdatesSeen':
      return markUpdatesSeen(database, message.payload);
    case 'importLibrary': {
      const report = await importLibrary(database, message.payload, now());
      // Imported saves are signals the ranker learns from; open pages redraw their marks.
      if (report.added + report.updated > 0) signalGiven(services);
      return report;
    }
    case 'watchSavedNow':
      return runWatch({ database, now, fetch: services.fetch }, { force: true });
    case 'syncNow':
      return services.sync
        ? services.sync.syncNow()
        : {
            enabled: false,
            at: now(),
            pulledPapers: 0,
            pulledTags: 0,
            papersSynced: 0,
            papersWanted: 0,
            bytes: 0,
            wrote: 'nothing',
          };
  }
}
