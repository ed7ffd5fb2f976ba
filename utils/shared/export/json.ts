import * as v from 'valibot';
import { isArticleId } from '@/utils/shared/articleId';
import { isArxivId } from '@/utils/shared/arxivId';
import {
  cleanTagName,
  LIBRARY_FIELDS,
  LIBRARY_LIMITS,
  READING_STATES,
  TAG_COLORS,
  type Tag,
} from '@/utils/shared/library';
import { ARTICLE_LIMITS } from '@/utils/shared/pageReaderResult';
import { LIMITS, LISTING_SECTIONS, SOURCE_KINDS } from '@/utils/shared/paper';
import { type PaperRecord, withoutDerivedFields } from '@/utils/shared/paperRecord';
import { IMPORT_MAX_CHARS } from '@/utils/shared/protocol';
import { httpUrl } from '@/utils/shared/url';

/**
 * Paperlight JSON, the lossless export (README "Data format"):
 * `{"format":"paperlight","version":1,"exportedAt":"<ISO time>","papers":[PaperRecord…],"tags":[Tag…]}`,
 * every stored field of every record and tag (tag tombstones included; fields the database
 * derives, such as list keys, left out), papers and tags ordered by
 * id, each object's keys in alphabetical order, one paper per line: the same database always
 * gives the same bytes (but for `exportedAt`).
 *
 * `version` grows whenever a field is added to PaperRecord or Tag. An import takes the versions
 * it knows and refuses a newer one ("made by a newer Paperlight"), and within a version refuses
 * unknown fields: a field it cannot store would otherwise be dropped without a word.
 */

export const PAPERLIGHT_FORMAT = 'paperlight';
export const PAPERLIGHT_JSON_VERSION = 1;

export const IMPORT_MAX_PAPERS = 200_000;

