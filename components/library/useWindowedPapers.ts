import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { usePopupServices } from '@/components/PopupContext';
import { papersByIds } from '@/utils/pages/libraryQueries';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * The records of the rows a windowed list renders, and only those: the list reports its rendered
 * ids (`onRendered`), and a live query reads them. `firstRows`, records already read (the list's
 * first rows), are shown until that query answers.
 */
export function useWindowedPapers(firstRows?: readonly PaperRecord[]): {
  byId: ReadonlyMap<string, PaperRecord>;
  onRendered: (ids: readonly string[]) => void;
} {
  const { db } = usePopupServices();
  const [rendered, setRendered] = useState<readonly string[]>([]);
  const papers = useLiveQuery(() => papersByIds(db, rendered), [db, rendered]);
  const byId = useMemo(() => {
    const records = new Map(firstRows?.map((paper) => [paper.id, paper]));
    for (const paper of papers ?? []) records.set(paper.id, paper);
    return records;
  }, [papers, firstRows]);
  return { byId, onRendered: setRendered };
}
