import Dexie, { type EntityTable } from 'dexie';
import type { Tag } from '@/utils/shared/library';
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
    // New record fields are optional, so there is no upgrade function. `libraryEditedAt.saved`:
    // sync finds recent unsaves (tombstones) without reading every paper.
    this.version(4).stores({
      papers:
        'id, firstSeenAt, lastSeenAt, savedAt, openedAt, dismissedAt, likedAt, *tagIds, readingState, *codeUrls, unseenUpdateAt, libraryEditedAt.saved',
      tags: 'id, name, updatedAt',
    });
  }
}

/** The extension's one database handle (service worker and popup each get their own instance). */
export const db = new PaperlightDatabase();
