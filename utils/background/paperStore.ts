import { mergePaper } from '@/utils/background/mergePaper';
import { statusOf } from '@/utils/background/paperStatus';
import { openedPaperId } from '@/utils/shared/arxivId';
import type { DetectedPaper, PageDetection } from '@/utils/shared/paper';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import type { PaperStatus } from '@/utils/shared/protocol';
import type { Relevance } from '@/utils/shared/ranking/types';
import { startOfLocalDay } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * Stores one page's papers in a single transaction, merging each into what is already known.
 * Returns each paper's status as it was before this page view (for the page marks).
 */
export async function recordPageDetection(
  database: PaperlightDatabase,
  detection: PageDetection,
  now: number,
  scoring?: Scoring,
): Promise<PaperStatus[]> {
  return (await recordDetection(database, detection, now, undefined, scoring)).statuses;
}

/**
 * How stored papers get their relevance: `rank` scores a merged record (interests and the learned
 * model, see utils/background/ranking.ts); papers first seen before `seenBoundary` count as seen.
 */
export interface Scoring {
  rank: (record: PaperRecord) => Relevance;
  seenBoundary: number;
}

export interface RecordedDetection {
  /** Each paper's status before this sighting, in the detection's order. */
  statuses: PaperStatus[];
  /** How many papers were not known before. */
  added: number;
  /** How many of those count toward the badge. */
  addedCountingAsNew: number;
}

/**
 * The one merge path for pages and feeds: stores a detection in a single transaction.
 * `countsAsNew` decides, for papers not known yet, whether they count toward the badge
 * (default: all do; the background digest passes false for feed replacements).
 */
export async function recordDetection(
  database: PaperlightDatabase,
  detection: PageDetection,
  now: number,
  countsAsNew: (paper: DetectedPaper) => boolean = () => true,
  scoring?: Scoring,
): Promise<RecordedDetection> {
  const boundary = scoring?.seenBoundary ?? startOfLocalDay(now);
  const ids = detection.papers.map((paper) => paper.id);
  const openedHere = openedPaperId(detection.source.url);
  return database.transaction('rw', database.papers, async () => {
    const existing = await database.papers.bulkGet(ids);
    const merged = new Map<string, PaperRecord>();
    let added = 0;
    let addedCountingAsNew = 0;
    detection.papers.forEach((paper, position) => {
      if (merged.has(paper.id)) return; // a page listing the same paper twice counts once
      // This page view was stored already: the same message, sent again after the worker stopped.
      if (detection.viewId && existing[position]?.lastSighting.viewId === detection.viewId) return;
      const sighting: Sighting = {
        kind: detection.source.kind,
        label: detection.source.label,
        url: detection.source.url,
        at: now,
        position,
        ...(paper.section ? { section: paper.section } : {}),
        ...(paper.listingDay ? { listingDay: paper.listingDay } : {}),
        ...(detection.viewId ? { viewId: detection.viewId } : {}),
      };
      const before = existing[position];
      const record = mergePaper(before, paper, sighting, countsAsNew(paper));
      if (!before) {
        added++;
        if (record.countsAsNew) addedCountingAsNew++;
      }
      // The page is this paper's own (abs, html, HF paper page): the user opened it.
      if (openedHere === paper.id) {
        record.openedAt ??= now;
        record.lastOpenedAt = now;
      }
      if (scoring) record.relevance = scoring.rank(record);
      merged.set(paper.id, record);
    });
    await database.papers.bulkPut([...merged.values()]);
    return {
      statuses: ids.map((id, index) => {
        // Saved, seen and opened as before this view; relevance and code links as now.
        const before = statusOf(existing[index], id, boundary);
        const after = merged.get(id);
        if (!after) return before;
        const { relevance } = after;
        const hasCode = after.codeUrls.length > 0;
        return { ...before, hasCode, ...(relevance ? { relevance } : {}) };
      }),
      added,
      addedCountingAsNew,
    };
  });
}

/** Saves or unsaves a known paper; saving twice keeps the first save time. */
export async function setPaperSaved(
  database: PaperlightDatabase,
  id: string,
  saved: boolean,
  now: number,
): Promise<PaperStatus> {
  return database.transaction('rw', database.papers, async () => {
    const record = await database.papers.get(id);
    if (!record) throw new Error(`unknown paper ${id}`);
    // A change of the saved state is a library edit: stamped for sync and import (an unsave's
    // stamp is its tombstone).
    const libraryEditedAt = { ...record.libraryEditedAt, saved: now };
    if (saved && record.savedAt === undefined) {
      await database.papers.update(id, { savedAt: now, libraryEditedAt });
    } else if (!saved && record.savedAt !== undefined) {
      await database.papers.update(id, { savedAt: undefined, libraryEditedAt });
    }
    return statusOf(
      { ...record, savedAt: saved ? (record.savedAt ?? now) : undefined },
      id,
      startOfLocalDay(now),
    );
  });
}
