import { useCallback, useEffect, useRef } from 'react';
import { usePopupServices } from '@/components/PopupContext';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { needsFillIn } from '@/utils/shared/paperRecord';
import { MAX_FILL_IN_IDS } from '@/utils/shared/protocol';

/** How long the rendered rows must settle before their ids are asked for (ms). */
export const FILL_IN_DEBOUNCE_MS = 300;

/** Ids asked for in this popup session (the popup's page lives as long as the popup is open). */
const asked = new Set<string>();

/** Forgets the ids asked for (tests; a new popup session starts with an empty set anyway). */
export function forgetAskedFillIns(): void {
  asked.clear();
}

/**
 * Asks the background to look up ("fill in") the papers shown without an abstract: give it the
 * rows rendered; their ids are sent, debounced, each at most once per popup session. The answer
 * is not awaited: when the details are stored, the live queries re-render the rows.
 */
export function useFillIn(): (papers: readonly PaperRecord[]) => void {
  const { send } = usePopupServices();
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    timer.current = undefined;
    const ids = [...pending.current].filter((id) => !asked.has(id));
    pending.current.clear();
    for (const id of ids) asked.add(id);
    for (let start = 0; start < ids.length; start += MAX_FILL_IN_IDS) {
      send('fillIn', { ids: ids.slice(start, start + MAX_FILL_IN_IDS) }).catch((error: unknown) => {
        console.warn('[Paperlight] fillIn failed:', error);
      });
    }
  }, [send]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
      // Unmounting (another tab, another day): what was waiting is sent now, not lost.
      if (pending.current.size > 0) flush();
    },
    [flush],
  );

  return useCallback(
    (papers: readonly PaperRecord[]) => {
      let added = false;
      for (const paper of papers) {
        if (needsFillIn(paper) && !asked.has(paper.id) && !pending.current.has(paper.id)) {
          pending.current.add(paper.id);
          added = true;
        }
      }
      if (!added) return;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(flush, FILL_IN_DEBOUNCE_MS);
    },
    [flush],
  );
}
