import * as v from 'valibot';
import { LIBRARY_FIELDS, type Tag } from '@/utils/shared/library';
import {
  lastEditOf,
  type SyncedInterests,
  type SyncedPaper,
  type SyncSnapshot,
  syncedInterestsSchema,
  syncedPaperSchema,
  syncedTagSchema,
} from '@/utils/shared/sync/syncRecords';

/**
 * How a snapshot is laid out in `storage.sync`: items `pl.0`, `pl.1`… each a string holding its
 * own part of the snapshot, deflated and written in a JSON-safe base 85. Each item stands alone
 * (the browser's sync may bring items written by different browsers together), and they are
 * filled most recently changed first, so what does not fit the quota is the oldest.
 */

/** Chrome's `storage.sync` limits (Firefox's are the same or looser). */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

export const SYNC_KEY_PREFIX = 'pl.';
export const META_KEY = 'pl.meta';
export const chunkKey = (index: number): string => `${SYNC_KEY_PREFIX}${index}`;
export const isChunkKey = (key: string): boolean => /^pl\.\d+$/.test(key);

/** What `pl.meta` says about the chunks (informational: the chunks are read whatever it says). */
export interface SyncMeta {
  v: 1;
  /** When it was written (ms) and by which browser (a random id of the profile). */
  at: number;
  by: string;
  chunks: number;
  /** Papers in the chunks, and how many the writer had to sync: fewer means it did not all fit. */
  papers: number;
  wanted: number;
}

export const syncMetaSchema = v.object({
  v: v.literal(1),
  at: v.number(),
  by: v.string(),
  chunks: v.number(),
  papers: v.number(),
  wanted: v.number(),
});

/** Kept free for `pl.meta`, and a margin under each limit. */
const META_RESERVE = 300;
const ITEM_MARGIN = 16;
/** A chunk never inflates past this (a corrupt or hostile item cannot fill memory). */
const MAX_INFLATED = 4 * 1024 * 1024;
const FORMAT = '1';

/**
 * The bytes Chrome counts for an item: the key plus the value as its JSON writer writes it
 * (measured against `getBytesInUse` in tests/e2e/sync.e2e.ts): UTF-8; `<` as `\u003C` (hence the
 * alphabet below has none); numbers beyond 32-bit integers as doubles, from 10¹² in exponent
 * form ("1.764713000123e+12"), else with ".0" added.
 */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + jsonBytes(value);
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function jsonBytes(value: unknown): number {
  if (typeof value === 'string') {
    return utf8Length(JSON.stringify(value)) + (value.split('<').length - 1) * 5;
  }
  if (typeof value === 'number') return chromeNumber(value).length;
  if (Array.isArray(value)) {
    return (
      2 + Math.max(0, value.length - 1) + value.reduce((sum, item) => sum + jsonBytes(item), 0)
    );
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return (
      2 +
      Math.max(0, entries.length - 1) +
      entries.reduce((sum, [name, item]) => sum + jsonBytes(name) + 1 + jsonBytes(item), 0)
    );
  }
  return (JSON.stringify(value) ?? '').length;
}

function chromeNumber(value: number): string {
  if (Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31) return String(value);
  if (!Number.isFinite(value)) return 'null';
  const text = Math.abs(value) >= 1e12 ? value.toExponential() : String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

// Z85 (ZeroMQ's base 85: no quote or backslash, so JSON writes it as is), with `~` for `<`.
const ALPHABET =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&~>()[]{}@%$#';
const DIGIT = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Bytes as text: 5 characters per 4 bytes; the first character says how many padding bytes end it. */
export function toBase85(bytes: Uint8Array): string {
  const padding = (4 - (bytes.length % 4)) % 4;
  const padded = new Uint8Array(bytes.length + padding);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let text = String(padding);
  for (let offset = 0; offset < padded.length; offset += 4) {
    let word = view.getUint32(offset);
    let group = '';
    for (let i = 0; i < 5; i++) {
      group = ALPHABET[word % 85] + group;
      word = Math.floor(word / 85);
    }
    text += group;
  }
  return text;
}

export function fromBase85(text: string): Uint8Array {
  const padding = Number(text[0]);
  const body = text.slice(1);
  if (!(padding >= 0 && padding <= 3) || body.length % 5 !== 0) throw new Error('not base 85');
  const bytes = new Uint8Array((body.length / 5) * 4);
  const view = new DataView(bytes.buffer);
  for (let group = 0; group < body.length / 5; group++) {
    let word = 0;
    for (let i = 0; i < 5; i++) {
      const digit = DIGIT.get(body[group * 5 + i] ?? '');
      if (digit === undefined) throw new Error('not base 85');
      word = word * 85 + digit;
    }
    if (word > 0xffff_ffff) throw new Error('not base 85');
    view.setUint32(group * 4, word);
  }
  return bytes.subarray(0, bytes.length - padding);
}

async function pipeBytes(bytes: Uint8Array, stream: TransformStream<Uint8Array, Uint8Array>) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > MAX_INFLATED) {
      await reader.cancel();
      throw new Error('chunk too large');
    }
    parts.push(value);
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** One chunk's content: tags, the interests, papers. */
export interface ChunkContent {
  t?: Tag[];
  i?: SyncedInterests;
  p?: SyncedPaper[];
}

