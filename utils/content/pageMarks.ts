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
 * it, so nothing on the page moves or wraps. Hosts are cloned from one template and attached in one
 * batch after all reading is done; nothing reads layout. Each shadow root has one click listener,
 * which acts only on the user's own (trusted) clicks.
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

/** A mark's own elements, kept when it is made (never looked up again). */
interface MarkParts {
  box: HTMLElement;
  dot: HTMLElement;
  seen: HTMLElement;
  dismiss: HTMLElement;
  /** Opened, Code, Match: made only for the papers that have them. */
  chips: HTMLElement[];
}

const CSS = `:host{all:initial!important;display:inline-block!important;position:relative!important;width:0!important;height:0!important}
.m{position:absolute;left:8px;top:-14px;display:flex;gap:3px;align-items:center;white-space:nowrap;font:11px/16px system-ui,sans-serif;color:#333}
.m.d{opacity:.45}
[hidden]{display:none!important}
b{font-weight:400;padding:0 4px;border-radius:3px;background:#eef1f6;color:#34507a}
.n{background:#e3f3e6;color:#1d6a33}
.t{background:#fdefd0;color:#744800}
i{width:7px;height:7px;border-radius:50%;background:#b31b1b;opacity:.15}
.r1{opacity:.35}.r2{opacity:.55}.r3{opacity:.75}.r4{opacity:1}
button{all:unset;box-sizing:border-box;height:18px;padding:0 7px;border:1px solid #8a8a8a;border-radius:999px;background:#fff;color:#333;cursor:pointer}
button:hover{border-color:#b31b1b;color:#b31b1b}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.s[aria-pressed=true]{background:#b31b1b;border-color:#b31b1b;color:#fff}
.x::after{content:"×"}.u::after{content:"⋯"}
.x[aria-pressed=true]{background:#555;border-color:#555;color:#fff}
.p{position:absolute;top:20px;right:0;z-index:2147483647;display:flex;flex-direction:column;padding:3px;background:#fff;border:1px solid #8a8a8a;border-radius:6px;box-shadow:0 2px 8px #0003}
.p button{border:0;border-radius:4px}`;

// The common case drawn already (a new, unsaved paper): most marks need few writes.
const HTML =
  '<span class="m"><i hidden></i><b class="n" title="New to you today">New</b>' +
  '<button class="s" type="button" aria-pressed="false" aria-label="Save in Paperlight" title="Save in Paperlight">☆ Save</button>' +
  '<button class="x" type="button" aria-pressed="false" aria-label="Not interested" title="Not interested (x)"></button>' +
  '<button class="u" type="button" aria-haspopup="menu" aria-expanded="false" aria-label="More from Paperlight" title="More like this, follow an author"></button></span>';

/** The mark at each anchor, so a second run updates it instead of adding another. */
const marksByAnchor = new WeakMap<Element, PageMark>();
/** A mark as this file keeps it: with its own elements. */
type DrawnMark = PageMark & { parts: MarkParts };
let actions: MarkActions | undefined;

/** The reasons a paper matches, as one phrase: "author: Y. Bengio, keyword: diffusion". */
function matchText(status: PaperStatus): string {
  return status.relevance?.matched ? status.relevance.reasons.join(', ') : '';
}

function dotTitle(relevance: NonNullable<PaperStatus['relevance']>): string {
  const learned = relevance.learned.map((one) => (one.weight > 0 ? '+' : '−') + one.label);
  return (
    `Relevance ${Math.round(relevance.score * 100)}%` +
    (relevance.excludedBy ? `; excluded: ${relevance.excludedBy}` : '') +
    (relevance.coldStart ? ' (from your interests; still learning)' : '') +
    (learned.length ? `; learned: ${learned.join(', ')}` : '')
  );
}

function chip(doc: Document, text: string, title: string, className = ''): HTMLElement {
  const element = doc.createElement('b');
  element.textContent = text;
  element.title = title;
  if (className) element.className = className;
  return element;
}

