import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useNotify } from '@/components/Notice';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { paperCount } from '@/utils/pages/paperDisplay';
import { readTab } from '@/utils/pages/readTab';
import { articleId } from '@/utils/shared/articleId';
import type { ArticleReading, PageReading } from '@/utils/shared/pageReaderResult';
import { httpUrl } from '@/utils/shared/url';

type Action = 'summarize' | 'find';

const PAGE_ACTIONS: readonly [Action, string][] = [
  ['summarize', 'Summarize this page'],
  ['find', 'Find papers on this page'],
];

type FindResult =
  | { status: 'sending' }
  | { status: 'sent'; found: number; added: number }
  | { status: 'failed' };

type State =
  | { step: 'idle' }
  | { step: 'reading'; action: Action }
  | { step: 'restricted' }
  | { step: 'done'; action: Action; reading: PageReading };

interface PageViewProps {
  /** Read this tab instead of the active one (the popup's `?tab=` parameter). */
  tabId?: number;
  viewportHeight?: number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "This page": summarize the article in the active tab, or find the arXiv papers it references.
 * The page is read only on a click (activeTab), once per popup; both actions share the reading.
 */
export function PageView({ tabId, viewportHeight }: PageViewProps) {
  const { send } = usePopupServices();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [found, setFound] = useState<FindResult | null>(null);
  const busy = state.step === 'reading';

  const run = async (action: Action) => {
    let reading = state.step === 'done' ? state.reading : undefined;
    if (!reading) {
      setState({ step: 'reading', action });
      const outcome = await readTab(tabId).catch(() => ({ status: 'restricted' as const }));
      if (outcome.status !== 'read') {
        setState({ step: 'restricted' });
        return;
      }
      reading = outcome.reading;
    }
    setState({ step: 'done', action, reading });
    // The papers are added to the digest once per reading, on the first "Find papers" click.
    if (action !== 'find' || found !== null) return;
    if (reading.arxivIds.length === 0 || !httpUrl(reading.url)) return;
    setFound({ status: 'sending' });
    try {
      const response = await send('pagePapersFound', { url: reading.url, ids: reading.arxivIds });
      setFound({ status: 'sent', ...response });
    } catch {
      setFound({ status: 'failed' });
    }
  };

  const pressed = (action: Action) =>
    (state.step === 'done' || state.step === 'reading') && state.action === action;

  return (
    <div className="view page-view">
      <div className="page-actions">
        {PAGE_ACTIONS.map(([action, label]) => (
          <button
            key={action}
            type="button"
            className="page-action"
            aria-pressed={pressed(action)}
            disabled={busy}
            onClick={() => void run(action)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="page-result">
        {state.step === 'idle' ? (
          <p className="page-hint">
            Paperlight reads the page in this tab only when you click, and keeps what you save in
            your browser.
          </p>
        ) : state.step === 'reading' ? (
          <p className="loading" aria-busy="true">
            Reading the page…
          </p>
        ) : state.step === 'restricted' ? (
          <p className="page-message">
            Paperlight can't read this page. Browser pages (such as chrome:// pages and the web
            store) are closed to extensions.
          </p>
        ) : state.action === 'summarize' ? (
          state.reading.article ? (
            <ArticleSummary article={state.reading.article} url={state.reading.url} />
          ) : (
            <p className="page-message">Paperlight couldn't find an article on this page.</p>
          )
        ) : (
          <FoundPapers reading={state.reading} result={found} viewportHeight={viewportHeight} />
        )}
      </div>
    </div>
  );
}

function ArticleSummary({ article, url }: { article: ArticleReading; url: string }) {
  const { db, send } = usePopupServices();
  const notify = useNotify();
  // Stored under this id by the background (the address normalised), so looked up by it.
  const id = articleId(url);
  const savable = id !== undefined && httpUrl(url) !== undefined;
  const stored = useLiveQuery(() => (id === undefined ? undefined : db.papers.get(id)), [db, id]);
  const saved = stored?.savedAt !== undefined;
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const toggle = async () => {
    setPending(true);
    try {
      if (saved && id !== undefined) {
        await send('setSaved', { id, saved: false });
      } else {
        await send('saveArticle', {
          url,
          title: article.title,
          byline: article.byline,
          siteName: article.siteName,
          keySentences: article.keySentences,
          readingMinutes: article.readingMinutes,
        });
      }
    } catch (error) {
      notify(`Could not ${saved ? 'unsave' : 'save'} the article: ${errorText(error)}`);
    } finally {
      setPending(false);
    }
  };

  const meta = [
    article.siteName,
    article.readingMinutes > 0 ? `${article.readingMinutes} min read` : '',
  ].filter(Boolean);
  return (
    <article className="article-summary" aria-labelledby={titleId}>
      <h2 className="article-title" id={titleId}>
        {article.title}
      </h2>
      {article.byline ? <p className="article-byline">{article.byline}</p> : null}
      {meta.length > 0 ? <p className="article-meta">{meta.join(' · ')}</p> : null}
      {article.keySentences.length > 0 ? (
        <>
          <h3 className="summary-label article-key-label">Key sentences</h3>
          <ul className="article-key">
            {article.keySentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="article-actions">
        {savable ? (
          <button
            type="button"
            className="article-save"
            aria-pressed={saved}
            disabled={pending}
            onClick={() => void toggle()}
          >
            <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
            {saved ? 'Saved' : 'Save'}
          </button>
        ) : (
          <p className="page-hint">Only web pages (http or https) can be saved.</p>
        )}
      </div>
    </article>
  );
}

function FoundPapers({
  reading,
  result,
  viewportHeight,
}: {
  reading: PageReading;
  result: FindResult | null;
  viewportHeight?: number;
}) {
  const { db } = usePopupServices();
  const ids = reading.arxivIds;
  // Keys only: the list reads the records of the rows in view.
  const storedIds = useLiveQuery(async () => {
    const stored = new Set(await db.papers.where(':id').anyOf(ids).primaryKeys());
    return ids.filter((id) => stored.has(id));
  }, [db, ids]);

  if (ids.length === 0) {
    return <p className="page-message">No arXiv papers on this page.</p>;
  }
  const where = `${paperCount(ids.length)} found on ${reading.host || 'this page'}`;
  return (
    <div className="view">
      <p className="list-summary" role="status">
        {result?.status === 'sent'
          ? `${where} · ${result.added.toLocaleString('en-US')} new`
          : result?.status === 'sending'
            ? `${where}…`
            : `${where} (not added to your digest)`}
      </p>
      {storedIds && storedIds.length > 0 ? (
        <PaperList ids={storedIds} viewportHeight={viewportHeight} />
      ) : null}
    </div>
  );
}
