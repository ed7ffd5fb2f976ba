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

function articleTitles(): string[] {
  return screen
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 3 }).textContent ?? '');
}

describe('Today view', () => {
  it("groups today's papers under their labels, newest sighting first, page order within", async () => {
    await db.papers.bulkAdd([
      makePaper({ id: '2611.00001', title: 'Listing second', at: NOW - 3 * HOUR, position: 1 }),
      makePaper({ id: '2611.00002', title: 'Listing first', at: NOW - 3 * HOUR, position: 0 }),
      makePaper({
        id: '2611.00003',
        title: 'HF third',
        label: 'HF Daily Papers · 2026-11-27',
        at: NOW - HOUR,
        position: 2,
      }),
      makePaper({
        id: '2611.00004',
        title: 'HF first',
        label: 'HF Daily Papers · 2026-11-27',
        at: NOW - HOUR,
        position: 0,
      }),
      makePaper({ id: '2611.00005', title: 'Seen yesterday', at: YESTERDAY }),
    ]);
    renderPopup({ db });

    expect(await screen.findByText('HF first')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');

    // The first group's first rows come first (its size with the whole day), then every group.
    await waitFor(() =>
      expect(
        screen.getAllByRole('heading', { level: 2 }).map((header) => header.textContent),
      ).toEqual(['HF Daily Papers · 2026-11-27 2 papers', 'arXiv cs.CL · new 2 papers']),
    );
    expect(articleTitles()).toEqual(['HF first', 'HF third', 'Listing first', 'Listing second']);
    expect(screen.queryByText('Seen yesterday')).not.toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Day' });
    expect(within(nav).getByText('Today')).toBeInTheDocument();
    expect(within(nav).getByText('4 papers')).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /next day/i })).toBeDisabled();
  });

  it("shows yesterday's papers after pressing the previous-day button, and comes back", async () => {
    await db.papers.bulkAdd([
      makePaper({ title: 'Seen today' }),
      makePaper({ title: 'Seen yesterday', at: YESTERDAY }),
    ]);
    const user = userEvent.setup();
    renderPopup({ db });
    expect(await screen.findByText('Seen today')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /previous day/i }));
    expect(await screen.findByText('Seen yesterday')).toBeInTheDocument();
    expect(screen.queryByText('Seen today')).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Day' });
    expect(within(nav).getByText('Yesterday')).toBeInTheDocument();
    expect(await within(nav).findByText('1 paper')).toBeInTheDocument();

    // The list is live: a paper leaving the digest leaves the view.
    await db.papers.where('firstSeenAt').equals(YESTERDAY).delete();
    expect(await screen.findByRole('heading', { name: 'No new papers yesterday' })).toBeVisible();
    await db.papers.add(makePaper({ title: 'Seen yesterday', at: YESTERDAY }));
    expect(await screen.findByText('Seen yesterday')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /previous day/i }));
    expect(await screen.findByText(/No new papers on .*\b25\b/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /next day/i }));
    await user.click(screen.getByRole('button', { name: /next day/i }));
    expect(await screen.findByText('Seen today')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /next day/i })).toBeDisabled();
  });

  it('shows the TL;DR, the labelled HF AI summary, or "No abstract yet"', async () => {
    await db.papers.bulkAdd([
      makePaper({ title: 'Only local', tldr: 'We make parsing fast.', position: 0 }),
      makePaper({
        title: 'Both summaries',
        tldr: 'We scale retrieval.',
        hf: { aiSummary: 'A retriever that scales to billions.', upvotes: 42 },
        position: 1,
      }),
      makePaper({
        title: 'Only HF',
        tldr: '',
        hf: { aiSummary: 'A model that writes proofs.' },
        position: 2,
      }),
      makePaper({ title: 'Nothing yet', tldr: '', position: 3 }),
    ]);
    renderPopup({ db });
    await screen.findByText('Only local');

    const row = (title: string) => screen.getByRole('article', { name: title });
    expect(row('Only local')).toHaveTextContent('We make parsing fast.');
    expect(within(row('Only local')).queryByText('AI summary (Hugging Face)')).toBeNull();

    const both = row('Both summaries');
    expect(both).toHaveTextContent('We scale retrieval.');
    expect(within(both).getByText('AI summary (Hugging Face)')).toBeInTheDocument();
    expect(both).toHaveTextContent('A retriever that scales to billions.');
    expect(both).toHaveTextContent('42 upvotes');

    const onlyHf = row('Only HF');
    expect(within(onlyHf).getByText('AI summary (Hugging Face)')).toBeInTheDocument();
    expect(onlyHf).toHaveTextContent('A model that writes proofs.');
    expect(within(onlyHf).queryByText('No abstract yet')).toBeNull();

    expect(within(row('Nothing yet')).getByText('No abstract yet')).toBeInTheDocument();
  });

  it('links the title to the abstract page and shows short authors and the category', async () => {
    await db.papers.add(
      makePaper({
        id: '2611.01234',
        title: 'Attention again',
        authors: ['A. One', 'B. Two', 'C. Three', 'D. Four'],
        primaryCategory: 'cs.LG',
      }),
    );
    renderPopup({ db });

    const link = await screen.findByRole('link', { name: 'Attention again' });
    expect(link).toHaveAttribute('href', 'https://arxiv.org/abs/2611.01234');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('A. One, B. Two, C. Three et al.')).toBeInTheDocument();
    expect(screen.getByText('cs.LG')).toBeInTheDocument();
  });

  it('shows code and project links as labelled chips, and never a javascript: link', async () => {
    await db.papers.add(
      makePaper({
        title: 'Linked paper',
        codeUrls: [
          'https://github.com/org/repo',
          'https://gitlab.com/group/project',
          'https://huggingface.co/org/model',
          'https://bitbucket.org/team/repo',
          'https://codeberg.org/user/repo',
          'https://code.example.org/repo',
          'javascript:alert(1)',
        ],
        projectUrls: ['https://org.github.io/project/', 'data:text/html,hi'],
      }),
    );
    renderPopup({ db });
    const row = await screen.findByRole('article', { name: 'Linked paper' });

    const expected: [string, string][] = [
      ['GitHub', 'https://github.com/org/repo'],
      ['GitLab', 'https://gitlab.com/group/project'],
      ['Hugging Face', 'https://huggingface.co/org/model'],
      ['Bitbucket', 'https://bitbucket.org/team/repo'],
      ['Codeberg', 'https://codeberg.org/user/repo'],
      ['Code', 'https://code.example.org/repo'],
      ['Project page', 'https://org.github.io/project/'],
    ];
    for (const [name, href] of expected) {
      const link = within(row).getByRole('link', { name });
      expect(link).toHaveAttribute('href', href);
      expect(link).toHaveAttribute('title', href);
      expect(link).toHaveAttribute('target', '_blank');
    }
    const hrefs = within(row)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href') ?? '');
    expect(hrefs.some((href) => /^(javascript|data):/i.test(href))).toBe(false);
    expect(row).not.toHaveTextContent('alert(1)');
  });

  it('renders hostile title and author text as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await db.papers.add(makePaper({ title: hostile, authors: ['<b>Mallory</b>'] }));
    const { container } = renderPopup({ db });

    expect(await screen.findByRole('link', { name: hostile })).toBeInTheDocument();
    expect(screen.getByText('<b>Mallory</b>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('sends setSaved when the star is pressed and shows the new state', async () => {
    await db.papers.add(makePaper({ id: '2611.04321', title: 'Star me' }));
    const user = userEvent.setup();
    const { send } = renderPopup({ db });

    const star = await screen.findByRole('button', { name: 'Save Star me' });
    expect(star).toHaveAttribute('aria-pressed', 'false');
    await user.click(star);
    expect(send).toHaveBeenCalledWith('setSaved', { id: '2611.04321', saved: true });
    expect(star).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('tab', { name: 'Saved 1' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save Star me' }));
    // The last save message (the row's fill-in request may come in between, debounced).
    expect(send.mock.calls.filter(([type]) => type === 'setSaved').at(-1)).toEqual([
      'setSaved',
      { id: '2611.04321', saved: false },
    ]);
    // The row may be redrawn as its record comes back: ask for the star again.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save Star me' })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );
  });

  it('falls back and says so when the background refuses a save', async () => {
    await db.papers.add(makePaper({ title: 'Refused' }));
    const user = userEvent.setup();
    const send = vi.fn().mockRejectedValue(new Error('unknown paper'));
    renderPopup({ db, send });

    const star = await screen.findByRole('button', { name: 'Save Refused' });
    await user.click(star);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Could not save the paper: unknown paper',
    );
    expect(star).toHaveAttribute('aria-pressed', 'false');
  });
});
