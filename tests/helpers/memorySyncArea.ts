import { itemBytes, SYNC_QUOTA } from '@/utils/shared/sync/syncChunks';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * One `storage.sync` area shared by several test "browsers", with Chrome's quotas: a write
 * over an item's or the area's bytes, the item count, or the write rate is refused with Chrome's
 * message and changes nothing. Values are stored as JSON (as Chrome does); every write tells the
 * listeners, like `storage.onChanged` with area 'sync'.
 */
export class MemorySyncArea {
  readonly items = new Map<string, string>();
  readonly writes: number[] = [];
  private readonly listeners: ((changes: Changes) => void)[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  onChanged(listener: (changes: Changes) => void): void {
    this.listeners.push(listener);
  }

  async get(_keys: null): Promise<Record<string, unknown>> {
    return Object.fromEntries(
      [...this.items].map(([key, json]) => [key, JSON.parse(json) as unknown]),
    );
  }

  bytesInUse(): number {
    let total = 0;
    for (const [key, json] of this.items) total += itemBytes(key, JSON.parse(json));
    return total;
  }

  private countWrite(): void {
    const now = this.clock();
    const lastMinute = this.writes.filter((at) => at > now - 60_000).length;
    const lastHour = this.writes.filter((at) => at > now - 3_600_000).length;
    if (lastMinute >= SYNC_QUOTA.writesPerMinute) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    }
    if (lastHour >= SYNC_QUOTA.writesPerHour) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    }
    this.writes.push(now);
  }

  async set(values: Record<string, unknown>): Promise<void> {
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(values)) {
      if (itemBytes(key, value) > SYNC_QUOTA.bytesPerItem) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(key, JSON.stringify(value));
    }
    let total = 0;
    for (const [key, json] of next) total += itemBytes(key, JSON.parse(json));
    if (total > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    this.countWrite();
    const changes: Changes = {};
    for (const [key, value] of Object.entries(values)) {
      const old = this.items.get(key);
      if (old === JSON.stringify(value)) continue;
      changes[key] = {
        ...(old !== undefined ? { oldValue: JSON.parse(old) as unknown } : {}),
        newValue: value,
      };
    }
    for (const [key, json] of next) this.items.set(key, json);
    this.tell(changes);
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    const changes: Changes = {};
    for (const key of keys) {
      const old = this.items.get(key);
      if (old === undefined) continue;
      this.items.delete(key);
      changes[key] = { oldValue: JSON.parse(old) as unknown };
    }
    this.tell(changes);
  }

  private tell(changes: Changes): void {
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.listeners) queueMicrotask(() => listener(changes));
  }
}
