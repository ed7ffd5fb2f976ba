import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeOffsets, indexAt, visibleRange } from '@/components/useWindowedList';
import { freshDb, HOUR, makePaper, NOW, renderPopup } from '@/tests/component/helpers';
import type { PaperlightDatabase } from '@/utils/storage/database';

describe('windowing math', () => {
  const offsets = computeOffsets([100, 50, 150, 100]); // starts 0, 100, 150, 300; total 400

  it('computes start offsets and the total height', () => {
    expect(offsets).toEqual([0, 100, 150, 300, 400]);
    expect(computeOffsets([])).toEqual([0]);
  });

  it('finds the item containing a position', () => {
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 99)).toBe(0);
    expect(indexAt(offsets, 100)).toBe(1);
    expect(indexAt(offsets, 299)).toBe(2);
    expect(indexAt(offsets, 10_000)).toBe(3);
  });

  it('renders the viewport plus overscan', () => {
    expect(visibleRange(offsets, 0, 120, 0)).toEqual({ start: 0, end: 2 });
    expect(visibleRange(offsets, 160, 100, 0)).toEqual({ start: 2, end: 3 });
    expect(visibleRange(offsets, 160, 100, 1)).toEqual({ start: 1, end: 4 });
    expect(visibleRange([0], 0, 500, 3)).toEqual({ start: 0, end: 0 });
  });
});

describe('the windowed paper list', () => {
  let db: PaperlightDatabase;

  beforeEach(() => {
    db = freshDb();
  });

  afterEach(async () => {
    await db.delete();
  });

  it('renders only a window of 5,000 papers in one day, and scrolling brings others', async () => {
    const papers = Array.from({ length: 5000 }, (_, index) =>
      makePaper({
        id: `2611.${String(index).padStart(5, '0')}`,
        title: `Paper number ${index}`,
        at: NOW - HOUR,
        position: index,
      }),
    );
    await db.papers.bulkAdd(papers);
    renderPopup({ db, listViewportHeight: 500 });

    expect(await screen.findByText('Paper number 0', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('5,000 papers')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('arXiv cs.CL · new 5,000');
    const rendered = screen.getAllByRole('article');
    expect(rendered.length).toBeGreaterThan(3);
    expect(rendered.length).toBeLessThan(30);
    expect(rendered[0]).toHaveAttribute('aria-setsize', '5000');
    expect(screen.queryByText('Paper number 4999')).not.toBeInTheDocument();

    const scroller = screen.getByTestId('virtual-list');
    const spacer = scroller.firstElementChild as HTMLElement;
    expect(Number.parseFloat(spacer.style.height)).toBeGreaterThan(5000 * 50);

    fireEvent.scroll(scroller, { target: { scrollTop: Number.parseFloat(spacer.style.height) } });
    expect(await screen.findByText('Paper number 4999')).toBeInTheDocument();
    expect(screen.queryByText('Paper number 0')).not.toBeInTheDocument();
    expect(screen.getAllByRole('article').length).toBeLessThan(30);

    fireEvent.scroll(scroller, {
      target: { scrollTop: Number.parseFloat(spacer.style.height) / 2 },
    });
    expect((await screen.findAllByText(/^Paper number 2\d{3}$/)).length).toBeGreaterThan(0);
    expect(screen.queryByText('Paper number 4999')).not.toBeInTheDocument();
  }, 20_000);
});
