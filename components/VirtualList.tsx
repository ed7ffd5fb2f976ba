import { type ReactNode, useEffect } from 'react';
import { useWindowedList, type WindowedListOptions } from '@/components/useWindowedList';

interface VirtualListProps<T> extends WindowedListOptions<T> {
  renderItem: (item: T, index: number) => ReactNode;
  className?: string;
  /** Told the items rendered (in view, plus the overscan) whenever they change. */
  onRendered?: (items: readonly T[]) => void;
}

/** A scroll box that renders only the items in (or near) view; see useWindowedList. */
export function VirtualList<T>({
  renderItem,
  className,
  onRendered,
  ...options
}: VirtualListProps<T>) {
  const { scrollRef, onScroll, measureRef, virtualItems, totalSize } = useWindowedList(options);
  const first = virtualItems[0]?.index ?? 0;
  const end = first + virtualItems.length;
  const { items } = options;
  useEffect(() => {
    onRendered?.(items.slice(first, end));
  }, [onRendered, items, first, end]);
  return (
    <div
      ref={scrollRef}
      className={className ? `vlist ${className}` : 'vlist'}
      onScroll={onScroll}
      data-testid="virtual-list"
      style={options.viewportHeight !== undefined ? { height: options.viewportHeight } : undefined}
    >
      <div className="vlist-spacer" style={{ height: totalSize }}>
        {virtualItems.map(({ item, index, key, start }) => (
          <div
            key={key}
            ref={measureRef}
            data-key={key}
            className="vlist-item"
            style={{ transform: `translateY(${start}px)` }}
          >
            {renderItem(item, index)}
          </div>
        ))}
      </div>
    </div>
  );
}
