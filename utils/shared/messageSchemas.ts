import * as v from 'valibot';
import { articleId, isArticleId } from '@/utils/shared/articleId';
import { isArxivId } from '@/utils/shared/arxivId';
import { ARTICLE_LIMITS } from '@/utils/shared/pageReaderResult';
import {
  DETECTED_SOURCE_KINDS,
  type DetectedPaper,
  LIMITS,
  LISTING_SECTIONS,
} from '@/utils/shared/paper';
import {
  MAX_FILL_IN_IDS,
  type MessageName,
  type Payload,
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
