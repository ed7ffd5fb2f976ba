import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import {
  applySyncedPaper,
  mergeInterests,
  mergeSnapshots,
  mergeSyncedPaper,
  mergeTag,
  recordFromSynced,
  unionOfInterests,
} from '@/utils/shared/sync/merge';
import {
  libraryStateOf,
  type SyncedPaper,
  syncedPaperOf,
  TOMBSTONE_TTL_MS,
} from '@/utils/shared/sync/syncRecords';

const T = 1_780_000_000_000;

function stored(overrides: Partial<PaperRecord> = {}): PaperRecord {
  const sighting = {
    kind: 'arxiv-listing' as const,
    label: 'arXiv cs.CL · new',
    url: 'https://arxiv.org/list/cs.CL/new',
    at: T,
    position: 0,
  };
  return {
    id: '2408.00001',
    title: 'Attention is all you need, again',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Emmy Noether'],
    abstract: 'We propose X.',
    categories: ['cs.CL'],
    tldr: 'We propose X.',
    codeUrls: [],
    projectUrls: [],
    firstSeenAt: T,
    lastSeenAt: T,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 1,
    countsAsNew: true,
    ...overrides,
  };
}

describe('merging a paper field by field', () => {
  it('takes each field from the side that changed it last', () => {
    const a: SyncedPaper = {
      id: 'p',
      savedAt: T,
      note: 'from A',
      readingState: 'read',
      edited: { saved: T, note: T + 30, readingState: T + 5 },
    };
    const b: SyncedPaper = {
      id: 'p',
      savedAt: T + 1,
      note: 'from B',
      readingState: 'reading',
      tagIds: ['t1'],
      edited: { saved: T + 1, note: T + 20, readingState: T + 10, tagIds: T + 10 },
    };
    const merged = mergeSyncedPaper(a, b);
    expect(merged).toEqual({
      id: 'p',
      savedAt: T + 1,
      note: 'from A',
      readingState: 'reading',
      tagIds: ['t1'],
      edited: { saved: T + 1, note: T + 30, readingState: T + 10, tagIds: T + 10 },
    });
    // The same whichever side is passed first.
    expect(mergeSyncedPaper(b, a)).toEqual(merged);
  });

  it('propagates an unsave made after the save (a tombstone)', () => {
    const saved: SyncedPaper = { id: 'p', savedAt: T, edited: { saved: T } };
    const unsaved: SyncedPaper = { id: 'p', edited: { saved: T + 60_000 } };
    expect(mergeSyncedPaper(saved, unsaved)).toEqual({ id: 'p', edited: { saved: T + 60_000 } });
    expect(mergeSyncedPaper(unsaved, saved).savedAt).toBeUndefined();
    // Saved again later: saved.
    const again: SyncedPaper = { id: 'p', savedAt: T + 90_000, edited: { saved: T + 90_000 } };
    expect(mergeSyncedPaper(unsaved, again).savedAt).toBe(T + 90_000);
  });

  it('breaks a tie of stamps the same way on both sides, a removal winning', () => {
    const withNote: SyncedPaper = { id: 'p', note: 'keep?', edited: { note: T } };
    const cleared: SyncedPaper = { id: 'p', edited: { note: T } };
    expect(mergeSyncedPaper(withNote, cleared).note).toBeUndefined();
    expect(mergeSyncedPaper(cleared, withNote).note).toBeUndefined();
    const x: SyncedPaper = { id: 'p', note: 'apple', edited: { note: T } };
    const y: SyncedPaper = { id: 'p', note: 'banana', edited: { note: T } };
    expect(mergeSyncedPaper(x, y).note).toBe('banana');
    expect(mergeSyncedPaper(y, x).note).toBe('banana');
  });

  it('merges a paper saved on A and tagged on B into one saved, tagged paper', () => {
    const onA = libraryStateOf(stored({ savedAt: T, libraryEditedAt: { saved: T } }));
    const onB = libraryStateOf(stored({ tagIds: ['tB'], libraryEditedAt: { tagIds: T + 5 } }));
    const merged = mergeSyncedPaper(onA, onB);
    expect(merged).toMatchObject({ savedAt: T, tagIds: ['tB'] });
    expect(mergeSyncedPaper(onB, onA)).toMatchObject({ savedAt: T, tagIds: ['tB'] });
  });

  it('reads the save time of a paper saved before edit stamps existed as its stamp', () => {
    const old = libraryStateOf(stored({ savedAt: T }));
    const unsavedLater: SyncedPaper = { id: old.id, edited: { saved: T + 1 } };
    const unsavedBefore: SyncedPaper = { id: old.id, edited: { saved: T - 1 } };
    expect(mergeSyncedPaper(old, unsavedLater).savedAt).toBeUndefined();
    expect(mergeSyncedPaper(old, unsavedBefore).savedAt).toBe(T);
  });
});

