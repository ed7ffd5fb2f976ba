import { articleId } from '@/utils/shared/articleId';
import { arxivIdFrom } from '@/utils/shared/arxivId';
import { extractLinks } from '@/utils/shared/codeLinks';
import { type Parsed, parseJsonText } from '@/utils/shared/export/json';
import { cleanTagName, LIBRARY_LIMITS, type LibraryEditedAt } from '@/utils/shared/library';
import { ARTICLE_LIMITS } from '@/utils/shared/pageReaderResult';
import { cleanText, LIMITS } from '@/utils/shared/paper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { httpUrl } from '@/utils/shared/url';

/**
 * A PaperMemory export (the JSON its options page downloads: `{"<paper id>": {…paper}, …,
 * "__dataVersion": n}`) read as Paperlight records. Every PaperMemory paper is one its user kept,
 * so each becomes a saved item: arXiv papers under their arXiv id (from the PaperMemory id, PDF
 * link or URL), others (ACL, OpenReview, JMLR, …) as `url:` items of their page. Title, authors,
 * note, tags, code link, DOI (from its BibTeX) and dates carry over; a PaperMemory favourite gets
 * the tag "favorite". What cannot be read is skipped with its reason.
 */

export const FAVORITE_TAG = 'favorite';
const MAX_ENTRIES = 100_000;

export interface ImportedPaper {
  record: PaperRecord;
  /** Tag names to give the paper (matched to tags by name). */
  tagNames: string[];
}

export interface Skipped {
  id: string;
  reason: string;
}

export interface PaperMemoryImport {
  papers: ImportedPaper[];
  skipped: Skipped[];
}

type Entry = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function dateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** A `field = {value}` or `field={value}` of a BibTeX entry (one brace level deep). */
function bibtexField(bibtex: string, field: string): string {
  const match = new RegExp(`\\b${field}\\s*=\\s*[{"]((?:[^{}]|\\{[^{}]*\\})*)[}"]`, 'i').exec(
    bibtex,
  );
  return match?.[1]?.replace(/[{}]/g, '').trim() ?? '';
}

function paperOf(key: string, entry: Entry): ImportedPaper | Skipped {
  const pmId = str(entry.id) || key;
  const addedAt = dateMs(entry.addDate);
  if (addedAt === undefined) return { id: pmId, reason: 'no valid addDate' };
  const title = cleanText(str(entry.title), LIMITS.title);
  if (!title) return { id: pmId, reason: 'no title' };
  const bibtex = str(entry.bibtex).slice(0, 50_000);
  const pdfLink = httpUrl(str(entry.pdfLink), { max: LIMITS.url });
  const pageUrl = httpUrl(bibtexField(bibtex, 'url'), { max: LIMITS.url });

  const arxivId =
    (/^arxiv-/i.test(pmId) ? arxivIdFrom(pmId.replace(/^arxiv-/i, '')) : '') ||
    (pdfLink && /^https?:\/\/(www\.|export\.)?arxiv\.org\//.test(pdfLink)
      ? arxivIdFrom(pdfLink, { pdfLinks: true })
      : '');
  const url = arxivId ? `https://arxiv.org/abs/${arxivId}` : (pageUrl ?? pdfLink);
  const id = arxivId || (url ? articleId(url) : undefined);
  if (!id || !url) return { id: pmId, reason: 'neither an arXiv id nor an http(s) link' };

  const lastOpenedAt = dateMs(entry.lastOpenDate);
  const seenLast = Math.max(addedAt, lastOpenedAt ?? 0);
  const authors = str(entry.author)
    .split(/\s+and\s+/)
    .map((name) => cleanText(name, LIMITS.authorName))
    .filter(Boolean)
    .slice(0, LIMITS.authors);
  const note = str(entry.note).trim().slice(0, LIBRARY_LIMITS.note);
  const code = entry.code as { url?: unknown; official?: { url?: unknown } } | undefined;
  const codeUrls = extractLinks([], {
    githubRepo: str(entry.codeLink) || str(code?.official?.url) || str(code?.url),
  }).code;
  const version = /arxiv\.org\/(?:pdf|abs)\/[^?#]*v(\d+)/.exec(pdfLink ?? '')?.[1];
  const doi = bibtexField(bibtex, 'doi').slice(0, 300);
  const venue = cleanText(
    str(entry.venue) || str(entry.conf) || str(entry.source),
    ARTICLE_LIMITS.siteName,
  );

  const tagNames = (Array.isArray(entry.tags) ? entry.tags : [])
    .map((tag) => cleanTagName(str(tag)))
    .filter(Boolean);
  if (entry.favorite === true) tagNames.push(FAVORITE_TAG);
  const stamps: LibraryEditedAt = { saved: addedAt };
  if (note) stamps.note = addedAt;
  if (tagNames.length > 0) stamps.tagIds = addedAt;

  const sighting = { kind: 'import' as const, label: 'PaperMemory', url, at: addedAt, position: 0 };
  const record: PaperRecord = {
    id,
    title,
    authors,
    categories: [],
    tldr: '',
    codeUrls,
    projectUrls: [],
    firstSeenAt: addedAt,
    lastSeenAt: seenLast,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 1,
    savedAt: addedAt,
    countsAsNew: false,
    openedAt: addedAt,
    ...(lastOpenedAt !== undefined ? { lastOpenedAt: Math.max(addedAt, lastOpenedAt) } : {}),
    ...(note ? { note } : {}),
    libraryEditedAt: stamps,
    ...(version ? { latestVersion: Number(version) } : {}),
    ...(doi ? { doi } : {}),
    ...(arxivId ? {} : { article: { url, siteName: venue, keySentences: [], readingMinutes: 0 } }),
  };
  return { record, tagNames: [...new Set(tagNames)].slice(0, LIBRARY_LIMITS.tagsPerPaper) };
}

/** Reads a PaperMemory export; a file that is not one is refused whole, with the reason. */
export function parsePaperMemory(text: string): Parsed<PaperMemoryImport> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const doc = json.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('__dataVersion' in doc)) {
    return { ok: false, error: 'This is not a PaperMemory export (no "__dataVersion").' };
  }
  const entries = Object.entries(doc).filter(([key]) => key !== '__dataVersion');
  if (entries.length > MAX_ENTRIES) {
    return { ok: false, error: `Too many papers in this export (more than ${MAX_ENTRIES}).` };
  }
  const papers: ImportedPaper[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      skipped.push({ id: key.slice(0, 100), reason: 'not a paper object' });
      continue;
    }
    const result = paperOf(key, value as Entry);
    if ('reason' in result) skipped.push({ ...result, id: result.id.slice(0, 100) });
    else if (seen.has(result.record.id)) {
      skipped.push({
        id: key.slice(0, 100),
        reason: `the same paper as another entry (${result.record.id})`,
      });
    } else {
      seen.add(result.record.id);
      papers.push(result);
    }
  }
  return { ok: true, value: { papers, skipped } };
}
