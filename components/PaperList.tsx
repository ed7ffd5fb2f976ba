import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PaperRow } from '@/components/PaperRow';
import { usePopupServices } from '@/components/PopupContext';
import { useFillIn } from '@/components/useFillIn';
import { VirtualList } from '@/components/VirtualList';
import { papersByIds, type TodayGroup } from '@/utils/pages/libraryQueries';
import type { PaperRecord } from '@/utils/shared/paperRecord';

type ListItem =
  | { type: 'header'; label: string; count: number | undefined }
  | { type: 'paper'; id: string; position: number };

/**
 * First guess of a row's height (px), replaced by its measured height once rendered. The list
 * knows only ids until a row is in view, so the guess is the same for every row.
 */
const ROW_ESTIMATE = 150;
const ACTIONS_ESTIMATE = 30;
const HEADER_ESTIMATE = 34;

const getKey = (item: ListItem) =>
  item.type === 'header' ? `group:${item.label}` : `paper:${item.id}`;

function toItems(ids: readonly string[], groups: readonly TodayGroup[] | undefined): ListItem[] {
  if (!groups) return ids.map((id, index) => ({ type: 'paper', id, position: index + 1 }));
  const items: ListItem[] = [];
  let position = 0;
  for (const group of groups) {
    items.push({
      type: 'header',
      label: group.label,
      count: group.partial ? undefined : group.ids.length,
    });
    for (const id of group.ids) items.push({ type: 'paper', id, position: ++position });
  }
  return items;
}

/** Records kept for rows that left the window (drawn at once if they come back, then refreshed). */
const KEPT_RECORDS = 200;
const NO_PAPERS: PaperRecord[] = [];

/**
 * The records of the rows in view, live, read by id. Records read before (`firstRows`, rows that
 * were in view) are drawn at once while the read is under way, so rows do not blink.
 */
function useRecordsOf(
  ids: readonly string[],
  firstRows: readonly PaperRecord[] | undefined,
): ReadonlyMap<string, PaperRecord> {
  const { db } = usePopupServices();
  // The first rows come live with the list's own query: only the others are read here.
  const first = useMemo(() => new Set(firstRows?.map((paper) => paper.id)), [firstRows]);
  const key = ids.filter((id) => !first.has(id)).join('\n');
  const loaded = useLiveQuery(
    () => (key === '' ? NO_PAPERS : papersByIds(db, key.split('\n'))),
    [db, key],
  );
  const known = useRef<ReadonlyMap<string, PaperRecord>>(new Map());
  return useMemo(() => {
    // Oldest first, so the newest reads win and the cap drops the longest gone.
    const next = new Map([...known.current].slice(-KEPT_RECORDS));
    for (const paper of [...(loaded ?? []), ...(firstRows ?? [])]) {
      next.delete(paper.id);
      next.set(paper.id, paper);
    }
    known.current = next;
    return next;
    // `key` is what `loaded` answers; a new key alone changes nothing until its answer comes.
  }, [loaded, firstRows]);
}

interface PaperListProps {
  /** In display order (keys only: each row reads its record once it is in view). */
  ids: readonly string[];
  /** Headers (label + count) over runs of `ids`; `ids` must be these groups' ids in order. */
  groups?: readonly TodayGroup[];
  viewportHeight?: number;
  /** Today's triage: rows carry actions (taller), and keys move to `activeId`. */
  triage?: { activeId: string | undefined; scrollRequest: number };
  /** What a row shows of its record (Today: dismissals not yet stored already apply). */
  present?: (paper: PaperRecord) => PaperRecord;
  /** The first rows' records, read with the ids: the list opens with its rows drawn. */
  firstRows?: readonly PaperRecord[];
}

/** The windowed list of paper rows shared by Today and Saved. */
export function PaperList({
  ids,
  groups,
  viewportHeight,
  triage,
  present,
  firstRows,
}: PaperListProps) {
  const items = useMemo(() => toItems(ids, groups), [ids, groups]);
  const withActions = triage !== undefined;
  const estimate = useCallback(
    (item: ListItem) =>
      item.type === 'header'
        ? HEADER_ESTIMATE
        : ROW_ESTIMATE + (withActions ? ACTIONS_ESTIMATE : 0),
    [withActions],
  );
  const activeId = triage?.activeId;
  const activeIndex = useMemo(
    () => items.findIndex((item) => item.type === 'paper' && item.id === activeId),
    [items, activeId],
  );
  const [renderedIds, setRenderedIds] = useState<readonly string[]>([]);
  const onRendered = useCallback((rendered: readonly ListItem[]) => {
    const next = rendered.flatMap((item) => (item.type === 'paper' ? [item.id] : []));
    setRenderedIds((previous) =>
      previous.length === next.length && previous.every((id, index) => id === next[index])
        ? previous
        : next,
    );
  }, []);
  const records = useRecordsOf(renderedIds, firstRows);
  // The rows rendered without an abstract are looked up on the arXiv API (see useFillIn).
  const fillIn = useFillIn();
  useEffect(() => {
    fillIn(renderedIds.flatMap((id) => records.get(id) ?? []));
  }, [fillIn, renderedIds, records]);
  const total = ids.length;
  // A key moved to a row not listed yet (a restore on its way to the database) scrolls once it is.
  const scrollRequest =
    triage === undefined ? undefined : triage.scrollRequest * 2 + (activeIndex >= 0 ? 1 : 0);
  return (
    <VirtualList
      items={items}
      getKey={getKey}
      estimateSize={estimate}
      viewportHeight={viewportHeight}
      scrollToIndex={activeIndex}
      scrollRequest={scrollRequest}
      overscan={4}
      onRendered={onRendered}
      renderItem={(item) => {
        if (item.type === 'header') {
          return (
            <h2 className="group-header">
              <span className="group-label">{item.label}</span>{' '}
              {item.count === undefined ? null : (
                <span className="group-count">
                  {item.count.toLocaleString('en-US')}
                  <span className="sr-only">{item.count === 1 ? ' paper' : ' papers'}</span>
                </span>
              )}
            </h2>
          );
        }
        const paper = records.get(item.id);
        if (!paper) {
          return (
            <div
              className="paper paper-loading"
              aria-hidden="true"
              style={{ height: estimate(item) }}
            />
          );
        }
        return (
          <PaperRow
            paper={present ? present(paper) : paper}
            position={item.position}
            setSize={total}
          />
        );
      }}
    />
  );
}
