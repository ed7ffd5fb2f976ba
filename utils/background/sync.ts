import { browser } from 'wxt/browser';
import { createLock } from '@/utils/background/lock';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { MessageName, SyncReport } from '@/utils/shared/protocol';
import type { Interests } from '@/utils/shared/ranking/types';
import {
  applySyncedPaper,
  mergeInterests,
  mergeSnapshots,
  mergeSyncedPaper,
  mergeTag,
  recordFromSynced,
  unionOfInterests,
} from '@/utils/shared/sync/merge';
import {
  DEFAULT_BUDGET,
  isChunkKey,
  itemBytes,
  META_KEY,
  packSnapshot,
  readChunks,
  SYNC_QUOTA,
  type SyncMeta,
} from '@/utils/shared/sync/syncChunks';
import {
  libraryStateOf,
  type SyncedInterests,
  type SyncSnapshot,
  syncedPaperOf,
  TOMBSTONE_TTL_MS,
  tagStillSynced,
} from '@/utils/shared/sync/syncRecords';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { browserSyncStore, type SyncLocalStore, type SyncState } from '@/utils/storage/syncStore';

/**
 * Sync of the library through the browser's `storage.sync` (opt-in). One operation does it all:
 * read the sync area, merge it into IndexedDB (one transaction) and the interests, then write
 * back what this browser knows that the area lacks. Run after local library changes (debounced),
 * when the area changes (another browser wrote), at start-up and when switched on.
 */

/** The part of `storage.sync` sync uses (tests give two browsers one in-memory area). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncService {
  /** Syncs now (waits for a sync under way); writes only when the area would change. */
  syncNow(): Promise<SyncReport>;
  /** The library or the interests changed here: sync soon (several changes, one write). */
  localChanged(): void;
  /** `storage.sync` changed: sync soon, unless it is this browser's own write coming back. */
  areaChanged(changes: Record<string, { newValue?: unknown }>): void;
  /** Drops a sync waiting to run (tests; the worker never stops it). */
  cancelPending(): void;
}

export interface SyncDeps {
  area?: SyncArea;
  /** Sync's switch, state and status, and the interests (storage.local). */
  local?: SyncLocalStore;
  now?: () => number;
  /** Papers this browser did not know arrived: look up their details (fill-in). */
  papersArrived?: (ids: string[]) => void;
  /** The library changed from sync: open pages and the badge redraw. */
  libraryChanged?: () => void;
  /** Wait after a change before syncing (ms). */
  delayMs?: number;
  /**
   * At least this long between two writes (ms). A write is one `set` and at times one `remove`:
   * every 6 s at most gives ≤ 20 operations a minute and ≤ 1,200 an hour, under Chrome's 120 and
   * 1,800.
   */
  minWriteIntervalMs?: number;
}

export const SYNC_DELAY_MS = 2000;
export const MIN_WRITE_INTERVAL_MS = 6000;
/** After a failed write (a quota refused it), wait this long. */
const RETRY_MS = 60_000;

/**
 * The messages after which the library may have changed (the library, import and save messages);
 * the worker calls `localChanged` after any of them succeeds.
 */
const LIBRARY_MESSAGES: ReadonlySet<string> = new Set<MessageName>([
  'setSaved',
  'saveArticle',
  'createTag',
  'updateTag',
  'deleteTag',
  'mergeTags',
  'setTags',
  'setNote',
  'setReadingState',
  'setSavedMany',
  'restoreLibrary',
  'importLibrary',
]);

export function changesLibrary(messageType: unknown): boolean {
  return typeof messageType === 'string' && LIBRARY_MESSAGES.has(messageType);
}

