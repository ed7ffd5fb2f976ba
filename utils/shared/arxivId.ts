/**
 * arXiv references on an arbitrary page: links to arxiv.org/abs|pdf|html/<id> and ids written in
 * text ("arXiv:2408.01234v2", "arXiv:hep-th/9901001"). Pure: the page reader passes in the link
 * targets and the text.
 */
import { bareArxivId, isArxivId } from '@/utils/shared/paper';

/** At most this many ids are taken from one page. */
export const PAGE_ARXIV_IDS_MAX = 500;
/** Most characters of page text scanned for ids. */
export const PAGE_TEXT_SCAN_MAX = 2_000_000;

const ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?`;
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

/** The bare arXiv id an arxiv.org abs/pdf/html link points to, else undefined. */
export function arxivIdFromUrl(url: string): string | undefined {
  const match = LINK.exec(url.trim());
  const id = match?.[1] ? bareArxivId(match[1]) : undefined;
  return id && plausible(id) ? id : undefined;
}

/**
 * Unique bare arXiv ids referenced by a page, in order (links first, then text), at most `max`.
 * Old-style ids in text keep their archive's case as written only when valid ("hep-th/9901001").
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
