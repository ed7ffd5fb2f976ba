import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '@/components/EmptyState';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { paperIds, withFirstRows } from '@/utils/pages/libraryQueries';
import { paperCount } from '@/utils/pages/paperDisplay';

/** Saved papers, newest saved first; unsaving removes a paper from here (live query). */
export function SavedView({ viewportHeight }: { viewportHeight?: number }) {
  const { db } = usePopupServices();
  const list = useLiveQuery(
    async () => withFirstRows(db, { ids: await paperIds(db, { view: 'saved' }) }),
    [db],
  );

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
      </EmptyState>
    );
  }
  return (
    <div className="view">
      <h2 className="list-summary">{paperCount(list.ids.length)} saved · newest first</h2>
      <PaperList ids={list.ids} firstRows={list.firstRows} viewportHeight={viewportHeight} />
    </div>
  );
}
