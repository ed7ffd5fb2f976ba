import { isArxivId } from '@/utils/shared/arxivId';
import { arxivDate, paperUrl, splitName, tagMap, tagNames } from '@/utils/shared/export/paperFacts';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * RIS (the Research Information Systems tagged format Zotero, Mendeley and EndNote import):
 * one `TAG  - value` line per field, CRLF line ends, each record closed by `ER  - `. Values are
 * one line each, so line breaks inside a note or abstract become spaces.
 */

const CRLF = '\r\n';

function line(tag: string, value: string | undefined): string {
  const flat = (value ?? '').replace(/\s+/g, ' ').trim();
  return flat === '' ? '' : `${tag}  - ${flat}${CRLF}`;
}

/** "Ada Lovelace" → "Lovelace, Ada" (RIS wants the family name first). */
function risAuthor(author: string): string {
  const { given, family } = splitName(author);
  return given ? `${family}, ${given}` : family;
}

function oneRecord(paper: PaperRecord, tagsById: ReadonlyMap<string, Tag>): string {
  const arxiv = isArxivId(paper.id);
  const isArticle = arxiv && Boolean(paper.journalRef || paper.doi);
  const date = arxiv ? arxivDate(paper.id) : undefined;
  const parts = [
    line('TY', isArticle ? 'JOUR' : arxiv ? 'GEN' : 'ELEC'),
    ...paper.authors.map((author) => line('AU', risAuthor(author))),
    line('TI', paper.title),
    line('AB', paper.abstract),
    line('PY', date ? String(date.year) : undefined),
    line('DA', date ? `${date.year}/${String(date.month).padStart(2, '0')}` : undefined),
    line('JO', paper.journalRef),
    line('DO', paper.doi),
    line('UR', paperUrl(paper)),
    arxiv
      ? line('AN', `arXiv:${paper.id}${paper.latestVersion ? `v${paper.latestVersion}` : ''}`)
      : '',
    arxiv ? line('DB', 'arXiv') : '',
    line('PB', paper.article?.siteName),
    ...tagNames(paper, tagsById).map((name) => line('KW', name)),
    line('N1', paper.note),
    `ER  - ${CRLF}`,
  ];
  return parts.join('');
}

export function toRis(papers: readonly PaperRecord[], tags: readonly Tag[] = []): string {
  const tagsById = tagMap(tags);
  return papers.map((paper) => oneRecord(paper, tagsById)).join(CRLF);
}
