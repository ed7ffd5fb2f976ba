/**
 * The popup's page actions, on the background's side: saving an article read from any page
 * ("Summarize this page" → Save) and recording the arXiv papers a page links to ("Find papers on
 * this page"). Both write the `papers` table in one transaction each.
 */

import { mergePaper } from '@/utils/background/mergePaper';
import { statusOf } from '@/utils/background/paperStatus';
import { ARTICLE_ID_PREFIX, articleId } from '@/utils/shared/articleId';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import type {
  ArticleInput,
  PagePapersInput,
  PagePapersResult,
  PaperStatus,
} from '@/utils/shared/protocol';
import { startOfLocalDay } from '@/utils/shared/time';
import { hostOf } from '@/utils/shared/url';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * Saves an article as an item of its own (`articleId(url)`, the address normalised): title, byline
 * as the one author, the first key sentence as its TL;DR, and `article` with the rest. Saving
 * again refreshes the text and keeps the first save time and first-seen time. Articles do not
 * count toward the badge.
 */
export async function saveArticle(
  database: PaperlightDatabase,
  input: ArticleInput,
  now: number,
): Promise<PaperStatus> {
  const id = articleId(input.url);
  if (!id) throw new Error('saveArticle: url: must be an http(s) URL');
  const url = id.slice(ARTICLE_ID_PREFIX.length);
  const sighting: Sighting = {
    kind: 'article',
    label: input.siteName || (hostOf(url) ?? url),
    url,
    at: now,
    position: 0,
  };
  return database.transaction('rw', database.papers, async () => {
    const existing = await database.papers.get(id);
    const record: PaperRecord = {
      id,
      title: input.title,
      authors: input.byline ? [input.byline] : [],
      categories: [],
      tldr: input.keySentences[0] ?? '',
      codeUrls: [],
      projectUrls: [],
      firstSeenAt: existing?.firstSeenAt ?? now,
      lastSeenAt: now,
      firstSighting: existing?.firstSighting ?? sighting,
      lastSighting: sighting,
      sightingCount: (existing?.sightingCount ?? 0) + 1,
      countsAsNew: false,
      savedAt: existing?.savedAt ?? now,
      article: {
        url,
        siteName: input.siteName,
        keySentences: [...input.keySentences],
        readingMinutes: input.readingMinutes,
      },
    };
    // Saving the article again keeps what the user said about it before.
    for (const key of ['openedAt', 'lastOpenedAt', 'dismissedAt', 'likedAt'] as const) {
      if (existing?.[key] !== undefined) record[key] = existing[key];
    }
    await database.papers.put(record);
    return statusOf(existing ? record : { ...record, firstSeenAt: now }, id, startOfLocalDay(now));
  });
}

/**
 * Records the arXiv papers found on a page as one sighting of kind `page-links`, labelled
 * "Found on <host>". Unknown ids get a minimal record whose title is the placeholder
 * "arXiv:<id>" (`placeholder: true`) until a page or feed gives the real one; known papers are
 * merged (their fields, save state and first-seen time kept). One transaction.
 */
export async function recordPagePapers(
  database: PaperlightDatabase,
  input: PagePapersInput,
  now: number,
): Promise<PagePapersResult> {
  const ids = [...new Set(input.ids)];
  const sightingOf = (position: number): Sighting => ({
    kind: 'page-links',
    label: `Found on ${hostOf(input.url) ?? input.url}`,
    url: input.url,
    at: now,
    position,
  });
  return database.transaction('rw', database.papers, async () => {
    const existing = await database.papers.bulkGet(ids);
    let added = 0;
    const records = ids.map((id, position): PaperRecord => {
      const known = existing[position];
      if (!known) added++;
      // The user asked for these from the popup: they are not "new since you last looked".
      const merged = mergePaper(known, { id, title: '', authors: [] }, sightingOf(position), false);
      if (!known || known.placeholder) {
        merged.title = known?.title || `arXiv:${id}`;
        merged.placeholder = true;
      }
      return merged;
    });
    await database.papers.bulkPut(records);
    return { found: ids.length, added };
  });
}
