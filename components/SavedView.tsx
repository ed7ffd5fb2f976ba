import { useLiveQuery } from 'dexie-react-hooks';
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
export function SavedView({ viewportHeight }: { viewportHeight?: number }) {
  const { db, openLibrary } = usePopupServices();
  // The first rows come from a short read of the save-date index; the whole list of ids follows.
  const first = useLiveQuery(async () => {
    const ids = (await firstPaperIds(db, SAVED, FIRST_ROWS)) ?? [];
    const [list, count] = await Promise.all([
      withFirstRows(db, { ids }),
      db.papers.where('savedAt').above(Number.NEGATIVE_INFINITY).count(),
    ]);
    return { ...list, count };
  }, [db]);
  const whole = useLiveQuery(
    async () => withFirstRows(db, { ids: await paperIds(db, SAVED) }),
    [db],
  );
  const list = whole ? { ...whole, count: whole.ids.length } : first;

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
        <h2 className="saved-count">{paperCount(list.count)} saved · newest first</h2>
        <LibraryButton onClick={openLibrary} />
      </div>
      <PaperList ids={list.ids} firstRows={list.firstRows} viewportHeight={viewportHeight} />
    </div>
  );
}
