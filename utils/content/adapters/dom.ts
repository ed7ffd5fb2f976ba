/**
 * Small helpers shared by the site adapters. Everything here reads text only (never layout, never
 * innerHTML) and returns '' / undefined instead of throwing.
 */

import type { DetectedEntry, PageScan } from '@/utils/content/adapters/adapter';
import { isArxivId } from '@/utils/shared/arxivId';
import {
  categoryCode,
  categoryList,
  cleanText,
  type DetectedPaper,
  LIMITS,
  type PageSource,
  type SourceKind,
  withoutEmptyFields,
} from '@/utils/shared/paper';

/** Class tokens whose text is not content: arXiv's "Title:"-style labels, MathJax's rendered
 * output (the TeX source sits next to it in a script), LaTeXML's footnotes and our own marks. */
const SKIP_CLASS = /(^|\s)(descriptor|MathJax|MJX|paperlight|ltx_note)/;

/** True when `el` has the class token `name` (cheaper than `classList` on a cold DOM). */
export function hasClass(el: Element, name: string): boolean {
  const value = el.getAttribute('class');
  if (!value) return false;
  if (value === name) return true;
  return ` ${value.replace(/\s+/g, ' ')} `.includes(` ${name} `);
}

/**
 * Set for the length of one scan (see `isPlainPage`): on a 'plain' page `textContent` reads every
 * element right; on a 'typeset' one (MathJax has run) only elements without MathJax output.
 * Outside a scan every element with children is walked.
 */
let pageKind: 'outside' | 'plain' | 'typeset' = 'outside';

/** What MathJax (v2 keeps the TeX in a script, v3 renders `mjx-container`) or a page may put
 * inside a field that `textContent` would read wrong. */
const NOT_TEXT = 'script,style,mjx-container';

/**
 * True when MathJax has not touched the page (v2 keeps its TeX in `script[type^="math/tex"]`, v3
 * renders `mjx-container`); our own page marks hold no text. Checked once per scan, with a by-tag
 * lookup (a single tag selector takes Chromium's fast path).
 */
function isPlainPage(doc: Document): boolean {
  if (doc.querySelector('mjx-container')) return false;
  for (const script of doc.scripts) {
    if (script.type.startsWith('math/')) return false;
  }
  return true;
}

/** `textContent` without a leading `.descriptor` label ("Title:"), as the walk would skip it. */
function stripDescriptor(el: Element, text: string): string {
  const first = el.firstElementChild;
  if (!first || !hasClass(first, 'descriptor')) return text;
  const label = first.textContent ?? '';
  const at = text.indexOf(label);
  return at >= 0 && text.slice(0, at).trim() === '' ? text.slice(at + label.length) : text;
}

const LINK_PLACEHOLDER = /^\s*this https? URL\s*$/i;

function walk(node: Node): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out += child.nodeValue;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'script') {
        // MathJax v2 keeps the TeX source in <script type="math/tex[; mode=display]">.
        const type = el.getAttribute('type') ?? '';
        const d = type.includes('display') ? '$$' : '$';
        if (type.startsWith('math/tex')) out += d + el.textContent + d;
      } else if (tag === 'math') {
        // arXiv's HTML papers (LaTeXML) write formulas as MathML, with the TeX in `alttext`.
        out += `$${el.getAttribute('alttext') ?? el.textContent}$`;
      } else if (tag === 'a' && LINK_PLACEHOLDER.test(el.textContent ?? '')) {
        // arXiv prints links in abstracts and comments as "this https URL": keep the URL itself.
        const href = el.getAttribute('href') ?? '';
        out += /^https?:\/\//i.test(href) ? href : (el.textContent ?? '');
      } else if (tag !== 'style' && !SKIP_CLASS.test(el.getAttribute('class') ?? '')) {
        out += walk(el);
      }
    }
  }
  return out;
}

/**
 * The text of an element (as `textContent`, whitespace collapsed, clipped to `max`), without
 * `.descriptor` labels, and with MathJax-rendered formulas put back to the TeX the page was
 * written in.
 */
export function textOf(el: Element | null | undefined, max: number): string {
  if (!el) return '';
  const text = el.textContent ?? '';
  return cleanText(readsNatively(el, text) ? stripDescriptor(el, text) : walk(el), max);
}

/** The element's text read node by node (see {@link textOf}), never natively: for markup with
 * MathML and footnotes inside its fields (arXiv's HTML papers). */
export function walkedText(el: Element | null | undefined, max: number): string {
  return el ? cleanText(walk(el), max) : '';
}

/**
 * True when the element's `textContent` (`text`) is its text: the native read is far cheaper
 * than the walk, and only wrong for MathJax output, scripts and styles, and arXiv's "this https
 * URL" links.
 */
function readsNatively(el: Element, text: string): boolean {
  if (el.childElementCount === 0) return true;
  if (pageKind === 'outside' || text.includes('this http')) return false;
  return pageKind === 'plain' || el.querySelector(NOT_TEXT) === null;
}

