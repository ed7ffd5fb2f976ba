import { READING_STATE_LABEL } from '@/components/library/LibraryRow';
import type { SavedFilter, SavedSort } from '@/utils/pages/libraryQueries';
import { READING_STATES, type Tag } from '@/utils/shared/library';
import { SOURCE_KINDS, type SourceKind } from '@/utils/shared/paper';

const DAY = 24 * 60 * 60 * 1000;
const SAVED_WITHIN = [
  { days: 0, label: 'Any time' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 365, label: 'Last year' },
] as const;

const SORTS: { id: SavedSort; label: string }[] = [
  { id: 'saved-newest', label: 'Saved, newest first' },
  { id: 'saved-oldest', label: 'Saved, oldest first' },
  { id: 'first-seen-newest', label: 'First seen, newest first' },
  { id: 'opened-newest', label: 'Opened, latest first' },
];

interface SavedControlsProps {
  filter: SavedFilter;
  sort: SavedSort;
  tags: readonly Tag[];
  now: number;
  onFilter: (filter: SavedFilter) => void;
  onSort: (sort: SavedSort) => void;
}

/** Filter the saved papers by tag, state, code, source and saved date; choose the order. */
export function SavedControls({ filter, sort, tags, now, onFilter, onSort }: SavedControlsProps) {
  const within = filter.savedFrom === undefined ? 0 : Math.round((now - filter.savedFrom) / DAY);
  return (
    <fieldset className="controls">
      <legend className="sr-only">Filter and sort saved papers</legend>
      <label className="inline-field">
        <span>Tag</span>
        <select
          value={filter.tagId ?? ''}
          onChange={(event) => onFilter({ ...filter, tagId: event.target.value || undefined })}
        >
          <option value="">Any</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>State</span>
        <select
          value={filter.readingState ?? ''}
          onChange={(event) =>
            onFilter({
              ...filter,
              readingState: (event.target.value || undefined) as SavedFilter['readingState'],
            })
          }
        >
          <option value="">Any</option>
          {READING_STATES.map((state) => (
            <option key={state} value={state}>
              {READING_STATE_LABEL[state]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Source</span>
        <select
          value={filter.source ?? ''}
          onChange={(event) =>
            onFilter({ ...filter, source: (event.target.value || undefined) as SourceKind })
          }
        >
          <option value="">Any</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Saved</span>
        <select
          value={SAVED_WITHIN.some((choice) => choice.days === within) ? within : 0}
          onChange={(event) => {
            const days = Number(event.target.value);
            onFilter({ ...filter, savedFrom: days > 0 ? now - days * DAY : undefined });
          }}
        >
          {SAVED_WITHIN.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={filter.hasCode === true}
          onChange={(event) => onFilter({ ...filter, hasCode: event.target.checked || undefined })}
        />
        Has code
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={filter.updated === true}
          onChange={(event) => onFilter({ ...filter, updated: event.target.checked || undefined })}
        />
        Updated
      </label>
      <label className="inline-field">
        <span>Sort</span>
        <select value={sort} onChange={(event) => onSort(event.target.value as SavedSort)}>
          {SORTS.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
