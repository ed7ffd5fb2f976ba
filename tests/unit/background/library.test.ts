import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordPageDetection } from '@/utils/background/paperStore';
import type { Tag } from '@/utils/shared/library';
import type { MessageName, Payload, Reply, Response } from '@/utils/shared/protocol';
import { PaperlightDatabase } from '@/utils/storage/database';

const T0 = new Date(2026, 10, 27, 12, 0, 0).getTime();
let database: PaperlightDatabase;
let clock: number;

beforeEach(async () => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`library-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  clock = T0;
  await recordPageDetection(
    database,
    page(['2611.00001', '2611.00002', '2611.00003'].map((id) => detectedPaper(id))),
    T0 - 1000,
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

async function send<K extends MessageName>(
  type: K,
  payload: Payload<K>,
  from: 'extension-page' | 'content-script' = 'extension-page',
): Promise<Reply<K>> {
  clock += 1000;
  return (await handleMessage(database, { type, payload }, () => clock, { from })) as Reply<K>;
}

async function ok<K extends MessageName>(type: K, payload: Payload<K>): Promise<Response<K>> {
  const reply = await send(type, payload);
  if (!reply.ok) throw new Error(`${type} refused: ${reply.error}`);
  return reply.data;
}

async function refusal<K extends MessageName>(type: K, payload: Payload<K>): Promise<string> {
  const reply = await send(type, payload);
  if (reply.ok) throw new Error(`${type} was accepted`);
  return reply.error;
}

const paper = async (id: string) => {
  const record = await database.papers.get(id);
  if (!record) throw new Error(`no ${id}`);
  return record;
};

describe('tags', () => {
  it('creates a tag with a clean name and a random id, and refuses a name taken ignoring case and accents', async () => {
    const tag = await ok('createTag', { name: '  Diffusion   models ', color: 'teal' });
    expect(tag).toMatchObject({ name: 'Diffusion models', color: 'teal', createdAt: T0 + 1000 });
    expect(tag.id).toMatch(/^t[0-9a-z]{16}$/);
    expect(await database.tags.get(tag.id)).toEqual(tag);

    expect(await refusal('createTag', { name: 'DIFFUSION MODELS' })).toMatch(/exists already/);
    await ok('createTag', { name: 'Résumé' });
    expect(await refusal('createTag', { name: 'resume' })).toMatch(/exists already/);
    expect(await refusal('createTag', { name: '   ' })).toMatch(/name/);
    expect(await database.tags.count()).toBe(2);
  });

  it('renames and recolours a tag, and refuses a rename onto another live tag', async () => {
    const a = await ok('createTag', { name: 'rl' });
    const b = await ok('createTag', { name: 'vision' });
    const renamed = await ok('updateTag', { id: a.id, name: 'RL', color: 'red' });
    expect(renamed).toMatchObject({ id: a.id, name: 'RL', color: 'red', updatedAt: T0 + 3000 });
    expect(await refusal('updateTag', { id: a.id, name: 'Vision' })).toMatch(/exists already/);
    expect((await database.tags.get(a.id))?.name).toBe('RL');
    // A deleted tag's name is free again.
    await ok('deleteTag', { id: b.id });
    expect((await ok('updateTag', { id: a.id, name: 'vision' })).name).toBe('vision');
  });

  it('deleting a tag leaves a tombstone and takes it off the papers that carry it, stamping them', async () => {
    const a = await ok('createTag', { name: 'a' });
    const b = await ok('createTag', { name: 'b' });
    await ok('setTags', { ids: ['2611.00001', '2611.00002'], add: [a.id, b.id] });
    const result = await ok('deleteTag', { id: a.id });
    const deletedAt = clock;
    expect(result.changed).toBe(2);
    expect(await database.tags.get(a.id)).toMatchObject({ deletedAt, updatedAt: deletedAt });
    expect((await paper('2611.00001')).tagIds).toEqual([b.id]);
    expect((await paper('2611.00001')).libraryEditedAt?.tagIds).toBe(deletedAt);
    expect((await paper('2611.00003')).libraryEditedAt).toBeUndefined();
    expect(await database.papers.where('tagIds').equals(a.id).count()).toBe(0);
    expect(await refusal('setTags', { ids: ['2611.00003'], add: [a.id] })).toMatch(/unknown tag/);
  });

  it('merging moves papers to the kept tag once and tombstones the merged ones', async () => {
    const keep = await ok('createTag', { name: 'keep' });
    const one = await ok('createTag', { name: 'one' });
    const two = await ok('createTag', { name: 'two' });
    await ok('setTags', { ids: ['2611.00001'], add: [one.id, keep.id, two.id] });
    await ok('setTags', { ids: ['2611.00002'], add: [two.id] });
    const result = await ok('mergeTags', { from: [one.id, two.id], into: keep.id });
    expect(result.changed).toBe(2);
    expect((await paper('2611.00001')).tagIds).toEqual([keep.id]);
    expect((await paper('2611.00002')).tagIds).toEqual([keep.id]);
    expect((await database.tags.get(one.id))?.deletedAt).toBe(clock);
    expect((await database.tags.get(two.id))?.deletedAt).toBe(clock);
    expect((await database.tags.get(keep.id))?.deletedAt).toBeUndefined();
  });

  it('setTags adds in order without duplicates, removes, saves an unsaved paper it tags, and counts only changes', async () => {
    const a = await ok('createTag', { name: 'a' });
    const b = await ok('createTag', { name: 'b' });
    expect((await ok('setTags', { ids: ['2611.00001'], add: [b.id, a.id] })).changed).toBe(1);
    const taggedAt = clock;
    expect(await paper('2611.00001')).toMatchObject({
      tagIds: [b.id, a.id],
      savedAt: taggedAt,
      libraryEditedAt: { tagIds: taggedAt, saved: taggedAt },
    });
    expect((await ok('setTags', { ids: ['2611.00001'], add: [a.id] })).changed).toBe(0);
    expect((await ok('setTags', { ids: ['2611.00001'], remove: [b.id] })).changed).toBe(1);
    expect(await paper('2611.00001')).toMatchObject({
      tagIds: [a.id],
      savedAt: taggedAt,
      libraryEditedAt: { tagIds: clock, saved: taggedAt },
    });
    await ok('setTags', { ids: ['2611.00001'], remove: [a.id] });
    expect((await paper('2611.00001')).tagIds).toBeUndefined();
  });

  it('refuses a tag list over the per-paper limit as a whole', async () => {
    const tags: Tag[] = [];
    for (let index = 0; index < 51; index += 1) {
      tags.push(await ok('createTag', { name: `tag ${index}` }));
    }
    await ok('setTags', { ids: ['2611.00002'], add: tags.slice(0, 50).map((tag) => tag.id) });
    expect(
      await refusal('setTags', { ids: ['2611.00001', '2611.00002'], add: [tags[50]?.id ?? ''] }),
    ).toMatch(/at most 50/);
    expect((await paper('2611.00001')).tagIds).toBeUndefined();
  });
});

describe('notes, reading states, bulk saving and undo', () => {
  it('keeps a note as written, saves the paper, and removes an empty one', async () => {
    const note = '<img src=x onerror=alert(1)>\n  second line';
    await ok('setNote', { id: '2611.00001', note });
    expect(await paper('2611.00001')).toMatchObject({
      note,
      savedAt: clock,
      libraryEditedAt: { note: clock, saved: clock },
    });
    await ok('setNote', { id: '2611.00001', note: '  ' });
    expect((await paper('2611.00001')).note).toBeUndefined();
    expect(await refusal('setNote', { id: '2611.09999', note: 'x' })).toMatch(/unknown paper/);
  });

  it('sets a reading state on several papers and stamps only those that changed', async () => {
    await ok('setReadingState', { ids: ['2611.00001'], state: 'read' });
    const first = clock;
    const result = await ok('setReadingState', {
      ids: ['2611.00001', '2611.00002'],
      state: 'read',
    });
    expect(result.changed).toBe(1);
    expect((await paper('2611.00001')).libraryEditedAt?.readingState).toBe(first);
    expect((await paper('2611.00002')).libraryEditedAt?.readingState).toBe(clock);
    expect(await database.papers.where('readingState').equals('read').count()).toBe(2);
  });

  it('bulk unsave then restoreLibrary gives back the saved dates, tags, notes and states', async () => {
    const tag = await ok('createTag', { name: 'keep' });
    await ok('setSavedMany', { ids: ['2611.00001', '2611.00002'], saved: true });
    const savedAt = clock;
    await ok('setTags', { ids: ['2611.00001'], add: [tag.id] });
    await ok('setNote', { id: '2611.00002', note: 'mine' });
    await ok('setReadingState', { ids: ['2611.00002'], state: 'reading' });
    const before = await Promise.all(['2611.00001', '2611.00002'].map(paper));
    const snapshot = before.map(({ id, savedAt, tagIds, readingState, note }) => ({
      id,
      ...(savedAt !== undefined ? { savedAt } : {}),
      ...(tagIds ? { tagIds } : {}),
      ...(readingState ? { readingState } : {}),
      ...(note !== undefined ? { note } : {}),
    }));

    await ok('setTags', { ids: ['2611.00001', '2611.00002'], remove: [tag.id] });
    expect(
      (await ok('setSavedMany', { ids: ['2611.00001', '2611.00002'], saved: false })).changed,
    ).toBe(2);
    const unsavedAt = clock;
    expect(await paper('2611.00002')).toMatchObject({
      note: 'mine',
      readingState: 'reading',
      libraryEditedAt: { saved: unsavedAt },
    });
    expect((await paper('2611.00002')).savedAt).toBeUndefined();

    expect((await ok('restoreLibrary', { items: snapshot })).changed).toBe(2);
    expect(await paper('2611.00001')).toMatchObject({ savedAt, tagIds: [tag.id] });
    expect(await paper('2611.00002')).toMatchObject({
      savedAt,
      note: 'mine',
      readingState: 'reading',
    });
    expect((await paper('2611.00001')).libraryEditedAt).toMatchObject({
      saved: clock,
      tagIds: clock,
    });
  });

  it('restoreLibrary leaves out tags deleted since the snapshot', async () => {
    const tag = await ok('createTag', { name: 'gone' });
    await ok('deleteTag', { id: tag.id });
    await ok('restoreLibrary', { items: [{ id: '2611.00001', savedAt: T0, tagIds: [tag.id] }] });
    expect((await paper('2611.00001')).tagIds).toBeUndefined();
    expect((await paper('2611.00001')).savedAt).toBe(T0);
  });

  it('markUpdatesSeen clears the unseen mark and keeps the updates', async () => {
    await database.papers.update('2611.00001', {
      updates: [{ kind: 'version', at: T0, text: 'v2' }],
      unseenUpdateAt: T0,
    });
    expect((await ok('markUpdatesSeen', { ids: ['2611.00001', '2611.00002'] })).changed).toBe(1);
    expect((await paper('2611.00001')).unseenUpdateAt).toBeUndefined();
    expect((await paper('2611.00001')).updates).toHaveLength(1);
    expect(await database.papers.where('unseenUpdateAt').above(0).count()).toBe(0);
  });

  it('setSaved stamps the saved field on a change only; an unsave keeps the stamp', async () => {
    await ok('setSaved', { id: '2611.00003', saved: true });
    const savedAt = clock;
    await ok('setSaved', { id: '2611.00003', saved: true });
    expect((await paper('2611.00003')).libraryEditedAt).toEqual({ saved: savedAt });
    await ok('setSaved', { id: '2611.00003', saved: false });
    expect((await paper('2611.00003')).libraryEditedAt).toEqual({ saved: clock });
  });
});

describe('validation', () => {
  it.each([
    ['createTag', { name: 'x'.repeat(241) }],
    ['createTag', { name: 'ok', color: 'plaid' }],
    ['updateTag', { id: 'not-a-tag', name: 'x' }],
    ['setTags', { ids: [], add: [] }],
    ['setTags', { ids: ['javascript:alert(1)'], add: [] }],
    ['setNote', { id: '2611.00001', note: 'x'.repeat(20_001) }],
    ['setNote', { id: '2611.00001', note: 'x', extra: 1 }],
    ['setReadingState', { ids: ['2611.00001'], state: 'done' }],
    ['restoreLibrary', { items: [{ id: '2611.00001', savedAt: -1 }] }],
    ['mergeTags', { from: [], into: 'tabcdefghijklmnop' }],
  ])('refuses %s %j and changes nothing', async (type, payload) => {
    const reply = await handleMessage(database, { type, payload }, () => clock);
    expect(reply.ok).toBe(false);
    expect(await database.tags.count()).toBe(0);
    expect((await paper('2611.00001')).note).toBeUndefined();
  });

  it('refuses library messages from a content script', async () => {
    const reply = await send('setNote', { id: '2611.00001', note: 'x' }, 'content-script');
    expect(reply).toEqual({ ok: false, error: 'setNote: not accepted from a content script' });
    expect((await paper('2611.00001')).note).toBeUndefined();
  });
});
