import { newTagId as libraryTagId } from '@/utils/background/library';
import { parsePaperlightJson } from '@/utils/shared/export/json';
import { type IncomingBatch, mergeImport } from '@/utils/shared/export/mergeImport';
import { parsePaperMemory, type Skipped } from '@/utils/shared/export/paperMemory';
import type { ImportFormat, ImportReport } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';

/** At most this many skip reasons travel back in a report (all are counted and logged). */
const REPORTED_SKIPS = 50;

/**
 * Reads an export (Paperlight JSON or PaperMemory), then merges it into the library in one
 * transaction. A file that fails validation throws before anything is read from or written to
 * the database; a failure while writing rolls the whole import back.
 */
export async function importLibrary(
  database: PaperlightDatabase,
  input: { format: ImportFormat; text: string },
  now: number,
  newTagId: () => string = libraryTagId,
): Promise<ImportReport> {
  let batch: IncomingBatch;
  const skippedBeforeMerge: Skipped[] = [];
  if (input.format === 'paperlight') {
    const parsed = parsePaperlightJson(input.text);
    if (!parsed.ok) throw new Error(parsed.error);
    batch = {
      papers: parsed.value.papers.map((record) => ({ record, tagNames: [] })),
      tags: parsed.value.tags,
    };
  } else {
    const parsed = parsePaperMemory(input.text);
    if (!parsed.ok) throw new Error(parsed.error);
    if (parsed.value.papers.length === 0 && parsed.value.skipped.length > 0) {
      throw new Error(
        `Nothing in this PaperMemory export could be imported (${parsed.value.skipped[0]?.reason}).`,
      );
    }
    batch = { papers: parsed.value.papers, tags: [] };
    skippedBeforeMerge.push(...parsed.value.skipped);
  }

  const result = await database.transaction('rw', database.papers, database.tags, async () => {
    const ids = batch.papers.map((paper) => paper.record.id);
    const [stored, storedTags] = await Promise.all([
      database.papers.bulkGet(ids),
      database.tags.toArray(),
    ]);
    const storedById = new Map(stored.flatMap((record) => (record ? [[record.id, record]] : [])));
    const merged = mergeImport(batch, { stored: storedById, storedTags, now, newTagId });
    if (merged.tags.length > 0) await database.tags.bulkPut(merged.tags);
    if (merged.papers.length > 0) await database.papers.bulkPut(merged.papers);
    return merged;
  });

  const skipped = [...skippedBeforeMerge, ...result.skipped];
  for (const skip of skipped)
    console.info(`[Paperlight] import skipped ${skip.id}: ${skip.reason}`);
  return {
    format: input.format,
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged,
    tagsAdded: result.tagsAdded,
    skipped: skipped.length,
    skipReasons: skipped.slice(0, REPORTED_SKIPS),
  };
}
