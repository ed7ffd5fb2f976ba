import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { EmptyState } from '@/components/EmptyState';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import {
  FIRST_ROWS,
  firstPaperIds,
  type PaperListQuery,
  paperIds,
  withFirstRows,
} from '@/utils/pages/libraryQueries';
import { paperCount } from '@/utils/pages/paperDisplay';

/** Opens the full-page library (tags, notes, search; also Alt+Shift+L). */
function LibraryButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={onClick}
      title="Tags, notes, search and bulk actions in a tab (Alt+Shift+L)"
    >
      Open the library
    </button>
  );
}

const SAVED: PaperListQuery = { view: 'saved' };

/** Saved papers, newest saved first; unsaving removes a paper from here (live query). */
export function SavedView({
  viewportHeight,
  onFirstRows,
}: {
  viewportHeight?: number;
  /** Called once the first rows (or "nothing saved") are drawn. */
  onFirstRows?: () => void;
}) {
  const { db, openLibrary } = usePopupServices();
  // The first rows come from a short read of the save-date index; the whole list of ids follows.
  // (Not even a count waits: IndexedDB counts 20,000 keys about as slowly as it reads them.)
  const first = useLiveQuery(
    async () => withFirstRows(db, { ids: (await firstPaperIds(db, SAVED, FIRST_ROWS)) ?? [] }),
    [db],
  );
  // Asked once the first rows are in: in Chromium, a short IndexedDB read asked at the same
  // time as a long one was measured to wait for it (a 20,000-key list: 20 ms alone, 330 ms so).
  const firstIn = first !== undefined;
  const whole = useLiveQuery(
    async () => (firstIn ? paperIds(db, SAVED) : undefined),
    [db, firstIn],
  );
  // The first rows' records stay those of the short read (live too).
  const list =
    first && (whole ? { ids: whole, firstRows: first.firstRows, count: whole.length } : first);
  const drawn = list !== undefined;
  useEffect(() => {
    if (drawn) onFirstRows?.();
  }, [drawn, onFirstRows]);

  if (list === undefined) {
    return (
      <p className="loading" aria-busy="true">
        Loading…
      </p>
    );
  }
  if (list.ids.length === 0) {
    return (
      <EmptyState title="Nothing saved yet">
        <p>
          Star a paper (☆) in Today, or on an arXiv or Hugging Face page, to keep it here. Saved
          papers stay until you unsave them.
        </p>
        <p>
          <LibraryButton onClick={openLibrary} />
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="view">
      <div className="list-summary saved-summary">
        <h2 className="saved-count">
          {!('count' in list) ? 'Saved' : `${paperCount(list.count)} saved`} · newest first
        </h2>
        <LibraryButton onClick={openLibrary} />
      </div>
      <PaperList ids={list.ids} firstRows={list.firstRows} viewportHeight={viewportHeight} />
    </div>
  );
}
