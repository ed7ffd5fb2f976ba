/**
 * A small, tolerant XML reader for feeds, written for the MV3 service worker (which has no
 * DOMParser). It builds a light element tree and is meant for well-formed-ish feeds:
 *
 * - elements, attributes (quoted or not), text, CDATA, comments and processing instructions;
 * - the five XML entities and numeric character references are decoded; anything else that
 *   looks like an entity (`&nbsp;`, `&foo;`) is kept as written. DOCTYPE declarations (with an
 *   internal subset) are skipped and never expanded, so entity bombs do nothing;
 * - namespaced names (`arxiv:announce_type`) are split into prefix and local name, and the prefix
 *   is resolved against the `xmlns`/`xmlns:p` declarations in scope (declared anywhere up the
 *   tree, as the 2016 arXiv API does per element);
 * - it never throws: on truncated or malformed input it returns what it could read. Elements the
 *   input never closed are marked `closed: false`, so a reader can skip an entry that was cut off;
 * - linear time: each character is looked at a bounded number of times, each element is opened
 *   and closed once, and the nesting depth is capped (MAX_DEPTH).
 *
 * Why not a library (compared on every real feed, whole and cut inside an entry): on a cut feed
 * fast-xml-parser keeps the cut entry as a paper (or throws when the cut falls inside a tag) and
 * @xmldom/xmldom throws, losing the complete entries; saxes reads them all right but costs 7 KB
 * more gzipped in the service worker (plus a tree builder of ours) and is slower.
 */

/** Children are elements and entity-decoded text. */
export interface XmlElement {
  /** The qualified name as written: "arxiv:announce_type". */
  name: string;
  /** The part after the colon: "announce_type". */
  local: string;
  /** The part before the colon, or '' when there is none. */
  prefix: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; '' when unbound. */
  ns: string;
  /** Attribute values (entity-decoded) by qualified name, first occurrence wins. */
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
  /**
   * False when the input was cut off inside it or an ancestor's end tag closed it implicitly.
   */
  closed: boolean;
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  /** The first top-level element, if any. */
  root: XmlElement | undefined;
  /** False when the input ended inside a tag, comment, CDATA section or open element. */
  complete: boolean;
}

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  arxiv: 'http://arxiv.org/schemas/atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Elements nested deeper than this are not opened (their content goes to the deepest open one). */
export const MAX_DEPTH = 256;

/** Shared by all elements without attributes (most of them). */
const NO_ATTRS: ReadonlyMap<string, string> = new Map();

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|(lt|gt|amp|quot|apos));/g;

/** True for a code point XML allows in a document (the `Char` production). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Decodes `&lt; &gt; &amp; &quot; &apos;` and `&#NNN; &#xHHH;`. References to code points XML does
 * not allow become U+FFFD; unknown or malformed entities are kept as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (_m, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named] ?? '';
      const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
    },
  );
}

function isNameStart(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 58 || // :
    code >= 0x80
  );
}

function isNameChar(code: number): boolean {
  return (
    isNameStart(code) ||
    (code >= 48 && code <= 57) || // 0-9
    code === 45 || // -
    code === 46 // .
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

interface Open {
  el: XmlElement;
  /** Namespace declarations made on this element: prefix ('' for the default) → URI. */
  decls: Map<string, string> | undefined;
}

