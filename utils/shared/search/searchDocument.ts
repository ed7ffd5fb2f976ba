/**
 * What of a stored paper is searched, in one place: the document the index gets, and the hash the
 * database stamps on each write so the index knows which papers to read again. Pure.
 */
import { isArxivId } from '@/utils/shared/arxivId';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { SearchDocument } from '@/utils/shared/search/searchIndex';

export type SearchedFields = Pick<
  PaperRecord,
  'id' | 'title' | 'authors' | 'abstract' | 'tldr' | 'note' | 'tagIds' | 'savedAt'
>;

/** The paper as the index sees it; `tagName` names a tag id (undefined for a deleted one). */
export function searchDocument(
  paper: SearchedFields,
  tagName: (id: string) => string | undefined,
): SearchDocument {
  const text = [paper.abstract ?? '', paper.tldr ?? '', paper.note ?? ''];
  for (const tagId of paper.tagIds ?? []) {
    const name = tagName(tagId);
    if (name) text.push(name);
  }
  // An id typed in part ("2408.012") narrows as it is typed.
  if (isArxivId(paper.id)) text.push(paper.id);
  return {
    id: paper.id,
    title: paper.title ?? '',
    authors: paper.authors ?? [],
    text,
    saved: paper.savedAt !== undefined,
  };
}

/** A 32-bit FNV-1a hash of the searched fields (tag ids, not names: a rename is seen on the tag). */
export function searchHash(paper: SearchedFields): number {
  let hash = 0x811c9dc5;
  const parts = [
    paper.title ?? '',
    ...(paper.authors ?? []),
    paper.abstract ?? '',
    paper.tldr ?? '',
    paper.note ?? '',
    ...(paper.tagIds ?? []),
    paper.savedAt === undefined ? '' : 'saved',
  ];
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
