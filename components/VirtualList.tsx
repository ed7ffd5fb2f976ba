import {
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useRef } from 'react';

/** Viewport height used before (or without) layout, e.g. in jsdom: about the popup's list area. */
const FALLBACK_VIEWPORT_HEIGHT = 600;

interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T, index: number) => string;
  /** Height guess (px) for an item not yet measured. */
  estimateSize: (item: T, index: number) => number;
  /** Fixed viewport height; measured from the scroll element when omitted. */
  viewportHeight?: number;
  /** Items rendered beyond each edge of the viewport. */
  overscan?: number;
  renderItem: (item: T, index: number) => ReactNode;
  className?: string;
  /** Told the items rendered (in view, plus the overscan) whenever they change. */
  onRendered?: (items: readonly T[]) => void;
  /** Brings this item into view each time `scrollRequest` changes (keyboard movement). */
  scrollToIndex?: number;
  scrollRequest?: number;
}

/** A measured height, or (no layout: a hidden panel, jsdom) the last known one or the estimate. */
function measureOrKeep(
  element: HTMLDivElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, HTMLDivElement>,
): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) return size;
  const index = instance.indexFromElement(element);
  const known = instance.itemSizeCache.get(instance.options.getItemKey(index));
  return known ?? instance.options.estimateSize(index);
}

/**
 * A scroll box that renders only the items in (or near) view, absolutely positioned in a spacer
 * as tall as the whole list (@tanstack/react-virtual). Heights start as estimates and are replaced
 * by measured ones; when a row above the viewport changes height, the scroll position is corrected
 * by the same amount, so the rows in view stay where they are on screen.
 */
export function VirtualList<T>({
  items,
  getKey,
  estimateSize,
  viewportHeight,
  overscan = 4,
  renderItem,
  className,
  onRendered,
  scrollToIndex,
  scrollRequest,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    getItemKey: useCallback((index: number) => getKey(items[index] as T, index), [items, getKey]),
    estimateSize: useCallback(
      (index: number) => estimateSize(items[index] as T, index),
      [items, estimateSize],
    ),
    overscan,
    measureElement: measureOrKeep,
    initialRect: { width: 0, height: viewportHeight ?? FALLBACK_VIEWPORT_HEIGHT },
    observeElementRect: (instance, report) => {
      if (viewportHeight !== undefined) {
        report({ width: 0, height: viewportHeight });
        return;
      }
      return observeElementRect(instance, (rect) =>
        report(rect.height > 0 ? rect : { ...rect, height: FALLBACK_VIEWPORT_HEIGHT }),
      );
    },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const end = (virtualItems[virtualItems.length - 1]?.index ?? -1) + 1;
  useEffect(() => {
    onRendered?.(items.slice(first, end));
  }, [onRendered, items, first, end]);
  // Only a new request scrolls: the reader's own scrolling is not undone when the items change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the request alone
  useEffect(() => {
    if (scrollRequest === undefined || scrollToIndex === undefined || scrollToIndex < 0) return;
    virtualizer.scrollToIndex(scrollToIndex, { align: 'auto' });
  }, [scrollRequest]);
  return (
    <div
      ref={scrollRef}
      className={className ? `vlist ${className}` : 'vlist'}
      data-testid="virtual-list"
      style={viewportHeight !== undefined ? { height: viewportHeight } : undefined}
    >
      <div className="vlist-spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map(({ index, key, start }) => (
          <div
            key={String(key)}
            ref={virtualizer.measureElement}
            data-index={index}
            className="vlist-item"
            style={{ transform: `translateY(${start}px)` }}
          >
            {renderItem(items[index] as T, index)}
          </div>
        ))}
      </div>
    </div>
  );
}
