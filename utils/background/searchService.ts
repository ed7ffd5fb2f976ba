import { arxivIdFrom } from '@/utils/shared/arxivId';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { packSnapshot, unpackSnapshot } from '@/utils/shared/search/packedSnapshot';
import { searchDocument } from '@/utils/shared/search/searchDocument';
import {
  SearchIndex,
  type SearchResult,
  type SearchSnapshot,
} from '@/utils/shared/search/searchIndex';
import { parseQuery, TOKENIZER_VERSION } from '@/utils/shared/search/tokenize';
import type { PaperlightDatabase, SearchIndexRecord } from '@/utils/storage/database';

/**
 * The library's search in the service worker: one index in memory, loaded on the first search
 * from its snapshot in IndexedDB (or built from the papers when there is none), brought up to
 * date before every search, and saved again a little after it changed.
 *
 * Keeping up with writes needs no cooperation from the writers: the database stamps every paper
 * whose searched fields change (`searchChangedAt`, see utils/storage/database.ts), tags carry
 * `updatedAt`, and a count check catches deletions. Before each search the index reads the keys
 * stamped since `papersThrough` (an index range, keys only: a few ms) and re-indexes the papers
 * whose stamp it has not seen. Stamps are taken when a write is issued, not when it commits, so
 * the range reaches back `COMMIT_MARGIN_MS` and the stamps already indexed in it are remembered.
 */

/** Longer than any write transaction on papers takes between its stamp and its commit. */
const COMMIT_MARGIN_MS = 60_000;
/**
 * Writes through another handle (a page, another worker instance) are not counted: the database is
 * read for changes at least this often while searching, counted writes or not.
 */
const RECHECK_MS = 5_000;
/** The snapshot is saved this long after the last change (the worker lives ~30 s after an event). */
const SAVE_DELAY_MS = 2_000;
export const SEARCH_LIMIT_DEFAULT = 200;

export interface SearchRequest {
  query: string;
  scope: 'all' | 'saved';
  limit?: number;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResult>;
  /** Saves the snapshot now if it changed (tests; the worker saves on its own). */
  flush(): Promise<void>;
  /** What the last search cost (bench and logs). */
  readonly stats: SearchStats;
}

export interface SearchStats {
  /** How the index was made ready the first time: snapshot load, full build, or not yet. */
  start: 'snapshot' | 'build' | 'none';
  startMs: number;
  /** Papers re-indexed by the last catch-up. */
  caughtUp: number;
}

interface Options {
  now?: () => number;
  saveDelayMs?: number;
}

/** The stored snapshot, unpacked; undefined when it cannot be used (the index is then rebuilt). */
function readableSnapshot({ snapshot }: SearchIndexRecord): SearchSnapshot | undefined {
  if (snapshot.tokenizerVersion !== TOKENIZER_VERSION) return undefined;
  if (snapshot.format === 1) return snapshot;
  if (snapshot.format !== 2) return undefined;
  try {
    return unpackSnapshot(snapshot);
  } catch (error) {
    console.warn('[Paperlight] rebuilding the search index:', error);
    return undefined;
  }
}

