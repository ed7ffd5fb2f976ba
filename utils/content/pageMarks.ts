import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * Page marks on arXiv pages: per paper, whether it is new to the user or seen before, opened,
 * saved, has code, matches the user's interests (and why), a relevance dot, "not interested" and a
 * ⋯ menu ("more like this", "follow <author>").
 *
 * Each mark is an empty host element with a closed shadow root: its style sheet lives inside, so
 * styles leak neither way, and page scripts cannot reach its buttons (nor read its text: the
 * page's `textContent` does not include it, so a later read sees what the page says). The host
 * is an inline box of width and height 0 at the end of a short line; the mark is positioned from
 * it, so nothing on the page moves or wraps. Nothing reads layout.
 *
 * A listing can hold 2,000 marks, and each element of a mark costs time to make and to lay out, so
 * a mark is made as few elements as it shows: a box (the relevance dot is its `::before`), its
 * labels and the save toggle, cloned from one parsed copy per combination of labels. "Not
 * interested" (×) and the ⋯ menu are added when the pointer or the keyboard focus first reaches
 * the mark (the `x` key works without them). Each shadow root has one click listener, which acts
 * only on the user's own (trusted) clicks.
 */

/** What the marks ask the background; each answer is the paper's new status. */
export interface MarkActions {
  setSaved(id: string, saved: boolean): Promise<PaperStatus>;
  setDismissed(id: string, dismissed: boolean): Promise<PaperStatus>;
  setLiked(id: string): Promise<unknown>;
  followAuthor(id: string, author: string): Promise<unknown>;
}

export interface PageMark {
  id: string;
  entry: DetectedEntry;
  status: PaperStatus;
  host: HTMLElement;
  /** The save toggle (the keyboard cursor focuses it). */
  save: HTMLButtonElement;
  /** Called after the mark's status changed (the listing bar recounts). */
  changed?: () => void;
}

/** A mark's own elements, kept when it is made. */
interface MarkParts {
  box: HTMLElement;
  /** "Not interested" (×), made with the ⋯ menu button when the mark is first reached. */
  dismiss?: HTMLElement;
  /** What the elements show now: each change writes only what differs. */
  shown: MarkView;
}

/** What a mark shows for a status; a function of the status alone. */
interface MarkView {
  dimmed: boolean;
  /** Strength of the relevance dot, 0–4; -1 without relevance. */
  dot: number;
  dotTitle: string;
  saved: boolean;
  seenBefore: boolean;
  opened: boolean;
  code: boolean;
  matched: boolean;
  /** Why the paper matches ("author: Y. Bengio, keyword: diffusion"). */
  reasons: string;
}

const DOT =
  '::before{content:"";width:7px;height:7px;border-radius:50%;background:#b31b1b;opacity:';
const CSS = `:host{all:initial!important;display:inline-block!important;position:relative!important;width:0!important;height:0!important}
.m{position:absolute;left:8px;top:-14px;display:flex;gap:3px;align-items:center;white-space:nowrap;font:11px/16px system-ui,sans-serif;color:#333}
.m.d{opacity:.45}
.r0${DOT}.15}.r1${DOT}.35}.r2${DOT}.55}.r3${DOT}.75}.r4${DOT}1}
[hidden]{display:none!important}
b{font-weight:400;padding:0 4px;border-radius:3px;background:#eef1f6;color:#34507a}
.n{background:#e3f3e6;color:#1d6a33}
.t{background:#fdefd0;color:#744800}
button{all:unset;box-sizing:border-box;height:18px;padding:0 7px;border:1px solid #8a8a8a;border-radius:999px;background:#fff;color:#333;cursor:pointer}
button:hover{border-color:#b31b1b;color:#b31b1b}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.s[aria-pressed=true]{background:#b31b1b;border-color:#b31b1b;color:#fff}
.x::after{content:"×"}.u::after{content:"⋯"}
.x[aria-pressed=true]{background:#555;border-color:#555;color:#fff}
.p{position:absolute;top:20px;right:0;z-index:2147483647;display:flex;flex-direction:column;padding:3px;background:#fff;border:1px solid #8a8a8a;border-radius:6px;box-shadow:0 2px 8px #0003}
.p button{border:0;border-radius:4px}`;

/** The buttons added when the mark is first reached (our own markup, no page text). */
const ACTIONS =
  '<button class="x" aria-pressed="false" aria-label="Not interested" title="Not interested (x)"></button>' +
  '<button class="u" aria-haspopup="menu" aria-expanded="false" aria-label="More from Paperlight" title="More like this, follow an author"></button>';

/** The mark at each anchor, so a second run updates it instead of adding another. */
const marksByAnchor = new WeakMap<Element, PageMark>();
/** A mark as this file keeps it: with its own elements. */
type DrawnMark = PageMark & { parts: MarkParts };
let actions: MarkActions | undefined;

function dotTitle(relevance: NonNullable<PaperStatus['relevance']>): string {
  const learned = relevance.learned.map((one) => (one.weight > 0 ? '+' : '−') + one.label);
  return (
    `Relevance ${Math.round(relevance.score * 100)}%` +
    (relevance.excludedBy ? `; excluded: ${relevance.excludedBy}` : '') +
    (relevance.coldStart ? ' (from your interests; still learning)' : '') +
    (learned.length ? `; learned: ${learned.join(', ')}` : '')
  );
}

function viewOf(status: PaperStatus): MarkView {
  const relevance = status.relevance;
  return {
    dimmed: status.dismissed,
    dot: relevance ? Math.min(4, Math.max(0, Math.floor(relevance.score * 5))) : -1,
    dotTitle: relevance ? dotTitle(relevance) : '',
    saved: status.saved,
    seenBefore: status.seenBefore,
    opened: status.opened,
    code: status.hasCode,
    matched: relevance?.matched === true,
    reasons: relevance?.matched ? relevance.reasons.join(', ') : '',
  };
}

const boxClass = (view: MarkView) =>
  `m${view.dot >= 0 ? ` r${view.dot}` : ''}${view.dimmed ? ' d' : ''}`;
const saveText = (saved: boolean) => (saved ? '★ Saved' : '☆ Save');
const saveLabel = (reasons: string) =>
  `Save in Paperlight${reasons ? ` — matches: ${reasons}` : ''}`;
const saveTitle = ({ saved, seenBefore, reasons }: MarkView) =>
  (saved
    ? 'Saved in Paperlight (click to unsave)'
    : seenBefore
      ? 'Paperlight saw this paper before today. Save it in Paperlight'
      : 'Save in Paperlight') + (reasons ? `\nMatches: ${reasons}` : '');

/** The labels a view shows, in order: a saved paper says "Saved", so not also new or seen. */
function labelsHtml(view: MarkView): string {
  return (
    (view.saved
      ? ''
      : view.seenBefore
        ? '<b title="Seen before today">Seen</b>'
        : '<b class="n" title="New to you today">New</b>') +
    (view.opened ? '<b title="You opened this paper">Opened</b>' : '') +
    (view.code ? '<b title="Has a code link">Code</b>' : '') +
    (view.matched ? '<b class="t">Match</b>' : '')
  );
}
const labelsKey = (view: MarkView) =>
  `${+view.saved}${+view.seenBefore}${+view.opened}${+view.code}${+view.matched}`;

/**
 * The markup of a mark with `view`'s labels and save toggle. The rest (the box's dot and dimming,
 * its tooltip, the reasons for a match) is written after cloning: few marks share all of it, and
 * each shape is parsed once. Only our own strings go in here, never the page's.
 */
function shapeHtml(view: MarkView): string {
  const plain = { ...view, reasons: '' };
  return (
    `<span class="m">${labelsHtml(view)}` +
    `<button class="s" aria-pressed="${view.saved}" aria-label="${saveLabel('')}" title="${saveTitle(plain)}">${saveText(view.saved)}</button></span>`
  );
}

/** What a mark cloned from `shapeHtml(view)` shows (the page's entry not dimmed yet). */
const shapeOf = (view: MarkView): MarkView => ({
  ...view,
  dimmed: false,
  dot: -1,
  dotTitle: '',
  reasons: '',
});

/** One parsed mark per combination of labels, to clone. */
const shapes = new Map<string, Node>();

function cloneShape(doc: Document, view: MarkView): HTMLElement {
  const key = labelsKey(view);
  let shape = shapes.get(key);
  if (shape?.ownerDocument !== doc) {
    const holder = doc.createElement('span');
    holder.innerHTML = shapeHtml(view);
    shape = holder.firstChild as Node;
    shapes.set(key, shape);
  }
  return shape.cloneNode(true) as HTMLElement;
}

/** Draws `status` into the mark, and dims the page entry of a paper the user is not interested in. */
export function showStatus(mark: PageMark, status: PaperStatus): void {
  mark.status = status;
  const { parts } = mark as DrawnMark;
  if (!parts) return;
  const was = parts.shown;
  const view = viewOf(status);
  parts.shown = view;
  const { box } = parts;
  const { save } = mark;
  if (view.dimmed !== was.dimmed) {
    parts.dismiss?.setAttribute('aria-pressed', String(view.dimmed));
    for (const element of mark.entry.shownIn ?? []) {
      element.toggleAttribute('data-paperlight-dim', view.dimmed);
    }
  }
  if (view.dimmed !== was.dimmed || view.dot !== was.dot) box.className = boxClass(view);
  if (view.dotTitle !== was.dotTitle) box.title = view.dotTitle;
  if (labelsKey(view) !== labelsKey(was)) {
    for (const label of box.querySelectorAll(':scope > b')) label.remove();
    box.insertAdjacentHTML('afterbegin', labelsHtml(view));
  }
  if (view.saved !== was.saved) {
    save.setAttribute('aria-pressed', String(view.saved));
    save.textContent = saveText(view.saved);
  }
  if (view.reasons !== was.reasons || labelsKey(view) !== labelsKey(was)) {
    const match = box.querySelector<HTMLElement>(':scope > .t');
    if (match) match.title = `Matches ${view.reasons}`;
  }
  if (view.reasons !== was.reasons) save.setAttribute('aria-label', saveLabel(view.reasons));
  if (
    view.saved !== was.saved ||
    view.seenBefore !== was.seenBefore ||
    view.reasons !== was.reasons
  ) {
    save.title = saveTitle(view);
  }
  mark.changed?.();
}

/**
 * Adds "not interested" (×) and the ⋯ menu button to a mark, once: when the pointer or the focus
 * first reaches it, or the keyboard cursor moves to it.
 */
export function revealActions(mark: PageMark): void {
  const { parts } = mark as DrawnMark;
  if (!parts || parts.dismiss) return;
  mark.save.insertAdjacentHTML('afterend', ACTIONS);
  const dismiss = mark.save.nextElementSibling as HTMLElement;
  dismiss.setAttribute('aria-pressed', String(parts.shown.dimmed));
  parts.dismiss = dismiss;
}

/** The mark whose host is `target`, for events the page's document sees (retargeted to the host). */
function markOfHost(target: EventTarget | null): PageMark | undefined {
  const parent = (target as Element | null)?.parentElement;
  const mark = parent ? marksByAnchor.get(parent) : undefined;
  return mark?.host === target ? mark : undefined;
}

/** Listens, once per document, for the pointer or focus reaching a mark. */
const revealing = new WeakSet<Document>();
function revealOnReach(doc: Document): void {
  if (revealing.has(doc)) return;
  revealing.add(doc);
  const reveal = (event: Event) => {
    const mark = event.isTrusted ? markOfHost(event.target) : undefined;
    if (mark) revealActions(mark);
  };
  doc.addEventListener('mouseover', reveal, true);
  doc.addEventListener('focusin', reveal, true);
}

/**
 * Asks the background for a new state, showing it at once; shows what the background answers,
 * or the state before when it fails.
 */
function change(mark: PageMark, wanted: Partial<PaperStatus>, ask: Promise<PaperStatus>): void {
  const before = mark.status;
  showStatus(mark, { ...before, ...wanted });
  ask.then(
    (status) => showStatus(mark, { ...mark.status, ...status }),
    () => showStatus(mark, before),
  );
}

export function toggleSaved(mark: PageMark): void {
  const saved = !mark.status.saved;
  if (actions) change(mark, { saved }, actions.setSaved(mark.id, saved));
}

export function toggleDismissed(mark: PageMark): void {
  const dismissed = !mark.status.dismissed;
  if (actions) change(mark, { dismissed }, actions.setDismissed(mark.id, dismissed));
}

/** Opens or closes the ⋯ menu: "More like this", then "Follow <author>" per author. */
function toggleMenu(mark: PageMark, menuButton: Element): void {
  const box = menuButton.parentElement as HTMLElement;
  const doc = box.ownerDocument;
  let menu = box.querySelector<HTMLElement>('.p');
  const open = !menu || menu.hidden;
  menuButton.setAttribute('aria-expanded', String(open));
  if (menu) {
    menu.hidden = !open;
    return;
  }
  // Made on first use: most marks never open it.
  menu = doc.createElement('span');
  menu.className = 'p';
  menu.setAttribute('role', 'menu');
  box.append(menu);
  for (const [label, act] of [
    ['More like this', () => actions?.setLiked(mark.id)],
    ...mark.entry.paper.authors
      .slice(0, 8)
      .map((author) => [`Follow ${author}`, () => actions?.followAuthor(mark.id, author)] as const),
  ] as const) {
    const item = doc.createElement('button');
    item.setAttribute('role', 'menuitem');
    // Author names are the page's text: set as text, never as markup.
    item.textContent = label;
    item.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      Promise.resolve(act()).then(() => {
        item.textContent = `✓ ${label}`;
      }, console.debug);
    });
    menu?.append(item);
  }
}