export async function encodeChunk(content: ChunkContent): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(content));
  const deflated = await pipeBytes(
    json,
    new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  return FORMAT + toBase85(deflated);
}

export interface DecodedChunk {
  content: Required<Pick<ChunkContent, 't' | 'p'>> & Pick<ChunkContent, 'i'>;
  /** Entries dropped because they did not pass the schema (a newer or broken writer). */
  skipped: number;
}

const chunkShape = v.object({
  t: v.optional(v.array(v.unknown())),
  i: v.optional(v.unknown()),
  p: v.optional(v.array(v.unknown())),
});

/** Reads a chunk; throws with the reason when it is not one. Bad entries inside are skipped and counted. */
export async function decodeChunk(value: unknown): Promise<DecodedChunk> {
  if (typeof value !== 'string' || !value.startsWith(FORMAT)) {
    throw new Error('not a Paperlight sync chunk (format 1)');
  }
  const inflated = await pipeBytes(
    fromBase85(value.slice(FORMAT.length)),
    new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  const shape = v.parse(chunkShape, JSON.parse(new TextDecoder().decode(inflated)));
  let skipped = 0;
  const valid = <T>(schema: v.GenericSchema<unknown, T>, entries: unknown[] = []) =>
    entries.flatMap((entry) => {
      const result = v.safeParse(schema, entry);
      if (result.success) return [result.output];
      skipped++;
      return [];
    });
  const tags = valid(syncedTagSchema, shape.t);
  const papers = valid(syncedPaperSchema, shape.p);
  const interests = shape.i === undefined ? [] : valid(syncedInterestsSchema, [shape.i]);
  return {
    content: { t: tags, p: papers, ...(interests[0] ? { i: interests[0] } : {}) },
    skipped,
  };
}

/**
 * Only the most recently changed papers carry their title and authors (about 95 bytes a paper
 * stored, against about 20 without): older ones are likelier known on the other browser already,
 * and an arXiv paper without them is filled in from the arXiv API there. Articles (`url:` ids)
 * cannot be filled in, so they keep theirs.
 */
export const TITLED_PAPERS = 300;

function untitled(paper: SyncedPaper): SyncedPaper {
  if (paper.id.startsWith('url:') || (paper.title === undefined && paper.authors === undefined)) {
    return paper;
  }
  const { title: _title, authors: _authors, ...rest } = paper;
  return rest;
}

type Entry =
  | { kind: 'tag'; value: Tag }
  | { kind: 'interests'; value: SyncedInterests }
  | { kind: 'paper'; value: SyncedPaper };

/**
 * What goes first when not everything fits: the interests, the tags (live ones, then deletions;
 * papers refer to them), then papers, most recently changed first. Ties by id, so every browser
 * lays out the same snapshot the same way.
 */
function entriesOf(snapshot: SyncSnapshot): Entry[] {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const tags = [...snapshot.tags].sort(
    (a, b) =>
      Number(a.deletedAt !== undefined) - Number(b.deletedAt !== undefined) ||
      b.updatedAt - a.updatedAt ||
      byId(a, b),
  );
  const papers = [...snapshot.papers]
    .sort((a, b) => lastEditOf(b) - lastEditOf(a) || byId(a, b))
    .map((paper, rank) => (rank < TITLED_PAPERS ? paper : untitled(paper)));
  const { interests } = snapshot;
  return [
    ...(interests ? [{ kind: 'interests' as const, value: canonicalInterests(interests) }] : []),
    ...tags.map((value) => ({ kind: 'tag' as const, value: canonicalTag(value) })),
    ...papers.map((value) => ({ kind: 'paper' as const, value: canonicalPaper(value) })),
  ];
}

// The same content always gives the same item: keys in one order, whatever built the object.
function canonicalPaper(paper: SyncedPaper): SyncedPaper {
  const { id, title, authors, savedAt, tagIds, note, readingState, edited } = paper;
  return {
    id,
    ...(title !== undefined ? { title } : {}),
    ...(authors !== undefined ? { authors } : {}),
    ...(savedAt !== undefined ? { savedAt } : {}),
    ...(tagIds !== undefined ? { tagIds } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(readingState !== undefined ? { readingState } : {}),
    edited: Object.fromEntries(
      LIBRARY_FIELDS.flatMap((field) =>
        edited[field] !== undefined ? [[field, edited[field]]] : [],
      ),
    ),
  };
}

function canonicalTag(tag: Tag): Tag {
  const { id, name, color, createdAt, updatedAt, deletedAt } = tag;
  return {
    id,
    name,
    color,
    createdAt,
    updatedAt,
    ...(deletedAt !== undefined ? { deletedAt } : {}),
  };
}

function canonicalInterests({ value, editedAt }: SyncedInterests): SyncedInterests {
  const { keywords, exclusions, authors, categories } = value;
  return { value: { keywords, exclusions, authors, categories }, editedAt };
}

function contentOf(entries: readonly Entry[]): ChunkContent {
  const tags: Tag[] = [];
  const papers: SyncedPaper[] = [];
  let interests: SyncedInterests | undefined;
  for (const entry of entries) {
    if (entry.kind === 'interests') interests = entry.value;
    else if (entry.kind === 'tag') tags.push(entry.value);
    else papers.push(entry.value);
  }
  return {
    ...(tags.length > 0 ? { t: tags } : {}),
    ...(interests ? { i: interests } : {}),
    ...(papers.length > 0 ? { p: papers } : {}),
  };
}

/** A paper whose note alone is too large for an item syncs without it (the note stays where it is). */
function withoutNote(entry: Entry): Entry | undefined {
  if (entry.kind !== 'paper' || entry.value.edited.note === undefined) return undefined;
  const { note: _note, ...rest } = entry.value;
  const { note: _stamp, ...edited } = rest.edited;
  return { kind: 'paper', value: { ...rest, edited } };
}

export interface PackedSnapshot {
  /** The chunk items to store, `pl.0`… in order. */
  items: Record<string, string>;
  /** Bytes of the chunk items as the quota counts them. */
  bytes: number;
  papers: number;
  /** Papers that did not fit (the oldest changes), and tags. */
  papersLeftOut: number;
  tagsLeftOut: number;
}

export interface SyncBudget {
  bytes: number;
  bytesPerItem: number;
  items: number;
}

export const DEFAULT_BUDGET: SyncBudget = {
  bytes: SYNC_QUOTA.bytes - META_RESERVE,
  bytesPerItem: SYNC_QUOTA.bytesPerItem - ITEM_MARGIN,
  items: SYNC_QUOTA.items - 1,
};

/**
 * Packs a snapshot into as few items as it takes, each as full as it can be, until the quota is
 * used up. Each item holds the longest run of the remaining entries that fits (found by doubling,
 * then halving: about 2·log₂(n) compressions an item).
 */
export async function packSnapshot(
  snapshot: SyncSnapshot,
  budget: SyncBudget = DEFAULT_BUDGET,
): Promise<PackedSnapshot> {
  let entries = entriesOf(snapshot);
  const items: Record<string, string> = {};
  let bytes = 0;
  let papers = 0;
  let index = 0;
  const leftOut: Entry[] = [];
  while (entries.length > 0 && index < budget.items) {
    const key = chunkKey(index);
    const limit = Math.min(budget.bytesPerItem, budget.bytes - bytes);
    const encodeFirst = async (count: number) => {
      const value = await encodeChunk(contentOf(entries.slice(0, count)));
      return { value, size: itemBytes(key, value) };
    };
    let best = await encodeFirst(1);
    if (best.size > limit) {
      if (best.size <= budget.bytesPerItem) break; // the quota is used up
      // Alone too large for any item: without its note, or not at all.
      const smaller = withoutNote(entries[0] as Entry);
      if (!smaller) leftOut.push(entries[0] as Entry);
      entries = smaller ? [smaller, ...entries.slice(1)] : entries.slice(1);
      continue;
    }
    let fits = 1;
    let fails = entries.length + 1;
    let probe = 2;
    while (probe < fails && probe <= entries.length) {
      const tried = await encodeFirst(probe);
      if (tried.size <= limit) {
        fits = probe;
        best = tried;
        probe *= 2;
      } else {
        fails = probe;
      }
    }
    while (fails - fits > 1) {
      const middle = Math.floor((fits + fails) / 2);
      if (middle > entries.length) {
        fails = middle;
        continue;
      }
      const tried = await encodeFirst(middle);
      if (tried.size <= limit) {
        fits = middle;
        best = tried;
      } else {
        fails = middle;
      }
    }
    items[key] = best.value;
    bytes += best.size;
    papers += entries.slice(0, fits).filter((entry) => entry.kind === 'paper').length;
    entries = entries.slice(fits);
    index++;
  }
  leftOut.push(...entries);
  return {
    items,
    bytes,
    papers,
    papersLeftOut: leftOut.filter((entry) => entry.kind === 'paper').length,
    tagsLeftOut: leftOut.filter((entry) => entry.kind === 'tag').length,
  };
}

/** Everything the chunks of a sync area hold, merged as read (a paper in two chunks: both merged by the caller). */
export interface ReadArea {
  chunks: DecodedChunk['content'][];
  /** Items that could not be read, with why (logged; they are rewritten by the next push). */
  unreadable: { key: string; reason: string }[];
  skippedEntries: number;
}

export async function readChunks(area: Record<string, unknown>): Promise<ReadArea> {
  const result: ReadArea = { chunks: [], unreadable: [], skippedEntries: 0 };
  const keys = Object.keys(area)
    .filter(isChunkKey)
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  for (const key of keys) {
    try {
      const decoded = await decodeChunk(area[key]);
      result.chunks.push(decoded.content);
      result.skippedEntries += decoded.skipped;
    } catch (error) {
      result.unreadable.push({
        key,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
