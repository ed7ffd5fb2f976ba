import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DayNav } from '@/components/DayNav';
import { EmptyState } from '@/components/EmptyState';
import { BulkBar } from '@/components/library/BulkBar';
import { useLibraryServices } from '@/components/library/LibraryContext';
import { LibraryNav, type LibraryView } from '@/components/library/LibraryNav';
import { NoteDialog } from '@/components/library/NoteDialog';
import { PaperDetails } from '@/components/library/PaperDetails';
import { PaperIdList } from '@/components/library/PaperIdList';
import { SavedControls } from '@/components/library/SavedControls';
import { SearchBox } from '@/components/library/SearchBox';
import { ShortcutsOverlay } from '@/components/library/ShortcutsOverlay';
import { TagDialog } from '@/components/library/TagDialog';
import { TagsView } from '@/components/library/TagsView';
import { useWindowedPapers } from '@/components/library/useWindowedPapers';
import { useNotify } from '@/components/Notice';
import { usePopupServices } from '@/components/PopupContext';
import { TodayFilters } from '@/components/TodayFilters';
import { isTypingTarget, libraryKeyAction } from '@/utils/pages/libraryKeys';
import {
  type AllSort,
  FIRST_ROWS,
  firstPaperIds,
  type PaperListQuery,
  paperIds,
  papersByIds,
  type SavedFilter,
  type SavedSort,
  tagsWithCounts,
} from '@/utils/pages/libraryQueries';
import { librarySnapshot, toggleSelection } from '@/utils/pages/librarySelection';
import { abstractUrl, paperCount } from '@/utils/pages/paperDisplay';
import { requestPersistentStorage } from '@/utils/pages/persistentStorage';
import { rowAfterRemoval, stepRow, type TodayFilter } from '@/utils/pages/triage';
import { toBibtex } from '@/utils/shared/export/bibtex';
import type { ReadingState, Tag, TagColor } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';

/** At most this many search results are listed. */
const SEARCH_LIMIT = 1000;

type DialogState =
  | { kind: 'tag'; ids: string[] }
  | { kind: 'note'; paper: PaperRecord }
  | { kind: 'help' }
  | null;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

interface LibraryAppProps {
  /** Fixed list viewport height (tests); measured from layout otherwise. */
  viewportHeight?: number;
}

/**
 * Paperlight's library page: Today, Saved, All papers and Tags; search; details; keys. Lists are
 * ids (from indexes) → a windowed list → the records of the rows in view. Every change goes to the
 * worker as a message; bulk changes and tags/notes can be undone (toast, Ctrl/⌘+Z).
 */
