import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { usePopupServices } from '@/components/PopupContext';
import { papersByIds } from '@/utils/pages/libraryQueries';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The records of the rows a windowed list renders, and only those: the list reports its rendered
 * ids (`onRendered`), and a live query reads them.
 */
export function useWindowedPapers(): {
  byId: ReadonlyMap<string, PaperRecord>;
  onRendered: (ids: readonly string[]) => void;
} {
  const { db } = usePopupServices();
  const [rendered, setRendered] = useState<readonly string[]>([]);
  const papers = useLiveQuery(() => papersByIds(db, rendered), [db, rendered]);
  const byId = useMemo(() => new Map(papers?.map((paper) => [paper.id, paper])), [papers]);
  return { byId, onRendered: setRendered };
}
