import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import { hasClass } from '@/utils/content/adapters/dom';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * Page marks on arXiv pages: one small save toggle per paper, which also reads "Seen" for papers
 * first seen before today. One empty element per paper, cloned (attributes only) from a template,
 * attached in one batch after all reading is done; its words come from the style sheet, so a mark
 * adds no text to the page that a later read could pick up. Nothing reads layout, and the toggle
 * sits inline at the end of an existing short line; its negative vertical margins give it a
 * margin box of height 0, which is all a line counts, so the line keeps its height and the page
 * does not move. One delegated
 * listener serves every toggle. Screen readers hear one fixed name, "Save in Paperlight", and the
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

const toggleHandlers = new WeakMap<Document, SaveToggleHandler>();

/** One delegated click listener per document serves every save toggle. */
function listenForToggles(doc: Document, onToggle: SaveToggleHandler): void {
  const listening = toggleHandlers.has(doc);
  toggleHandlers.set(doc, onToggle);
  if (listening) return;
  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('.paperlight-save');
    const id = button?.getAttribute('data-paperlight-id');
    const handler = toggleHandlers.get(doc);
    if (!button || !id || !handler) return;
    event.preventDefault();
    event.stopPropagation();
    const wanted = button.getAttribute('aria-pressed') !== 'true';
    showSaved(button, wanted);
    handler(id, wanted).then(
      (saved) => showSaved(button, saved),
      () => showSaved(button, !wanted),
    );
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
      listenForToggles(doc, onToggle);
    }
    const template = status.seenBefore
      ? status.saved
        ? seenSaved
        : seen
      : status.saved
        ? saved
        : fresh;
    const button = template.cloneNode(false) as Element;
    button.setAttribute('data-paperlight-id', status.id);
    if (markedBefore) {
      const previous = anchor.lastElementChild;
      if (previous && hasClass(previous, 'paperlight-save')) previous.remove();
    }
    anchor.append(button);
    placed += 1;
  });
  return placed;
}
