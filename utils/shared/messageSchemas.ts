import * as v from 'valibot';
import { articleId, isArticleId } from '@/utils/shared/articleId';
import { isArxivId } from '@/utils/shared/arxivId';
import { LIBRARY_LIMITS, READING_STATES, TAG_COLORS } from '@/utils/shared/library';
import { ARTICLE_LIMITS } from '@/utils/shared/pageReaderResult';
import {
  DETECTED_SOURCE_KINDS,
  type DetectedPaper,
  LIMITS,
  LISTING_SECTIONS,
} from '@/utils/shared/paper';
import {
  IMPORT_FORMATS,
  IMPORT_MAX_CHARS,
  MAX_FILL_IN_IDS,
  MAX_LIBRARY_IDS,
  type MessageName,
  type Payload,
  SEARCH_LIMITS,
  type ValidatedMessage,
} from '@/utils/shared/protocol';
import { httpUrl } from '@/utils/shared/url';

/** The schema of every message's payload (utils/shared/protocol.ts), checked by the background. */

const httpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  // Senders pass URLs as the URL parser writes them, never with surrounding spaces.
  v.check((url) => url === url.trim() && httpUrl(url) !== undefined, 'must be an http(s) URL'),
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const arxivId = v.pipe(
  v.string(),
  v.check((id) => isArxivId(id), 'must be a bare arXiv id'),
);

const hfInfoSchema = v.strictObject({
  upvotes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  githubRepo: v.optional(httpUrlSchema),
  projectPage: v.optional(httpUrlSchema),
  aiSummary: v.optional(text(LIMITS.hfText)),
  dailyDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
});

const detectedPaperSchema = v.strictObject({
  id: arxivId,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.title)),
  authors: v.pipe(v.array(text(LIMITS.authorName)), v.maxLength(LIMITS.authors)),
  abstract: v.optional(text(LIMITS.abstract)),
  comments: v.optional(text(LIMITS.comments)),
  primaryCategory: v.optional(text(LIMITS.category)),
  categories: v.optional(v.pipe(v.array(text(LIMITS.category)), v.maxLength(LIMITS.categories))),
  section: v.optional(v.picklist(LISTING_SECTIONS)),
  listingDay: v.optional(text(LIMITS.listingDay)),
  hf: v.optional(hfInfoSchema),
});

const pageDetectionSchema = v.strictObject({
  source: v.strictObject({
    // Pages the content script reads, and the feeds the background digest fetches (its papers
    // are checked against this same schema before they are stored).
    kind: v.picklist(DETECTED_SOURCE_KINDS),
    label: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.label)),
    url: httpUrlSchema,
  }),
  papers: v.pipe(v.array(detectedPaperSchema), v.maxLength(LIMITS.papersPerPage)),
  viewId: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/))),
});

const articleIdSchema = v.pipe(
  v.string(),
  v.check(isArticleId, 'must be a url: id with an http(s) URL'),
);

const saveArticleSchema = v.strictObject({
  // The background stores it under articleId(url): refused here when there would be none.
  url: v.pipe(
    httpUrlSchema,
    v.check((url) => articleId(url) !== undefined, 'must be an http(s) URL'),
  ),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.title)),
  byline: text(ARTICLE_LIMITS.byline),
  siteName: text(ARTICLE_LIMITS.siteName),
  keySentences: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.sentence))),
    v.maxLength(ARTICLE_LIMITS.keySentences),
  ),
  readingMinutes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0),
    v.maxValue(ARTICLE_LIMITS.readingMinutes),
  ),
});

const pagePapersFoundSchema = v.strictObject({
  url: httpUrlSchema,
  ids: v.pipe(v.array(arxivId), v.minLength(1), v.maxLength(LIMITS.papersPerPage)),
});

const fillInSchema = v.strictObject({
  ids: v.pipe(v.array(arxivId), v.minLength(1), v.maxLength(MAX_FILL_IN_IDS)),
});

const paperIdSchema = v.union([arxivId, articleIdSchema]);
const paperIdsSchema = v.pipe(v.array(paperIdSchema), v.minLength(1), v.maxLength(MAX_LIBRARY_IDS));
const tagIdSchema = v.pipe(v.string(), v.regex(/^t[0-9a-z]{16}$/, 'must be a tag id'));
const tagIdsSchema = (min: number) =>
  v.pipe(v.array(tagIdSchema), v.minLength(min), v.maxLength(LIBRARY_LIMITS.tagsPerPaper));
