import { isArxivId } from '@/utils/shared/arxivId';
import {
  arxivDate,
  mathSegments,
  paperUrl,
  tagMap,
  tagNames,
} from '@/utils/shared/export/paperFacts';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * A Markdown reading list: one section per paper with its link, authors, year, tags, state and
 * note (as a quote). Markdown's own characters are escaped in text; `$…$` math stays as written.
 */

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-!|~]/g, '\\$&');
}

function inline(text: string): string {
  return mathSegments(text.replace(/\s+/g, ' ').trim())
    .map((part) => (part.math ? part.text : escapeMarkdown(part.text)))
    .join('');
}

function section(paper: PaperRecord, tagsById: ReadonlyMap<string, Tag>): string {
  const arxiv = isArxivId(paper.id);
  const year = arxiv ? arxivDate(paper.id)?.year : undefined;
  const facts = [
    paper.authors.length > 0 ? inline(paper.authors.join(', ')) : '',
    year === undefined ? '' : String(year),
    arxiv ? `arXiv:${paper.id}` : '',
    paper.journalRef ? inline(paper.journalRef) : '',
  ].filter(Boolean);
  const tags = tagNames(paper, tagsById);
  const library = [
    tags.length > 0 ? `Tags: ${tags.map(inline).join(', ')}` : '',
    paper.savedAt === undefined ? '' : `State: ${paper.readingState ?? 'to-read'}`,
    paper.codeUrls.length > 0 ? `Code: ${paper.codeUrls.map((url) => `<${url}>`).join(', ')}` : '',
  ].filter(Boolean);
  const url = paperUrl(paper).replace(/[()\s]/g, encodeURIComponent);
  const lines = [`## [${inline(paper.title)}](${url})`, ''];
  if (facts.length > 0) lines.push(facts.join(' · '), '');
  if (library.length > 0) lines.push(library.join(' · '), '');
  if (paper.note)
    lines.push(...paper.note.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l)}`.trimEnd()), '');
  return lines.join('\n');
}

export function toMarkdown(papers: readonly PaperRecord[], tags: readonly Tag[] = []): string {
  const tagsById = tagMap(tags);
  const count = papers.length === 1 ? '1 paper' : `${papers.length} papers`;
  return [`# Paperlight export (${count})`, '', ...papers.map((p) => section(p, tagsById))].join(
    '\n',
  );
}
