import {
  chunkKey,
  decodeChunk,
  encodeChunk,
  fromBase85,
  itemBytes,
  packSnapshot,
  readChunks,
  SYNC_QUOTA,
  TITLED_PAPERS,
  toBase85,
} from '@/utils/shared/sync/syncChunks';
import type { SyncedPaper } from '@/utils/shared/sync/syncRecords';

const T = 1_780_000_000_000;

/** Deterministic, poorly compressible text (a xorshift), so sizes are like real titles'. */
function noise(seed: number) {
  let state = seed || 1;
  return (length: number) => {
    let text = '';
    for (let i = 0; i < length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      text += 'abcdefghijklmnopqrstuvwxyz    '[Math.abs(state) % 30];
    }
    return text;
  };
}

/** Saved papers, each saved after the one before (at irregular times, as people do). */
function savedPapers(count: number, seed = 7): SyncedPaper[] {
  const text = noise(seed);
  const digits = () => [...text(9)].map((char) => char.charCodeAt(0) % 10).join('');
  let at = T;
  return Array.from({ length: count }, () => {
    const id = digits();
    at += 1000 + Number(id.slice(5)) * 1000;
    return {
      id: `${id.slice(0, 4)}.${id.slice(4)}`,
      title: text(70),
      authors: [text(14), text(14)],
      savedAt: at,
      edited: { saved: at },
    };
  });
}

it('writes bytes as text JSON keeps as is, and reads them back', () => {
  for (const length of [0, 1, 2, 3, 4, 5, 255]) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) % 256);
    const text = toBase85(bytes);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text).not.toMatch(/[<\\"]/);
    expect(fromBase85(text)).toEqual(bytes);
  }
  expect(toBase85(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toHaveLength(1 + 5);
});

it('round-trips a chunk: tags, interests and papers come back equal', async () => {
  const content = {
    t: [{ id: 't1', name: 'Diffusion', color: 'blue' as const, createdAt: T, updatedAt: T }],
    i: {
      value: { keywords: ['diffusion'], exclusions: [], authors: ['Y. Bengio'], categories: [] },
      editedAt: T,
    },
    p: [
      ...savedPapers(3),
      {
        id: 'url:https://example.org/post',
        note: 'ünïcödé — ∑ <b>text</b>',
        edited: { note: T },
      },
      { id: '2408.99999', edited: { saved: T } },
    ],
  };
  const value = await encodeChunk(content);
  expect((await decodeChunk(value)).content).toEqual(content);
});

it('refuses what is not a chunk, and skips malformed entries inside one', async () => {
  await expect(decodeChunk(42)).rejects.toThrow(/not a Paperlight sync chunk/);
  await expect(decodeChunk('1not base85!')).rejects.toThrow();
  const bad = await encodeChunk({
    p: [
      { id: 'ok', edited: { saved: T } },
      { id: 'bad', edited: { saved: 'yesterday' } } as unknown as SyncedPaper,
    ],
  });
  const decoded = await decodeChunk(bad);
  expect(decoded.content.p.map((paper) => paper.id)).toEqual(['ok']);
  expect(decoded.skipped).toBe(1);
  const area = await readChunks({ 'pl.0': bad, 'pl.1': 'garbage', 'other.key': 1 });
  expect(area.chunks).toHaveLength(1);
  expect(area.unreadable).toEqual([{ key: 'pl.1', reason: expect.any(String) }]);
});

it('counts bytes as Chrome does: key + JSON, `<` as six', () => {
  expect(itemBytes('pl.0', 'abc')).toBe(4 + 5);
  expect(itemBytes('k', '<')).toBe(1 + 8);
  expect(itemBytes('k', 'é')).toBe(1 + 4);
  // Sizes Chromium's getBytesInUse gave for one item under the key 'k'.
  expect(itemBytes('k', 1780000000000)).toBe(9);
  expect(itemBytes('k', 2147483647)).toBe(11);
  expect(itemBytes('k', 2147483648)).toBe(13);
  expect(itemBytes('k', 1.5)).toBe(4);
  expect(itemBytes('k', { v: 1 })).toBe(8);
});

it('packs a small library in one item that reads back whole', async () => {
  const papers = savedPapers(20);
  const packed = await packSnapshot({ tags: [], papers });
  expect(Object.keys(packed.items)).toEqual(['pl.0']);
  expect(packed.papersLeftOut).toBe(0);
  const read = await readChunks(packed.items);
  expect(read.chunks[0]?.p).toHaveLength(20);
});

it('keeps every item under 8 KB and all under 100 KB; what is left out is the oldest', async () => {
  const papers = savedPapers(7000);
  const packed = await packSnapshot({ tags: [], papers });
  const sizes = Object.entries(packed.items).map(([key, value]) => itemBytes(key, value));
  expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_QUOTA.bytes - 256);
  expect(packed.papersLeftOut).toBeGreaterThan(0);
  expect(packed.papers + packed.papersLeftOut).toBe(7000);
  const read = await readChunks(packed.items);
  const synced = read.chunks.flatMap((chunk) => chunk.p.map((paper) => paper.id));
  // The newest (highest savedAt: last made) are the ones synced, newest first.
  const newestFirst = papers.map((paper) => paper.id).reverse();
  expect(synced).toEqual(newestFirst.slice(0, packed.papers));
  // Only the most recent carry a title.
  const titled = read.chunks.flatMap((chunk) => chunk.p).filter((paper) => paper.title);
  expect(titled).toHaveLength(TITLED_PAPERS);
  expect(packed.items[chunkKey(0)]).toBeDefined();
});

it('syncs a paper whose note alone is larger than an item without the note', async () => {
  const huge: SyncedPaper = {
    id: '2408.00001',
    savedAt: T,
    note: noise(3)(19_000),
    edited: { saved: T, note: T + 1 },
  };
  const packed = await packSnapshot({ tags: [], papers: [huge, ...savedPapers(2)] });
  const read = await readChunks(packed.items);
  const papers = read.chunks.flatMap((chunk) => chunk.p);
  expect(papers.find((paper) => paper.id === huge.id)).toEqual({
    id: huge.id,
    savedAt: T,
    edited: { saved: T },
  });
  expect(papers).toHaveLength(3);
});
