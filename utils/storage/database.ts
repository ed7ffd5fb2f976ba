import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCorePutRequest,
  type EntityTable,
  type Middleware,
} from 'dexie';
import type { Tag } from '@/utils/shared/library';
import { listKeysOf } from '@/utils/shared/listKeys';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { PackedSnapshot } from '@/utils/shared/search/packedSnapshot';
import { searchHash } from '@/utils/shared/search/searchDocument';
import type { SearchSnapshot } from '@/utils/shared/search/searchIndex';

/** The persisted search index (table `searchIndex`, one row; see utils/background/searchService.ts). */
export interface SearchIndexRecord {
  key: 'library';
  /** Packed (format 2) since the search index was first released; format 1 is still read. */
  snapshot: SearchSnapshot | PackedSnapshot;
  /** Papers stamped (`searchChangedAt`) before this are in the snapshot (ms). */
  papersThrough: number;
  /** Papers stamped at or after `papersThrough` that are in it, with the stamp they had. */
  recent: [string, number][];
  /** Tags changed (`updatedAt`) before this are in it (ms). */
  tagsThrough: number;
}

/**
 * Every paper written, by whatever path (put, bulkPut, update, modify) and whoever writes it,
 * gets its derived fields recomputed in the same write, so they cannot drift from the records:
 * - `listKeys`, the lists' order and filters as index keys;
 * - `searchHash` of the searched fields and, when it differs from the one the record carries,
 *   `searchChangedAt` (indexed). The stamp commits with the write, so the search index never
 *   misses a change even when the service worker stops right after it.
 * `written` is told of every write to papers or tags. Above Dexie's own middlewares (level 10 >
 * 0), so live queries see the fields as written.
 */
const deriveStoredFields = (
  written: () => void,
  papersDeleted: () => void,
): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'PaperDerivedFields',
  level: 10,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name === 'tags') {
        return { ...table, mutate: (request) => table.mutate(request).finally(written) };
      }
      if (name !== 'papers') return table;
      return {
        ...table,
        mutate(request) {
          if (request.type !== 'put' && request.type !== 'add') {
            if (request.type === 'delete' || request.type === 'deleteRange') papersDeleted();
            return table.mutate(request).finally(written);
          }
          const at = Date.now();
          const values = request.values.map((value: PaperRecord) => {
            const hash = searchHash(value);
            const searchChanged = value.searchHash !== hash || value.searchChangedAt === undefined;
            return {
              ...value,
              listKeys: listKeysOf(value),
              ...(searchChanged ? { searchHash: hash, searchChangedAt: at } : {}),
            };
          });
          // A put also describes itself as a change (`changeSpec`, `updates`) for Dexie's cache:
          // that description would miss the derived fields, so it goes down as full values only.
          const {
            changeSpec: _spec,
            updates: _updates,
            criteria: _criteria,
            ...rest
          } = request as DBCorePutRequest;
          return table.mutate({ ...rest, values } as DBCoreMutateRequest).finally(written);
        },
      };
    },
  }),
});

export const DATABASE_NAME = 'paperlight';

export class PaperlightDatabase extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  tags!: EntityTable<Tag, 'id'>;
  searchIndex!: EntityTable<SearchIndexRecord, 'key'>;
  /**
   * Writes to papers or tags made through this handle: the worker's search index skips reading
   * the database for changes while this has not moved (every write goes through the worker).
   */
  searchedWrites = 0;
  /** Deletions of papers made through this handle (the search index then checks its size). */
  paperDeletions = 0;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // Versions are only ever added; each upgrade is tested on a database made by the previous one.
    this.version(1).stores({
      papers: 'id, firstSeenAt, lastSeenAt, savedAt',
    });
    // 2: `countsAsNew` (a boolean, so not indexed: IndexedDB keys cannot be booleans; the badge
    // filters the few papers first seen since the popup was opened).
    this.version(2)
      .stores({ papers: 'id, firstSeenAt, lastSeenAt, savedAt' })
      .upgrade((transaction) =>
        transaction
          .table<PaperRecord, string>('papers')
          .toCollection()
          .modify((paper) => {
            if (typeof paper.countsAsNew !== 'boolean') paper.countsAsNew = true;
          }),
      );
    // 3: what the user tells Paperlight besides saving (openedAt, lastOpenedAt, dismissedAt,
    // likedAt) and each paper's `relevance`. Only indexes are added: the ranker reads its training
    // signals through them. No record changes, so there is no upgrade function.
    this.version(3).stores({
      papers: 'id, firstSeenAt, lastSeenAt, savedAt, openedAt, dismissedAt, likedAt',
    });
    // 4: the library. A `tags` table (tombstones kept for sync), and indexes to filter saved
    // papers by tag, reading state, code, and unseen watch updates without reading the records.
    // New record fields are optional. Derived fields (see deriveStoredFields) are computed for
    // every stored paper: `listKeys` (the lists' order and filters as keys, so a list reads ids
    // without records) and `searchChangedAt` (papers whose searched fields changed since the
    // search index's snapshot, kept in table `searchIndex`). `watchedAt`: the watch of saved
    // papers looks up the longest unwatched first. `libraryEditedAt.saved`: sync finds recent
    // unsaves (tombstones) without reading every paper.
    this.version(4)
      .stores({
        papers:
          'id, firstSeenAt, lastSeenAt, savedAt, openedAt, dismissedAt, likedAt, *tagIds, readingState, *codeUrls, unseenUpdateAt, watchedAt, libraryEditedAt.saved, *listKeys, searchChangedAt',
        tags: 'id, name, updatedAt',
        searchIndex: 'key',
      })
      .upgrade((transaction) =>
        transaction
          .table<PaperRecord, string>('papers')
          .toCollection()
          .modify((paper) => {
            paper.listKeys = listKeysOf(paper);
          }),
      );
    this.use(
      deriveStoredFields(
        () => {
          this.searchedWrites++;
        },
        () => {
          this.paperDeletions++;
        },
      ),
    );
  }
}

/** The extension's one database handle (service worker and popup each get their own instance). */
export const db = new PaperlightDatabase();
