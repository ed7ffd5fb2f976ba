import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * Page marks on arXiv pages: one small save toggle per paper, which also reads "Seen" for papers
 * first seen before today. One empty element per paper, cloned (attributes only) from a template,
 * attached in one batch after all reading is done; its words come from the style sheet, so a mark
 * adds no text to the page that a later read could pick up. Nothing reads layout, and the toggle
 * sits inline at the end of an existing short line; its negative vertical margins give it a
 * margin box of height 0, which is all a line counts, so the line keeps its height and the page
 * does not move. One delegated listener serves every toggle, and acts only on the user's clicks
 * on toggles this script made. Screen readers hear one fixed name, "Save in Paperlight", and the
 * pressed state (the ARIA toggle-button pattern).
 */

const STYLE_ID = 'paperlight-style';
const CSS = `
.paperlight-save{all:unset;box-sizing:border-box;display:inline-block;height:18px;margin:-9px 0 -9px 8px;padding:0 7px;border:1px solid #8a8a8a;border-radius:999px;font:12px/16px system-ui,sans-serif;color:#333;background:#fff;cursor:pointer;white-space:nowrap;vertical-align:baseline}
.paperlight-save:hover{border-color:#b31b1b;color:#b31b1b}
.paperlight-save:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.paperlight-save[aria-pressed=true]{background:#b31b1b;border-color:#b31b1b;color:#fff}
.paperlight-save[data-seen=true][aria-pressed=false]::before{content:"Seen · ";color:#34507a}
.paperlight-save[aria-pressed=false]::after{content:"☆ Save"}
.paperlight-save[aria-pressed=true]::after{content:"★ Saved"}
`;

export type SaveToggleHandler = (id: string, saved: boolean) => Promise<boolean>;

function showSaved(button: Element, saved: boolean): void {
  button.setAttribute('aria-pressed', saved ? 'true' : 'false');
  button.setAttribute(
    'title',
    saved
      ? 'Saved in Paperlight (click to unsave)'
      : button.getAttribute('data-seen') === 'true'
        ? 'Paperlight saw this paper before today. Save it in Paperlight'
        : 'Save in Paperlight',
  );
}

/** The four kinds of toggle (seen before today × saved), to clone from. */
function templates(doc: Document): Element[] {
  return [false, true].flatMap((seenBefore) =>
    [false, true].map((saved) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'paperlight-save';
      button.setAttribute('aria-label', 'Save in Paperlight');
      button.setAttribute('data-seen', String(seenBefore));
      showSaved(button, saved);
      return button;
    }),
  );
}

/**
 * The toggles this script made, each with its paper and state. The page can copy a toggle, change
 * its attributes or make its own, but cannot reach this map: a click acts only on a toggle found
 * here, for the paper kept here, and `data-paperlight-id` and `aria-pressed` are never read back.
 */
const marks = new WeakMap<Element, { id: string; saved: boolean; onToggle: SaveToggleHandler }>();
const listening = new WeakSet<Document>();

/** The toggle of ours the click landed on (or inside), if any. */
function markOf(target: EventTarget | null): Element | undefined {
  for (let node = target as Element | null; node; node = node.parentElement) {
    if (marks.has(node)) return node;
  }
  return undefined;
}

/**
 * One delegated click listener per document serves every save toggle. Only the user's own clicks
 * count (`isTrusted`: a page script's `click()` or `dispatchEvent` is not); Enter and Space on a
 * focused toggle are trusted clicks too, since it is a real button.
 */
function listenForToggles(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  doc.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const button = markOf(event.target);
    const mark = button && marks.get(button);
    if (!button || !mark) return;
    event.preventDefault();
    event.stopPropagation();
    const wanted = !mark.saved;
    const show = (saved: boolean) => {
      mark.saved = saved;
      showSaved(button, saved);
    };
    show(wanted);
    mark.onToggle(mark.id, wanted).then(show, () => show(!wanted));
  });
}

function addStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).append(style);
}

/**
 * Adds a toggle to each entry that has an anchor and a status; replaces toggles from an earlier
 * run. `statuses` usually come in the order of `entries` (the background answers in order); any
 * other order is looked up by id.
 */
export function renderPageMarks(
  doc: Document,
  entries: readonly DetectedEntry[],
  statuses: readonly PaperStatus[],
  onToggle: SaveToggleHandler,
): number {
  let statusById: Map<string, PaperStatus> | undefined;
  const [fresh, saved, seen, seenSaved] = templates(doc) as [Element, Element, Element, Element];
  const markedBefore = doc.getElementById(STYLE_ID) !== null;
  let placed = 0;
  entries.forEach((entry, index) => {
    const anchor = entry.anchor;
    if (!anchor) return;
    let status = statuses[index];
    if (status?.id !== entry.paper.id) {
      statusById ??= new Map(statuses.map((one) => [one.id, one]));
      status = statusById.get(entry.paper.id);
    }
    if (!status) return;
    if (placed === 0) {
      addStyle(doc);
      listenForToggles(doc);
    }
    const template = status.seenBefore
      ? status.saved
        ? seenSaved
        : seen
      : status.saved
        ? saved
        : fresh;
    const button = template.cloneNode(false) as Element;
    // A label for people and tests reading the page; the click handler never reads it.
    button.setAttribute('data-paperlight-id', status.id);
    marks.set(button, { id: status.id, saved: status.saved, onToggle });
    if (markedBefore) {
      const previous = anchor.lastElementChild;
      if (previous && marks.has(previous)) previous.remove();
    }
    anchor.append(button);
    placed += 1;
  });
  return placed;
}
