import { READING_STATE_LABEL } from '@/components/library/LibraryRow';
import { paperCount } from '@/utils/pages/paperDisplay';
import { READING_STATES, type ReadingState } from '@/utils/shared/library';

interface BulkBarProps {
  selected: number;
  inView: number;
  onSelectAll: () => void;
  onClear: () => void;
  onTag: () => void;
  onUnsave: () => void;
  onReadingState: (state: ReadingState) => void;
  onExport: () => void;
}

/** What to do with the selected papers (or select them all); every change can be undone. */
export function BulkBar({
  selected,
  inView,
  onSelectAll,
  onClear,
  onTag,
  onUnsave,
  onReadingState,
  onExport,
}: BulkBarProps) {
  return (
    <fieldset className="bulk-bar">
      <legend className="sr-only">Selected papers</legend>
      <span className="bulk-count" aria-live="polite">
        {selected > 0 ? `${paperCount(selected)} selected` : `${paperCount(inView)} in view`}
      </span>
      <button type="button" className="button" onClick={onSelectAll} disabled={inView === 0}>
        Select all in view
      </button>
      {selected > 0 ? (
        <>
          <button type="button" className="button" onClick={onClear}>
            Clear selection
          </button>
          <button type="button" className="button" onClick={onTag}>
            Tag / untag…
          </button>
          <label className="inline-field">
            <span>Mark as</span>
            <select
              value=""
              onChange={(event) => {
                if (event.target.value) onReadingState(event.target.value as ReadingState);
              }}
            >
              <option value="">—</option>
              {READING_STATES.map((state) => (
                <option key={state} value={state}>
                  {READING_STATE_LABEL[state]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={onUnsave}>
            Unsave
          </button>
        </>
      ) : null}
      <button type="button" className="button" onClick={onExport} disabled={inView === 0}>
        Export…
      </button>
    </fieldset>
  );
}
