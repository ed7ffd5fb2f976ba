import { useState } from 'react';
import { Dialog } from '@/components/library/Dialog';
import { LIBRARY_LIMITS } from '@/utils/shared/library';

interface NoteDialogProps {
  title: string;
  note: string;
  onSave: (note: string) => void;
  onClose: () => void;
}

/** The note of one paper: plain text (kept as typed, shown as text). Ctrl/⌘+Enter saves. */
export function NoteDialog({ title, note, onSave, onClose }: NoteDialogProps) {
  const [text, setText] = useState(note);
  return (
    <Dialog title={`Note — ${title.slice(0, 80)}`} onClose={onClose}>
      <form
        className="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(text);
        }}
      >
        <label className="field-label" htmlFor="note-text">
          Note (plain text)
        </label>
        <textarea
          id="note-text"
          className="note-text"
          rows={8}
          value={text}
          maxLength={LIBRARY_LIMITS.note}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              onSave(text);
            }
          }}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save note
          </button>
        </div>
        <p className="dialog-hint">Ctrl/⌘ + Enter saves. An empty note is removed.</p>
      </form>
    </Dialog>
  );
}
