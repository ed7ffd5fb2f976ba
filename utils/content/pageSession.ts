import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import { type ListingBar, showListingBar } from '@/utils/content/listingBar';
import {
  type MarkActions,
  type PageMark,
  renderPageMarks,
  revealActions,
  showStatus,
  toggleDismissed,
  toggleSaved,
} from '@/utils/content/pageMarks';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * One marked arXiv page: its marks, and on listings the bar's filters and the keyboard
 * (`j`/`k` next/previous paper, `s` save, `x` not interested, `o` open its abstract page).
 */
export interface PageSession {
  /** The marked papers' ids, in page order (for `paperStatuses`). */
  ids: string[];
  /** New statuses from the background: marks and counts change in place. */
  update(statuses: readonly PaperStatus[]): void;
}

/** Fields where a key is the user's typing, never a command. */
function isTyping(target: EventTarget | null | undefined): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element &&
    (element.isContentEditable ||
      /^(input|textarea|select)$/.test(element.localName ?? '') ||
      element.getAttribute?.('contenteditable') === 'true')
  );
}

const matched = (mark: PageMark) => mark.status.relevance?.matched === true;

export function startPageSession(
  doc: Document,
  entries: readonly DetectedEntry[],
  statuses: readonly PaperStatus[],
  actions: MarkActions,
  navigate: (url: string) => void = (url) => doc.defaultView?.location.assign(url),
): PageSession | undefined {
  const marks = renderPageMarks(doc, entries, statuses, actions);
  if (marks.length === 0) return undefined;
  const session: PageSession = {
    ids: marks.map((mark) => mark.id),
    update(next) {
      const byId = new Map(next.map((status) => [status.id, status]));
      for (const mark of marks) {
        const status = byId.get(mark.id);
        if (status) showStatus(mark, status);
      }
    },
  };
  // Listings only: the pages whose entries can be hidden.
  if (!marks.some((mark) => mark.entry.shownIn)) return session;

  let bar: ListingBar | undefined;
  let current: PageMark | undefined;
  const visible = (mark: PageMark) =>
    !(bar?.filters.hideSeen && (mark.status.seenBefore || mark.status.dismissed)) &&
    !(bar?.filters.onlyMatches && !matched(mark));
  const refresh = () => {
    for (const mark of marks) {
      const hide = !visible(mark);
      for (const element of mark.entry.shownIn ?? []) {
        element.toggleAttribute('data-paperlight-hide', hide);
      }
    }
    bar?.showCount(marks.filter(matched).length);
  };
  bar = showListingBar(doc, refresh);
  for (const mark of marks) mark.changed = refresh;
  refresh();

  function moveTo(mark: PageMark | undefined): void {
    if (!mark) return;
    for (const element of current?.entry.shownIn ?? [])
      element.removeAttribute('data-paperlight-cur');
    current = mark;
    for (const element of mark.entry.shownIn ?? []) element.setAttribute('data-paperlight-cur', '');
    revealActions(mark);
    mark.save.focus({ preventScroll: true });
    mark.entry.shownIn?.[0]?.scrollIntoView?.({ block: 'center' });
  }

  doc.addEventListener('keydown', (event) => {
    if (
      !event.isTrusted ||
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      event.shiftKey ||
      event.isComposing ||
      isTyping(event.composedPath?.()[0]) ||
      isTyping(event.target) ||
      isTyping(doc.activeElement)
    ) {
      return;
    }
    const key = event.key;
    if (key === 'j' || key === 'k') {
      // From the cursor (even one hidden since) to the next shown paper in page order.
      const step = key === 'j' ? 1 : -1;
      let at = current ? marks.indexOf(current) : step > 0 ? -1 : marks.length;
      do at += step;
      while (marks[at] && !visible(marks[at] as PageMark));
      moveTo(marks[at]);
    } else if (current && key === 's') toggleSaved(current);
    else if (current && key === 'x') toggleDismissed(current);
    else if (current && key === 'o') navigate(`https://arxiv.org/abs/${current.id}`);
    else return;
    event.preventDefault();
  });
  return session;
}
