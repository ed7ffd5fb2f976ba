import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, HOUR, makePaper, NOW, renderPopup, YESTERDAY } from '@/tests/component/helpers';
import type { PaperlightDatabase } from '@/utils/storage/database';

let db: PaperlightDatabase;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

describe('Saved view', () => {
  it('lists saved papers newest saved first, from any day', async () => {
    await db.papers.bulkAdd([
      makePaper({ title: 'Saved first', savedAt: NOW - 3 * HOUR }),
      makePaper({ title: 'Saved last', at: YESTERDAY, savedAt: NOW - HOUR }),
      makePaper({ title: 'Saved in between', savedAt: NOW - 2 * HOUR }),
      makePaper({ title: 'Not saved' }),
    ]);
    const user = userEvent.setup();
    renderPopup({ db });

    await user.click(await screen.findByRole('tab', { name: 'Saved 3' }));
    expect(screen.getByRole('tab', { name: 'Saved 3' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('3 papers saved · newest first')).toBeInTheDocument();
    const titles = screen
      .getAllByRole('article')
      .map((article) => within(article).getByRole('heading').textContent);
    expect(titles).toEqual(['Saved last', 'Saved in between', 'Saved first']);
    for (const article of screen.getAllByRole('article')) {
      expect(within(article).getByRole('button', { name: /^Save / })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    }
  });

  it('unsaving sends setSaved false and the paper leaves the list', async () => {
    await db.papers.bulkAdd([
      makePaper({ id: '2611.00011', title: 'Keep me', savedAt: NOW - 2 * HOUR }),
      makePaper({ id: '2611.00012', title: 'Drop me', savedAt: NOW - HOUR }),
    ]);
    const user = userEvent.setup();
    const { send } = renderPopup({ db });

    await user.click(await screen.findByRole('tab', { name: /^Saved/ }));
    await user.click(await screen.findByRole('button', { name: 'Save Drop me' }));
    expect(send).toHaveBeenCalledWith('setSaved', { id: '2611.00012', saved: false });
    await waitFor(() => expect(screen.queryByText('Drop me')).not.toBeInTheDocument());
    expect(screen.getByText('Keep me')).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Saved 1' })).toBeInTheDocument();
  });

  it("counts the Saved tab only after Today's first rows are drawn and the popup is idle", async () => {
    await db.papers.bulkAdd([
      makePaper({ title: 'Today, saved', savedAt: NOW - HOUR }),
      makePaper({ title: 'Today, not saved' }),
    ]);
    // The browser's idle callbacks, run by the test; each notes whether rows were drawn when it
    // was asked for.
    const idle: { run: () => void; rowsDrawn: boolean }[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => {
      idle.push({ run, rowsDrawn: screen.queryAllByRole('article').length > 0 });
      return idle.length;
    });
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      renderPopup({ db });
      expect(await screen.findByText('Today, not saved')).toBeInTheDocument();
      await waitFor(() => expect(idle).not.toHaveLength(0));
      expect(idle.every((callback) => callback.rowsDrawn)).toBe(true);
      expect(screen.getByRole('tab', { name: 'Saved' })).toBeInTheDocument();
      for (const callback of idle) callback.run();
      expect(await screen.findByRole('tab', { name: 'Saved 1' })).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows what the watch found on a saved paper that the user has not seen yet', async () => {
    await db.papers.bulkAdd([
      makePaper({
        id: '2611.00031',
        title: 'Watched paper',
        savedAt: NOW - 2 * HOUR,
        updates: [
          { kind: 'version', at: NOW - 3 * HOUR, text: 'v2' },
          { kind: 'version', at: NOW - HOUR, text: 'v3' },
          { kind: 'comments', at: NOW - HOUR, text: 'Accepted at NeurIPS 2026' },
        ],
        unseenUpdateAt: NOW - HOUR,
      }),
      makePaper({
        id: '2611.00032',
        title: 'Seen updates',
        savedAt: NOW - 3 * HOUR,
        updates: [{ kind: 'version', at: NOW - 3 * HOUR, text: 'v2' }],
      }),
    ]);
    const user = userEvent.setup();
    renderPopup({ db });
    await user.click(await screen.findByRole('tab', { name: /^Saved/ }));
    const watched = (await screen.findByText('Watched paper')).closest('article') as HTMLElement;
    expect(
      within(watched).getByText('Updated: v3; comments now say: Accepted at NeurIPS 2026'),
    ).toBeInTheDocument();
    const seen = screen.getByText('Seen updates').closest('article') as HTMLElement;
    expect(within(seen).queryByText(/^Updated/)).not.toBeInTheDocument();
  });

  it('explains how to save when nothing is saved', async () => {
    await db.papers.add(makePaper({ title: 'Unsaved paper' }));
    const user = userEvent.setup();
    renderPopup({ db });

    await user.click(await screen.findByRole('tab', { name: 'Saved' }));
    expect(await screen.findByRole('heading', { name: 'Nothing saved yet' })).toBeInTheDocument();
    expect(screen.getByText(/Star a paper/)).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});

describe('Empty states', () => {
  it('tells a new user what to do, with links', async () => {
    renderPopup({ db });

    expect(
      await screen.findByRole('heading', { name: 'Your paper digest is empty' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Paperlight notices the papers there by itself/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'arxiv.org/list/cs.CL/new' })).toHaveAttribute(
      'href',
      'https://arxiv.org/list/cs.CL/new',
    );
    expect(screen.getByRole('link', { name: 'Hugging Face Daily Papers' })).toHaveAttribute(
      'href',
      'https://huggingface.co/papers',
    );
    expect(screen.queryByRole('navigation', { name: 'Day' })).not.toBeInTheDocument();
  });

  it('says so when nothing new was seen today but the digest has older papers', async () => {
    await db.papers.add(makePaper({ title: 'Old paper', at: YESTERDAY }));
    renderPopup({ db });

    expect(
      await screen.findByRole('heading', { name: 'No new papers yet today' }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 papers')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /previous day/i })).toBeEnabled();
  });
});

describe('Tabs', () => {
  it('are keyboard accessible: arrow keys move between Today, Saved and This page', async () => {
    await db.papers.add(makePaper({ title: 'A paper' }));
    const user = userEvent.setup();
    renderPopup({ db });

    const today = await screen.findByRole('tab', { name: 'Today' });
    const saved = screen.getByRole('tab', { name: 'Saved' });
    const thisPage = screen.getByRole('tab', { name: 'This page' });
    expect(today).toHaveAttribute('tabindex', '0');
    expect(saved).toHaveAttribute('tabindex', '-1');
    expect(thisPage).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Today');

    today.focus();
    await user.keyboard('{ArrowRight}');
    expect(saved).toHaveFocus();
    expect(saved).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Saved');

    await user.keyboard('{ArrowRight}');
    expect(thisPage).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('This page');

    await user.keyboard('{ArrowRight}');
    expect(today).toHaveFocus();
    expect(await screen.findByText('A paper')).toBeInTheDocument();

    await user.keyboard('{End}');
    expect(thisPage).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(saved).toHaveFocus();
    await user.keyboard('{Home}');
    expect(today).toHaveFocus();
  });
});
