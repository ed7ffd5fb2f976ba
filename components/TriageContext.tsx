import { createContext, type RefObject, useContext } from 'react';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/** What Today gives its rows for triage; absent in Saved (no dismiss, no key movement there). */
export interface Triage {
  /** The row the keys act on. */
  activeId: string | undefined;
  setActiveId: (id: string) => void;
  /** The row to focus once it is rendered (keys moved there); cleared by the row that does. */
  pendingFocus: RefObject<string | null>;
  /** Bumped on every key move, so an already active row focuses again. */
  focusTick: number;
  dismiss: (paper: PaperRecord) => void;
  restore: (paper: PaperRecord) => void;
  /** "Mark all as seen" time (ms): papers first seen before it are not new. */
  allSeenAt: number;
  now: number;
}

export const TriageContext = createContext<Triage | null>(null);

export function useTriage(): Triage | null {
  return useContext(TriageContext);
}
