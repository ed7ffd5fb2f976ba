import { toBibtexFile } from '@/utils/shared/export/bibtex';
import { toCsv } from '@/utils/shared/export/csv';
import { toPaperlightJson } from '@/utils/shared/export/json';
import { toMarkdown } from '@/utils/shared/export/markdown';
import { toRis } from '@/utils/shared/export/ris';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { IMPORT_MAX_CHARS, type ImportFormat, type ImportReport } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * Export and import as the pages do them: the formatters are pure (utils/shared/export/), the
 * page reads the papers and downloads the text; an import file is read here and merged by the
 * service worker (`importLibrary`).
 */

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csv', 'markdown', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the pages call each format. */
export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  json: 'Paperlight JSON (everything; imports back)',
  bibtex: 'BibTeX',
  ris: 'RIS (Zotero, Mendeley, EndNote)',
  csv: 'CSV',
  markdown: 'Markdown',
};

export type ExportSelection = 'saved' | 'all' | { tagId: string } | { ids: string[] };

export interface ExportedFile {
  filename: string;
  mime: string;
  text: string;
}

const FILE_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  bibtex: { extension: 'bib', mime: 'application/x-bibtex' },
  ris: { extension: 'ris', mime: 'application/x-research-info-systems' },
  csv: { extension: 'csv', mime: 'text/csv' },
  markdown: { extension: 'md', mime: 'text/markdown' },
  json: { extension: 'json', mime: 'application/json' },
};

async function selectedPapers(
  database: PaperlightDatabase,
  selection: ExportSelection,
): Promise<PaperRecord[]> {
  if (selection === 'saved') return database.papers.orderBy('savedAt').reverse().toArray();
  if (selection === 'all') return database.papers.toArray();
  if ('tagId' in selection) {
    const tagged = await database.papers.where('tagIds').equals(selection.tagId).toArray();
    return tagged.sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
  }
  const found = await database.papers.bulkGet(selection.ids);
  return found.filter((paper): paper is PaperRecord => paper !== undefined);
}

function localDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function selectionName(selection: ExportSelection): string {
  if (typeof selection === 'string') return selection;
  return 'tagId' in selection ? 'tag' : 'selection';
}

/**
 * The export file of a selection. Paperlight JSON carries every tag (tombstones too: it is the
 * whole library's state); the other formats name the papers' live tags.
 */
export async function exportPapers(
  database: PaperlightDatabase,
  options: { format: ExportFormat; selection: ExportSelection; now?: number },
): Promise<ExportedFile> {
  const now = options.now ?? Date.now();
  const [papers, tags] = await database.transaction('r', database.papers, database.tags, () =>
    Promise.all([selectedPapers(database, options.selection), database.tags.toArray()]),
  );
  const text =
    options.format === 'json'
      ? toPaperlightJson(papers, tags, now)
      : options.format === 'bibtex'
        ? toBibtexFile(papers, tags)
        : options.format === 'ris'
          ? toRis(papers, tags)
          : options.format === 'csv'
            ? toCsv(papers, tags)
            : toMarkdown(papers, tags);
  const { extension, mime } = FILE_TYPES[options.format];
  return {
    filename: `paperlight-${selectionName(options.selection)}-${localDate(now)}.${extension}`,
    mime: `${mime};charset=utf-8`,
    text,
  };
}

/** Hands a file to the browser's downloads (a Blob behind a temporary `<a download>`). */
export function downloadFile(file: ExportedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only freed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Which importer a file is for: PaperMemory's has `__dataVersion`; anything else is read as Paperlight JSON (which says what is wrong with it). */
export function importFormatOf(text: string): ImportFormat {
  return text.includes('"__dataVersion"') && !/^\s*\{\s*"format"\s*:\s*"paperlight"/.test(text)
    ? 'papermemory'
    : 'paperlight';
}

/** Reads an export file and asks the service worker to merge it; throws the reason it was refused. */
export async function importFile(
  file: Pick<Blob, 'size' | 'text'>,
  send: (payload: { format: ImportFormat; text: string }) => Promise<ImportReport>,
): Promise<ImportReport> {
  // UTF-8 never takes fewer bytes than characters: a file this large has too many characters.
  if (file.size > IMPORT_MAX_CHARS * 3) {
    throw new Error(`The file is too large (more than ${IMPORT_MAX_CHARS / 1024 / 1024} MB).`);
  }
  const text = await file.text();
  if (text.trim() === '') throw new Error('The file is empty.');
  if (text.length > IMPORT_MAX_CHARS) {
    throw new Error(`The file is too large (more than ${IMPORT_MAX_CHARS / 1024 / 1024} MB).`);
  }
  return send({ format: importFormatOf(text), text });
}
