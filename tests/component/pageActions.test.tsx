import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import { PopupProvider, type PopupServices } from '@/components/PopupContext';
import { freshDb, makePaper, NOW } from '@/tests/component/helpers';
import { handleMessage } from '@/utils/background/handleMessage';
import type { ArticleReading, PageReading } from '@/utils/shared/pageReaderResult';
import type { PaperlightDatabase } from '@/utils/storage/database';

const PAGE = 'https://blog.example.org/post';

type Tab = Awaited<ReturnType<typeof fakeBrowser.tabs.get>>;

const ARTICLE: ArticleReading = {
  title: 'What we learned building retrieval',
  byline: 'Grace Hopper',
  siteName: 'Example Blog',
  textLength: 5000,
  words: 900,
  readingMinutes: 4,
  keySentences: [
    'The retriever matters more than the model.',
    'Caching <b>halved</b> our latency.',
    'Reranking gave the largest single gain.',
  ],
};

const reading = (overrides: Partial<PageReading> = {}): PageReading => ({
  url: PAGE,
  host: 'blog.example.org',
  arxivIds: [],
  article: ARTICLE,
  ...overrides,
});

let db: PaperlightDatabase;
let executeScript: ReturnType<typeof vi.fn>;

/** The tab `tabs.query` reports as active, and what the injected reader returns in it. */
function activeTab(url: string | undefined, result?: PageReading | Error) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url } as Tab]);
  executeScript.mockImplementation(async () => {
    if (result instanceof Error) throw result;
    return [{ frameId: 0, result }];
  });
}

/** The real background handlers, run against the test database. */
function backgroundSend() {
  return vi.fn(async (type: string, payload: unknown) => {
    const reply = await handleMessage(db, { type, payload }, () => NOW);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  });
}

function renderApp(options: { pageTabId?: number } = {}) {
  const send = backgroundSend();
  const result = render(
    <PopupProvider db={db} send={send as unknown as PopupServices['send']} now={() => NOW}>
      <App listViewportHeight={600} pageTabId={options.pageTabId} />
    </PopupProvider>,
  );
  return { ...result, send };
}

