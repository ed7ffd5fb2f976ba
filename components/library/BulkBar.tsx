import { READING_STATE_LABEL } from '@/components/library/LibraryRow';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from '@/utils/pages/exportFile';
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
  onExport: (format: ExportFormat) => void;
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
      <label className="export-as">
        <span className="sr-only">
          Export {selected > 0 ? 'the selected papers' : 'the papers in view'} as
        </span>
        <select
          className="button"
          value=""
          disabled={inView === 0}
          onChange={(event) => {
            const format = EXPORT_FORMATS.find((name) => name === event.currentTarget.value);
            if (format) onExport(format);
          }}
        >
          <option value="" disabled>
            Export…
          </option>
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {EXPORT_FORMAT_NAMES[format]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