describe('writing a merge into a stored paper', () => {
  it('changes only the library fields and keeps a newer local note', () => {
    const local = stored({
      savedAt: T,
      note: 'mine, newer',
      tagIds: ['t1', 'gone'],
      libraryEditedAt: { saved: T, note: T + 100, tagIds: T },
    });
    const remote: SyncedPaper = {
      id: local.id,
      savedAt: T,
      note: 'theirs, older',
      readingState: 'read',
      tagIds: ['t1', 't2', 'gone'],
      edited: { saved: T, note: T + 50, readingState: T + 70, tagIds: T + 80 },
    };
    const next = applySyncedPaper(
      local,
      mergeSyncedPaper(libraryStateOf(local), remote),
      new Set(['gone']),
    );
    expect(next).toEqual({
      ...local,
      note: 'mine, newer',
      readingState: 'read',
      tagIds: ['t1', 't2'],
      libraryEditedAt: { saved: T, note: T + 100, readingState: T + 70, tagIds: T + 80 },
    });
  });

  it('says "no change" when the area holds what is stored', () => {
    const local = stored({ savedAt: T, libraryEditedAt: { saved: T } });
    const same = syncedPaperOf(local, T) as SyncedPaper;
    expect(applySyncedPaper(local, mergeSyncedPaper(libraryStateOf(local), same), new Set())).toBe(
      undefined,
    );
  });

  it('makes a record for a paper saved elsewhere, with the synced title and authors', () => {
    const record = recordFromSynced(
      {
        id: '2408.00009',
        title: 'A paper seen on the laptop',
        authors: ['Jane Doe'],
        savedAt: T,
        tagIds: ['t1'],
        edited: { saved: T, tagIds: T },
      },
      new Set(),
      T + 5,
    );
    expect(record).toMatchObject({
      id: '2408.00009',
      title: 'A paper seen on the laptop',
      authors: ['Jane Doe'],
      savedAt: T,
      tagIds: ['t1'],
      libraryEditedAt: { saved: T, tagIds: T },
      firstSighting: { kind: 'synced', url: 'https://arxiv.org/abs/2408.00009' },
    });
    expect(record?.placeholder).toBeUndefined();
    // Without a title it is a placeholder, filled in later; an unsave of an unknown paper makes nothing.
    expect(
      recordFromSynced({ id: '2408.00010', savedAt: T, edited: { saved: T } }, new Set(), T),
    ).toMatchObject({ title: 'arXiv:2408.00010', placeholder: true });
    expect(recordFromSynced({ id: '2408.00011', edited: { saved: T } }, new Set(), T)).toBe(
      undefined,
    );
  });
});

describe('what a stored paper syncs', () => {
  it('a saved paper: cut title, three authors, stamped fields only', () => {
    const synced = syncedPaperOf(
      stored({
        title: 'x'.repeat(500),
        savedAt: T,
        note: 'n',
        libraryEditedAt: { saved: T, note: T + 1 },
      }),
      T,
    );
    expect(synced?.title).toHaveLength(160);
    expect(synced?.authors).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(synced?.note).toBe('n');
    expect(synced?.edited).toEqual({ saved: T, note: T + 1 });
  });

  it('an unsave: a bare tombstone for 90 days, then nothing', () => {
    const unsaved = stored({ note: 'kept here', libraryEditedAt: { saved: T, note: T } });
    expect(syncedPaperOf(unsaved, T + 1000)).toEqual({ id: unsaved.id, edited: { saved: T } });
    expect(syncedPaperOf(unsaved, T + TOMBSTONE_TTL_MS + 1)).toBeUndefined();
    expect(syncedPaperOf(stored(), T)).toBeUndefined();
  });
});

describe('tags and interests', () => {
  const tag: Tag = { id: 't1', name: 'Diffusion', color: 'blue', createdAt: T, updatedAt: T };

  it('keeps the later rename, and a deletion over any later edit', () => {
    const renamed = { ...tag, name: 'Diffusion models', updatedAt: T + 10 };
    expect(mergeTag(tag, renamed)).toBe(renamed);
    expect(mergeTag(renamed, tag)).toBe(renamed);
    const deleted = { ...tag, deletedAt: T + 5, updatedAt: T + 5 };
    expect(mergeTag(renamed, deleted)).toBe(deleted);
    expect(mergeTag(deleted, renamed)).toBe(deleted);
    const recoloured = { ...tag, color: 'red' as const };
    expect(mergeTag(tag, recoloured)).toEqual(mergeTag(recoloured, tag));
  });

  it('merges whole snapshots: deleted tags and unsaves reach the other side', () => {
    const a = {
      tags: [tag],
      papers: [{ id: 'p1', savedAt: T, edited: { saved: T } }],
    };
    const b = {
      tags: [{ ...tag, deletedAt: T + 1, updatedAt: T + 1 }],
      papers: [
        { id: 'p1', edited: { saved: T + 2 } },
        { id: 'p2', savedAt: T, edited: { saved: T } },
      ],
    };
    const merged = mergeSnapshots(a, b);
    expect(merged.tags).toEqual([{ ...tag, deletedAt: T + 1, updatedAt: T + 1 }]);
    expect(merged.papers.find((paper) => paper.id === 'p1')?.savedAt).toBeUndefined();
    expect(merged.papers.map((paper) => paper.id).sort()).toEqual(['p1', 'p2']);
  });

  it('keeps the later interests, and the union when two browsers first meet', () => {
    const mine = { keywords: ['diffusion'], exclusions: [], authors: [], categories: ['cs.LG'] };
    const theirs = { keywords: ['Diffusion', 'rlhf'], exclusions: [], authors: [], categories: [] };
    expect(
      mergeInterests({ value: mine, editedAt: 2 }, { value: theirs, editedAt: 1 })?.value,
    ).toBe(mine);
    expect(unionOfInterests(mine, theirs)).toEqual({
      keywords: ['diffusion', 'rlhf'],
      exclusions: [],
      authors: [],
      categories: ['cs.LG'],
    });
  });
});
