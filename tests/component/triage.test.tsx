import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb, HOUR, makePaper, NOW, renderPopup } from '@/tests/component/helpers';
import type { LearnedModel } from '@/utils/shared/ranking/model';
import type { Relevance } from '@/utils/shared/ranking/types';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { interestsItem, learnedModelItem } from '@/utils/storage/rankingStore';

let db: PaperlightDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

const relevance = (score: number, extra: Partial<Relevance> = {}): Relevance => ({
  score,
  matched: false,
  reasons: [],
  learned: [],
  coldStart: false,
  ...extra,
});

const MODEL: LearnedModel = {
  version: 1,
  trainedAt: NOW - HOUR,
  positives: 5,
  negatives: 5,
  bias: 0,
  weights: {},
  idf: {},
  labels: {},
};

function rowTitles(): string[] {
  return screen
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 3 }).textContent ?? '');
}

const row = (title: string) => screen.getByRole('article', { name: title });

/** Three papers: a strong match, a learned one with code, and an unranked one opened before. */
async function seedDay() {
  await db.papers.bulkAdd([
    makePaper({ id: '2611.00001', title: 'Unranked', position: 0, openedAt: NOW - HOUR }),
    makePaper({
      id: '2611.00002',
      title: 'Learned',
      position: 1,
      codeUrls: ['https://github.com/org/repo'],
      relevance: relevance(0.55, {
        learned: [
          { feature: 'p:diffus model', label: 'diffusion model', weight: 0.9 },
          { feature: 'a:bengio y', label: 'author Y. Bengio', weight: 0.4 },
        ],
      }),
    }),
    makePaper({
      id: '2611.00003',
      title: 'Matched',
      position: 2,
      relevance: relevance(0.9, {
        matched: true,
        reasons: ['author: Y. Bengio', 'keyword: diffusion'],
      }),
    }),
  ]);
}

