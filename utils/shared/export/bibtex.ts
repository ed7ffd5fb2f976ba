import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * PLACEHOLDER until the export part's BibTeX formatter lands (it replaces this file): a minimal
 * arXiv-style @misc entry so "copy BibTeX" works.
 */
export function toBibtex(paper: PaperRecord, _tags?: readonly Tag[]): string {
  const escapeTex = (text: string) => text.replace(/([{}\\&%$#_^~])/g, '\\$1');
  const key = `arxiv${paper.id.replace(/[^0-9A-Za-z]/g, '')}`;
  const fields = [
    `  title = {${escapeTex(paper.title)}}`,
    `  author = {${paper.authors.map(escapeTex).join(' and ')}}`,
    `  eprint = {${paper.id}}`,
    '  archivePrefix = {arXiv}',
    ...(paper.primaryCategory ? [`  primaryClass = {${paper.primaryCategory}}`] : []),
    `  url = {https://arxiv.org/abs/${paper.id}}`,
  ];
  return `@misc{${key},\n${fields.join(',\n')}\n}\n`;
}
