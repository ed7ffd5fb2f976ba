import { Dialog } from '@/components/library/Dialog';
import { LIBRARY_SHORTCUTS } from '@/utils/pages/libraryKeys';

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcuts">
        {LIBRARY_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcut">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
      <p className="dialog-hint">Keys act when you are not typing in a field.</p>
    </Dialog>
  );
}
