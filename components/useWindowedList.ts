import {
  type UIEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/**
 * Windowing for long, variable-height lists: only the items that intersect the scroll viewport
 * (plus a few either side) are rendered, absolutely positioned inside a spacer as tall as the whole
 * list. Heights start as per-item estimates and are replaced by measured heights (ResizeObserver)
 * as items render; the first visible item stays put on screen while heights above it change.
 */

/** Viewport height used before (or without) layout, e.g. in jsdom: about the popup's list area. */
export const FALLBACK_VIEWPORT_HEIGHT = 600;

/** `offsets[i]` is where item i starts; `offsets[n]` is the total height. */
export function computeOffsets(sizes: readonly number[]): number[] {
  const offsets = new Array<number>(sizes.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < sizes.length; i++) {
    offsets[i + 1] = (offsets[i] ?? 0) + (sizes[i] ?? 0);
  }
  return offsets;
}

/** Index of the item containing `y` (clamped to the list). */
export function indexAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The items to render: `[start, end)`, the viewport's items plus `overscan` either side. */
export function visibleRange(
  offsets: readonly number[],
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = indexAt(offsets, Math.max(0, scrollTop));
  const last = indexAt(offsets, Math.max(0, scrollTop + Math.max(viewportHeight, 1) - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

export interface WindowedListOptions<T> {
  items: readonly T[];
  getKey: (item: T, index: number) => string;
  /** Height guess (px) for an item not yet measured. */
  estimateSize: (item: T, index: number) => number;
  /** Fixed viewport height; measured from the scroll element when omitted. */
  viewportHeight?: number;
  /** Items rendered beyond each edge of the viewport. */
  overscan?: number;
}

export interface WindowedItem<T> {
  item: T;
  index: number;
  key: string;
  start: number;
  size: number;
}

export function useWindowedList<T>({
  items,
  getKey,
  estimateSize,
  viewportHeight,
  overscan = 4,
}: WindowedListOptions<T>) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredViewport, setMeasuredViewport] = useState(0);
  const measured = useRef(new Map<string, number>());
  const [measureVersion, setMeasureVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measureVersion invalidates the measured sizes
  const layout = useMemo(() => {
    const keys = items.map((item, index) => getKey(item, index));
    const sizes = items.map(
      (item, index) => measured.current.get(keys[index] ?? '') ?? estimateSize(item, index),
    );
    const indexByKey = new Map(keys.map((key, index) => [key, index]));
    return { keys, sizes, offsets: computeOffsets(sizes), indexByKey };
  }, [items, getKey, estimateSize, measureVersion]);

  const height =
    viewportHeight ?? (measuredViewport > 0 ? measuredViewport : FALLBACK_VIEWPORT_HEIGHT);
  const { start, end } = visibleRange(layout.offsets, scrollTop, height, overscan);
  const virtualItems: WindowedItem<T>[] = [];
  for (let index = start; index < end; index++) {
    virtualItems.push({
      item: items[index] as T,
      index,
      key: layout.keys[index] ?? String(index),
      start: layout.offsets[index] ?? 0,
      size: layout.sizes[index] ?? 0,
    });
  }

  // Viewport height: measured unless given.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || viewportHeight !== undefined) return;
    setMeasuredViewport(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasuredViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewportHeight]);

  // Item heights: one observer for all rendered items; a changed height re-lays out the list.
  const itemObserver = useRef<ResizeObserver | null>(null);
  const recordHeight = useCallback((element: HTMLElement) => {
    const key = element.dataset.key;
    const size = element.getBoundingClientRect().height;
    if (key === undefined || !(size > 0)) return; // no layout (jsdom, hidden): keep the estimate
    const previous = measured.current.get(key);
    if (previous !== undefined && Math.abs(previous - size) < 0.5) return;
    measured.current.set(key, size);
    setMeasureVersion((version) => version + 1);
  }, []);
  useEffect(
    () => () => {
      itemObserver.current?.disconnect();
      itemObserver.current = null;
    },
    [],
  );
  const measureRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      recordHeight(element);
      if (typeof ResizeObserver === 'undefined') return;
      itemObserver.current ??= new ResizeObserver((entries) => {
        for (const entry of entries) recordHeight(entry.target as HTMLElement);
      });
      const observer = itemObserver.current;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [recordHeight],
  );

  // Keep the first visible item where it is on screen when heights or items above it change.
  const anchor = useRef<{ key: string; start: number } | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = anchor.current;
    if (previous && element.scrollTop > 0) {
      const index = layout.indexByKey.get(previous.key);
      const delta = index === undefined ? 0 : (layout.offsets[index] ?? 0) - previous.start;
      if (delta !== 0) {
        element.scrollTop += delta;
        setScrollTop(element.scrollTop);
      }
    }
    const first = indexAt(layout.offsets, element.scrollTop);
    const key = layout.keys[first];
    anchor.current = key === undefined ? null : { key, start: layout.offsets[first] ?? 0 };
  }, [layout]);

  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      const top = event.currentTarget.scrollTop;
      setScrollTop(top);
      const first = indexAt(layout.offsets, top);
      const key = layout.keys[first];
      anchor.current = key === undefined ? null : { key, start: layout.offsets[first] ?? 0 };
    },
    [layout],
  );

  return {
    scrollRef,
    onScroll,
    measureRef,
    virtualItems,
    totalSize: layout.offsets[layout.offsets.length - 1] ?? 0,
  };
}
