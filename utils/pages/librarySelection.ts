import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { LibrarySnapshot } from '@/utils/shared/protocol';

/**
 * Bulk selection of the library's lists. A click toggles one paper; a shift-click sets every
 * paper between the last clicked one (the anchor) and this one to the clicked one's new state.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  id: string,
  anchor: string | undefined,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const select = !selected.has(id);
  const from = range && anchor !== undefined ? ids.indexOf(anchor) : -1;
  const to = ids.indexOf(id);
  if (from === -1 || to === -1) {
    if (select) next.add(id);
    else next.delete(id);
    return next;
  }
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const each = ids[index] as string;
    if (select) next.add(each);
    else next.delete(each);
  }
  return next;
}

/** A paper's library fields as they are now: what `restoreLibrary` puts back to undo a change. */
export function librarySnapshot(paper: PaperRecord): LibrarySnapshot {
  return {
    id: paper.id,
    ...(paper.savedAt !== undefined ? { savedAt: paper.savedAt } : {}),
    ...(paper.tagIds && paper.tagIds.length > 0 ? { tagIds: [...paper.tagIds] } : {}),
    ...(paper.readingState !== undefined ? { readingState: paper.readingState } : {}),
    ...(paper.note ? { note: paper.note } : {}),
  };
}
