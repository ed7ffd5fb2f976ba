import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '@/components/EmptyState';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { paperCount } from '@/utils/pages/paperDisplay';
import { savedPapers } from '@/utils/pages/paperQueries';

/** Saved papers, newest saved first; unsaving removes a paper from here (live query). */
export function SavedView({ viewportHeight }: { viewportHeight?: number }) {
  const { db } = usePopupServices();
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
      </EmptyState>
    );
  }
  return (
    <div className="view">
      <h2 className="list-summary">{paperCount(papers.length)} saved · newest first</h2>
      <PaperList papers={papers} grouped={false} viewportHeight={viewportHeight} />
    </div>
  );
}
