import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { Interests } from '@/utils/shared/ranking/types';
import { interestsItem, readInterests } from '@/utils/storage/rankingStore';
import { finiteOrZero } from '@/utils/storage/storedValue';

/**
 * Sync's settings and state in `storage.local`. The options page switches sync on or off and shows
 * the status; the background does the syncing (utils/background/sync.ts) and writes the status.
 */

/** Sync through the browser's `storage.sync` (off until the user switches it on). */
export const SYNC_ENABLED_KEY = 'settings.sync';
export const syncEnabledItem = storage.defineItem<boolean>(`local:${SYNC_ENABLED_KEY}`, {
  fallback: false,
});

/** What the options page shows about sync. Written by the background only. */
export interface SyncStatus {
  /** The last sync that reached the end (ms; 0 never). */
  lastSyncAt: number;
  /** Why the last attempt failed (cleared by the next success). */
  error?: string;
  /** What Paperlight's items use of `storage.sync`, and its quota (bytes). */
  bytes: number;
  quotaBytes: number;
  /** Papers in the sync area, and papers there are to sync (more: the library outgrew the quota). */
  papersSynced: number;
  papersWanted: number;
  tagsLeftOut: number;
}

export const SYNC_STATUS_KEY = 'sync.status';
export const syncStatusItem = storage.defineItem<SyncStatus | null>(`local:${SYNC_STATUS_KEY}`, {
  fallback: null,
});

/** What the background remembers between syncs. */
export interface SyncState {
  /** A random id of this browser profile, written into `pl.meta`. */
  deviceId: string;
  /** The interests as last synced (JSON), and when they last changed: a difference is a local edit. */
  interestsSeen?: string;
  interestsEditedAt: number;
}

export const syncStateItem = storage.defineItem<SyncState | null>('local:sync.state', {
  fallback: null,
});

const count = v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 0);
const storedStatus = v.object({
  lastSyncAt: finiteOrZero,
  error: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(500))), undefined),
  bytes: count,
  quotaBytes: count,
  papersSynced: count,
  papersWanted: count,
  tagsLeftOut: count,
}) satisfies v.GenericSchema<unknown, SyncStatus>;

/** The status as stored, repaired; null when sync never ran or the value is unreadable. */
export function parseSyncStatus(value: unknown): SyncStatus | null {
  const result = v.safeParse(storedStatus, value);
  return result.success ? result.output : null;
}

export async function readSyncEnabled(): Promise<boolean> {
  try {
    return (await syncEnabledItem.getValue()) === true;
  } catch {
    return false;
  }
}

const storedState = v.object({
  deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  interestsSeen: v.optional(v.string()),
  interestsEditedAt: finiteOrZero,
});

/** The state, or a fresh one (a new device id) when there is none or it is unreadable. */
export async function readSyncState(): Promise<SyncState> {
  const result = v.safeParse(storedState, await syncStateItem.getValue());
  if (result.success) return result.output;
  const deviceId = `d${Math.random().toString(36).slice(2, 12)}`;
  return { deviceId, interestsEditedAt: 0 };
}

/**
 * What sync keeps in `storage.local`, as one interface: the worker uses the items above; a test
 * gives each of its two "browsers" its own.
 */
export interface SyncLocalStore {
  enabled(): Promise<boolean>;
  readState(): Promise<SyncState>;
  writeState(state: SyncState): Promise<void>;
  readStatus(): Promise<SyncStatus | null>;
  writeStatus(status: SyncStatus): Promise<void>;
  readInterests(): Promise<Interests>;
  writeInterests(interests: Interests): Promise<void>;
}

export const browserSyncStore: SyncLocalStore = {
  enabled: readSyncEnabled,
  readState: readSyncState,
  writeState: (state) => syncStateItem.setValue(state),
  readStatus: async () => parseSyncStatus(await syncStatusItem.getValue()),
  writeStatus: (status) => syncStatusItem.setValue(status),
  readInterests,
  writeInterests: (interests) => interestsItem.setValue(interests),
};