/** Draws `status` into the mark, and dims the page entry of a paper the user is not interested in. */
export function showStatus(mark: PageMark, status: PaperStatus): void {
  const before = mark.status;
  mark.status = status;
  const { parts } = mark as DrawnMark;
  if (!parts) return;
  const { box, dot, seen, dismiss } = parts;
  const relevance = status.relevance;
  const matches = matchText(status);
  if (status.dismissed !== (box.className === 'm d')) {
    box.className = status.dismissed ? 'm d' : 'm';
    for (const element of mark.entry.shownIn ?? []) {
      element.toggleAttribute('data-paperlight-dim', status.dismissed);
    }
  }
  if (dot.hidden !== !relevance) dot.hidden = !relevance;
  if (relevance) {
    dot.className = `r${Math.min(4, Math.max(0, Math.floor(relevance.score * 5)))}`;
    dot.title = dotTitle(relevance);
  }
  // A saved paper says "Saved"; new or seen matters for the ones not saved.
  if (status.saved !== before.saved) seen.hidden = status.saved;
  if (status.seenBefore !== before.seenBefore) {
    seen.textContent = status.seenBefore ? 'Seen' : 'New';
    seen.className = status.seenBefore ? '' : 'n';
    seen.title = status.seenBefore ? 'Seen before today' : 'New to you today';
  }
  for (const old of parts.chips) old.remove();
  if (parts.chips.length) parts.chips = [];
  const doc = box.ownerDocument;
  if (status.opened) parts.chips.push(chip(doc, 'Opened', 'You opened this paper'));
  if (status.hasCode) parts.chips.push(chip(doc, 'Code', 'Has a code link'));
  if (matches) parts.chips.push(chip(doc, 'Match', `Matches ${matches}`, 't'));
  if (parts.chips.length) seen.after(...parts.chips);
  const { save } = mark;
  if (status.saved || before.saved) {
    save.setAttribute('aria-pressed', String(status.saved));
    save.textContent = status.saved ? '★ Saved' : '☆ Save';
  }
  if (matches || status.saved || status.seenBefore || save.title !== 'Save in Paperlight') {
    save.setAttribute('aria-label', `Save in Paperlight${matches ? ` — matches: ${matches}` : ''}`);
    save.title =
      (status.saved
        ? 'Saved in Paperlight (click to unsave)'
        : status.seenBefore
          ? 'Paperlight saw this paper before today. Save it in Paperlight'
          : 'Save in Paperlight') + (matches ? `\nMatches: ${matches}` : '');
  }
  if (status.dismissed || before.dismissed) {
    dismiss.setAttribute('aria-pressed', String(status.dismissed));
  }
  mark.changed?.();
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
    item.type = 'button';
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

/** One mark's shadow content, to clone (the markup is ours: no page text in it), parsed in a
 * detached span. */
function template(doc: Document): Node {
  const box = doc.createElement('span');
  box.innerHTML = HTML;
  return box.firstChild as Node;
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
  let content: Node | undefined;
  const marks: PageMark[] = [];
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
      if (!content) {
        content = template(doc);
        addPageStyle(doc);
      }
      // A tag of its own, so the page's rules for spans or buttons do not select the host.
      const host = doc.createElement('paperlight-mark');
      // A label for people and tests reading the page; nothing here reads it back.
      host.setAttribute('data-paperlight-id', status.id);
      const root = host.attachShadow({ mode: 'closed' });
      styleRoot(root);
      const box = content.cloneNode(true) as HTMLElement;
      root.append(box);
      const dot = box.firstElementChild as HTMLElement;
      const seen = dot.nextElementSibling as HTMLElement;
      const save = seen.nextElementSibling as HTMLElement;
      const dismiss = save.nextElementSibling as HTMLElement;
      // What the template shows; showStatus writes only what differs from it.
      const drawn: PaperStatus = {
        id: status.id,
        saved: false,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      };
      const made: DrawnMark = {
        id: status.id,
        entry,
        status: drawn,
        host,
        save: save as HTMLButtonElement,
        parts: { box, dot, seen, dismiss, chips: [] },
      };
      root.addEventListener('click', (event) => onClick(event, made));
      mark = made;
      marksByAnchor.set(anchor, mark);
      anchor.append(host);
    }
    mark.entry = entry;
    showStatus(mark, status);
    marks.push(mark);
  });
  return marks;
}
