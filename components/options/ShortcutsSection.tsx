import { useId } from 'react';
import { LIBRARY_SHORTCUTS } from '@/utils/pages/libraryKeys';

const ON_PAGES: readonly [keys: string[], what: string][] = [
  [['j', 'k'], 'Next / previous paper (matches first with "only matches" on)'],
  [['s'], 'Save or unsave'],
  [['x'], 'Not interested'],
  [['o'], 'Open the paper'],
];

const IN_POPUP: readonly [keys: string[], what: string][] = [
  [['↓', '↑'], 'Next / previous paper'],
  [['j', 'k'], 'Next / previous paper'],
  [['s'], 'Save or unsave'],
  [['x'], 'Not interested (with Undo)'],
  [['Ctrl/⌘', 'Z'], 'Undo "not interested"'],
  [['Enter'], 'Open the paper (also o)'],
];

const IN_LIBRARY: readonly [keys: string[], what: string][] = LIBRARY_SHORTCUTS.map(
  ({ keys, what }) => [keys.split(/ \+ | \/ /), what],
);

const IN_BROWSER: readonly [keys: string[], what: string][] = [
  [
    ['Alt', 'Shift', 'L'],
    "Open the library (the browser's extension shortcut settings can change it)",
  ],
];

function ShortcutList({ title, rows }: { title: string; rows: typeof ON_PAGES }) {
  const id = useId();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <dl className="shortcuts" aria-labelledby={id}>
        {rows.map(([keys, what]) => (
          <div key={`${keys.join('+')}:${what}`}>
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? (keys[0] === 'Ctrl/⌘' || keys[0] === 'Alt' ? ' + ' : ' / ') : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The keys Paperlight answers to, never inside a text field. */
export function ShortcutsSection() {
  const heading = useId();
  return (
    <section className="section" aria-labelledby={heading}>
      <h2 id={heading}>Keyboard shortcuts</h2>
      <ShortcutList title="On arXiv listings" rows={ON_PAGES} />
      <ShortcutList title="In the popup" rows={IN_POPUP} />
      <ShortcutList title="In the library" rows={IN_LIBRARY} />
      <ShortcutList title="Anywhere in the browser" rows={IN_BROWSER} />
    </section>
  );
}