export function createSyncService(database: PaperlightDatabase, deps: SyncDeps = {}): SyncService {
  const area: SyncArea = deps.area ?? browser.storage.sync;
  const now = deps.now ?? Date.now;
  const local = deps.local ?? browserSyncStore;
  const delayMs = deps.delayMs ?? SYNC_DELAY_MS;
  const minWriteIntervalMs = deps.minWriteIntervalMs ?? MIN_WRITE_INTERVAL_MS;
  const lock = createLock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  /** What this browser last wrote, by key: its own change events are recognised and ignored. */
  const written = new Map<string, unknown>();

  const schedule = (inMs: number) => {
    const at = now() + inMs;
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      run().catch((error: unknown) => {
        console.warn('[Paperlight] could not sync:', error);
      });
    }, inMs);
  };

  const run = () =>
    lock(async (): Promise<SyncReport> => {
      const at = now();
      if (!(await local.enabled())) return { enabled: false, at, ...NOTHING };
      try {
        const report = await syncOnce(at);
        if (report.wrote === 'later') schedule(Math.max(0, lastWriteAt + minWriteIntervalMs - at));
        return report;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const previous = await local.readStatus();
        await local.writeStatus({ ...(previous ?? EMPTY_STATUS), error: reason });
        schedule(RETRY_MS);
        throw error;
      }
    });

  const syncOnce = async (at: number): Promise<SyncReport> => {
    const stored = await area.get(null);
    const read = await readChunks(stored);
    for (const { key, reason } of read.unreadable) {
      console.warn(`[Paperlight] sync: skipped the item ${key} (${reason}); it will be rewritten`);
    }
    if (read.skippedEntries > 0) {
      console.warn(`[Paperlight] sync: skipped ${read.skippedEntries} malformed synced entries`);
    }
    const remote = read.chunks.reduce<SyncSnapshot>(
      (merged, chunk) =>
        mergeSnapshots(merged, {
          tags: chunk.t,
          papers: chunk.p,
          ...(chunk.i ? { interests: chunk.i } : {}),
        }),
      { tags: [], papers: [] },
    );

    const state = await local.readState();
    const interests = await syncInterests(local, remote.interests, state, at);
    const pulled = await mergeIntoDatabase(database, remote, at);
    if (pulled.added.length > 0) deps.papersArrived?.(pulled.added);
    if (pulled.papers + pulled.tags > 0) deps.libraryChanged?.();

    const mine = await localSnapshot(database, at);
    const snapshot = withoutExpired(
      mergeSnapshots(remote, { ...mine, ...(interests ? { interests } : {}) }),
      at,
    );
    // Items Paperlight does not own (none today; a later format's, say) use the same quota.
    const othersBytes = Object.entries(stored)
      .filter(([key]) => !isChunkKey(key) && key !== META_KEY)
      .reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    const packed = await packSnapshot(snapshot, {
      ...DEFAULT_BUDGET,
      bytes: DEFAULT_BUDGET.bytes - othersBytes,
    });
    const changed = Object.entries(packed.items).filter(([key, value]) => stored[key] !== value);
    const stale = Object.keys(stored).filter((key) => isChunkKey(key) && !(key in packed.items));
    const wanted = snapshot.papers.length;
    const meta: SyncMeta = {
      v: 1,
      at,
      by: state.deviceId,
      chunks: Object.keys(packed.items).length,
      papers: packed.papers,
      wanted,
    };
    let wrote: SyncReport['wrote'] = 'nothing';
    if (changed.length > 0 || stale.length > 0) {
      if (at < lastWriteAt + minWriteIntervalMs) {
        wrote = 'later';
      } else {
        lastWriteAt = at;
        const items = { ...Object.fromEntries(changed), [META_KEY]: meta };
        for (const [key, value] of Object.entries(items)) written.set(key, value);
        // Items no longer needed go first: old and new together could pass the quota.
        if (stale.length > 0) await area.remove(stale);
        await area.set(items);
        wrote = 'written';
      }
    }
    const bytes = packed.bytes + itemBytes(META_KEY, wrote === 'written' ? meta : stored[META_KEY]);
    if (wrote !== 'later') {
      await local.writeStatus({
        lastSyncAt: at,
        bytes,
        quotaBytes: SYNC_QUOTA.bytes,
        papersSynced: packed.papers,
        papersWanted: wanted,
        tagsLeftOut: packed.tagsLeftOut,
      });
    }
    return {
      enabled: true,
      at,
      pulledPapers: pulled.papers,
      pulledTags: pulled.tags,
      papersSynced: packed.papers,
      papersWanted: wanted,
      bytes,
      wrote,
    };
  };

  return {
    syncNow: run,
    localChanged() {
      schedule(delayMs);
    },
    areaChanged(changes) {
      const foreign = Object.entries(changes).some(
        ([key, change]) =>
          (isChunkKey(key) || key === META_KEY) &&
          JSON.stringify(change.newValue) !== JSON.stringify(written.get(key)),
      );
      if (foreign) schedule(Math.min(delayMs, 500));
    },
    cancelPending() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
    },
  };
}

const NOTHING = {
  pulledPapers: 0,
  pulledTags: 0,
  papersSynced: 0,
  papersWanted: 0,
  bytes: 0,
  wrote: 'nothing' as const,
};

const EMPTY_STATUS = {
  lastSyncAt: 0,
  bytes: 0,
  quotaBytes: SYNC_QUOTA.bytes,
  papersSynced: 0,
  papersWanted: 0,
  tagsLeftOut: 0,
};

const isEmpty = (interests: Interests) =>
  Object.values(interests).every((list: string[]) => list.length === 0);

/**
 * Merges the interests; writes them to `storage.local` when the merge changed them. The first
 * time a browser meets the area's interests, it keeps what either follows (a union), rather
 * than letting one browser's list replace the other's.
 */