describe('Today, ranked', () => {
  it('orders the day by relevance and shows why each paper ranks there', async () => {
    await seedDay();
    await learnedModelItem.setValue(MODEL);
    renderPopup({ db });
    await screen.findByText('Matched');

    expect(rowTitles()).toEqual(['Matched', 'Learned', 'Unranked']);
    expect(row('Matched')).toHaveTextContent('Why: author: Y. Bengio · keyword: diffusion');
    expect(row('Learned')).toHaveTextContent('Why: ↑ diffusion model, ↑ author Y. Bengio');
    expect(row('Unranked')).not.toHaveTextContent('Why:');
    // Ranked, the list is one list: no per-source group headers.
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(screen.queryByText(/Ranked by your interests only/)).toBeNull();
  });

  it('says when a paper is excluded by an interest', async () => {
    await db.papers.bulkAdd([
      makePaper({ title: 'Kept', relevance: relevance(0.3) }),
      makePaper({ title: 'A survey', relevance: relevance(0, { excludedBy: 'survey' }) }),
    ]);
    renderPopup({ db });
    expect(await screen.findByText('A survey')).toBeInTheDocument();
    expect(row('A survey')).toHaveTextContent('excluded: survey');
  });

  it('at cold start says it ranks by interests only, and offers to set them when none are set', async () => {
    await seedDay();
    const { openOptions } = renderPopup({ db });
    const note = await screen.findByText(
      /Ranked by your interests only until you save or open a few papers/,
    );
    await userEvent.click(within(note).getByRole('button', { name: 'Set your interests' }));
    expect(openOptions).toHaveBeenCalledTimes(1);

    await interestsItem.setValue({
      keywords: ['diffusion'],
      exclusions: [],
      authors: [],
      categories: [],
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Set your interests' })).toBeNull(),
    );
    expect(screen.getByText(/Ranked by your interests only/)).toBeInTheDocument();
  });

  it('filters: Matches, Has code, Not opened, All', async () => {
    await seedDay();
    const user = userEvent.setup();
    renderPopup({ db });
    await screen.findByText('Matched');
    const filters = screen.getByRole('group', { name: 'Show' });

    // Each filter is its own indexed read: the rows come once it answers.
    await user.click(within(filters).getByRole('radio', { name: 'Matches' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Matched']));
    await user.click(within(filters).getByRole('radio', { name: 'Has code' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Learned']));
    await user.click(within(filters).getByRole('radio', { name: 'Not opened' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Learned']));
    await user.click(within(filters).getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Learned', 'Unranked']));
    expect(within(filters).getByRole('radio', { name: 'All' })).toBeChecked();
  });

  it('shows which papers are new and which were opened; "Mark all as seen" clears "new"', async () => {
    await seedDay();
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Matched');
    expect(within(row('Matched')).getByText('New')).toBeInTheDocument();
    expect(within(row('Unranked')).getByText('Opened')).toBeInTheDocument();
    expect(within(row('Matched')).queryByText('Opened')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Mark all as seen' }));
    expect(send).toHaveBeenCalledWith('markAllSeen', {});
    await waitFor(() => expect(screen.queryByText('New')).toBeNull());
    expect(within(row('Unranked')).getByText('Opened')).toBeInTheDocument();
  });
});

describe('Today, triage actions', () => {
  it('"Not interested" takes a paper out of Today, with an Undo that brings it back', async () => {
    await seedDay();
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Matched');

    await user.click(
      within(row('Learned')).getByRole('button', { name: 'Not interested Learned' }),
    );
    expect(send).toHaveBeenCalledWith('setDismissed', { id: '2611.00002', dismissed: true });
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Unranked']));
    expect((await db.papers.get('2611.00002'))?.dismissedAt).toBe(NOW);

    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Not interested: Learned');
    await user.click(within(notice).getByRole('button', { name: 'Undo' }));
    expect(send).toHaveBeenLastCalledWith('setDismissed', { id: '2611.00002', dismissed: false });
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Learned', 'Unranked']));
    expect((await db.papers.get('2611.00002'))?.dismissedAt).toBeUndefined();
  });

  it('lists the dismissed papers on their own, where they can be restored', async () => {
    await seedDay();
    await db.papers.update('2611.00003', { dismissedAt: NOW - HOUR });
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Learned');
    expect(rowTitles()).toEqual(['Learned', 'Unranked']);

    // The day's dismissed papers are counted after its first rows are drawn.
    await user.click(await screen.findByRole('radio', { name: 'Dismissed (1)' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Matched']));
    await user.click(screen.getByRole('button', { name: 'Restore Matched' }));
    expect(send).toHaveBeenCalledWith('setDismissed', { id: '2611.00003', dismissed: false });
    await user.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Learned', 'Unranked']));
  });

  it('keys: j/k and arrows move between rows, s saves, x dismisses, Ctrl+Z undoes, Enter opens', async () => {
    await seedDay();
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Matched');

    await user.keyboard('j');
    expect(row('Matched')).toHaveFocus();
    await user.keyboard('j');
    expect(row('Learned')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row('Unranked')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row('Unranked')).toHaveFocus();
    await user.keyboard('k');
    expect(row('Learned')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(row('Matched')).toHaveFocus();

    await user.keyboard('s');
    expect(send).toHaveBeenCalledWith('setSaved', { id: '2611.00003', saved: true });
    await waitFor(() =>
      expect(within(row('Matched')).getByRole('button', { name: 'Save Matched' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );

    await user.keyboard('x');
    expect(send).toHaveBeenCalledWith('setDismissed', { id: '2611.00003', dismissed: true });
    await waitFor(() => expect(rowTitles()).toEqual(['Learned', 'Unranked']));
    // The next row takes the dismissed one's place under the keys.
    expect(row('Learned')).toHaveFocus();

    await user.keyboard('{Control>}z{/Control}');
    expect(send).toHaveBeenLastCalledWith('setDismissed', { id: '2611.00003', dismissed: false });
    await waitFor(() => expect(rowTitles()).toEqual(['Matched', 'Learned', 'Unranked']));
    await waitFor(() => expect(row('Matched')).toHaveFocus());

    const link = within(row('Matched')).getByRole('link', { name: 'Matched' });
    const opened = vi.fn((event: MouseEvent) => event.preventDefault());
    link.addEventListener('click', opened);
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('keys stay out of text the user types and of the filters', async () => {
    await seedDay();
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Matched');
    const all = screen.getByRole('radio', { name: 'All' });
    all.focus();
    await user.keyboard('{ArrowRight}');
    // The radio group moved its own selection; no row took the focus.
    expect(screen.getByRole('radio', { name: 'Matches' })).toBeChecked();
    const matched = await screen.findByRole('article', { name: 'Matched' });
    await waitFor(() => expect(rowTitles()).toEqual(['Matched']));
    expect(matched).not.toHaveFocus();
    expect(send).not.toHaveBeenCalledWith('setDismissed', expect.anything());
  });

  it('"More like this" and "Follow author" send their signals', async () => {
    await db.papers.add(
      makePaper({ id: '2611.00009', title: 'Liked', authors: ['Ada Lovelace', 'Alan Turing'] }),
    );
    const user = userEvent.setup();
    const { send } = renderPopup({ db });
    await screen.findByText('Liked');

    const like = screen.getByRole('button', { name: 'More like this Liked' });
    expect(like).toHaveAttribute('aria-pressed', 'false');
    await user.click(like);
    expect(send).toHaveBeenCalledWith('setLiked', { id: '2611.00009', liked: true });
    await waitFor(() => expect(like).toHaveAttribute('aria-pressed', 'true'));
    expect((await db.papers.get('2611.00009'))?.likedAt).toBe(NOW);

    const follow = screen.getByRole('button', { name: 'Follow an author of Liked' });
    expect(follow).toHaveAttribute('aria-expanded', 'false');
    await user.click(follow);
    const authors = screen.getByRole('list', { name: 'Authors' });
    expect(
      within(authors)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Follow Ada Lovelace', 'Follow Alan Turing']);
    await user.click(within(authors).getByRole('button', { name: 'Follow Alan Turing' }));
    expect(send).toHaveBeenCalledWith('followAuthor', { id: '2611.00009', author: 'Alan Turing' });
    expect(await screen.findByRole('status')).toHaveTextContent('Following Alan Turing');
    expect(screen.queryByRole('list', { name: 'Authors' })).toBeNull();
  });
});

describe('TeX in titles and TL;DRs', () => {
  it('renders $…$ as MathML and keeps the rest as text', async () => {
    await db.papers.add(
      makePaper({
        title: 'Fast $k$-NN search in $\\mathcal{O}(n)$ time',
        tldr: 'We bound the error by $\\epsilon^2$.',
      }),
    );
    const { container } = renderPopup({ db });
    const link = await screen.findByRole('link', { name: /Fast/ });
    await waitFor(() => expect(link.querySelectorAll('math')).toHaveLength(2));
    expect(link.textContent).not.toContain('$');
    expect(link.textContent).toContain('-NN search in');
    expect(link.querySelectorAll('math')[1]?.textContent).toContain('𝒪');
    const tldr = container.querySelector('.paper-tldr');
    expect(tldr?.querySelector('math')).not.toBeNull();
    expect(tldr?.textContent).not.toContain('$');
  });

  it('keeps markup in a title as text, next to math, and shows TeX that does not parse as text', async () => {
    await db.papers.add(
      makePaper({ title: '<img src=x onerror=alert(1)> and $x^2$ and $\\frac{1$ end' }),
    );
    const { container } = renderPopup({ db });
    const link = await screen.findByRole('link', { name: /img src=x/ });
    await waitFor(() => expect(link.querySelector('math')).not.toBeNull());
    expect(container.querySelector('img')).toBeNull();
    expect(link.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(link.textContent).toContain('$\\frac{1$');
  });

  it('never turns TeX commands into links: an untrusted \\href stays its source text', async () => {
    await db.papers.add(makePaper({ title: 'Click $\\href{javascript:alert(1)}{here}$ or $x$' }));
    const { container } = renderPopup({ db });
    const link = await screen.findByRole('link', { name: /Click/ });
    await waitFor(() => expect(link.querySelector('math')).not.toBeNull());
    expect(link.querySelectorAll('a, [href]')).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
    expect(link.textContent).toContain('$\\href{javascript:alert(1)}{here}$');
  });
});
