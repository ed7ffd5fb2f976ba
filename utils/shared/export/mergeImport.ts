import { stableStringify } from '@/utils/shared/export/json';
import type { ImportedPaper, Skipped } from '@/utils/shared/export/paperMemory';
import {
  LIBRARY_LIMITS,
  type LibraryEditedAt,
  type LibraryField,
  type Tag,
  tagNameKey,
} from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * How an import merges into what is stored: pure, so the service worker runs it inside one
 * transaction and tests run it on plain objects.
 *
 * - Library fields (saved, tags, note, reading state), field by field: the later
 *   `libraryEditedAt` stamp wins. A saved paper without a 'saved' stamp counts as saved at its
 *   `savedAt`, so an import without a newer 'saved' stamp never unsaves it. Equal stamps: saved
 *   beats unsaved, else the value whose JSON sorts last (the same winner whichever side is local,
 *   so importing twice changes nothing).
 * - What Paperlight observed (sightings, dates, links, versions): first seen is the earlier,
 *   last seen the later, links and updates the union, a field only the file has is filled in.
 *   "Not interested", "more like this" and the ranking stay as this browser has them.
 * - Tags: by id, else by name (`tagNameKey`) among live tags, else added. An import never
 *   deletes a live tag; a tag deleted here comes back only when the file's copy is newer.
 */

export interface IncomingBatch {
  papers: ImportedPaper[];
  tags: Tag[];
}

export interface MergeResult {
  papers: PaperRecord[];
  tags: Tag[];
  added: number;
  updated: number;
  unchanged: number;
  tagsAdded: number;
  skipped: Skipped[];
}

export interface MergeContext {
  /** Stored records of the incoming ids (absent: not stored). */
  stored: ReadonlyMap<string, PaperRecord>;
  /** Every stored tag, tombstones included. */
  storedTags: readonly Tag[];
  now: number;
  newTagId: () => string;
}

const NONE = Number.NEGATIVE_INFINITY;

function stampOf(paper: PaperRecord, field: LibraryField): number {
  const stamp = paper.libraryEditedAt?.[field];
  if (stamp !== undefined) return stamp;
  return field === 'saved' && paper.savedAt !== undefined ? paper.savedAt : NONE;
}

type ValueField = 'tagIds' | 'note' | 'readingState';

function setOrDelete<K extends keyof PaperRecord>(
  record: PaperRecord,
  key: K,
  value: PaperRecord[K],
) {
  if (value === undefined) delete record[key];
  else record[key] = value;
}

function mergeLibrary(out: PaperRecord, local: PaperRecord, incoming: PaperRecord): void {
  const stamps: LibraryEditedAt = { ...local.libraryEditedAt };
  const explicit = (field: LibraryField) =>
    local.libraryEditedAt?.[field] !== undefined || incoming.libraryEditedAt?.[field] !== undefined;

  const ls = stampOf(local, 'saved');
  const is = stampOf(incoming, 'saved');
  const localSaved = local.savedAt !== undefined;
  const incomingSaved = incoming.savedAt !== undefined;
  const saved = is > ls ? incomingSaved : is < ls ? localSaved : localSaved || incomingSaved;
  const savedAt = saved
    ? Math.min(...[local.savedAt, incoming.savedAt].filter((at): at is number => at !== undefined))
    : undefined;
  setOrDelete(out, 'savedAt', savedAt);
  if (explicit('saved')) stamps.saved = Math.max(ls, is);

  for (const field of ['tagIds', 'note', 'readingState'] as const satisfies ValueField[]) {
    const l = stampOf(local, field);
    const i = stampOf(incoming, field);
    let takeIncoming = i > l;
    if (i === l) {
      takeIncoming =
        stableStringify(incoming[field] ?? null) > stableStringify(local[field] ?? null);
    }
    if (takeIncoming) setOrDelete(out, field, incoming[field] as never);
    if (explicit(field)) stamps[field] = Math.max(l, i);
  }
  if (Object.keys(stamps).length > 0) out.libraryEditedAt = stamps;
}

const FILLED_IN = [
  'abstract',
  'comments',
  'primaryCategory',
  'hf',
  'article',
  'journalRef',
  'doi',
  'relevance',
] as const;

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** One stored record merged with the file's copy of it. */
export function mergeRecord(local: PaperRecord, incoming: PaperRecord): PaperRecord {
  const out: PaperRecord = { ...local };
  if (incoming.firstSeenAt < local.firstSeenAt) {
    out.firstSeenAt = incoming.firstSeenAt;
    out.firstSighting = incoming.firstSighting;
  }
  if (incoming.lastSeenAt > local.lastSeenAt) {
    out.lastSeenAt = incoming.lastSeenAt;
    out.lastSighting = incoming.lastSighting;
  }
  out.sightingCount = Math.max(local.sightingCount, incoming.sightingCount);
  if (local.placeholder && !incoming.placeholder) {
    out.title = incoming.title;
    out.authors = incoming.authors;
    delete out.placeholder;
  }
  for (const key of FILLED_IN) {
    if (out[key] === undefined && incoming[key] !== undefined) {
      (out as unknown as Record<string, unknown>)[key] = incoming[key];
    }
  }
  if (!out.tldr && incoming.tldr) out.tldr = incoming.tldr;
  if (out.categories.length === 0) out.categories = incoming.categories;
  out.codeUrls = union(local.codeUrls, incoming.codeUrls);
  out.projectUrls = union(local.projectUrls, incoming.projectUrls);
  const earliest = [local.openedAt, incoming.openedAt].filter((t): t is number => t !== undefined);
  if (earliest.length > 0) out.openedAt = Math.min(...earliest);
  const latest = [local.lastOpenedAt, incoming.lastOpenedAt].filter(
    (t): t is number => t !== undefined,
  );
  if (latest.length > 0) out.lastOpenedAt = Math.max(...latest);
  for (const key of ['latestVersion', 'watchedAt'] as const) {
    const values = [local[key], incoming[key]].filter((t): t is number => t !== undefined);
    if (values.length > 0) out[key] = Math.max(...values);
  }
  if (incoming.updates?.length) {
    const seen = new Map<string, NonNullable<PaperRecord['updates']>[number]>();
    for (const update of [...(local.updates ?? []), ...incoming.updates]) {
      seen.set(stableStringify([update.kind, update.at, update.text]), update);
    }
    out.updates = [...seen.values()].sort((a, b) => a.at - b.at);
  }
  mergeLibrary(out, local, incoming);
  return out;
}

