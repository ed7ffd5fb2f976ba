import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, HOUR, makePaper, NOW, renderPopup } from '@/tests/component/helpers';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { PaperlightDatabase } from '@/utils/storage/database';

/**
 * "Read only what you show": the popup's lists read ids from indexes and the records of the rows
 * in view. Counted at the database's lowest layer: every paper record handed up by a get, a
 * getMany, a query or a cursor.
 */

let db: PaperlightDatabase;
let recordsRead = 0;

function countingRecords(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    get: async (request) => {
      const value = await table.get(request);
      if (value !== undefined) recordsRead += 1;
      return value;
    },
    getMany: async (request) => {
      const values = await table.getMany(request);
      recordsRead += values.filter((value) => value !== undefined).length;
      return values;
    },
    query: async (request) => {
      const response = await table.query(request);
      if (request.values) recordsRead += response.result.length;
      return response;
    },
    openCursor: async (request) => {
      const cursor = await table.openCursor(request);
      if (!cursor || request.values === false) return cursor;
      recordsRead += 1; // the first step; each further step is counted as it is taken
      const start = cursor.start.bind(cursor);
      return Object.assign(cursor, {
        start: (onNext: () => void) =>
          start(() => {
            recordsRead += 1;
            onNext();
          }),
      });
    },
  };
}

const countReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'CountPaperReads',
  level: 1,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'papers' ? countingRecords(down.table(name)) : down.table(name)),
  }),
};

const paperId = (index: number) => `2611.${String(index).padStart(5, '0')}`;

beforeEach(() => {
  db = freshDb();
  db.use(countReads);
});

afterEach(async () => {
  await db.delete();
});

/** The most records a popup list may read to open: its first rows, and the rows in view. */
const WINDOW_RECORDS = 40;

describe('the popup reads the records of the rows it shows, not of the list', () => {
  it('opens Saved with 3,000 saved papers reading only a window of records', async () => {
    await db.papers.bulkAdd(
      Array.from({ length: 3000 }, (_, index) =>
        makePaper({
          id: paperId(index),
          title: `Saved number ${index}`,
          at: NOW - 48 * HOUR,
          savedAt: NOW - 3000 + index,
        }),
      ),
    );
    const user = userEvent.setup();
    renderPopup({ db, listViewportHeight: 500 });
    await user.click(await screen.findByRole('tab', { name: 'Saved 3,000' }));
    recordsRead = 0;
    // Newest saved first.
    expect(await screen.findByText('Saved number 2999', {}, { timeout: 5000 })).toBeVisible();
    expect(
      await screen.findByText('3,000 papers saved · newest first', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const rows = screen.getAllByRole('article');
    expect(rows[0]).toHaveAttribute('aria-setsize', '3000');
    expect(recordsRead).toBeGreaterThan(0);
    expect(recordsRead).toBeLessThanOrEqual(WINDOW_RECORDS);

    // Scrolling to the end reads the rows that come into view, not the ones in between.
    recordsRead = 0;
    const scroller = screen.getByTestId('virtual-list');
    const spacer = scroller.firstElementChild as HTMLElement;
    fireEvent.scroll(scroller, { target: { scrollTop: Number.parseFloat(spacer.style.height) } });
    expect(await screen.findByText('Saved number 0')).toBeInTheDocument();
    expect(recordsRead).toBeLessThanOrEqual(WINDOW_RECORDS);
  }, 30_000);

  it('opens a 3,000-paper day, filtered and grouped, reading only a window of records', async () => {
    const day: PaperRecord[] = Array.from({ length: 3000 }, (_, index) =>
      makePaper({
        id: paperId(index),
        title: `Day paper ${index}`,
        label: index % 2 === 0 ? 'arXiv cs.CL · new' : 'HF Daily Papers · 2026-11-27',
        at: NOW - HOUR - (index % 2) * HOUR,
        position: index,
        ...(index % 3 === 0 ? { codeUrls: [`https://github.com/lab/p${index}`] } : {}),
      }),
    );
    await db.papers.bulkAdd(day);
    recordsRead = 0;
    const user = userEvent.setup();
    renderPopup({ db, listViewportHeight: 500 });
    expect(await screen.findByText('Day paper 0', {}, { timeout: 5000 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Day' });
    // The first group's first rows come first; the day's and the groups' sizes with the whole day.
    expect(await within(nav).findByText('3,000 papers', {}, { timeout: 5000 })).toBeInTheDocument();
    // Ties everywhere: grouped by where they were seen, newest sighting first, counts from keys.
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(
        'arXiv cs.CL · new 1,500',
      ),
    );
    expect(recordsRead).toBeLessThanOrEqual(WINDOW_RECORDS);

    recordsRead = 0;
    await user.click(screen.getByRole('radio', { name: 'Has code' }));
    await waitFor(() => expect(screen.queryByText('Day paper 2')).toBeNull());
    expect(screen.getByText('Day paper 6')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(
      'arXiv cs.CL · new 500',
    );
    expect(recordsRead).toBeLessThanOrEqual(WINDOW_RECORDS);
  }, 30_000);
});
