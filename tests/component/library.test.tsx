import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/App';
import { PopupProvider } from '@/components/PopupContext';
import { freshDb, HOUR, makePaper, NOW } from '@/tests/component/helpers';
import { renderLibrary } from '@/tests/component/libraryHelpers';
import type { PaperlightDatabase } from '@/utils/storage/database';

let db: PaperlightDatabase;
// Each change makes a round trip through the real worker code and a live query: slow on a busy machine.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  db = freshDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const rowTitles = () =>
  screen.queryAllByRole('article').map((row) => within(row).getByRole('heading').textContent);
const row = (title: string) => {
  const found = screen.getAllByRole('article').find((each) => each.textContent?.includes(title));
  if (!found) throw new Error(`no row ${title}`);
  return found;
};

async function threeSaved() {
  await db.papers.bulkAdd([
    makePaper({ id: '2611.00001', title: 'Oldest save', savedAt: NOW - 3 * HOUR }),
    makePaper({ id: '2611.00002', title: 'Middle save', savedAt: NOW - 2 * HOUR }),
    makePaper({ id: '2611.00003', title: 'Newest save', savedAt: NOW - HOUR }),
    makePaper({ id: '2611.00004', title: 'Never saved' }),
  ]);
}

describe('Library page', () => {
  it('opens on Saved: the saved papers newest first, with the count in the navigation', async () => {
    await threeSaved();
    const { search } = renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toEqual(['Newest save', 'Middle save', 'Oldest save']));
    // The counts come after the first rows.
    expect(await screen.findByRole('button', { name: /^Saved\s*3$/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The search index is loaded before the first keystroke (an empty query answers nothing).
    expect(search).toHaveBeenCalledWith('', 'all', 1);
  });

  it('All papers lists everything seen, Today the day in relevance order', async () => {
    await threeSaved();
    await db.papers.update('2611.00004', {
      relevance: { score: 5, matched: true, reasons: [], learned: [], coldStart: false },
    });
    const user = userEvent.setup();
    renderLibrary({ db });
    await user.click(await screen.findByRole('button', { name: 'All papers' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(rowTitles()[0]).toBe('Never saved'));
    await user.click(screen.getByRole('radio', { name: 'Matches' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Never saved']));
  });

  it('tags a paper with t (creating the tag), and Ctrl+Z takes the tag off again', async () => {
    await threeSaved();
    const user = userEvent.setup();
    renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.keyboard('j');
    await waitFor(() => expect(row('Newest save')).toHaveFocus());
    await user.keyboard('t');
    const dialog = await screen.findByRole('dialog', { name: 'Tags of this paper' });
    await user.type(within(dialog).getByLabelText(/Add a tag/), 'Diffusion{Enter}');
    await waitFor(() =>
      expect(within(row('Newest save')).getByText('Diffusion')).toBeInTheDocument(),
    );
    expect(within(dialog).getByRole('checkbox', { name: 'Diffusion' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect((await db.papers.get('2611.00003'))?.tagIds).toHaveLength(1);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await db.papers.get('2611.00003'))?.tagIds).toBeUndefined());
    await waitFor(() => expect(within(row('Newest save')).queryByText('Diffusion')).toBeNull());
  });

  it('writes a note with n and shows it as text, markup included', async () => {
    await threeSaved();
    const user = userEvent.setup();
    const { container } = renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.keyboard('jj');
    await user.keyboard('n');
    const note = '<img src=x onerror=alert(1)> read §3';
    await user.type(await screen.findByLabelText('Note (plain text)'), note);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(within(row('Middle save')).getByText(note, { exact: false })).toBeInTheDocument(),
    );
    expect(container.querySelector('img')).toBeNull();
    expect((await db.papers.get('2611.00002'))?.note).toBe(note);
  });

  it('keys do nothing while typing in the search box; / focuses it', async () => {
    await threeSaved();
    const search = vi.fn(async () => ({ ids: ['2611.00001'], total: 1 }));
    const user = userEvent.setup();
    renderLibrary({ db, search });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.keyboard('/');
    const box = screen.getByRole('searchbox');
    expect(box).toHaveFocus();
    await user.keyboard('tjs');
    expect(box).toHaveValue('tjs');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(rowTitles()).toEqual(['Oldest save']));
    expect(search).toHaveBeenLastCalledWith('tjs', 'saved', expect.any(Number));
    expect(screen.getByText('1 result')).toBeInTheDocument();
  });

  it('says plainly when search fails', async () => {
    await threeSaved();
    const user = userEvent.setup();
    renderLibrary({
      db,
      search: async () => Promise.reject(new Error('unknown message type "searchLibrary"')),
    });
    await user.type(screen.getByRole('searchbox'), 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Search is not available: unknown message type "searchLibrary"',
    );
  });

  it('bulk: shift-click selects a range, Unsave removes them from Saved, Undo brings them back with their dates', async () => {
    await threeSaved();
    const user = userEvent.setup();
    renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.click(within(row('Newest save')).getByRole('checkbox'));
    fireEvent.click(within(row('Oldest save')).getByRole('checkbox'), { shiftKey: true });
    expect(screen.getByText('3 papers selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Unsave' }));
    await waitFor(() => expect(rowTitles()).toEqual([]));
    expect(await db.papers.where('savedAt').above(0).count()).toBe(0);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Newest save', 'Middle save', 'Oldest save']));
    expect((await db.papers.get('2611.00001'))?.savedAt).toBe(NOW - 3 * HOUR);
  });

  it('exports the papers in view, or only the selected ones, in the format chosen', async () => {
    await threeSaved();
    const user = userEvent.setup();
    const { exportPapers } = renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.selectOptions(screen.getByLabelText('Export the papers in view as'), 'bibtex');
    expect(exportPapers).toHaveBeenLastCalledWith(
      ['2611.00003', '2611.00002', '2611.00001'],
      'bibtex',
    );
    await user.click(within(row('Middle save')).getByRole('checkbox'));
    await user.selectOptions(screen.getByLabelText('Export the selected papers as'), 'ris');
    expect(exportPapers).toHaveBeenLastCalledWith(['2611.00002'], 'ris');
  });

  it('filters Saved by tag and reading state', async () => {
    await threeSaved();
    const user = userEvent.setup();
    const { send } = renderLibrary({ db });
    const tag = await send('createTag', { name: 'rl' });
    await send('setTags', { ids: ['2611.00002'], add: [(tag as { id: string }).id] });
    await send('setReadingState', { ids: ['2611.00001'], state: 'read' });
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await user.selectOptions(
      screen.getByLabelText('Tag'),
      await screen.findByRole('option', { name: /^rl/ }),
    );
    await waitFor(() => expect(rowTitles()).toEqual(['Middle save']));
    await user.selectOptions(screen.getByLabelText('Tag'), '');
    await user.selectOptions(screen.getByLabelText('State'), 'read');
    await waitFor(() => expect(rowTitles()).toEqual(['Oldest save']));
  });

  it('Enter shows the details: abstract with TeX as math, only http(s) links, copy BibTeX and link', async () => {
    await db.papers.add(
      makePaper({
        id: '2611.00009',
        title: 'A paper',
        savedAt: NOW,
        abstract: 'We bound $x^2$ and <b>bold</b>.',
        codeUrls: ['https://github.com/a/b', 'javascript:alert(1)'],
      }),
    );
    const user = userEvent.setup();
    const { container, copyText } = renderLibrary({ db });
    await waitFor(() => expect(rowTitles()).toHaveLength(1));
    await user.keyboard('j{Enter}');
    const details = await screen.findByRole('complementary');
    await waitFor(() => expect(details.querySelector('.details-abstract math')).not.toBeNull());
    expect(details.querySelector('.details-abstract')?.textContent).toContain('<b>bold</b>');
    const hrefs = [...details.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('https://github.com/a/b');
    expect(hrefs.some((href) => href?.startsWith('javascript'))).toBe(false);
    expect(container.querySelector('b')).toBeNull();
    await user.click(within(details).getByRole('button', { name: 'Copy BibTeX' }));
    expect(copyText).toHaveBeenCalledWith(
      expect.stringMatching(/^@misc\{[\s\S]*eprint = \{2611\.00009\}/),
    );
    await user.click(within(details).getByRole('button', { name: 'Copy link' }));
    expect(copyText).toHaveBeenLastCalledWith('https://arxiv.org/abs/2611.00009');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('complementary')).toBeNull());
  });

  it('? lists the keys', async () => {
    const user = userEvent.setup();
    renderLibrary({ db });
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const what of ['Search', 'Next paper', 'Save or unsave', 'Note', 'Details']) {
      expect(within(dialog).getByText(what)).toBeInTheDocument();
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reads only the rows in view: 3,000 saved papers render a window of rows', async () => {
    await db.papers.bulkAdd(
      Array.from({ length: 3000 }, (_, index) =>
        makePaper({ id: `2611.${String(20000 + index)}`, savedAt: NOW - index * 1000 }),
      ),
    );
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    renderLibrary({ db });
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(3));
    expect(screen.getAllByRole('article').length).toBeLessThan(30);
    const largest = Math.max(...bulkGet.mock.calls.map(([keys]) => keys.length));
    expect(largest).toBeLessThan(30);
    expect(
      await screen.findByRole('heading', { level: 2, name: /Saved · 3,000 papers/ }),
    ).toBeInTheDocument();
  });
});

describe('Tags view', () => {
  it('creates, renames, recolours, merges and deletes tags', async () => {
    await threeSaved();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const user = userEvent.setup();
    const { send } = renderLibrary({ db });
    const rl = (await send('createTag', { name: 'rl' })) as { id: string };
    await send('setTags', { ids: ['2611.00001'], add: [rl.id] });
    await user.click(await screen.findByRole('button', { name: 'Tags' }));
    await user.type(screen.getByLabelText('New tag'), 'Reinforcement{Enter}');
    await screen.findByRole('button', { name: 'Rename Reinforcement' });

    await user.click(screen.getByRole('button', { name: 'Rename rl' }));
    const input = screen.getByLabelText('New name for rl');
    await user.clear(input);
    await user.type(input, 'RL{Enter}');
    await screen.findByRole('button', { name: 'Rename RL' });
    await user.selectOptions(screen.getByLabelText('Colour of RL'), 'red');
    await waitFor(async () => expect((await db.tags.get(rl.id))?.color).toBe('red'));

    await user.selectOptions(screen.getByLabelText('Merge RL into'), 'Reinforcement');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Rename RL' })).toBeNull());
    const [paper] = await db.papers
      .where('tagIds')
      .anyOf((await db.tags.toArray()).map((tag) => tag.id))
      .toArray();
    expect(paper?.id).toBe('2611.00001');
    await user.click(screen.getByRole('button', { name: 'Delete Reinforcement' }));
    await waitFor(() => expect(screen.getByText(/No tags yet/)).toBeInTheDocument());
    expect((await db.papers.get('2611.00001'))?.tagIds).toBeUndefined();
    await act(async () => {});
  }, 20_000);
});

describe('opening the library', () => {
  it("the popup's Saved view opens it", async () => {
    await threeSaved();
    const openLibrary = vi.fn();
    const user = userEvent.setup();
    render(
      <PopupProvider db={db} now={() => NOW} openLibrary={openLibrary}>
        <App listViewportHeight={600} />
      </PopupProvider>,
    );
    await user.click(await screen.findByRole('tab', { name: /Saved/ }));
    await user.click(await screen.findByRole('button', { name: 'Open the library' }));
    expect(openLibrary).toHaveBeenCalledTimes(1);
  });
});