async function openThisPage(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: 'This page' }));
}

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
  executeScript = vi.fn();
  Object.defineProperty(fakeBrowser, 'scripting', {
    value: { executeScript },
    configurable: true,
    writable: true,
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('This page', () => {
  it('is a third tab next to Today and Saved, and reads nothing before a click', async () => {
    activeTab(PAGE, reading());
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('tab', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Saved' })).toBeInTheDocument();
    await openThisPage(user);
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('This page');
    expect(screen.getByRole('button', { name: 'Summarize this page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Find papers on this page' })).toBeEnabled();
    expect(screen.getByText(/only when you click/)).toBeInTheDocument();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('summarizes the article as text, and saves it as an item shown in Saved', async () => {
    activeTab(PAGE, reading());
    const user = userEvent.setup();
    const { send } = renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));

    expect(
      await screen.findByRole('heading', { name: 'What we learned building retrieval' }),
    ).toBeInTheDocument();
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: ['/page-reader.js'],
    });
    expect(screen.getByText('Grace Hopper')).toBeInTheDocument();
    expect(screen.getByText('Example Blog · 4 min read')).toBeInTheDocument();
    const sentences = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(sentences.map((item) => item.textContent)).toEqual(ARTICLE.keySentences);
    // Page text is never HTML.
    expect(sentences[1]?.querySelector('b')).toBeNull();

    const save = screen.getByRole('button', { name: /^.?\s*Save$/ });
    expect(save).toHaveAttribute('aria-pressed', 'false');
    await user.click(save);
    expect(send).toHaveBeenCalledWith('saveArticle', {
      url: PAGE,
      title: ARTICLE.title,
      byline: 'Grace Hopper',
      siteName: 'Example Blog',
      keySentences: ARTICLE.keySentences,
      readingMinutes: 4,
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Saved$/ })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );

    await user.click(await screen.findByRole('tab', { name: 'Saved 1' }));
    const row = await screen.findByRole('article', { name: ARTICLE.title });
    expect(within(row).getByRole('link', { name: ARTICLE.title })).toHaveAttribute('href', PAGE);
    expect(within(row).getByText('Grace Hopper')).toBeInTheDocument();
    expect(within(row).getByText(ARTICLE.keySentences[0] as string)).toBeInTheDocument();
    expect(within(row).getByText('Example Blog')).toBeInTheDocument();
    expect(within(row).getByText('4 min read')).toBeInTheDocument();

    // Saved articles are not papers of the day.
    await user.click(screen.getByRole('tab', { name: 'Today' }));
    expect(await screen.findByRole('heading', { name: 'No new papers yet today' })).toBeVisible();
  });

  it('unsaves a saved article from the summary', async () => {
    activeTab(PAGE, reading());
    const user = userEvent.setup();
    const { send } = renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));
    await user.click(await screen.findByRole('button', { name: /Save$/ }));
    await user.click(await screen.findByRole('button', { name: /Saved$/ }));
    expect(send).toHaveBeenCalledWith('setSaved', { id: `url:${PAGE}`, saved: false });
    expect(await screen.findByRole('button', { name: /Save$/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('says so plainly when the page has no article', async () => {
    activeTab(PAGE, reading({ article: null }));
    const user = userEvent.setup();
    renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));
    expect(
      await screen.findByText("Paperlight couldn't find an article on this page."),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save$/ })).not.toBeInTheDocument();
  });

  it('refuses browser pages without trying to inject, and survives a refused injection', async () => {
    activeTab('chrome://extensions/', reading());
    const user = userEvent.setup();
    const { unmount } = renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));
    expect(await screen.findByText(/Paperlight can't read this page/)).toBeInTheDocument();
    expect(executeScript).not.toHaveBeenCalled();
    unmount();

    // No URL (activeTab not granted) and the browser refuses: the same plain message.
    activeTab(undefined, new Error('Cannot access contents of the page.'));
    renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Find papers on this page' }));
    expect(await screen.findByText(/Paperlight can't read this page/)).toBeInTheDocument();
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('finds the papers on the page, adds them to the digest and shows found / new', async () => {
    await db.papers.add(makePaper({ id: '2408.01234', title: 'A known paper' }));
    activeTab(PAGE, reading({ arxivIds: ['2408.01234', '2409.00001'] }));
    const user = userEvent.setup();
    const { send } = renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Find papers on this page' }));

    expect(await screen.findByText('2 papers found on blog.example.org · 1 new')).toBeVisible();
    expect(send).toHaveBeenCalledWith('pagePapersFound', {
      url: PAGE,
      ids: ['2408.01234', '2409.00001'],
    });
    expect(await screen.findByRole('article', { name: 'A known paper' })).toBeInTheDocument();
    const stub = await screen.findByRole('article', { name: 'arXiv:2409.00001' });
    expect(within(stub).getByRole('link', { name: 'arXiv:2409.00001' })).toHaveAttribute(
      'href',
      'https://arxiv.org/abs/2409.00001',
    );
    expect(within(stub).getByText(/Found as a link/)).toBeInTheDocument();
    expect((await db.papers.get('2409.00001'))?.placeholder).toBe(true);

    // Switching to the summary reuses the reading; finding again does not add twice.
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));
    await user.click(screen.getByRole('button', { name: 'Find papers on this page' }));
    expect(await screen.findByText('2 papers found on blog.example.org · 1 new')).toBeVisible();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(send.mock.calls.filter(([type]) => type === 'pagePapersFound')).toHaveLength(1);
  });

  it('says when a page cites no arXiv papers', async () => {
    activeTab(PAGE, reading());
    const user = userEvent.setup();
    const { send } = renderApp();
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Find papers on this page' }));
    expect(await screen.findByText('No arXiv papers on this page.')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalledWith('pagePapersFound', expect.anything());
  });

  it('reads the tab given by ?tab= instead of the active one', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 42, url: PAGE } as Tab);
    executeScript.mockResolvedValue([{ frameId: 0, result: reading() }]);
    const user = userEvent.setup();
    renderApp({ pageTabId: 42 });
    await openThisPage(user);
    await user.click(screen.getByRole('button', { name: 'Summarize this page' }));
    expect(await screen.findByRole('heading', { name: ARTICLE.title })).toBeInTheDocument();
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 42 } }));
    expect(query).not.toHaveBeenCalled();
  });
});