async function syncInterests(
  local: SyncLocalStore,
  remote: SyncedInterests | undefined,
  state: SyncState,
  at: number,
): Promise<SyncedInterests | undefined> {
  const current = await local.readInterests();
  const currentJson = JSON.stringify(current);
  let merged: SyncedInterests | undefined;
  if (state.interestsSeen === undefined) {
    if (remote) {
      const union = unionOfInterests(current, remote.value);
      merged =
        JSON.stringify(union) === JSON.stringify(remote.value)
          ? remote
          : { value: union, editedAt: at };
    } else {
      merged = isEmpty(current) ? undefined : { value: current, editedAt: at };
    }
  } else {
    const editedAt = state.interestsSeen === currentJson ? state.interestsEditedAt : at;
    // Never edited and empty: nothing to tell the other browsers.
    const mine = editedAt === 0 && isEmpty(current) ? undefined : { value: current, editedAt };
    merged = mergeInterests(mine, remote);
  }
  if (merged && JSON.stringify(merged.value) !== currentJson) {
    await local.writeInterests(merged.value);
  }
  await local.writeState({
    deviceId: state.deviceId,
    interestsSeen: JSON.stringify(merged?.value ?? current),
    interestsEditedAt: merged?.editedAt ?? 0,
  });
  return merged;
}

interface Pulled {
  papers: number;
  tags: number;
  /** Papers this browser did not have. */
  added: string[];
}

/**
 * Writes the area's library into IndexedDB in one transaction, field by field, the later edit
 * winning: a local save, tag or note newer than the area's stays. A tag deleted elsewhere leaves
 * every paper here too.
 */
async function mergeIntoDatabase(
  database: PaperlightDatabase,
  remote: SyncSnapshot,
  at: number,
): Promise<Pulled> {
  return database.transaction('rw', database.papers, database.tags, async () => {
    const localTags = await database.tags.bulkGet(remote.tags.map((tag) => tag.id));
    const tagWrites: Tag[] = [];
    const newlyDeleted: string[] = [];
    remote.tags.forEach((tag, index) => {
      const known = localTags[index];
      const merged = known ? mergeTag(known, tag) : tag;
      if (JSON.stringify(merged) === JSON.stringify(known)) return;
      tagWrites.push(merged);
      if (merged.deletedAt !== undefined && known?.deletedAt === undefined) {
        newlyDeleted.push(merged.id);
      }
    });
    await database.tags.bulkPut(tagWrites);
    const deletedTags = new Set(
      (await database.tags.toArray()).filter((tag) => tag.deletedAt !== undefined).map((t) => t.id),
    );

    const localPapers = await database.papers.bulkGet(remote.papers.map((paper) => paper.id));
    const paperWrites = new Map<string, PaperRecord>();
    const added: string[] = [];
    remote.papers.forEach((paper, index) => {
      const known = localPapers[index];
      if (!known) {
        const created = recordFromSynced(paper, deletedTags, at);
        if (created) {
          paperWrites.set(created.id, created);
          added.push(created.id);
        }
        return;
      }
      const merged = mergeSyncedPaper(libraryStateOf(known), paper);
      const next = applySyncedPaper(known, merged, deletedTags);
      if (next) paperWrites.set(next.id, next);
    });
    // Papers still carrying a tag deleted elsewhere (not in the area's papers, or older there).
    if (newlyDeleted.length > 0) {
      const tagged = await database.papers.where('tagIds').anyOf(newlyDeleted).toArray();
      for (const record of tagged) {
        const base = paperWrites.get(record.id) ?? record;
        const tagIds = base.tagIds?.filter((id) => !deletedTags.has(id)) ?? [];
        const next = { ...base };
        if (tagIds.length > 0) next.tagIds = tagIds;
        else delete next.tagIds;
        paperWrites.set(record.id, next);
      }
    }
    await database.papers.bulkPut([...paperWrites.values()]);
    return { papers: paperWrites.size, tags: tagWrites.length, added };
  });
}

/**
 * This browser's library as it syncs: tags, saved papers, and recent unsaves (the ids from the
 * `libraryEditedAt.saved` index, less the saved ones: keys only, then the few unsaved records).
 */
async function localSnapshot(database: PaperlightDatabase, at: number): Promise<SyncSnapshot> {
  return database.transaction('r', database.papers, database.tags, async () => {
    const tags = await database.tags.toArray();
    const saved = await database.papers.where('savedAt').above(0).toArray();
    const savedIds = new Set(saved.map((paper) => paper.id));
    const stampedIds = await database.papers
      .where('libraryEditedAt.saved')
      .aboveOrEqual(at - TOMBSTONE_TTL_MS)
      .primaryKeys();
    const unsaved = await database.papers.bulkGet(stampedIds.filter((id) => !savedIds.has(id)));
    return {
      tags,
      papers: [...saved, ...unsaved].flatMap((paper) =>
        paper ? (syncedPaperOf(paper, at) ?? []) : [],
      ),
    };
  });
}

/** Unsaves and deleted tags older than the tombstone time are no longer synced. */
function withoutExpired(snapshot: SyncSnapshot, at: number): SyncSnapshot {
  return {
    ...snapshot,
    tags: snapshot.tags.filter((tag) => tagStillSynced(tag, at)),
    papers: snapshot.papers.filter(
      (paper) => paper.savedAt !== undefined || (paper.edited.saved ?? 0) >= at - TOMBSTONE_TTL_MS,
    ),
  };
}