export function LibraryApp({ viewportHeight }: LibraryAppProps) {
  const { db, send, now, openOptions } = usePopupServices();
  const library = useLibraryServices();
  const notify = useNotify();
  const [view, setView] = useState<LibraryView>('saved');
  const [dayStart, setDayStart] = useState(() => startOfLocalDay(now()));
  const [todayFilter, setTodayFilter] = useState<TodayFilter>('all');
  const [savedFilter, setSavedFilter] = useState<SavedFilter>({});
  const [savedSort, setSavedSort] = useState<SavedSort>('saved-newest');
  const [allSort, setAllSort] = useState<AllSort>('last-seen-newest');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<
    { query: string; ids: string[]; total: number } | { query: string; error: string } | undefined
  >(undefined);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [moves, setMoves] = useState(0);
  const [focus, setFocus] = useState<{ id: string; request: number } | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | undefined>(undefined);
  const [detailsId, setDetailsId] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<DialogState>(null);
  const undoRef = useRef<(() => void) | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const listQuery: PaperListQuery | undefined =
    view === 'today'
      ? { view: 'today', dayStart, filter: todayFilter }
      : view === 'saved'
        ? { view: 'saved', filter: savedFilter, sort: savedSort }
        : view === 'all'
          ? { view: 'all', sort: allSort }
          : undefined;
  const queryKey = JSON.stringify(listQuery);
  // The query is keyed by its JSON: a new object each render is the same query.
  // Each answer carries the query it answers, so a list never shows another view's ids. The
  // first rows come from a short index read where the list allows it; the whole list follows.
  const firstList = useLiveQuery(async () => {
    const ids = listQuery ? await firstPaperIds(db, listQuery, FIRST_ROWS) : undefined;
    return { key: queryKey, ids, firstRows: ids ? await papersByIds(db, ids) : [] };
  }, [db, queryKey]);
  // Asked once the first rows are in: in Chromium, a short IndexedDB read asked at the same
  // time as a long one was measured to wait for it (a 20,000-key list: 20 ms alone, 330 ms so).
  const firstIn = firstList !== undefined && firstList.key === queryKey;
  const wholeList = useLiveQuery(
    async () =>
      firstIn ? { key: queryKey, ids: listQuery ? await paperIds(db, listQuery) : [] } : undefined,
    [db, queryKey, firstIn],
  );
  const listIds = wholeList !== undefined && wholeList.key === queryKey ? wholeList.ids : undefined;
  const firstIds = firstIn ? firstList.ids : undefined;
  // The counts (a 20,000-key count is a long read) are asked once the first list has its first
  // rows, and from then on.
  const [countsAsked, setCountsAsked] = useState(false);
  useEffect(() => {
    if (firstIn) setCountsAsked(true);
  }, [firstIn]);
  const dismissedToday = useLiveQuery(
    async () =>
      countsAsked && view === 'today'
        ? (await paperIds(db, { view: 'today', dayStart, filter: 'dismissed' })).length
        : 0,
    [db, view, dayStart, countsAsked],
  );
  const savedCount = useLiveQuery(
    async () => (countsAsked ? db.papers.where('savedAt').above(0).count() : undefined),
    [db, countsAsked],
  );
  const updatedCount = useLiveQuery(
    async () => (countsAsked ? db.papers.where('unseenUpdateAt').above(0).count() : undefined),
    [db, countsAsked],
  );
  const tagCounts = useLiveQuery(
    async () => (countsAsked ? tagsWithCounts(db) : undefined),
    [db, countsAsked],
  );
  const allTags = useLiveQuery(() => db.tags.toArray(), [db]);
  const tagsById = useMemo(() => new Map(allTags?.map((tag) => [tag.id, tag])), [allTags]);
  const liveTags = useMemo(() => tagCounts?.map((entry) => entry.tag) ?? [], [tagCounts]);
  const details = useLiveQuery(
    async () => (detailsId ? await db.papers.get(detailsId) : undefined),
    [db, detailsId],
  );

  // An empty query answers nothing: it only loads the worker's index before the first keystroke,
  // once the first rows are in (loading a large index reads much of the database).
  useEffect(() => {
    if (countsAsked) library.search('', 'all', 1).catch(() => {});
  }, [library, countsAsked]);

  const searching = query.trim() !== '';
  const scope = view === 'saved' ? 'saved' : 'all';
  useEffect(() => {
    const text = query.trim();
    if (text === '') {
      setSearch(undefined);
      return;
    }
    let live = true;
    library.search(text, scope, SEARCH_LIMIT).then(
      (result) => {
        if (live) setSearch({ query: text, ids: result.ids, total: result.total });
      },
      (error: unknown) => {
        if (live) setSearch({ query: text, error: reasonOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [query, scope, library]);

  const ids = useMemo<readonly string[]>(() => {
    if (searching) return search && 'ids' in search ? search.ids : [];
    return listIds ?? firstIds ?? [];
  }, [searching, search, listIds, firstIds]);
  // The first rows' records come with the first ids, so they are drawn before anything else is
  // read; the records of the rows rendered after them are read as they render.
  const { byId, onRendered } = useWindowedPapers(
    searching || !firstIn ? undefined : firstList.firstRows,
  );

  const moveTo = useCallback((id: string) => {
    setActiveId(id);
    setMoves((count) => {
      setFocus({ id, request: count + 1 });
      return count + 1;
    });
  }, []);
  const onActivate = useCallback((id: string) => setActiveId(id), []);
  const onSelect = useCallback(
    (id: string, range: boolean) => {
      const from = anchor.current;
      anchor.current = id;
      setSelected((previous) => toggleSelection(previous, ids, id, from, range));
    },
    [ids],
  );
  const onDetails = useCallback((id: string) => setDetailsId(id), []);

  const offerUndo = useCallback(
    (message: string, undo: () => Promise<unknown>) => {
      const run = () => {
        undoRef.current = null;
        undo().then(
          () => notify('Undone'),
          (error: unknown) => notify(`Could not undo: ${reasonOf(error)}`),
        );
      };
      undoRef.current = run;
      notify(message, { label: 'Undo', run });
    },
    [notify],
  );

  /** A change to papers' library fields, undone by putting back what they were. */
  const changeLibrary = useCallback(
    async (targetIds: readonly string[], message: string, change: () => Promise<unknown>) => {
      try {
        const before = (await papersByIds(db, targetIds)).map(librarySnapshot);
        await change();
        if (before.length > 0) offerUndo(message, () => send('restoreLibrary', { items: before }));
      } catch (error) {
        notify(`Could not change the library: ${reasonOf(error)}`);
      }
    },
    [db, send, notify, offerUndo],
  );

  const paperOf = useCallback(
    async (id: string | undefined) =>
      id === undefined ? undefined : (byId.get(id) ?? (await db.papers.get(id))),
    [byId, db],
  );

  const toggleSave = async (id: string | undefined) => {
    const paper = await paperOf(id);
    if (!paper) return;
    const saved = paper.savedAt === undefined;
    if (saved) void requestPersistentStorage();
    send('setSaved', { id: paper.id, saved }).catch((error: unknown) =>
      notify(`Could not ${saved ? 'save' : 'unsave'} the paper: ${reasonOf(error)}`),
    );
  };

  const dismiss = async (id: string | undefined) => {
    const paper = await paperOf(id);
    if (!paper || paper.dismissedAt !== undefined) return;
    const next = rowAfterRemoval(ids, paper.id);
    try {
      await send('setDismissed', { id: paper.id, dismissed: true });
    } catch (error) {
      notify(`Could not dismiss the paper: ${reasonOf(error)}`);
      return;
    }
    if (next && view === 'today') moveTo(next);
    offerUndo(`Not interested: ${clip(paper.title || paper.id, 60)}`, () =>
      send('setDismissed', { id: paper.id, dismissed: false }),
    );
  };

  const openTags = (targetIds: readonly string[]) => {
    if (targetIds.length > 0) setDialog({ kind: 'tag', ids: [...targetIds] });
  };
  const openNote = async (id: string | undefined) => {
    const paper = await paperOf(id);
    if (paper) setDialog({ kind: 'note', paper });
  };
  const openPaper = (id: string | undefined) => {
    const row = listRef.current?.querySelector<HTMLElement>(
      `article[data-paper-id="${CSS.escape(id ?? '')}"]`,
    );
    row?.querySelector<HTMLElement>('.paper-title a')?.click();
  };

  const closeDialog = () => {
    setDialog(null);
    if (activeId) moveTo(activeId);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || dialog !== null || isTypingTarget(event.target)) return;
    const action = libraryKeyAction(event);
    if (!action) return;
    const target = event.target instanceof Element ? event.target : null;
    // Enter on a button or link is that control's own.
    if (action === 'details' && target?.closest('button, a, input, select, summary')) return;
    const active = ids.includes(activeId ?? '') ? activeId : undefined;
    switch (action) {
      case 'search':
        searchRef.current?.focus();
        break;
      case 'next':
      case 'previous': {
        const next = stepRow(ids, active, action === 'next' ? 1 : -1);
        if (!next) return;
        moveTo(next);
        break;
      }
      case 'save':
        void toggleSave(active);
        break;
      case 'dismiss':
        void dismiss(active);
        break;
      case 'tag':
        openTags(selected.size > 0 ? [...selected] : active ? [active] : []);
        break;
      case 'note':
        void openNote(active);
        break;
      case 'open':
        openPaper(active);
        break;
      case 'details':
        if (!active) return;
        setDetailsId(active);
        break;
      case 'help':
        setDialog({ kind: 'help' });
        break;
      case 'close':
        if (detailsId === undefined) return;
        setDetailsId(undefined);
        break;
      case 'undo':
        if (!undoRef.current) return;
        undoRef.current();
        break;
    }
    event.preventDefault();
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Opening a paper's details is seeing its updates.
  useEffect(() => {
    if (details?.unseenUpdateAt === undefined) return;
    send('markUpdatesSeen', { ids: [details.id] }).catch(() => {});
  }, [details?.id, details?.unseenUpdateAt, send]);

  const changeView = (next: LibraryView) => {
    setView(next);
    setSelected(new Set());
    setActiveId(undefined);
  };

  const selectedIds = [...selected];
  const current = now();
  const today = startOfLocalDay(current);

  const createTag = async (name: string, color?: TagColor): Promise<Tag | undefined> => {
    try {
      return await send('createTag', color ? { name, color } : { name });
    } catch (error) {
      notify(`Could not create the tag: ${reasonOf(error)}`);
      return undefined;
    }
  };
  const tagAction = (targetIds: readonly string[], add: boolean, tag: Tag) =>
    changeLibrary(
      targetIds,
      `${add ? 'Tagged' : 'Untagged'} ${paperCount(targetIds.length)} “${clip(tag.name, 40)}”`,
      () =>
        send('setTags', {
          ids: [...targetIds],
          ...(add ? { add: [tag.id] } : { remove: [tag.id] }),
        }),
    );

  return (
    <div className="library">
      <header className="library-header">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Paperlight library
        </h1>
        <SearchBox
          inputRef={searchRef}
          query={query}
          onQuery={setQuery}
          failed={search !== undefined && 'error' in search}
          status={
            search === undefined
              ? undefined
              : 'error' in search
                ? `Search is not available: ${search.error}`
                : `${search.total.toLocaleString('en-US')} ${search.total === 1 ? 'result' : 'results'}${search.total > search.ids.length ? ` (first ${search.ids.length} shown)` : ''}`
          }
        />
        <button type="button" className="button" onClick={() => setDialog({ kind: 'help' })}>
          Keys <kbd>?</kbd>
        </button>
      </header>
      <div className={detailsId ? 'library-body with-details' : 'library-body'}>
        <LibraryNav
          view={view}
          onView={changeView}
          saved={savedCount}
          updated={updatedCount}
          onOptions={openOptions}
        />
        <main className="library-main" ref={listRef}>
          {view === 'tags' && !searching ? (
            <TagsView
              tags={tagCounts}
              onCreate={(name, color) => void createTag(name, color)}
              onRename={(tag, name) =>
                send('updateTag', { id: tag.id, name }).catch((error: unknown) =>
                  notify(`Could not rename the tag: ${reasonOf(error)}`),
                )
              }
              onColor={(tag, color) =>
                send('updateTag', { id: tag.id, color }).catch((error: unknown) =>
                  notify(`Could not recolour the tag: ${reasonOf(error)}`),
                )
              }
              onMerge={(from, into) => {
                if (!window.confirm(`Merge “${from.name}” into “${into.name}”?`)) return;
                send('mergeTags', { from: [from.id], into: into.id }).then(
                  (result) =>
                    notify(
                      `Merged: ${paperCount(result.changed)} now tagged “${clip(into.name, 40)}”`,
                    ),
                  (error: unknown) => notify(`Could not merge the tags: ${reasonOf(error)}`),
                );
              }}
              onDelete={(tag) => {
                if (!window.confirm(`Delete the tag “${tag.name}”? Papers keep everything else.`))
                  return;
                send('deleteTag', { id: tag.id }).catch((error: unknown) =>
                  notify(`Could not delete the tag: ${reasonOf(error)}`),
                );
              }}
              onShow={(tag) => {
                changeView('saved');
                setSavedFilter({ tagId: tag.id });
              }}
            />
          ) : (
            <>
              <h2 className="view-title">
                {searching ? `Search: ${clip(query.trim(), 60)}` : VIEW_TITLES[view]}
                {!searching && listIds !== undefined ? (
                  <span className="view-count"> · {paperCount(listIds.length)}</span>
                ) : null}
              </h2>
              {!searching && view === 'today' ? (
                <div className="triage-bar">
                  <DayNav
                    dayStart={dayStart}
                    now={current}
                    count={undefined}
                    canGoNext={dayStart < today}
                    onPrevious={() => setDayStart(addLocalDays(dayStart, -1))}
                    onNext={() => setDayStart(Math.min(today, addLocalDays(dayStart, 1)))}
                  />
                  <TodayFilters
                    filter={todayFilter}
                    onChange={setTodayFilter}
                    dismissed={dismissedToday ?? 0}
                  />
                </div>
              ) : null}
              {!searching && view === 'saved' ? (
                <SavedControls
                  filter={savedFilter}
                  sort={savedSort}
                  tags={liveTags}
                  now={current}
                  onFilter={setSavedFilter}
                  onSort={setSavedSort}
                />
              ) : null}
              {!searching && view === 'all' ? (
                <div className="controls">
                  <label className="inline-field">
                    <span>Sort</span>
                    <select
                      value={allSort}
                      onChange={(event) => setAllSort(event.target.value as AllSort)}
                    >
                      <option value="last-seen-newest">Last seen, newest first</option>
                      <option value="first-seen-newest">First seen, newest first</option>
                    </select>
                  </label>
                </div>
              ) : null}
              <BulkBar
                selected={selected.size}
                inView={ids.length}
                onSelectAll={() => setSelected(new Set(ids))}
                onClear={() => setSelected(new Set())}
                onTag={() => openTags(selectedIds)}
                onUnsave={() =>
                  void changeLibrary(selectedIds, `Unsaved ${paperCount(selectedIds.length)}`, () =>
                    send('setSavedMany', { ids: selectedIds, saved: false }),
                  )
                }
                onReadingState={(state: ReadingState) =>
                  void changeLibrary(selectedIds, `Marked ${paperCount(selectedIds.length)}`, () =>
                    send('setReadingState', { ids: selectedIds, state }),
                  )
                }
                onExport={(format) =>
                  library
                    .exportPapers(selected.size > 0 ? selectedIds : ids, format)
                    .catch((error: unknown) => notify(`Could not export: ${reasonOf(error)}`))
                }
              />
              {listIds === undefined && firstIds === undefined && !searching ? (
                <p className="loading" aria-busy="true">
                  Loading…
                </p>
              ) : ids.length === 0 ? (
                <EmptyState title={searching ? 'No results' : EMPTY_TITLES[view]}>
                  <p>{searching ? 'Try fewer or shorter words.' : EMPTY_HINTS[view]}</p>
                </EmptyState>
              ) : (
                <PaperIdList
                  key={searching ? 'search' : queryKey}
                  ids={ids}
                  papers={byId}
                  onRendered={onRendered}
                  tags={tagsById}
                  activeId={activeId}
                  focus={focus}
                  selected={selected}
                  onSelect={onSelect}
                  onActivate={onActivate}
                  onDetails={onDetails}
                  scrollToIndex={activeId ? ids.indexOf(activeId) : -1}
                  scrollRequest={moves}
                  label={searching ? 'Search results' : VIEW_TITLES[view]}
                  viewportHeight={viewportHeight}
                />
              )}
            </>
          )}
        </main>
        {details ? (
          <PaperDetails
            paper={details}
            tags={tagsById}
            onClose={() => setDetailsId(undefined)}
            onCopyBibtex={() =>
              library
                .copyText(toBibtex(details, liveTags))
                .then(() => notify('BibTeX copied'))
                .catch((error: unknown) => notify(`Could not copy: ${reasonOf(error)}`))
            }
            onCopyLink={() => {
              const url = abstractUrl(details.id);
              if (!url) return;
              library
                .copyText(url)
                .then(() => notify('Link copied'))
                .catch((error: unknown) => notify(`Could not copy: ${reasonOf(error)}`));
            }}
            onTag={() => openTags([details.id])}
            onNote={() => setDialog({ kind: 'note', paper: details })}
            onReadingState={(state) =>
              void changeLibrary([details.id], 'Reading state changed', () =>
                send('setReadingState', { ids: [details.id], state }),
              )
            }
          />
        ) : null}
      </div>
      {dialog?.kind === 'help' ? <ShortcutsOverlay onClose={closeDialog} /> : null}
      {dialog?.kind === 'note' ? (
        <NoteDialog
          title={dialog.paper.title || dialog.paper.id}
          note={dialog.paper.note ?? ''}
          onClose={closeDialog}
          onSave={(note) => {
            const id = dialog.paper.id;
            closeDialog();
            void changeLibrary([id], note.trim() ? 'Note saved' : 'Note removed', () =>
              send('setNote', { id, note }),
            );
          }}
        />
      ) : null}
      {dialog?.kind === 'tag' ? (
        <TagDialogFor
          ids={dialog.ids}
          tags={liveTags}
          onClose={closeDialog}
          onAdd={(tag) => void tagAction(dialog.ids, true, tag)}
          onRemove={(tag) => void tagAction(dialog.ids, false, tag)}
          onCreate={async (name) => {
            const tag = await createTag(name);
            if (tag) await tagAction(dialog.ids, true, tag);
          }}
        />
      ) : null}
    </div>
  );
}

const VIEW_TITLES: Record<LibraryView, string> = {
  today: 'Today',
  saved: 'Saved',
  all: 'All papers',
  tags: 'Tags',
};
const EMPTY_TITLES: Record<LibraryView, string> = {
  today: 'No papers that day',
  saved: 'Nothing saved here',
  all: 'No papers yet',
  tags: 'No tags',
};
const EMPTY_HINTS: Record<LibraryView, string> = {
  today: 'Papers you see on arXiv or Hugging Face for the first time show up on their day.',
  saved: 'Save a paper (s or ☆) to keep it; change the filters to see more.',
  all: 'Browse an arXiv listing or Hugging Face Daily Papers and the papers will show up here.',
  tags: '',
};

/** The tag dialog with the current tags of its papers, read live (the selection's records only). */
function TagDialogFor({
  ids,
  tags,
  onClose,
  onAdd,
  onRemove,
  onCreate,
}: {
  ids: readonly string[];
  tags: readonly Tag[];
  onClose: () => void;
  onAdd: (tag: Tag) => void;
  onRemove: (tag: Tag) => void;
  onCreate: (name: string) => void;
}) {
  const { db } = usePopupServices();
  const papers = useLiveQuery(() => papersByIds(db, ids), [db, ids]);
  const carried = useMemo(() => {
    const counts = new Map<string, number>();
    for (const paper of papers ?? []) {
      for (const id of paper.tagIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [papers]);
  const byId = (id: string) => tags.find((tag) => tag.id === id);
  return (
    <TagDialog
      what={ids.length === 1 ? 'this paper' : paperCount(ids.length)}
      tags={tags}
      carried={carried}
      papers={ids.length}
      onAdd={(id) => {
        const tag = byId(id);
        if (tag) onAdd(tag);
      }}
      onRemove={(id) => {
        const tag = byId(id);
        if (tag) onRemove(tag);
      }}
      onCreate={onCreate}
      onClose={onClose}
    />
  );
}
