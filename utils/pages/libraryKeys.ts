/**
 * The library page's keys: which action a key press asks for. Keys act only when the reader is
 * not typing (a text field, a select, an editable element) and no modifier but Shift is held.
 */

export type LibraryKeyAction =
  | 'search'
  | 'next'
  | 'previous'
  | 'save'
  | 'dismiss'
  | 'tag'
  | 'note'
  | 'open'
  | 'details'
  | 'help'
  | 'close'
  | 'undo';

export const LIBRARY_SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: '/', what: 'Search' },
  { keys: 'j / ↓', what: 'Next paper' },
  { keys: 'k / ↑', what: 'Previous paper' },
  { keys: 's', what: 'Save or unsave' },
  { keys: 'x', what: 'Not interested (dismiss)' },
  { keys: 't', what: 'Tag (the selected papers, else this one)' },
  { keys: 'n', what: 'Note' },
  { keys: 'o', what: 'Open on arXiv' },
  { keys: 'Enter', what: 'Details' },
  { keys: 'Esc', what: 'Close details or dialog' },
  { keys: 'Ctrl/⌘ + Z', what: 'Undo the last change' },
  { keys: '?', what: 'This list' },
];

/** Typing in a field: the page's keys stay out of it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target.closest('input:not([type="radio"]):not([type="checkbox"]), textarea, select')) {
    return true;
  }
  return target instanceof HTMLElement && target.isContentEditable;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function libraryKeyAction(event: KeyLike): LibraryKeyAction | undefined {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') {
    return 'undo';
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case '/':
      return 'search';
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 's':
      return 'save';
    case 'x':
      return 'dismiss';
    case 't':
      return 'tag';
    case 'n':
      return 'note';
    case 'o':
      return 'open';
    case 'Enter':
      return 'details';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return undefined;
  }
}
