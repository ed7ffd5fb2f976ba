import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '@/components/EmptyState';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { paperCount } from '@/utils/pages/paperDisplay';
import { savedPapers } from '@/utils/pages/paperQueries';

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

/** Saved papers, newest saved first; unsaving removes a paper from here (live query). */
export function SavedView({ viewportHeight }: { viewportHeight?: number }) {
  const { db, openLibrary } = usePopupServices();
  const papers = useLiveQuery(() => savedPapers(db), [db]);

  if (papers === undefined) {
    return (
      <p className="loading" aria-busy="true">
        Loading…
      </p>
    );
  }
  if (papers.length === 0) {
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
        <h2 className="saved-count">{paperCount(papers.length)} saved · newest first</h2>
        <LibraryButton onClick={openLibrary} />
      </div>
      <PaperList papers={papers} grouped={false} viewportHeight={viewportHeight} />
    </div>
  );
}
