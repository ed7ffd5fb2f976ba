import type { DetectedEntry } from './adapters/adapter';
import type { PaperStatus } from './messages';

/**
 * Page marks on arXiv pages: one small save toggle per paper, which also reads "Seen" for papers
 * first seen before today. One empty element per paper, cloned (attributes only) from a template,
 * attached in one batch after all reading is done; its words come from the style sheet, so a mark
 * adds no text to the page that a later read could pick up. Nothing reads layout, and the toggle
 * sits inline at the end of an existing short line, so the page does not move. One delegated
 * listener serves every toggle. Screen readers hear one fixed name, "Save in Paperlight", and the
 * pressed state (the ARIA toggle-button pattern).
 */

const STYLE_ID = 'paperlight-style';
const CSS = `
.paperlight-save{all:unset;box-sizing:border-box;display:inline-block;margin-left:8px;padding:1px 7px;border:1px solid #8a8a8a;border-radius:999px;font:12px/16px system-ui,sans-serif;color:#333;background:#fff;cursor:pointer;white-space:nowrap;vertical-align:baseline}
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

/** Adds a toggle to each entry that has an anchor; replaces toggles from an earlier run. */
export function renderPageMarks(
  doc: Document,
  entries: readonly DetectedEntry[],
  statuses: readonly PaperStatus[],
  onToggle: SaveToggleHandler,
): number {
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const [fresh, saved, seen, seenSaved] = templates(doc) as [Element, Element, Element, Element];
  const placements: [Element, Element][] = [];
  for (const entry of entries) {
    const status = statusById.get(entry.paper.id);
    if (!entry.anchor || !status) continue;
    const template = status.seenBefore
      ? status.saved
        ? seenSaved
        : seen
      : status.saved
        ? saved
        : fresh;
    const button = template.cloneNode(false) as Element;
    button.setAttribute('data-paperlight-id', status.id);
    placements.push([entry.anchor, button]);
  }
  if (placements.length === 0) return 0;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  listenForToggles(doc, onToggle);
  for (const [anchor, button] of placements) {
    const previous = anchor.lastElementChild;
    if (previous?.classList.contains('paperlight-save')) previous.remove();
    anchor.append(button);
  }
  return placements.length;
}
