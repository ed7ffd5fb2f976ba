import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from '@/components/VirtualList';
import { freshDb, HOUR, makePaper, NOW, renderPopup } from '@/tests/component/helpers';
import type { PaperlightDatabase } from '@/utils/storage/database';

// jsdom has no layout: rows keep their estimated heights, so these set the list's geometry.
const SIZES = [100, 50, 150, 100]; // starts 0, 100, 150, 300; total 400

function renderList(viewportHeight: number, overscan: number, sizes = SIZES) {
  const items = sizes.map((size, index) => ({ name: `item ${index}`, size }));
  render(
    <VirtualList
      items={items}
      getKey={(item) => item.name}
      estimateSize={(item) => item.size}
      viewportHeight={viewportHeight}
      overscan={overscan}
      renderItem={(item) => <p>{item.name}</p>}
    />,
  );
  const scroller = screen.getByTestId('virtual-list');
  const scrollTo = (scrollTop: number) => fireEvent.scroll(scroller, { target: { scrollTop } });
  const rendered = () => screen.queryAllByText(/^item \d$/).map((row) => row.textContent);
  const starts = () =>
    [...scroller.querySelectorAll<HTMLElement>('.vlist-item')].map((row) => row.style.transform);
  const total = () => (scroller.firstElementChild as HTMLElement).style.height;
  return { scrollTo, rendered, starts, total };
}

describe('windowing geometry', () => {
  it('places items at their start offsets in a spacer of the total height', () => {
    const list = renderList(1000, 0);
    expect(list.starts()).toEqual([
      'translateY(0px)',
      'translateY(100px)',
      'translateY(150px)',
      'translateY(300px)',
    ]);
    expect(list.total()).toBe('400px');
  });

  it('finds the item containing a position', () => {
    const list = renderList(1, 0);
    expect(list.rendered()).toEqual(['item 0']);
    list.scrollTo(99);
    expect(list.rendered()).toEqual(['item 0']);
    list.scrollTo(100);
    expect(list.rendered()).toEqual(['item 1']);
    list.scrollTo(299);
    expect(list.rendered()).toEqual(['item 2']);
    list.scrollTo(10_000);
    expect(list.rendered()).toEqual(['item 3']);
  });

  it('renders the viewport plus overscan', () => {
    expect(renderList(120, 0).rendered()).toEqual(['item 0', 'item 1']);
  });

  it('renders the viewport plus overscan, scrolled', () => {
    const list = renderList(100, 0);
    list.scrollTo(160);
    expect(list.rendered()).toEqual(['item 2']);
  });

  it('renders one more item each side with an overscan of 1', () => {
    const list = renderList(100, 1);
    list.scrollTo(160);
    expect(list.rendered()).toEqual(['item 1', 'item 2', 'item 3']);
  });

  it('renders nothing for no items', () => {
    const list = renderList(500, 3, []);
    expect(list.rendered()).toEqual([]);
    expect(list.total()).toBe('0px');
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
    // The first group's first rows come first; its size and the day's with the whole day.
    expect(await screen.findByText('5,000 papers', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
        'arXiv cs.CL · new 5,000',
      ),
    );
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
