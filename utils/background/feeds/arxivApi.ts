/**
 * export.arxiv.org/api/query responses (Atom), both the old format (namespaces declared on each
 * `arxiv:*` / `opensearch:*` element, summaries hard-wrapped with leading spaces) and the 2025+
 * one (namespaces on the root, one-line summaries):
 *
 *   <entry>
 *     <id>http://arxiv.org/abs/2408.01234v2</id>          (or …/abs/hep-th/9901001v1)
 *     <title>…</title> <summary>…</summary>
 *     <author><name>First Last</name></author>…
 *     <arxiv:comment>12 pages</arxiv:comment>
 *     <arxiv:journal_ref>Phys. Rev. B 71, 184511 (2005)</arxiv:journal_ref>
 *     <arxiv:doi>10.1103/PhysRevB.71.184511</arxiv:doi>
 *     <arxiv:primary_category term="cs.CL"/> <category term="cs.CL"/> <category term="cs.LG"/>
 *   </entry>
 *
 * An error is returned as a single entry whose id is http://arxiv.org/api/errors#… and whose
 * summary is the message; that becomes `error`. Pure: no DOM. Never throws.
 */

import {
  type Built,
  collector,
  type FeedPaper,
  type FeedParse,
  feedDate,
  nothing,
} from '@/utils/background/feeds/common';
import {
  attr,
  childElement,
  childElements,
  childText,
  parseXml,
  type XmlElement,
} from '@/utils/background/feeds/xml';
import { firstArxivId } from '@/utils/shared/arxivId';
import { categoryList, cleanText, LIMITS } from '@/utils/shared/paper';

export type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';

const ERROR_ID = /^https?:\/\/(export\.)?arxiv\.org\/api\/errors/i;
/** The version at the end of an entry id: …/abs/2408.01234v12 → 12. */
const VERSION = /v(\d{1,4})$/;
/** A DOI as arXiv prints it: "10." registrant "/" suffix, no spaces. */
const DOI = /^10\.\d{4,9}\/\S{1,200}$/;
export const JOURNAL_REF_MAX = 500;

function versionOf(entryId: string): number | undefined {
  const match = VERSION.exec(entryId.trim());
  const version = match ? Number(match[1]) : 0;
  return version >= 1 ? version : undefined;
}

/** The first DOI when arXiv lists several ("10.1/a 10.2/b"); undefined when it is not one. */
function doiOf(text: string): string | undefined {
  const first = cleanText(text, 400).split(' ')[0] ?? '';
  return DOI.test(first) ? first : undefined;
}

function entryPaper(entry: XmlElement): Built {
  if (!entry.closed) return { skip: 'cut off: the input ends inside this entry' };
  const alternate = childElements(entry, 'link').find((l) => attr(l, 'rel') === 'alternate');
  const id = firstArxivId([childText(entry, 'id'), attr(alternate, 'href')], {
    pdfLinks: true,
  });
  const authors: string[] = [];
  for (const author of childElements(entry, 'author')) {
    const name = cleanText(childText(author, 'name'), LIMITS.authorName);
    if (name) authors.push(name);
    if (authors.length >= LIMITS.authors) break;
  }
  const primary = attr(childElement(entry, 'primary_category'), 'term');
  const categories = categoryList([
    primary,
    ...childElements(entry, 'category').map((c) => attr(c, 'term')),
  ]);
  const entryId = childText(entry, 'id');
  const paper: FeedPaper = {
    id,
    title: cleanText(childText(entry, 'title'), LIMITS.title),
    authors,
    abstract: cleanText(childText(entry, 'summary'), LIMITS.abstract),
    comments: cleanText(childText(entry, 'comment'), LIMITS.comments),
    primaryCategory: categories[0],
    categories,
    version: versionOf(entryId),
    journalRef: cleanText(childText(entry, 'journal_ref'), JOURNAL_REF_MAX),
    doi: doiOf(childText(entry, 'doi')),
  };
  return paper;
}

/** A non-negative integer from an opensearch element, or undefined. */
function count(feed: XmlElement, local: string): number | undefined {
  const text = childText(feed, local).trim();
  if (!/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}

/** Papers in response order; an API error gives `{ papers: [], error }`. */
export function parseArxivApi(xml: string): FeedParse {
  try {
    const { root } = parseXml(typeof xml === 'string' ? xml : '');
    if (!root) return nothing('no XML element in the input');
    if (root.local !== 'feed') {
      return nothing(`not an Atom feed (root element <${cleanText(root.name, 40)}>)`);
    }
    const entries = childElements(root, 'entry');
    const failed = entries.find((e) => ERROR_ID.test(childText(e, 'id').trim()));
    if (failed) {
      const message =
        cleanText(childText(failed, 'summary'), LIMITS.comments) ||
        cleanText(childText(failed, 'title'), LIMITS.comments) ||
        'arXiv API error';
      return { papers: [], skipped: [], ids: [], error: message };
    }
    const c = collector();
    entries.forEach((entry, index) => {
      c.add(index, () => entryPaper(entry));
    });
    return c.result({
      batchDate: feedDate(childText(root, 'updated'))?.iso,
      totalResults: count(root, 'totalResults'),
      startIndex: count(root, 'startIndex'),
      itemsPerPage: count(root, 'itemsPerPage'),
    });
  } catch {
    return nothing('unreadable response');
  }
}