/** JSON with each object's keys sorted, so equal records give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort())
      sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toPaperlightJson(
  papers: readonly PaperRecord[],
  tags: readonly Tag[],
  exportedAt: number,
): string {
  const head = `{"format":"${PAPERLIGHT_FORMAT}","version":${PAPERLIGHT_JSON_VERSION},"exportedAt":${JSON.stringify(new Date(exportedAt).toISOString())}`;
  const list = (items: readonly object[]) =>
    items.length === 0 ? '[]' : `[\n${items.map(stableStringify).join(',\n')}\n]`;
  return `${head},\n"papers":${list(papers.map(withoutDerivedFields).sort(byId))},\n"tags":${list([...tags].sort(byId))}}\n`;
}

// ——— the schema of a version-1 file ———

const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max));
const url = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.check((raw) => httpUrl(raw) !== undefined, 'must be an http(s) URL'),
);
const paperId = v.pipe(
  v.string(),
  v.check((id) => isArxivId(id) || isArticleId(id), 'must be an arXiv id or a url: id'),
);
const tagId = v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/, 'must be a tag id'));

const sightingSchema = v.strictObject({
  kind: v.picklist(SOURCE_KINDS),
  label: text(LIMITS.label),
  url,
  at: time,
  position: count,
  section: v.optional(v.picklist(LISTING_SECTIONS)),
  listingDay: v.optional(text(LIMITS.listingDay)),
  viewId: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/))),
});

const relevanceSchema = v.strictObject({
  score: v.pipe(v.number(), v.finite()),
  matched: v.boolean(),
  reasons: list(text(LIMITS.label), 100),
  excludedBy: v.optional(text(LIMITS.label)),
  learned: list(
    v.strictObject({
      feature: text(LIMITS.label),
      label: text(LIMITS.label),
      weight: v.pipe(v.number(), v.finite()),
    }),
    20,
  ),
  coldStart: v.boolean(),
});

const paperSchema = v.strictObject({
  id: paperId,
  title: text(Math.max(LIMITS.title, ARTICLE_LIMITS.title)),
  authors: list(text(LIMITS.authorName), LIMITS.authors),
  abstract: v.optional(text(LIMITS.abstract)),
  comments: v.optional(text(LIMITS.comments)),
  primaryCategory: v.optional(text(LIMITS.category)),
  categories: list(text(LIMITS.category), LIMITS.categories),
  hf: v.optional(
    v.strictObject({
      upvotes: v.optional(count),
      githubRepo: v.optional(url),
      projectPage: v.optional(url),
      aiSummary: v.optional(text(LIMITS.hfText)),
      dailyDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    }),
  ),
  tldr: text(LIMITS.abstract),
  codeUrls: list(url, 100),
  projectUrls: list(url, 100),
  firstSeenAt: time,
  lastSeenAt: time,
  firstSighting: sightingSchema,
  lastSighting: sightingSchema,
  sightingCount: count,
  savedAt: v.optional(time),
  countsAsNew: v.boolean(),
  article: v.optional(
    v.strictObject({
      url,
      siteName: text(ARTICLE_LIMITS.siteName),
      keySentences: list(text(ARTICLE_LIMITS.sentence), ARTICLE_LIMITS.keySentences),
      readingMinutes: v.pipe(count, v.maxValue(ARTICLE_LIMITS.readingMinutes)),
    }),
  ),
  placeholder: v.optional(v.literal(true)),
  openedAt: v.optional(time),
  lastOpenedAt: v.optional(time),
  dismissedAt: v.optional(time),
  likedAt: v.optional(time),
  relevance: v.optional(relevanceSchema),
  tagIds: v.optional(list(tagId, LIBRARY_LIMITS.tagsPerPaper)),
  note: v.optional(text(LIBRARY_LIMITS.note)),
  readingState: v.optional(v.picklist(READING_STATES)),
  libraryEditedAt: v.optional(
    v.strictObject(
      Object.fromEntries(LIBRARY_FIELDS.map((field) => [field, v.optional(time)])) as {
        [K in (typeof LIBRARY_FIELDS)[number]]: v.OptionalSchema<typeof time, undefined>;
      },
    ),
  ),
  latestVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  journalRef: v.optional(text(LIMITS.comments)),
  doi: v.optional(text(300)),
  updates: v.optional(
    list(
      v.strictObject({
        kind: v.picklist(['version', 'comments', 'journal-ref', 'doi', 'code']),
        at: time,
        text: text(LIMITS.comments),
        url: v.optional(url),
      }),
      500,
    ),
  ),
  unseenUpdateAt: v.optional(time),
  watchedAt: v.optional(time),
});

const tagSchema = v.strictObject({
  id: tagId,
  name: v.pipe(
    v.string(),
    v.minLength(1),
    v.check((name) => cleanTagName(name) === name, 'must be a cleaned tag name'),
  ),
  color: v.picklist(TAG_COLORS),
  createdAt: time,
  updatedAt: time,
  deletedAt: v.optional(time),
});

const fileSchema = v.strictObject({
  format: v.literal(PAPERLIGHT_FORMAT),
  version: v.literal(PAPERLIGHT_JSON_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  papers: list(paperSchema, IMPORT_MAX_PAPERS),
  tags: list(tagSchema, LIBRARY_LIMITS.tags * 10),
});

export interface PaperlightFile {
  papers: PaperRecord[];
  tags: Tag[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses JSON text, with a readable reason when it is not JSON (a truncated file, say). */
export function parseJsonText(text: string): Parsed<unknown> {
  if (text.length > IMPORT_MAX_CHARS) {
    return {
      ok: false,
      error: `The file is too large (more than ${IMPORT_MAX_CHARS / 1024 / 1024} MB).`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The file is not valid JSON (damaged or cut short?): ${reason.slice(0, 120)}`,
    };
  }
}

/** A Paperlight export, checked field by field; nothing of a file that fails is used. */
export function parsePaperlightJson(text: string): Parsed<PaperlightFile> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const doc = json.value as { format?: unknown; version?: unknown };
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    doc.format !== PAPERLIGHT_FORMAT
  ) {
    return { ok: false, error: 'This is not a Paperlight export (no "format": "paperlight").' };
  }
  if (typeof doc.version === 'number' && doc.version > PAPERLIGHT_JSON_VERSION) {
    return {
      ok: false,
      error: `This export was made by a newer Paperlight (format version ${doc.version}); update Paperlight to import it.`,
    };
  }
  const result = v.safeParse(fileSchema, doc);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return {
      ok: false,
      error: `The export is damaged: ${where ?? 'file'}: ${issue?.message ?? 'invalid'}`.slice(
        0,
        300,
      ),
    };
  }
  const papers = result.output.papers as PaperRecord[];
  const ids = new Set<string>();
  for (const paper of papers) {
    if (ids.has(paper.id))
      return { ok: false, error: `The export is damaged: paper ${paper.id} appears twice.` };
    ids.add(paper.id);
  }
  return { ok: true, value: { papers, tags: result.output.tags as Tag[] } };
}