function onClick(event: Event, mark: PageMark): void {
  const button = (event.target as Element | null)?.closest?.('button');
  if (!event.isTrusted || !button) return;
  event.stopPropagation();
  if (button.className === 's') toggleSaved(mark);
  else if (button.className === 'x') toggleDismissed(mark);
  else if (button.className === 'u') toggleMenu(mark, button);
}

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * Gives a mark's shadow root its style: one constructed style sheet shared by every mark, so the
 * browser keeps one set of rules for 2,000 marks instead of 2,000 `<style>` elements; a `<style>`
 * where a constructed sheet cannot be adopted (some content-script worlds).
 */
function styleRoot(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

const PAGE_STYLE_ID = 'paperlight-style';

/** The page's side: dimmed ("not interested"), hidden (the bar's filters), the keyboard cursor. */
function addPageStyle(doc: Document): void {
  if (doc.getElementById(PAGE_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent =
    '[data-paperlight-dim]{opacity:.5}[data-paperlight-hide]{display:none!important}' +
    '[data-paperlight-cur]{outline:2px solid #1a73e8;outline-offset:2px}';
  (doc.head ?? doc.documentElement).append(style);
}

/**
 * A new mark showing `status`: a host with a closed shadow root holding a clone of the status's
 * shape; showStatus then writes what is this paper's own.
 */
function makeMark(doc: Document, entry: DetectedEntry, status: PaperStatus): PageMark {
  // A tag of its own, so the page's rules for spans or buttons do not select the host.
  const host = doc.createElement('paperlight-mark');
  // A label for people and tests reading the page; nothing here reads it back.
  host.setAttribute('data-paperlight-id', status.id);
  const root = host.attachShadow({ mode: 'closed' });
  styleRoot(root);
  const view = viewOf(status);
  const box = cloneShape(doc, view);
  root.append(box);
  const mark: DrawnMark = {
    id: status.id,
    entry,
    status,
    host,
    save: box.lastElementChild as HTMLButtonElement,
    parts: { box, shown: shapeOf(view) },
  };
  root.addEventListener('click', (event) => onClick(event, mark));
  return mark;
}

/**
 * Adds a mark to each entry that has an anchor and a status, or updates the mark already there.
 * `statuses` usually come in the order of `entries` (the background answers in order); any other
 * order is looked up by id. Returns the marks, in page order.
 */
export function renderPageMarks(
  doc: Document,
  entries: readonly DetectedEntry[],
  statuses: readonly PaperStatus[],
  markActions: MarkActions,
): PageMark[] {
  actions = markActions;
  let statusById: Map<string, PaperStatus> | undefined;
  const marks: PageMark[] = [];
  let prepared = false;
  entries.forEach((entry, index) => {
    const anchor = entry.anchor;
    if (!anchor) return;
    let status = statuses[index];
    if (status?.id !== entry.paper.id) {
      statusById ??= new Map(statuses.map((one) => [one.id, one]));
      status = statusById.get(entry.paper.id);
    }
    if (!status) return;
    let mark = marksByAnchor.get(anchor);
    if (!mark || mark.id !== status.id) {
      mark?.host.remove();
      if (!prepared) {
        prepared = true;
        addPageStyle(doc);
        revealOnReach(doc);
      }
      mark = makeMark(doc, entry, status);
      marksByAnchor.set(anchor, mark);
      anchor.append(mark.host);
    }
    mark.entry = entry;
    showStatus(mark, status);
    marks.push(mark);
  });
  return marks;
}
