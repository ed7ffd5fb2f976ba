import type { DetectedEntry } from './adapters/adapter';
import type { PaperStatus } from './messages';

/**
 * Page marks on arXiv pages: a small save toggle per paper plus a "seen" mark for papers first
 * seen before today. Built off-document and attached in one batch; nothing reads layout, and the
 * marks sit inline at the end of an existing short line, so the page does not move.
 */

const STYLE_ID = 'paperlight-style';
const CSS = `
.paperlight-marks{display:inline-flex;gap:4px;align-items:center;margin-left:8px;vertical-align:baseline;font:12px/1 system-ui,sans-serif;white-space:nowrap}
.paperlight-save{all:unset;box-sizing:border-box;cursor:pointer;font:inherit;padding:2px 6px;border:1px solid #8a8a8a;border-radius:999px;color:#333;background:#fff}
.paperlight-save:hover{border-color:#b31b1b;color:#b31b1b}
.paperlight-save:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.paperlight-save[aria-pressed=true]{background:#b31b1b;border-color:#b31b1b;color:#fff}
.paperlight-seen{padding:2px 6px;border-radius:999px;background:#e8eef7;color:#34507a}
.paperlight-seen[hidden]{display:none}
`;

export type SaveToggleHandler = (id: string, saved: boolean) => Promise<boolean>;

function showSaved(marks: Element, saved: boolean): void {
  const button = marks.querySelector('.paperlight-save');
  const seen = marks.querySelector<HTMLElement>('.paperlight-seen');
  if (!button || !seen) return;
  button.setAttribute('aria-pressed', String(saved));
  button.textContent = saved ? '★ Saved' : '☆ Save';
  button.setAttribute(
    'title',
    saved ? 'Saved in Paperlight (click to unsave)' : 'Save in Paperlight',
  );
  seen.hidden = saved || marks.getAttribute('data-seen-before') !== 'true';
}

function marksTemplate(doc: Document): HTMLElement {
  const marks = doc.createElement('span');
  marks.className = 'paperlight-marks';
  const seen = doc.createElement('span');
  seen.className = 'paperlight-seen';
  seen.textContent = 'Seen';
  seen.title = 'Paperlight saw this paper before today';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'paperlight-save';
  marks.append(seen, button);
  return marks;
}

const toggleHandlers = new WeakMap<Document, SaveToggleHandler>();

/** One delegated click listener per document serves every save toggle. */
function listenForToggles(doc: Document, onToggle: SaveToggleHandler): void {
  const listening = toggleHandlers.has(doc);
  toggleHandlers.set(doc, onToggle);
  if (listening) return;
  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('.paperlight-save');
    const marks = button?.parentElement;
    const id = marks?.getAttribute('data-paperlight-id');
    if (!button || !marks || !id) return;
    event.preventDefault();
    event.stopPropagation();
    const wanted = button.getAttribute('aria-pressed') !== 'true';
    showSaved(marks, wanted);
    const handler = toggleHandlers.get(doc);
    if (!handler) return;
    handler(id, wanted).then(
      (saved) => showSaved(marks, saved),
      () => showSaved(marks, !wanted),
    );
  });
}

/** Adds marks to each entry that has an anchor; replaces marks from an earlier run. */
export function renderPageMarks(
  doc: Document,
  entries: readonly DetectedEntry[],
  statuses: readonly PaperStatus[],
  onToggle: SaveToggleHandler,
): number {
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const template = marksTemplate(doc);
  const placements: [Element, HTMLElement][] = [];
  for (const entry of entries) {
    const status = statusById.get(entry.paper.id);
    if (!entry.anchor || !status) continue;
    const marks = template.cloneNode(true) as HTMLElement;
    marks.setAttribute('data-paperlight-id', status.id);
    marks.setAttribute('data-seen-before', String(status.seenBefore));
    showSaved(marks, status.saved);
    placements.push([entry.anchor, marks]);
  }
  if (placements.length === 0) return 0;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  listenForToggles(doc, onToggle);
  for (const [anchor, marks] of placements) {
    anchor.querySelector(':scope > .paperlight-marks')?.remove();
    anchor.append(marks);
  }
  return placements.length;
}
