import { useEffect, useState } from 'react';
import { useNotify } from '@/components/Notice';
import { usePopupServices } from '@/components/PopupContext';
import { requestPersistentStorage } from '@/utils/pages/persistentStorage';

interface SaveToggleProps {
  id: string;
  title: string;
  saved: boolean;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Star button that saves or unsaves a paper through the background (`setSaved`).
 * It shows the new state at once and keeps it until the digest (live query) agrees, or the
 * background refuses, in which case it falls back and says why.
 */
export function SaveToggle({ id, title, saved }: SaveToggleProps) {
  const { send } = usePopupServices();
  const notify = useNotify();
  // The state asked for, and the stored state when it was asked: a row's record can lag behind a
  // click (it is read apart from the list), so only a change of the stored state settles it.
  const [pending, setPending] = useState<{ saved: boolean; storedThen: boolean } | null>(null);
  const [storedMoved, setStoredMoved] = useState(false);
  const shown = pending?.saved ?? saved;

  useEffect(() => {
    if (pending === null) return;
    if (saved !== pending.storedThen) setStoredMoved(true);
    if ((storedMoved || saved !== pending.storedThen) && pending.saved === saved) {
      setPending(null);
      setStoredMoved(false);
    }
  }, [pending, saved, storedMoved]);

  const toggle = () => {
    const next = !shown;
    setPending({ saved: next, storedThen: saved });
    setStoredMoved(false);
    // Within the click: a saved library is worth keeping when the disk runs low.
    if (next) void requestPersistentStorage();
    send('setSaved', { id, saved: next }).catch((error: unknown) => {
      setPending(null);
      setStoredMoved(false);
      const reason = error instanceof Error ? error.message : String(error);
      notify(`Could not ${next ? 'save' : 'unsave'} the paper: ${reason}`);
    });
  };

  const name = clip(title || id, 80);
  return (
    <button
      type="button"
      className="save-toggle"
      aria-pressed={shown}
      // One name, state in aria-pressed (a toggle's label must not flip with its state).
      aria-label={`Save ${name}`}
      title={shown ? 'Saved — click to unsave' : 'Save'}
      onClick={toggle}
    >
      <span aria-hidden="true">{shown ? '★' : '☆'}</span>
    </button>
  );
}
