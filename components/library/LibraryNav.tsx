export type LibraryView = 'today' | 'saved' | 'all' | 'tags';

interface LibraryNavProps {
  view: LibraryView;
  onView: (view: LibraryView) => void;
  saved: number | undefined;
  /** Saved papers with an update not yet seen. */
  updated: number | undefined;
  onOptions: () => void;
}

const VIEWS: { id: LibraryView; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'saved', label: 'Saved' },
  { id: 'all', label: 'All papers' },
  { id: 'tags', label: 'Tags' },
];

export function LibraryNav({ view, onView, saved, updated, onOptions }: LibraryNavProps) {
  return (
    <nav className="library-nav" aria-label="Library views">
      <ul>
        {VIEWS.map((choice) => (
          <li key={choice.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={view === choice.id ? 'page' : undefined}
              onClick={() => onView(choice.id)}
            >
              {choice.label}
              {choice.id === 'saved' && saved !== undefined ? (
                <span className="tab-count">{saved.toLocaleString('en-US')}</span>
              ) : null}
              {choice.id === 'saved' && updated ? (
                <span className="tab-count update-count" title="Saved papers with an update">
                  {updated.toLocaleString('en-US')} updated
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button nav-options" onClick={onOptions}>
        Options
      </button>
    </nav>
  );
}
