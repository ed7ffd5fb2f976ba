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

export const DATABASE_NAME = 'paperlight';

export class PaperlightDatabase extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  tags!: EntityTable<Tag, 'id'>;

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
    // New record fields are optional. `listKeys` (derived: the lists' order and filters as keys,
    // so a list reads ids without records) is computed for every stored paper.
    this.version(4)
      .stores({
        papers:
          'id, firstSeenAt, lastSeenAt, savedAt, openedAt, dismissedAt, likedAt, *tagIds, readingState, *codeUrls, unseenUpdateAt, *listKeys',
        tags: 'id, name, updatedAt',
      })
      .upgrade((transaction) =>
        transaction
          .table<PaperRecord, string>('papers')
          .toCollection()
          .modify((paper) => {
            paper.listKeys = listKeysOf(paper);
          }),
      );
    this.use(listKeysMiddleware);
  }
}

/**
 * Every paper written, by whatever path (put, bulkPut, update, modify), gets its `listKeys`
 * recomputed from its fields, so the lists' indexes cannot drift from the records. Above
 * Dexie's own middlewares (level 10 > 0), so live queries see the keys as written.
 */
const listKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PaperListKeys',
  level: 10,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'papers') return table;
      return {
        ...table,
        mutate: (request) => {
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
          const values = request.values.map((value: PaperRecord) => ({
            ...value,
            listKeys: listKeysOf(value),
          }));
          // A put also describes itself as a change (`changeSpec`, `updates`) for Dexie's cache:
          // that description would miss the keys, so the put goes down as full values only.
          const {
            changeSpec: _spec,
            updates: _updates,
            criteria: _criteria,
            ...rest
          } = request as DBCorePutRequest;
          return table.mutate({ ...rest, values } as DBCoreMutateRequest);
        },
      };
    },
  }),
};

/** The extension's one database handle (service worker and popup each get their own instance). */
export const db = new PaperlightDatabase();
