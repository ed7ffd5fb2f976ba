import {
  cleanTagName,
  LIBRARY_LIMITS,
  type LibraryField,
  type ReadingState,
  TAG_COLORS,
  type Tag,
  type TagColor,
  tagNameKey,
} from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { LibrarySnapshot } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * The library's writes: tags, notes, reading states, bulk saving and its undo. Each runs in one
 * transaction and stamps `libraryEditedAt[field]` on every paper whose field it changes (sync and
 * import merge by these stamps). Adding a tag or writing a note on an unsaved paper saves it: the
 * user is keeping it, and retention never prunes a saved paper.
 */

const TAG_ID_LENGTH = 16;

/** "t" + 16 random base-36 characters. */
export function newTagId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TAG_ID_LENGTH));
  return `t${Array.from(bytes, (byte) => (byte % 36).toString(36)).join('')}`;
}

/** What a paper looks like with `fields` changed at `now`, or undefined when nothing changes. */
function edited(
  paper: PaperRecord,
  changes: Partial<Pick<PaperRecord, 'savedAt' | 'tagIds' | 'note' | 'readingState'>>,
  now: number,
): PaperRecord | undefined {
  const next: PaperRecord = { ...paper, libraryEditedAt: { ...paper.libraryEditedAt } };
  let changed = false;
  const stamp = (field: LibraryField) => {
    changed = true;
    (next.libraryEditedAt as Record<LibraryField, number>)[field] = now;
  };
  if ('savedAt' in changes && (changes.savedAt === undefined) !== (paper.savedAt === undefined)) {
    if (changes.savedAt === undefined) delete next.savedAt;
    else next.savedAt = changes.savedAt;
    stamp('saved');
  }
  if ('tagIds' in changes && !sameIds(changes.tagIds ?? [], paper.tagIds ?? [])) {
    if (changes.tagIds === undefined || changes.tagIds.length === 0) delete next.tagIds;
    else next.tagIds = [...changes.tagIds];
    stamp('tagIds');
  }
  if ('note' in changes && (changes.note ?? '') !== (paper.note ?? '')) {
    if (!changes.note) delete next.note;
    else next.note = changes.note;
    stamp('note');
  }
  if ('readingState' in changes && changes.readingState !== paper.readingState) {
    if (changes.readingState === undefined) delete next.readingState;
    else next.readingState = changes.readingState;
    stamp('readingState');
  }
  return changed ? next : undefined;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

async function papersOrThrow(
  database: PaperlightDatabase,
  ids: readonly string[],
): Promise<PaperRecord[]> {
  const unique = [...new Set(ids)];
  const papers = await database.papers.bulkGet(unique);
  const missing = unique.find((_, index) => papers[index] === undefined);
  if (missing !== undefined) throw new Error(`unknown paper ${missing}`);
  return papers as PaperRecord[];
}

async function putChanged(
  database: PaperlightDatabase,
  papers: readonly (PaperRecord | undefined)[],
): Promise<number> {
  const changed = papers.filter((paper): paper is PaperRecord => paper !== undefined);
  if (changed.length > 0) await database.papers.bulkPut(changed);
  return changed.length;
}

async function liveTags(database: PaperlightDatabase): Promise<Tag[]> {
  return (await database.tags.toArray()).filter((tag) => tag.deletedAt === undefined);
}

async function liveTag(database: PaperlightDatabase, id: string): Promise<Tag> {
  const tag = await database.tags.get(id);
  if (!tag || tag.deletedAt !== undefined) throw new Error(`unknown tag ${id}`);
  return tag;
}

function nameOrThrow(name: string, live: readonly Tag[], exceptId?: string): string {
  const cleaned = cleanTagName(name);
  if (cleaned === '') throw new Error('a tag needs a name');
  const key = tagNameKey(cleaned);
  const clash = live.find((tag) => tag.id !== exceptId && tagNameKey(tag.name) === key);
  if (clash) throw new Error(`a tag named "${clash.name}" exists already`);
  return cleaned;
}

export async function createTag(
  database: PaperlightDatabase,
  input: { name: string; color?: TagColor },
  now: number,
): Promise<Tag> {
  return database.transaction('rw', database.tags, async () => {
    const live = await liveTags(database);
    if (live.length >= LIBRARY_LIMITS.tags) {
      throw new Error(`at most ${LIBRARY_LIMITS.tags} tags`);
    }
    const tag: Tag = {
      id: newTagId(),
      name: nameOrThrow(input.name, live),
      color: input.color ?? TAG_COLORS[live.length % TAG_COLORS.length] ?? 'gray',
      createdAt: now,
      updatedAt: now,
    };
    await database.tags.add(tag);
    return tag;
  });
}

export async function updateTag(
  database: PaperlightDatabase,
  input: { id: string; name?: string; color?: TagColor },
  now: number,
): Promise<Tag> {
  return database.transaction('rw', database.tags, async () => {
    const tag = await liveTag(database, input.id);
    const name =
      input.name === undefined
        ? tag.name
        : nameOrThrow(input.name, await liveTags(database), tag.id);
    const color = input.color ?? tag.color;
    if (name === tag.name && color === tag.color) return tag;
    const next: Tag = { ...tag, name, color, updatedAt: now };
    await database.tags.put(next);
    return next;
  });
}

/** Tombstones the tag and removes its id from every paper (found through the tagIds index). */
export async function deleteTag(
  database: PaperlightDatabase,
  id: string,
  now: number,
): Promise<{ changed: number }> {
  return database.transaction('rw', database.tags, database.papers, async () => {
    const tag = await liveTag(database, id);
    await database.tags.put({ ...tag, deletedAt: now, updatedAt: now });
    const papers = await database.papers.where('tagIds').equals(id).toArray();
    const changed = await putChanged(
      database,
      papers.map((paper) =>
        edited(paper, { tagIds: (paper.tagIds ?? []).filter((tagId) => tagId !== id) }, now),
      ),
    );
    return { changed };
  });
}

/** Papers carrying any of `from` carry `into` instead (once); the `from` tags become tombstones. */
export async function mergeTags(
  database: PaperlightDatabase,
  input: { from: readonly string[]; into: string },
  now: number,
): Promise<{ changed: number }> {
  const from = [...new Set(input.from)].filter((id) => id !== input.into);
  if (from.length === 0) throw new Error('nothing to merge');
  return database.transaction('rw', database.tags, database.papers, async () => {
    await liveTag(database, input.into);
    const merged = await Promise.all(from.map((id) => liveTag(database, id)));
    await database.tags.bulkPut(merged.map((tag) => ({ ...tag, deletedAt: now, updatedAt: now })));
    const gone = new Set(from);
    const papers = await database.papers.where('tagIds').anyOf(from).distinct().toArray();
    const changed = await putChanged(
      database,
      papers.map((paper) => {
        const tagIds: string[] = [];
        for (const tagId of paper.tagIds ?? []) {
          const kept = gone.has(tagId) ? input.into : tagId;
          if (!tagIds.includes(kept)) tagIds.push(kept);
        }
        return edited(paper, { tagIds }, now);
      }),
    );
    return { changed };
  });
}

/** Adds and removes tags on papers; refused as a whole when a paper would carry too many. */
export async function setTags(
  database: PaperlightDatabase,
  input: { ids: readonly string[]; add?: readonly string[]; remove?: readonly string[] },
  now: number,
): Promise<{ changed: number }> {
  const add = [...new Set(input.add ?? [])];
  const remove = new Set(input.remove ?? []);
  return database.transaction('rw', database.tags, database.papers, async () => {
    for (const id of add) await liveTag(database, id);
    const papers = await papersOrThrow(database, input.ids);
    const changed = await putChanged(
      database,
      papers.map((paper) => {
        const tagIds = (paper.tagIds ?? []).filter((id) => !remove.has(id));
        for (const id of add) if (!remove.has(id) && !tagIds.includes(id)) tagIds.push(id);
        if (tagIds.length > LIBRARY_LIMITS.tagsPerPaper) {
          throw new Error(`at most ${LIBRARY_LIMITS.tagsPerPaper} tags on a paper`);
        }
        const added = tagIds.some((id) => !paper.tagIds?.includes(id));
        return edited(
          paper,
          added && paper.savedAt === undefined ? { tagIds, savedAt: now } : { tagIds },
          now,
        );
      }),
    );
    return { changed };
  });
}

/** The note as stored: '' (or only white space) removes it. */
export async function setNote(
  database: PaperlightDatabase,
  input: { id: string; note: string },
  now: number,
): Promise<{ changed: number }> {
  const note = input.note.trim() === '' ? '' : input.note;
  return database.transaction('rw', database.papers, async () => {
    const [paper] = await papersOrThrow(database, [input.id]);
    if (!paper) return { changed: 0 };
    const saves = note !== '' && paper.savedAt === undefined;
    return {
      changed: await putChanged(database, [
        edited(paper, saves ? { note, savedAt: now } : { note }, now),
      ]),
    };
  });
}

export async function setReadingState(
  database: PaperlightDatabase,
  input: { ids: readonly string[]; state: ReadingState },
  now: number,
): Promise<{ changed: number }> {
  return database.transaction('rw', database.papers, async () => {
    const papers = await papersOrThrow(database, input.ids);
    return {
      changed: await putChanged(
        database,
        papers.map((paper) => edited(paper, { readingState: input.state }, now)),
      ),
    };
  });
}

/** Saves (keeping an earlier save's date) or unsaves papers; tags, note and state are kept. */
export async function setSavedMany(
  database: PaperlightDatabase,
  input: { ids: readonly string[]; saved: boolean },
  now: number,
): Promise<{ changed: number }> {
  return database.transaction('rw', database.papers, async () => {
    const papers = await papersOrThrow(database, input.ids);
    return {
      changed: await putChanged(
        database,
        papers.map((paper) =>
          edited(paper, { savedAt: input.saved ? (paper.savedAt ?? now) : undefined }, now),
        ),
      ),
    };
  });
}

/**
 * Puts papers' library fields back as they were (the undo of a bulk action): each item is the
 * whole state, so a field it leaves out is cleared. Tags deleted since are left out.
 */
export async function restoreLibrary(
  database: PaperlightDatabase,
  input: { items: readonly LibrarySnapshot[] },
  now: number,
): Promise<{ changed: number }> {
  return database.transaction('rw', database.tags, database.papers, async () => {
    const papers = await papersOrThrow(
      database,
      input.items.map((item) => item.id),
    );
    const byId = new Map(papers.map((paper) => [paper.id, paper]));
    const tagIds = [...new Set(input.items.flatMap((item) => item.tagIds ?? []))];
    const tags = await database.tags.bulkGet(tagIds);
    const live = new Set(
      tags.filter((tag) => tag !== undefined && tag.deletedAt === undefined).map((tag) => tag?.id),
    );
    return {
      changed: await putChanged(
        database,
        input.items.map((item) => {
          const paper = byId.get(item.id);
          if (!paper) return undefined;
          // An unsave undone gives back the original save date.
          return edited(
            paper,
            {
              savedAt: item.savedAt,
              tagIds: (item.tagIds ?? []).filter((id) => live.has(id)),
              note: item.note ?? '',
              readingState: item.readingState,
            },
            now,
          );
        }),
      ),
    };
  });
}

/** The watch's updates of these papers have been seen (they stay listed on the paper). */
export async function markUpdatesSeen(
  database: PaperlightDatabase,
  input: { ids: readonly string[] },
): Promise<{ changed: number }> {
  return database.transaction('rw', database.papers, async () => {
    const papers = await database.papers.bulkGet([...new Set(input.ids)]);
    const changed = papers
      .filter((paper): paper is PaperRecord => paper?.unseenUpdateAt !== undefined)
      .map(({ unseenUpdateAt: _seen, ...paper }) => paper as PaperRecord);
    if (changed.length > 0) await database.papers.bulkPut(changed);
    return { changed: changed.length };
  });
}
