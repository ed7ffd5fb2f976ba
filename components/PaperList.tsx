import { useCallback, useMemo } from 'react';
import { PaperRow } from '@/components/PaperRow';
import { useFillIn } from '@/components/useFillIn';
import { VirtualList } from '@/components/VirtualList';
import { groupByLabel, paperLinks } from '@/utils/pages/paperDisplay';
import type { PaperRecord } from '@/utils/shared/paperRecord';

type ListItem =
  | { type: 'header'; label: string; count: number }
  | { type: 'paper'; paper: PaperRecord; position: number };

/** Rough characters per line of row text at the popup's width (for height estimates only). */
const CHARS_PER_LINE = 52;
const lines = (text: string | undefined, max: number) =>
  Math.min(max, Math.max(1, Math.ceil((text?.length ?? 0) / CHARS_PER_LINE)));

/** First guess of a row's height (px), replaced by its measured height once rendered. */
function estimateSize(item: ListItem, withActions: boolean): number {
  if (item.type === 'header') return 34;
  const { paper } = item;
  let height = 20 + lines(paper.title, 3) * 19 + 17; // padding, title, authors
  const tldr = paper.tldr?.trim();
  const ai = paper.hf?.aiSummary?.trim();
  if (tldr) height += lines(tldr, 4) * 18;
  if (ai) height += 20 + lines(ai, 4) * 17;
  if (!tldr && !ai) height += 18;
  if (paper.primaryCategory || paper.hf?.upvotes !== undefined || paperLinks(paper).length > 0) {
    height += 28;
  }
  if (
    paper.relevance &&
    (paper.relevance.reasons.length > 0 || paper.relevance.learned.length > 0)
  ) {
    height += 18;
  }
  if (withActions) height += 30;
  return height;
}

const getKey = (item: ListItem) =>
  item.type === 'header' ? `group:${item.label}` : `paper:${item.paper.id}`;

function toItems(papers: readonly PaperRecord[], grouped: boolean): ListItem[] {
  if (!grouped) {
    return papers.map((paper, index) => ({ type: 'paper', paper, position: index + 1 }));
  }
  const items: ListItem[] = [];
  let position = 0;
  for (const group of groupByLabel(papers)) {
    items.push({ type: 'header', label: group.label, count: group.papers.length });
    for (const paper of group.papers) items.push({ type: 'paper', paper, position: ++position });
  }
  return items;
}

interface PaperListProps {
  /** In display order. */
  papers: readonly PaperRecord[];
  /** Insert a header (label + count) before each run of papers with the same sighting label. */
  grouped: boolean;
  viewportHeight?: number;
  /** Today's triage: rows carry actions (taller), and keys move to `activeId`. */
  triage?: { activeId: string | undefined; scrollRequest: number };
}

/** The windowed list of paper rows shared by Today and Saved. */
export function PaperList({ papers, grouped, viewportHeight, triage }: PaperListProps) {
  const items = useMemo(() => toItems(papers, grouped), [papers, grouped]);
  const withActions = triage !== undefined;
  const estimate = useCallback((item: ListItem) => estimateSize(item, withActions), [withActions]);
  const activeId = triage?.activeId;
  const activeIndex = useMemo(
    () => items.findIndex((item) => item.type === 'paper' && item.paper.id === activeId),
    [items, activeId],
  );
  const total = papers.length;
  // The rows rendered without an abstract are looked up on the arXiv API (see useFillIn).
  const fillIn = useFillIn();
  const onRendered = useCallback(
    (rendered: readonly ListItem[]) => {
      fillIn(rendered.flatMap((item) => (item.type === 'paper' ? [item.paper] : [])));
    },
    [fillIn],
  );
  return (
    <VirtualList
      items={items}
      getKey={getKey}
      estimateSize={estimate}
      viewportHeight={viewportHeight}
      scrollToIndex={activeIndex}
      scrollRequest={triage?.scrollRequest}
      overscan={4}
      onRendered={onRendered}
      renderItem={(item) =>
        item.type === 'header' ? (
          <h2 className="group-header">
            <span className="group-label">{item.label}</span>{' '}
            <span className="group-count">
              {item.count.toLocaleString('en-US')}
              <span className="sr-only">{item.count === 1 ? ' paper' : ' papers'}</span>
            </span>
          </h2>
        ) : (
          <PaperRow paper={item.paper} position={item.position} setSize={total} />
        )
      }
    />
  );
}
