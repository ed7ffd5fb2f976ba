import { isArxivId } from '@/utils/shared/arxivId';
import { arxivDate, paperUrl, tagMap, tagNames } from '@/utils/shared/export/paperFacts';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * CSV (RFC 4180: CRLF rows, fields quoted when they hold a quote, comma or line break, quotes
 * doubled), with a UTF-8 byte-order mark so spreadsheets read accents right. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading `'`.
 */

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'year',
  'primary_category',
  'url',
  'journal_ref',
  'doi',
  'tags',
  'reading_state',
  'saved_at',
  'code_urls',
  'note',
] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export function toCsv(papers: readonly PaperRecord[], tags: readonly Tag[] = []): string {
  const tagsById = tagMap(tags);
  const rows = papers.map((paper) => {
    const year = isArxivId(paper.id) ? arxivDate(paper.id)?.year : undefined;
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: paper.id,
      title: paper.title,
      authors: paper.authors.join('; '),
      year: year === undefined ? '' : String(year),
      primary_category: paper.primaryCategory ?? paper.categories[0] ?? '',
      url: paperUrl(paper),
      journal_ref: paper.journalRef ?? '',
      doi: paper.doi ?? '',
      tags: tagNames(paper, tagsById).join('; '),
      reading_state: paper.savedAt === undefined ? '' : (paper.readingState ?? 'to-read'),
      saved_at: iso(paper.savedAt),
      code_urls: paper.codeUrls.join(' '),
      note: paper.note ?? '',
    };
    return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