const tagNameSchema = v.pipe(
  v.string(),
  v.maxLength(LIBRARY_LIMITS.tagName * 4),
  v.check((name) => name.trim() !== '', 'a tag needs a name'),
);
const tagColorSchema = v.picklist(TAG_COLORS);
const readingStateSchema = v.picklist(READING_STATES);
const noteSchema = v.pipe(v.string(), v.maxLength(LIBRARY_LIMITS.note));
const savedAtSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

const libraryRequestSchemas = {
  createTag: v.strictObject({ name: tagNameSchema, color: v.optional(tagColorSchema) }),
  updateTag: v.strictObject({
    id: tagIdSchema,
    name: v.optional(tagNameSchema),
    color: v.optional(tagColorSchema),
  }),
  deleteTag: v.strictObject({ id: tagIdSchema }),
  mergeTags: v.strictObject({
    from: v.pipe(v.array(tagIdSchema), v.minLength(1), v.maxLength(LIBRARY_LIMITS.tags)),
    into: tagIdSchema,
  }),
  setTags: v.strictObject({
    ids: paperIdsSchema,
    add: v.optional(tagIdsSchema(0)),
    remove: v.optional(tagIdsSchema(0)),
  }),
  setNote: v.strictObject({ id: paperIdSchema, note: noteSchema }),
  setReadingState: v.strictObject({ ids: paperIdsSchema, state: readingStateSchema }),
  setSavedMany: v.strictObject({ ids: paperIdsSchema, saved: v.boolean() }),
  restoreLibrary: v.strictObject({
    items: v.pipe(
      v.array(
        v.strictObject({
          id: paperIdSchema,
          savedAt: v.optional(savedAtSchema),
          tagIds: v.optional(tagIdsSchema(0)),
          readingState: v.optional(readingStateSchema),
          note: v.optional(noteSchema),
        }),
      ),
      v.minLength(1),
      v.maxLength(MAX_LIBRARY_IDS),
    ),
  }),
  markUpdatesSeen: v.strictObject({ ids: paperIdsSchema }),
};

const requestSchemas = {
  pageDetected: pageDetectionSchema,
  setSaved: v.strictObject({ id: v.union([arxivId, articleIdSchema]), saved: v.boolean() }),
  popupOpened: v.strictObject({}),
  fetchNow: v.strictObject({}),
  saveArticle: saveArticleSchema,
  pagePapersFound: pagePapersFoundSchema,
  fillIn: fillInSchema,
  paperStatuses: v.strictObject({
    ids: v.pipe(v.array(arxivId), v.maxLength(LIMITS.papersPerPage)),
  }),
  setDismissed: v.strictObject({ id: v.union([arxivId, articleIdSchema]), dismissed: v.boolean() }),
  setLiked: v.strictObject({ id: v.union([arxivId, articleIdSchema]), liked: v.boolean() }),
  followAuthor: v.strictObject({
    id: arxivId,
    author: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.authorName)),
  }),
  markAllSeen: v.strictObject({}),
  searchLibrary: v.strictObject({
    query: text(SEARCH_LIMITS.query),
    scope: v.picklist(['all', 'saved']),
    limit: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SEARCH_LIMITS.ids)),
    ),
  }),
  ...libraryRequestSchemas,
  importLibrary: v.strictObject({
    format: v.picklist(IMPORT_FORMATS),
    text: v.pipe(
      v.string(),
      v.minLength(1, 'the file is empty'),
      v.maxLength(IMPORT_MAX_CHARS, 'the file is too large'),
    ),
  }),
  watchSavedNow: v.strictObject({}),
  syncNow: v.strictObject({}),
} satisfies { [K in MessageName]: v.GenericSchema<unknown, Payload<K>> };

/** Checks an incoming message against the protocol; returns it typed, or the reason it is refused. */
export function validateMessage(
  message: unknown,
): { ok: true; message: ValidatedMessage } | { ok: false; error: string } {
  if (typeof message !== 'object' || message === null) return { ok: false, error: 'not an object' };
  const extra = Object.keys(message).find((key) => key !== 'type' && key !== 'payload');
  if (extra !== undefined) {
    return { ok: false, error: `unexpected field ${JSON.stringify(extra).slice(0, 60)}` };
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return {
      ok: false,
      error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`,
    };
  }
  const name = type as MessageName;
  const result = v.safeParse(requestSchemas[name], payload);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return { ok: false, error: `${name}: ${where ?? 'payload'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, message: { type: name, payload: result.output } as ValidatedMessage };
}

/** Whether one paper passes the same schema as a page's papers (used for fetched metadata). */
export function isValidPaper(paper: unknown): paper is DetectedPaper {
  return v.is(detectedPaperSchema, paper);
}