interface TagBook {
  byId: Map<string, Tag>;
  liveByKey: Map<string, Tag>;
  changed: Map<string, Tag>;
  liveCount: number;
}

function mergeTags(
  book: TagBook,
  incoming: readonly Tag[],
  skipped: Skipped[],
): { idMap: Map<string, string>; added: number } {
  const idMap = new Map<string, string>();
  let added = 0;
  const put = (tag: Tag) => {
    book.byId.set(tag.id, tag);
    book.changed.set(tag.id, tag);
  };
  for (const tag of [...incoming].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = tagNameKey(tag.name);
    const known = book.byId.get(tag.id);
    const sameName = book.liveByKey.get(key);
    if (known) {
      if (known.deletedAt === undefined) {
        idMap.set(tag.id, known.id);
        // A newer name or colour is taken, unless the name belongs to another live tag.
        const renameClash = sameName !== undefined && sameName.id !== known.id;
        if (tag.deletedAt === undefined && tag.updatedAt > known.updatedAt && !renameClash) {
          const merged = { ...known, name: tag.name, color: tag.color, updatedAt: tag.updatedAt };
          book.liveByKey.delete(tagNameKey(known.name));
          book.liveByKey.set(key, merged);
          put(merged);
        }
      } else if (tag.deletedAt === undefined && tag.updatedAt > known.updatedAt) {
        if (sameName) idMap.set(tag.id, sameName.id);
        else {
          const revived: Tag = { ...tag, createdAt: Math.min(tag.createdAt, known.createdAt) };
          book.liveByKey.set(key, revived);
          book.liveCount++;
          idMap.set(tag.id, tag.id);
          put(revived);
        }
      } else if (tag.deletedAt !== undefined && tag.updatedAt > known.updatedAt) {
        put({ ...known, ...tag });
      }
      continue;
    }
    if (tag.deletedAt !== undefined) {
      put(tag); // kept as the tombstone it is: sync and later imports need it
      continue;
    }
    if (sameName) {
      idMap.set(tag.id, sameName.id);
      continue;
    }
    if (book.liveCount >= LIBRARY_LIMITS.tags) {
      skipped.push({ id: `tag ${tag.name}`, reason: `more than ${LIBRARY_LIMITS.tags} tags` });
      continue;
    }
    book.liveByKey.set(key, tag);
    book.liveCount++;
    idMap.set(tag.id, tag.id);
    put(tag);
    added++;
  }
  return { idMap, added };
}

/** Merges an import into the stored papers and tags: what to write, and the counts. */
export function mergeImport(batch: IncomingBatch, context: MergeContext): MergeResult {
  const skipped: Skipped[] = [];
  const book: TagBook = { byId: new Map(), liveByKey: new Map(), changed: new Map(), liveCount: 0 };
  for (const tag of context.storedTags) {
    book.byId.set(tag.id, tag);
    if (tag.deletedAt === undefined) {
      book.liveByKey.set(tagNameKey(tag.name), tag);
      book.liveCount++;
    }
  }
  const { idMap, added: fileTagsAdded } = mergeTags(book, batch.tags, skipped);
  let tagsAdded = fileTagsAdded;
  const tagIdByName = (name: string): string | undefined => {
    const key = tagNameKey(name);
    const known = book.liveByKey.get(key);
    if (known) return known.id;
    if (book.liveCount >= LIBRARY_LIMITS.tags) {
      skipped.push({ id: `tag ${name}`, reason: `more than ${LIBRARY_LIMITS.tags} tags` });
      return undefined;
    }
    const tag: Tag = {
      id: context.newTagId(),
      name,
      color: 'gray',
      createdAt: context.now,
      updatedAt: context.now,
    };
    book.byId.set(tag.id, tag);
    book.changed.set(tag.id, tag);
    book.liveByKey.set(key, tag);
    book.liveCount++;
    tagsAdded++;
    return tag.id;
  };

  const papers: PaperRecord[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { record, tagNames } of batch.papers) {
    const mapped = [
      ...(record.tagIds ?? []).map((id) => idMap.get(id)),
      ...tagNames.map(tagIdByName),
    ].filter((id): id is string => id !== undefined);
    const incoming: PaperRecord = { ...record };
    if (record.tagIds !== undefined || mapped.length > 0) {
      incoming.tagIds = [...new Set(mapped)].slice(0, LIBRARY_LIMITS.tagsPerPaper);
    }
    const local = context.stored.get(record.id);
    if (!local) {
      papers.push(incoming);
      added++;
      continue;
    }
    const merged = mergeRecord(local, incoming);
    if (stableStringify(merged) === stableStringify(local)) unchanged++;
    else {
      papers.push(merged);
      updated++;
    }
  }
  return {
    papers,
    tags: [...book.changed.values()],
    added,
    updated,
    unchanged,
    tagsAdded,
    skipped,
  };
}
