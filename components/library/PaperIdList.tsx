import { useCallback } from 'react';
import { LibraryRow } from '@/components/library/LibraryRow';
import { VirtualList } from '@/components/VirtualList';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

interface PaperIdListProps {
  ids: readonly string[];
  /** Records of the rendered rows (read for those only). */
  papers: ReadonlyMap<string, PaperRecord>;
  onRendered: (ids: readonly string[]) => void;
  tags: ReadonlyMap<string, Tag>;
  activeId: string | undefined;
  /** The row to focus once rendered, with a count that changes at each request. */
  focus: { id: string; request: number } | undefined;
  selected: ReadonlySet<string>;
  onSelect: (id: string, range: boolean) => void;
  onActivate: (id: string) => void;
  onDetails: (id: string) => void;
  scrollToIndex: number;
  scrollRequest: number;
  label: string;
  viewportHeight?: number;
}

const ROW_ESTIMATE = 120;
const estimate = () => ROW_ESTIMATE;
const keyOf = (id: string) => id;

/** A list given as ids: windowed, each row drawn from its record once that is read. */
export function PaperIdList({
  ids,
  papers,
  onRendered,
  tags,
  activeId,
  focus,
  selected,
  onSelect,
  onActivate,
  onDetails,
  scrollToIndex,
  scrollRequest,
  label,
  viewportHeight,
}: PaperIdListProps) {
  const renderItem = useCallback(
    (id: string, index: number) => {
      const paper = papers.get(id);
      if (!paper) return <div className="paper row-loading" aria-hidden="true" />;
      return (
        <LibraryRow
          paper={paper}
          tags={tags}
          active={id === activeId}
          selected={selected.has(id)}
          focusRequest={focus?.id === id ? focus.request : undefined}
          position={index + 1}
          setSize={ids.length}
          onSelect={onSelect}
          onActivate={onActivate}
          onDetails={onDetails}
        />
      );
    },
    [papers, tags, activeId, selected, focus, ids.length, onSelect, onActivate, onDetails],
  );
  return (
    <section className="library-list" aria-label={label}>
      <VirtualList
        items={ids}
        getKey={keyOf}
        estimateSize={estimate}
        renderItem={renderItem}
        onRendered={onRendered}
        scrollToIndex={scrollToIndex}
        scrollRequest={scrollRequest}
        viewportHeight={viewportHeight}
        overscan={6}
      />
    </section>
  );
}
