/**
 * rss.arxiv.org feeds, both forms (2024+):
 *   RSS 2.0  https://rss.arxiv.org/rss/<cat>   `channel > item` with `title`, `link`,
 *            `description` ("arXiv:2403.15527v1 Announce Type: new \nAbstract: …"), `guid`
 *            ("oai:arXiv.org:2403.15527v1"), `category`s, `arxiv:announce_type`, `dc:creator`
 *            ("First Last, First Last"); channel `pubDate` (the announcement day, midnight
 *            Eastern) and `lastBuildDate` (when the file was built).
 *   Atom     https://rss.arxiv.org/atom/<cat>  `feed > entry` with `id` ("oai:arXiv.org:…"),
 *            `title`, `link[href]`, `summary` (same prefix), `category[term]`, `published`
 *            (announcement day), `arxiv:announce_type`, `dc:creator`; feed `updated`.
 *
 * Pure: no DOM. Never throws; an entry the input cuts off is skipped with a reason.
 */

import {
  announceTypeOf,
  type Built,
  collector,
  type FeedPaper,
  type FeedParse,
  feedDate,
  nothing,
  sectionOf,
  splitAuthors,
} from '@/utils/background/feeds/common';
import {
  attr,
  childElement,
  childElements,
  childText,
  findElement,
  parseXml,
  textContent,
  type XmlElement,
} from '@/utils/background/feeds/xml';
import { firstArxivId } from '@/utils/shared/arxivId';
import { categoryList, cleanText, LIMITS } from '@/utils/shared/paper';

export type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';

/** "arXiv:2403.15527v1 Announce Type: new \nAbstract: " (each part optional). */
const PREFIX = /^\s*(?:arXiv:\s*(\S+)\s+)?(?:Announce Type:\s*([\w-]+)\s*)?(?:Abstract:\s*)?/i;
/** The pre-2024 feeds' title suffix: "Title. (arXiv:2301.00001v1 [cs.CL] UPDATED)". */
const OLD_TITLE_SUFFIX = /\s*\(arXiv:[^()]*\)\s*$/;

function entryPaper(entry: XmlElement): Built {
  if (!entry.closed) return { skip: 'cut off: the input ends inside this entry' };
  const description =
    childText(entry, 'description') || childText(entry, 'summary') || childText(entry, 'content');
  const head = PREFIX.exec(description);
  const links = childElements(entry, 'link');
  // Atom: the rel="alternate" link first; RSS: the link text.
  links.sort(
    (a, b) => Number(attr(b, 'rel') === 'alternate') - Number(attr(a, 'rel') === 'alternate'),
  );
  const id = firstArxivId(
    [
      ...links.map((l) => attr(l, 'href') || textContent(l)),
      childText(entry, 'guid'),
      childText(entry, 'id'),
      head?.[1],
    ],
    { pdfLinks: true },
  );
  const creators = childElements(entry, 'creator').map(textContent);
  const authors = creators.length
    ? splitAuthors(creators)
    : splitAuthors(childElements(entry, 'author').map((a) => childText(a, 'name')));
  const announceType = announceTypeOf(childText(entry, 'announce_type') || head?.[2]);
  const categories = categoryList(
    childElements(entry, 'category').map((c) => attr(c, 'term') || textContent(c)),
  );
  const paper: FeedPaper = {
    id,
    title: cleanText(childText(entry, 'title').replace(OLD_TITLE_SUFFIX, ''), LIMITS.title),
    authors,
    abstract: cleanText(description.slice(head?.[0].length ?? 0), LIMITS.abstract),
    primaryCategory: categories[0],
    categories,
    section: sectionOf(announceType),
    announceType,
  };
  return paper;
}

function readRss(root: XmlElement, channel: XmlElement): FeedParse {
  const c = collector();
  // RSS 2.0 puts items in the channel; RSS 1.0 (RDF) next to it.
  const inChannel = childElements(channel, 'item');
  const items = inChannel.length ? inChannel : childElements(root, 'item');
  items.forEach((item, index) => {
    c.add(index, () => entryPaper(item));
  });
  const pub = feedDate(childText(channel, 'pubDate')) ?? feedDate(childText(channel, 'date'));
  const built = feedDate(childText(channel, 'lastBuildDate'));
  return c.result({ batchDate: (pub ?? built)?.iso, announced: (pub ?? built)?.day });
}

function readAtom(feed: XmlElement): FeedParse {
  const c = collector();
  const entries = childElements(feed, 'entry');
  entries.forEach((entry, index) => {
    c.add(index, () => entryPaper(entry));
  });
  const updated = feedDate(childText(feed, 'updated'));
  const published = entries
    .filter((e) => e.closed)
    .map((e) => feedDate(childText(e, 'published')))
    .find(Boolean);
  return c.result({ batchDate: updated?.iso, announced: (published ?? updated)?.day });
}

/**
 * Papers in feed order with their `announceType` and listing `section`;
 * `batchDate`/`announced`/`ids` let a caller recognise a batch it has already seen.
 */
export function parseArxivRss(xml: string): FeedParse {
  try {
    const { root } = parseXml(typeof xml === 'string' ? xml : '');
    if (!root) return nothing('no XML element in the input');
    if (root.local === 'feed') return readAtom(root);
    const channel = childElement(root, 'channel') ?? findElement(root, 'channel');
    if (channel) return readRss(root, channel);
    return nothing(`not an RSS or Atom feed (root element <${cleanText(root.name, 40)}>)`);
  } catch {
    return nothing('unreadable feed');
  }
}