/** Never throws; see the module comment for what it accepts. */
export function parseXml(xml: string): XmlDocument {
  const src = typeof xml === 'string' ? xml : '';
  const n = src.length;
  const top: XmlElement[] = [];
  const stack: Open[] = [];
  /** How many elements of each name are open: a stray end tag is dismissed without a search. */
  const openCount = new Map<string, number>();
  let complete = true;
  let i = 0;

  const appendText = (text: string): void => {
    if (!text) return;
    const parent = stack[stack.length - 1]?.el;
    if (!parent) return; // text outside the root element: whitespace or junk
    const last = parent.children.length - 1;
    const prev = parent.children[last];
    if (typeof prev === 'string') parent.children[last] = prev + text;
    else parent.children.push(text);
  };

  const resolve = (prefix: string, own: Map<string, string> | undefined): string => {
    if (prefix === 'xml') return NS.xml;
    if (prefix === 'xmlns') return '';
    const hit = own?.get(prefix);
    if (hit !== undefined) return hit;
    for (let k = stack.length - 1; k >= 0; k--) {
      const uri = stack[k]?.decls?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  };

  const openElement = (
    name: string,
    attrs: ReadonlyMap<string, string>,
    selfClosing: boolean,
  ): void => {
    if (stack.length >= MAX_DEPTH) return; // too deep: the tag is dropped, its content kept
    let decls: Map<string, string> | undefined;
    for (const [key, value] of attrs) {
      const declared = key === 'xmlns' ? '' : key.startsWith('xmlns:') ? key.slice(6) : undefined;
      if (declared === undefined) continue;
      decls ??= new Map();
      decls.set(declared, value);
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const local = colon > 0 ? name.slice(colon + 1) : name;
    const el: XmlElement = {
      name,
      local,
      prefix,
      ns: resolve(prefix, decls),
      attrs,
      children: [],
      closed: selfClosing,
    };
    const parent = stack[stack.length - 1]?.el;
    if (parent) parent.children.push(el);
    else top.push(el);
    if (!selfClosing) {
      stack.push({ el, decls });
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
    }
  };

  const closeElement = (name: string): void => {
    if (!openCount.get(name)) return; // a stray end tag: ignored
    // Pops up to the innermost open element of that name; anything opened inside it and not
    // closed stays `closed: false`. Each element is popped once, so this is linear overall.
    for (let open = stack.pop(); open; open = stack.pop()) {
      openCount.set(open.el.name, (openCount.get(open.el.name) ?? 1) - 1);
      if (open.el.name === name) {
        open.el.closed = true;
        return;
      }
    }
  };

  /** Skips `<!DOCTYPE …>` (or any other `<!…>` declaration) including an internal subset. */
  const skipDeclaration = (from: number): number => {
    let depth = 0;
    let quote = 0;
    for (let j = from; j < n; j++) {
      const c = src.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) {
        quote = c;
      } else if (c === 91) {
        depth++;
      } else if (c === 93) {
        if (depth > 0) depth--;
      } else if (c === 62 && depth === 0) {
        return j + 1;
      }
    }
    return -1;
  };

  const readName = (from: number): number => {
    let j = from;
    while (j < n && isNameChar(src.charCodeAt(j))) j++;
    return j;
  };

  /** `from` is at `<` then a name start; -1 when the input ends inside the tag. */
  const readStartTag = (from: number): number => {
    const nameEnd = readName(from + 1);
    const name = src.slice(from + 1, nameEnd);
    let attrs: Map<string, string> | undefined;
    let j = nameEnd;
    while (j < n) {
      let c = src.charCodeAt(j);
      if (isSpace(c)) {
        j++;
        continue;
      }
      if (c === 62) {
        openElement(name, attrs ?? NO_ATTRS, false);
        return j + 1;
      }
      if (c === 47) {
        if (src.charCodeAt(j + 1) === 62) {
          openElement(name, attrs ?? NO_ATTRS, true);
          return j + 2;
        }
        j++;
        continue;
      }
      if (c === 60) {
        // "<a <b>": the tag never ended; take it as ended here and read on from the "<".
        openElement(name, attrs ?? NO_ATTRS, false);
        return j;
      }
      if (!isNameChar(c)) {
        j++; // junk such as a stray quote: skipped
        continue;
      }
      const attrEnd = readName(j);
      const attrName = src.slice(j, attrEnd);
      j = attrEnd;
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      let value = '';
      if (src.charCodeAt(j) === 61) {
        j++;
        while (j < n && isSpace(src.charCodeAt(j))) j++;
        c = src.charCodeAt(j);
        if (c === 34 || c === 39) {
          const close = src.indexOf(c === 34 ? '"' : "'", j + 1);
          if (close < 0) return -1;
          value = decodeEntities(src.slice(j + 1, close));
          j = close + 1;
        } else {
          const start = j;
          while (j < n) {
            const d = src.charCodeAt(j);
            if (isSpace(d) || d === 62 || d === 60 || (d === 47 && src.charCodeAt(j + 1) === 62))
              break;
            j++;
          }
          value = decodeEntities(src.slice(start, j));
        }
      }
      attrs ??= new Map();
      if (!attrs.has(attrName)) attrs.set(attrName, value.replace(/[\t\n\r]/g, ' '));
    }
    return -1;
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      appendText(decodeEntities(src.slice(i)));
      break;
    }
    if (lt > i) appendText(decodeEntities(src.slice(i, lt)));
    i = lt;
    const next = src.charCodeAt(i + 1);
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) {
        complete = false;
        break;
      }
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      if (end < 0) {
        appendText(src.slice(i + 9));
        complete = false;
        break;
      }
      appendText(src.slice(i + 9, end));
      i = end + 3;
    } else if (next === 63) {
      // <? … ?>
      const end = src.indexOf('?>', i + 2);
      if (end < 0) {
        complete = false;
        break;
      }
      i = end + 2;
    } else if (next === 33) {
      // <!DOCTYPE …>, <!ENTITY …> and the like: skipped, never expanded.
      const end = skipDeclaration(i + 2);
      if (end < 0) {
        complete = false;
        break;
      }
      i = end;
    } else if (next === 47) {
      // </name …>
      const end = src.indexOf('>', i + 2);
      if (end < 0) {
        complete = false;
        break;
      }
      const nameEnd = readName(i + 2);
      if (nameEnd > i + 2) closeElement(src.slice(i + 2, nameEnd));
      i = end + 1;
    } else if (isNameStart(next)) {
      const end = readStartTag(i);
      if (end < 0) {
        complete = false;
        break;
      }
      i = end;
    } else {
      appendText('<'); // "a < b" in text: kept as text
      i++;
    }
  }
  if (stack.length) complete = false;
  return { root: top[0], complete };
}

