import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DayNav } from '@/components/DayNav';
import { EmptyState } from '@/components/EmptyState';
import { ExternalLink } from '@/components/ExternalLink';
import { useNotify } from '@/components/Notice';
import { Onboarding } from '@/components/Onboarding';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { TodayFilters } from '@/components/TodayFilters';
import { type Triage, TriageContext } from '@/components/TriageContext';
import { useStorageValue } from '@/components/useStorageValue';
import {
  countToday,
  FIRST_ROWS,
  firstTiedRows,
  firstTodayIds,
  paperIds,
  type TodayList,
  todayList,
  withFirstRows,
} from '@/utils/pages/libraryQueries';
import { dayName } from '@/utils/pages/paperDisplay';
import { digestIsEmpty } from '@/utils/pages/paperQueries';
import { rowAfterRemoval, stepRow, type TodayFilter } from '@/utils/pages/triage';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import { allSeenAtItem, interestsItem, learnedModelItem } from '@/utils/storage/rankingStore';

function noPapersTitle(dayStart: number, now: number): string {
  const name = dayName(dayStart, now);
  return name === 'Yesterday' ? 'No new papers yesterday' : `No new papers on ${name}`;
}

const FILTER_EMPTY: Readonly<Record<TodayFilter, string>> = {
  all: 'Every paper of the day is dismissed.',
  matches: 'No paper matches your interests.',
  code: 'No paper with a code link.',
  unopened: 'You opened them all.',
  dismissed: 'Nothing dismissed.',
};

const NO_IDS: readonly string[] = [];

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Typing in a field, or a control that owns the arrow keys: the list's keys stay out of it. */
function keysBelongTo(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input:not([type="radio"]):not([type="checkbox"]), textarea, select')) {
    return true;
  }
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return (
    key.startsWith('Arrow') && target.closest('[role="tablist"], input[type="radio"]') !== null
  );
}

interface TodayViewProps {
  /** Called once the first rows (or the day's empty state) are drawn. */
  onFirstRows?: () => void;
  /** Local midnight of the day shown. */
  dayStart: number;
  onDayChange: (dayStart: number) => void;
  viewportHeight?: number;
}

/**
 * The papers first seen on one local day (today by default), in relevance order with the reason
 * for each, filtered, with the triage keys (arrows / j k move, s save, x not interested, Enter or
 * o open, Ctrl/Cmd+Z undo). While relevance ties everywhere, grouped by where they were seen.
 */