/**
 * The text of an arXiv field without its label, as `dropLabel(textOf(el, max), label)`: e.g.
 * `<div class="list-title"><span class="descriptor">Title:</span> A title</div>` → "A title".
 * When the field reads natively it reads the text once and cuts the label from it, without
 * visiting the label element.
 */
export function labelledText(el: Element | null | undefined, label: string, max: number): string {
  if (!el) return '';
  const raw = el.textContent ?? '';
  if (readsNatively(el, raw)) {
    const text = cleanText(raw, max + label.length + 1);
    if (text.startsWith(label)) {
      const rest = text.slice(label.length).trim();
      return rest.length > max ? rest.slice(0, max) : rest;
    }
  }
  return dropLabel(textOf(el, max), label);
}

/** Drops a leading label such as "Comments:" (case-insensitive). */
export function dropLabel(text: string, label: string): string {
  return text.slice(0, label.length).toLowerCase() === label.toLowerCase()
    ? text.slice(label.length).trim()
    : text;
}

/**
 * Primary and all categories from an arXiv subjects element: `<span class="primary-subject">
 * Quantum Physics (quant-ph)</span>; High Energy Physics - Theory (hep-th)`.
 */
export function subjects(
  el: Element | null | undefined,
): Pick<DetectedPaper, 'primaryCategory' | 'categories'> {
  if (!el) return {};
  const primary = categoryCode(textOf(el.getElementsByClassName('primary-subject')[0], 500));
  const categories = categoryList([primary, ...labelledText(el, 'Subjects:', 5000).split(';')]);
  return { primaryCategory: primary || categories[0], categories };
}

/** "Riedl, Mark O." → "Mark O. Riedl"; names without a comma are kept as they are. */
export function firstLast(name: string): string {
  const [last = '', first = '', ...rest] = name.split(',').map((part) => part.trim());
  return cleanText([first, last, ...rest].filter(Boolean).join(' '), LIMITS.authorName);
}

/**
 * The links inside an element. (A scoped descendant selector such as `dd.querySelectorAll(
 * '.list-authors a')` is ~40× slower in Chromium, since the ancestor may lie outside the scope.)
 */
export function linksIn(el: Element | null | undefined): Iterable<Element> {
  return el ? el.getElementsByTagName('a') : [];
}

/** Author names from author links, in order; skips "et al." / javascript: toggles. */
export function authorLinks(links: Iterable<Element>): string[] {
  const names: string[] = [];
  for (const a of links) {
    const name = textOf(a, LIMITS.authorName);
    if (name && !/^et al\b/i.test(name) && !/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) {
      names.push(name);
    }
    if (names.length >= LIMITS.authors) break;
  }
  return names;
}

/** True for arxiv.org pages over http(s). */
export function isArxivPage(url: URL): boolean {
  return /^https?:$/.test(url.protocol) && /^(www\.)?arxiv\.org$/.test(url.hostname);
}

/** The page source; the URL is the page's (query dropped if it is too long). */
export function pageSource(kind: SourceKind, label: string, url: URL): PageSource {
  const href = url.href.length <= LIMITS.url ? url.href : url.origin + url.pathname;
  return {
    kind,
    label: cleanText(label, LIMITS.label),
    url: /^https?:$/.test(url.protocol) ? href.slice(0, LIMITS.url) : '',
  };
}

/**
 * Collects entries for one page: builds each one in a try/catch (a malformed entry is skipped,
 * not the page), drops entries without a valid id or a title, keeps the first of repeated ids and
 * stops at the per-page limit.
 */
export function collector<T>(build: (item: T) => DetectedEntry | null | undefined) {
  const entries: DetectedEntry[] = [];
  const seen = new Set<string>();
  return {
    entries,
    add(item: T): void {
      if (entries.length >= LIMITS.papersPerPage) return;
      try {
        const entry = build(item);
        const paper = entry?.paper;
        if (!entry || !paper || !isArxivId(paper.id) || !paper.title || seen.has(paper.id)) return;
        if (paper.hf) paper.hf = withoutEmptyFields(paper.hf);
        seen.add(paper.id);
        entries.push({ ...entry, paper: withoutEmptyFields(paper) });
      } catch {
        // malformed entry: skipped
      }
    },
  };
}

/** Runs a page scan, returning no entries instead of throwing. */
export function safeScan(
  doc: Document,
  kind: SourceKind,
  label: string,
  url: URL,
  body: () => DetectedEntry[],
): PageScan {
  let entries: DetectedEntry[] = [];
  try {
    pageKind = isPlainPage(doc) ? 'plain' : 'typeset';
    entries = body();
  } catch {
    // unexpected page: nothing detected
  } finally {
    pageKind = 'outside';
  }
  return { source: pageSource(kind, label, url), entries };
}