function matches(el: XmlElement, local: string | undefined, ns: string | undefined): boolean {
  return (local === undefined || el.local === local) && (ns === undefined || el.ns === ns);
}

export function childElements(
  el: XmlElement | undefined,
  local?: string,
  ns?: string,
): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el?.children ?? []) {
    if (typeof child !== 'string' && matches(child, local, ns)) out.push(child);
  }
  return out;
}

/** The first child element with this local name (and namespace). */
export function childElement(
  el: XmlElement | undefined,
  local: string,
  ns?: string,
): XmlElement | undefined {
  for (const child of el?.children ?? []) {
    if (typeof child !== 'string' && matches(child, local, ns)) return child;
  }
  return undefined;
}

/** The first element with this local name (and namespace) in document order, `el` included. */
export function findElement(
  el: XmlElement | undefined,
  local: string,
  ns?: string,
): XmlElement | undefined {
  const todo: XmlElement[] = el ? [el] : [];
  while (todo.length) {
    const cur = todo.pop() as XmlElement;
    if (matches(cur, local, ns)) return cur;
    for (let k = cur.children.length - 1; k >= 0; k--) {
      const child = cur.children[k];
      if (child !== undefined && typeof child !== 'string') todo.push(child);
    }
  }
  return undefined;
}

/** All the text inside an element, in document order (like `textContent`), not trimmed. */
export function textContent(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  const todo: XmlNode[] = [el];
  while (todo.length) {
    const cur = todo.pop() as XmlNode;
    if (typeof cur === 'string') {
      out += cur;
      continue;
    }
    for (let k = cur.children.length - 1; k >= 0; k--) {
      const child = cur.children[k];
      if (child !== undefined) todo.push(child);
    }
  }
  return out;
}

/** The text of the first child element with this local name (and namespace), or ''. */
export function childText(el: XmlElement | undefined, local: string, ns?: string): string {
  return textContent(childElement(el, local, ns));
}

/** An attribute value by qualified name, or ''. */
export function attr(el: XmlElement | undefined, name: string): string {
  return el?.attrs.get(name) ?? '';
}