export function TodayView({ dayStart, onDayChange, viewportHeight, onFirstRows }: TodayViewProps) {
  const { db, now, send, openOptions } = usePopupServices();
  const notify = useNotify();
  const [filter, setFilter] = useState<TodayFilter>('all');
  // A ranked day's first rows come from a short read of the index; then one
  // read of keys (and the first rows' records), so the list, its filters' counts and the day's
  // count always agree. That read is asked once the short one answered: in Chromium, IndexedDB
  // reads asked together were measured to wait for each other.
  const firstPaint = useLiveQuery(async () => {
    const ids = await firstTodayIds(db, dayStart, filter, FIRST_ROWS);
    // While every score ties, the list is grouped: its first group's first rows.
    if (ids === undefined) return firstTiedRows(db, dayStart, filter, FIRST_ROWS);
    return ids.length > 0 ? withFirstRows<TodayList>(db, { ids }) : null;
  }, [db, dayStart, filter]);
  const started = firstPaint !== undefined;
  const day = useLiveQuery(async () => {
    if (!started) return undefined;
    const list = await todayList(db, dayStart, filter).then((found) => withFirstRows(db, found));
    const [dismissedIds, notDismissed] = await Promise.all([
      paperIds(db, { view: 'today', dayStart, filter: 'dismissed' }),
      countToday(db, dayStart, 'all'),
    ]);
    return { list, dismissedIds, dayCount: notDismissed + dismissedIds.length };
  }, [db, dayStart, filter, started]);
  // Until the new answer comes, the rows shown stay the last ones (the view never blanks).
  const lastList = useRef<TodayList & { firstRows: PaperRecord[] }>(undefined);
  const list = day?.list ?? firstPaint ?? lastList.current;
  lastList.current = list;
  const drawn = list !== undefined || day !== undefined;
  useEffect(() => {
    if (drawn) onFirstRows?.();
  }, [drawn, onFirstRows]);
  const dismissedIds = day?.dismissedIds;
  const dayCount = day?.dayCount;
  // Whether the digest is empty (for onboarding) is asked after the day: in Chromium, IndexedDB
  // reads asked together were measured to wait for each other.
  const dayIn = day !== undefined;
  const empty = useLiveQuery(async () => (dayIn ? digestIsEmpty(db) : undefined), [db, dayIn]);
  const model = useStorageValue(learnedModelItem);
  const interests = useStorageValue(interestsItem);
  const storedAllSeenAt = useStorageValue(allSeenAtItem);
  const [markedAt, setMarkedAt] = useState(0);
  // Dismissals sent but not yet in the digest: the row leaves (or comes back) at once.
  const [dismissing, setDismissing] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [moves, setMoves] = useState(0);
  const pendingFocus = useRef<string | null>(null);
  const lastDismissed = useRef<PaperRecord | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const current = now();
  const today = startOfLocalDay(current);

  const storedDismissed = useMemo(() => new Set(dismissedIds), [dismissedIds]);
  const shown = useMemo(() => {
    if (!list) return undefined;
    // Under "Dismissed", a restored row leaves; elsewhere a dismissed one does.
    const leaving = filter !== 'dismissed';
    const stays = (id: string) => dismissing.get(id) !== leaving;
    if (dismissing.size === 0) return list;
    return {
      firstRows: list.firstRows,
      ids: list.ids.filter(stays),
      groups: list.groups
        ?.map((group) => ({ label: group.label, ids: group.ids.filter(stays) }))
        .filter((group) => group.ids.length > 0),
    };
  }, [list, dismissing, filter]);
  const shownIds = shown?.ids ?? NO_IDS;
  let dismissedCount = dismissedIds?.length ?? 0;
  for (const [id, dismissed] of dismissing) {
    if (dismissed !== storedDismissed.has(id)) dismissedCount += dismissed ? 1 : -1;
  }
  const present = useCallback(
    (paper: PaperRecord) => {
      const dismissed = dismissing.get(paper.id);
      if (dismissed === undefined || dismissed === (paper.dismissedAt !== undefined)) return paper;
      return { ...paper, dismissedAt: dismissed ? today : undefined };
    },
    [dismissing, today],
  );

  // Forget pending dismissals once the digest agrees.
  useEffect(() => {
    if (!dismissedIds || dismissing.size === 0) return;
    const agreed = [...dismissing].filter(
      ([id, dismissed]) => dismissed === storedDismissed.has(id),
    );
    if (agreed.length === 0) return;
    setDismissing((previous) => {
      const next = new Map(previous);
      for (const [id] of agreed) next.delete(id);
      return next;
    });
  }, [dismissedIds, storedDismissed, dismissing]);

  const moveTo = useCallback((id: string) => {
    pendingFocus.current = id;
    setActiveId(id);
    setMoves((count) => count + 1);
  }, []);

  const setDismissed = useCallback(
    (paper: PaperRecord, dismissed: boolean) => {
      setDismissing((previous) => new Map(previous).set(paper.id, dismissed));
      send('setDismissed', { id: paper.id, dismissed }).catch((error: unknown) => {
        setDismissing((previous) => {
          const next = new Map(previous);
          next.delete(paper.id);
          return next;
        });
        notify(`Could not ${dismissed ? 'dismiss' : 'restore'} the paper: ${reasonOf(error)}`);
      });
    },
    [send, notify],
  );

  const restore = useCallback(
    (paper: PaperRecord) => {
      setDismissed(paper, false);
      if (lastDismissed.current?.id === paper.id) lastDismissed.current = null;
    },
    [setDismissed],
  );

  const undo = useCallback(
    (paper: PaperRecord) => {
      restore(paper);
      moveTo(paper.id);
    },
    [restore, moveTo],
  );

  const dismiss = useCallback(
    (paper: PaperRecord) => {
      const next = rowAfterRemoval(shownIds, paper.id);
      setDismissed(paper, true);
      lastDismissed.current = paper;
      if (next) moveTo(next);
      notify(`Not interested: ${clip(paper.title || paper.id, 60)}`, {
        label: 'Undo',
        run: () => undo(paper),
      });
    },
    [shownIds, setDismissed, moveTo, notify, undo],
  );

  const markAllSeen = () => {
    send('markAllSeen', {}).then(
      () => {
        setMarkedAt(now());
        notify('All papers marked as seen');
      },
      (error: unknown) => notify(`Could not mark all as seen: ${reasonOf(error)}`),
    );
  };

  const rowElement = (id: string) =>
    [...(listRef.current?.querySelectorAll<HTMLElement>('article[data-paper-id]') ?? [])].find(
      (element) => element.dataset.paperId === id,
    );

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || keysBelongTo(event.target, event.key)) return;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      const paper = lastDismissed.current;
      if (!paper) return;
      event.preventDefault();
      undo(paper);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const active = activeId !== undefined && shownIds.includes(activeId) ? activeId : undefined;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
      case 'ArrowUp':
      case 'k': {
        const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : -1;
        const next = stepRow(shownIds, active, step);
        if (next) moveTo(next);
        else handled = false;
        break;
      }
      case 's':
      case 'x': {
        // The row's own control: it holds the record (only rows in view have theirs read).
        const control = event.key === 's' ? '.save-toggle' : '.row-action-dismiss';
        const button = active ? rowElement(active)?.querySelector<HTMLElement>(control) : null;
        if (button) button.click();
        else handled = false;
        break;
      }
      case 'Enter':
      case 'o': {
        const row = active ? rowElement(active) : undefined;
        // Enter on a button or link inside the row is that control's own.
        if (row && (event.key === 'o' || event.target === row)) {
          row.querySelector<HTMLElement>('.paper-title a')?.click();
        } else handled = false;
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const allSeenAt = Math.max(storedAllSeenAt ?? 0, markedAt);
  const triage = useMemo<Triage>(
    () => ({
      activeId,
      setActiveId,
      pendingFocus,
      focusTick: moves,
      dismiss,
      restore,
      allSeenAt,
      // The start of the day is all "new" needs; a stable value keeps the rows from re-rendering.
      now: today,
    }),
    [activeId, moves, dismiss, restore, allSeenAt, today],
  );

  if (empty === true) return <Onboarding />;

  const isToday = dayStart >= today;
  const noInterests =
    interests !== undefined &&
    interests.keywords.length === 0 &&
    interests.exclusions.length === 0 &&
    interests.authors.length === 0 &&
    interests.categories.length === 0;
  return (
    <div className="view" ref={listRef}>
      <DayNav
        dayStart={dayStart}
        now={current}
        count={dayCount}
        canGoNext={!isToday}
        onPrevious={() => onDayChange(addLocalDays(dayStart, -1))}
        onNext={() => onDayChange(Math.min(today, addLocalDays(dayStart, 1)))}
      />
      {shown === undefined || (dayCount === undefined && day !== undefined) ? (
        <p className="loading" aria-busy="true">
          Loading…
        </p>
      ) : dayCount === 0 ? (
        isToday ? (
          <EmptyState title="No new papers yet today">
            <p>
              Papers you see on an{' '}
              <ExternalLink href="https://arxiv.org/list/cs.CL/new">arXiv listing</ExternalLink> or
              on{' '}
              <ExternalLink href="https://huggingface.co/papers">
                Hugging Face Daily Papers
              </ExternalLink>{' '}
              for the first time today will show up here.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={noPapersTitle(dayStart, current)}>
            <p>Paperlight first saw no papers that day.</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="triage-bar">
            <TodayFilters filter={filter} onChange={setFilter} dismissed={dismissedCount} />
            <button type="button" className="triage-button" onClick={markAllSeen}>
              Mark all as seen
            </button>
          </div>
          {model === null ? (
            <p className="cold-start">
              Ranked by your interests only until you save or open a few papers.
              {noInterests ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={openOptions}>
                    Set your interests
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
          {shownIds.length === 0 ? (
            <p className="filter-empty">{FILTER_EMPTY[filter]}</p>
          ) : (
            <TriageContext.Provider value={triage}>
              <PaperList
                key={`${dayStart}:${filter}`}
                ids={shownIds}
                groups={shown.groups}
                firstRows={shown.firstRows}
                present={present}
                viewportHeight={viewportHeight}
                triage={{ activeId, scrollRequest: moves }}
              />
            </TriageContext.Provider>
          )}
        </>
      )}
    </div>
  );
}