export function createSearchService(
  database: PaperlightDatabase,
  options: Options = {},
): SearchService {
  const now = options.now ?? Date.now;
  const saveDelay = options.saveDelayMs ?? SAVE_DELAY_MS;
  const index = new SearchIndex();
  const tagNames = new Map<string, string>();
  let papersThrough = 0;
  let tagsThrough = 0;
  /** Stamps at or after `papersThrough` already in the index. */
  let recent = new Map<string, number>();
  let ready: Promise<void> | undefined;
  let writesSeen = -1;
  let deletionsSeen = 0;
  /** Set after a snapshot load: its size is checked against the papers once the first answer is out. */
  let checkSize = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let dirty = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const stats: SearchStats = { start: 'none', startMs: 0, caughtUp: 0 };
  const tagName = (id: string) => tagNames.get(id);
  const add = (paper: PaperRecord) => index.add(searchDocument(paper, tagName));

  async function start(): Promise<void> {
    const began = performance.now();
    deletionsSeen = database.paperDeletions;
    const stored = await database.searchIndex.get('library');
    const snapshot = stored ? readableSnapshot(stored) : undefined;
    if (stored && snapshot) {
      index.load(snapshot);
      papersThrough = stored.papersThrough;
      recent = new Map(stored.recent);
      tagsThrough = stored.tagsThrough;
      for (const tag of await database.tags.toArray())
        if (!tag.deletedAt) tagNames.set(tag.id, tag.name);
      stats.start = 'snapshot';
      // Papers deleted after the snapshot was saved (the worker stopped before saving again) are
      // found by counting the papers: 50,000 take ~0.8 s to count, so not before the first answer.
      checkSize = true;
    } else {
      await build();
      stats.start = 'build';
    }
    stats.startMs = performance.now() - began;
  }

  async function build(): Promise<void> {
    const at = now();
    await database.transaction('r', database.papers, database.tags, async () => {
      const tags = await database.tags.toArray();
      for (const tag of tags) if (!tag.deletedAt) tagNames.set(tag.id, tag.name);
      tagsThrough = tags.reduce((latest, tag) => Math.max(latest, tag.updatedAt + 1), 0);
      papersThrough = at - COMMIT_MARGIN_MS;
      recent = new Map();
      await database.papers.each((paper) => {
        add(paper);
        if ((paper.searchChangedAt ?? 0) >= papersThrough)
          recent.set(paper.id, paper.searchChangedAt ?? 0);
      });
    });
    markDirty();
  }

  /** Re-indexes what changed since the last look: papers stamped, papers of changed tags, deletions. */
  async function catchUp(): Promise<void> {
    const at = now();
    if (database.searchedWrites === writesSeen && at - checkedAt < RECHECK_MS) {
      stats.caughtUp = 0;
      return;
    }
    writesSeen = database.searchedWrites;
    checkedAt = at;
    const changed = new Set<string>();
    await database.transaction('r', database.papers, database.tags, async () => {
      const tags: Tag[] = await database.tags
        .where('updatedAt')
        .aboveOrEqual(tagsThrough)
        .toArray();
      if (tags.length > 0) {
        for (const tag of tags) {
          if (tag.deletedAt) tagNames.delete(tag.id);
          else tagNames.set(tag.id, tag.name);
          tagsThrough = Math.max(tagsThrough, tag.updatedAt + 1);
        }
        const tagged = await database.papers
          .where('tagIds')
          .anyOf(tags.map((tag) => tag.id))
          .primaryKeys();
        for (const id of tagged) changed.add(id);
      }
      const range = database.papers.where('searchChangedAt').aboveOrEqual(papersThrough);
      const [stamps, ids] = await Promise.all([range.keys(), range.primaryKeys()]);
      const through = at - COMMIT_MARGIN_MS;
      const stillRecent = new Map<string, number>();
      ids.forEach((id, i) => {
        const stamp = Number(stamps[i]);
        if (recent.get(id) !== stamp) changed.add(id);
        if (stamp >= through) stillRecent.set(id, stamp);
      });
      if (changed.size > 0) {
        const wanted = [...changed];
        const papers = await database.papers.bulkGet(wanted);
        papers.forEach((paper, i) => {
          if (paper) add(paper);
          else index.remove(wanted[i] ?? '');
        });
      }
      if (through > papersThrough) {
        papersThrough = through;
        recent = stillRecent;
      } else {
        for (const [id, stamp] of stillRecent) recent.set(id, stamp);
      }
      // Deletions (retention, a cleared library) leave no stamp: the counts tell.
      if (database.paperDeletions !== deletionsSeen) {
        deletionsSeen = database.paperDeletions;
        await reconcileIfSizesDiffer();
      }
    });
    stats.caughtUp = changed.size;
    if (changed.size > 0) markDirty();
  }

  /** Deletions leave no stamp: a count of the papers other than the index's size tells. */
  async function reconcileIfSizesDiffer(): Promise<void> {
    if ((await database.papers.count()) !== index.size) await reconcile();
  }

  /** The size check a snapshot load owes, run after the answer that is waiting for it. */
  function checkSizeSoon(): void {
    setTimeout(() => {
      database.transaction('r', database.papers, reconcileIfSizesDiffer).catch((error: unknown) => {
        if ((error as Error | undefined)?.name !== 'DatabaseClosedError') {
          console.warn('[Paperlight] could not check the search index:', error);
        }
      });
    });
  }

  async function reconcile(): Promise<void> {
    const stored = new Set(await database.papers.toCollection().primaryKeys());
    for (const id of index.allIds()) if (!stored.has(id)) index.remove(id);
    const missing = [...stored].filter((id) => !index.has(id));
    for (const paper of await database.papers.bulkGet(missing)) if (paper) add(paper);
    markDirty();
  }

  function markDirty(): void {
    dirty = true;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void save();
    }, saveDelay);
  }

  function save(): Promise<void> {
    saving = saving.then(async () => {
      if (!dirty) return;
      dirty = false;
      if (index.needsCompaction) index.compact();
      const record: SearchIndexRecord = {
        key: 'library',
        snapshot: packSnapshot(index.snapshot()),
        papersThrough,
        recent: [...recent],
        tagsThrough,
      };
      await database.searchIndex.put(record).catch((error: unknown) => {
        dirty = true;
        console.warn('[Paperlight] could not save the search index:', error);
      });
    });
    return saving;
  }

  async function search({
    query,
    scope,
    limit = SEARCH_LIMIT_DEFAULT,
  }: SearchRequest): Promise<SearchResult> {
    ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    await catchUp();
    if (checkSize) {
      checkSize = false;
      checkSizeSoon();
    }
    const id = arxivIdFrom(query.trim(), { pdfLinks: true });
    if (id && index.has(id) && (scope === 'all' || index.isSaved(id)))
      return { ids: [id], total: 1 };
    return index.search(parseQuery(query), { scope, limit });
  }

  return {
    search,
    async flush() {
      if (saveTimer !== undefined) clearTimeout(saveTimer);
      saveTimer = undefined;
      await save();
    },
    stats,
  };
}

const services = new WeakMap<PaperlightDatabase, SearchService>();

/** The search service of a database (one per worker: the index lives as long as the worker). */
export function searchServiceFor(database: PaperlightDatabase): SearchService {
  let service = services.get(database);
  if (!service) {
    service = createSearchService(database);
    services.set(database, service);
  }
  return service;
}
