/**
 * The arXiv id rules, in one place: what a bare id is, and how one is read from the strings that
 * name a paper — fields of arXiv pages, feeds and Hugging Face data (`arxivIdFrom`), links on any
 * page (`arxivIdFromUrl`) and ids written in any page's text (`findArxivIds`). Pure.
 */

const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z-]+(?:\.[A-Z]{2})?/\d{7}`;
const BARE_ID = new RegExp(`^(?:${NEW_STYLE}|${OLD_STYLE})$`);

/** Versionless, new style ("2408.01234") or old ("hep-th/9901001"). */
export function isArxivId(id: string): boolean {
  return BARE_ID.test(id);
}

/** Strips a version suffix: "2408.01234v3" → "2408.01234". */
export function bareArxivId(id: string): string {
  return id.trim().replace(/v\d+$/i, '');
}

export interface IdReading {
  /**
   * Also read `/pdf/<id>` paths. A feed entry may name its paper by its PDF link; on arXiv pages
   * a paper is named by its abstract link, and a PDF link there is not taken for one.
   */
  pdfLinks?: boolean;
}

/**
 * A bare, valid arXiv id from a string that names one paper, or '' when there is none: the id
 * ("2408.01234v2", "hep-th/9901001"), "arXiv:<id>", "oai:arXiv.org:<id>", or an abstract path or
 * URL ("/abs/<id>", "https://arxiv.org/abs/<id>v2?context=cs#top"). The host is not checked (the
 * string comes from an arXiv page, an arXiv feed or Hugging Face's data); for links found on any
 * page use {@link arxivIdFromUrl}.
 */
export function arxivIdFrom(raw: string | null | undefined, reading: IdReading = {}): string {
  if (raw && isArxivId(raw)) return raw; // the common case: an element id such as "2408.01234"
  let s = (raw ?? '').trim().slice(0, 300);
  const path = reading.pdfLinks ? s.search(/\/(abs|pdf)\//) : s.indexOf('/abs/');
  if (path >= 0) s = s.slice(path + 5);
  s = s
    .replace(/^oai:arxiv\.org:/i, '')
    .replace(/^arxiv:\s*/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\.pdf$/i, '')
    .replace(/\/+$/, '');
  const id = bareArxivId(s);
  return isArxivId(id) ? id : '';
}

/** The first valid id among the candidates (see {@link arxivIdFrom}), or ''. */
export function firstArxivId(
  candidates: readonly (string | null | undefined)[],
  reading?: IdReading,
): string {
  for (const candidate of candidates) {
    const id = arxivIdFrom(candidate, reading);
    if (id) return id;
  }
  return '';
}

export const PAGE_ARXIV_IDS_MAX = 500;
export const PAGE_TEXT_SCAN_MAX = 2_000_000;

const ID = `(${NEW_STYLE}|${OLD_STYLE})(?:v\\d+)?`;
const LINK = new RegExp(
  String.raw`^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/${ID}(?:\.pdf)?(?:[/?#]|$)`,
);
const IN_TEXT = new RegExp(String.raw`\barxiv:\s?${ID}(?![\d.]*\d)`, 'gi');

/** True for a new-style id with a real month (YYMM, MM 01–12) or any old-style id. */
function plausible(id: string): boolean {
  if (!isArxivId(id)) return false;
  const match = /^(\d{2})(\d{2})\./.exec(id);
  if (!match) return true;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

/**
 * The bare arXiv id an arxiv.org abs/pdf/html link points to, else undefined. For links on pages
 * of any site: the host must be arXiv's, and a new-style id must have a real month.
 */
export function arxivIdFromUrl(url: string): string | undefined {
  const match = LINK.exec(url.trim());
  const id = match?.[1] ? bareArxivId(match[1]) : undefined;
  return id && plausible(id) ? id : undefined;
}

/**
 * Unique bare arXiv ids referenced by a page, in order (links first, then ids written after
 * "arXiv:" in the text), at most `max`. Old-style ids in text are kept only when written in
 * their archive's case ("hep-th/9901001").
 */
export function findArxivIds(
  page: { links: Iterable<string>; text: string },
  max: number = PAGE_ARXIV_IDS_MAX,
): string[] {
  const found = new Set<string>();
  for (const link of page.links) {
    if (found.size >= max) return [...found];
    const id = arxivIdFromUrl(link);
    if (id) found.add(id);
  }
  const text = page.text.slice(0, PAGE_TEXT_SCAN_MAX);
  for (const match of text.matchAll(IN_TEXT)) {
    if (found.size >= max) break;
    const raw = match[1];
    if (!raw) continue;
    const id = bareArxivId(raw);
    if (plausible(id)) found.add(id);
  }
  return [...found];
}

const HF_PAPER = new RegExp(String.raw`^https://huggingface\.co/papers/${ID}(?:[/?#]|$)`);

/**
 * The paper a tab shows when the user opened it: an arXiv abs, html or pdf page, or a Hugging
 * Face paper page (`/papers/<id>`); else undefined (listings, search and other pages are not
 * "opening" a paper).
 */
export function openedPaperId(url: string): string | undefined {
  const fromArxiv = arxivIdFromUrl(url);
  if (fromArxiv) return fromArxiv;
  const raw = HF_PAPER.exec(url.trim())?.[1];
  const id = raw ? bareArxivId(raw) : undefined;
  return id && plausible(id) ? id : undefined;
}
