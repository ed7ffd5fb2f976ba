import type { DetectedPaper, PageSource } from '@/utils/shared/paper';

/** A paper found on the page, with the element the page marks attach to (null where none). */
export interface DetectedEntry {
  paper: DetectedPaper;
  /** Where a save toggle / mark is placed; null on pages without marks (HF). */
  anchor: Element | null;
  /**
   * The page element the entry was read from, where it is one element per paper (HF cards): lets
   * the content script tell cards an app rendered for a new view from ones left from an earlier
   * view.
   */
  element?: Element;
  /**
   * The page elements that show the paper on a listing (arXiv's `dt` and `dd`, a search result's
   * `li`): the listing bar's filters hide them, and "not interested" dims them.
   */
  shownIn?: Element[];
}

export interface PageScan {
  source: PageSource;
  entries: DetectedEntry[];
}

export interface ScanOptions {
  /**
   * The page changed its URL in place (a single-page app navigated) since it was served: what
   * the server rendered for the first URL — HF's `data-props`, meta tags — may describe another
   * page, so only what the app renders (cards, headings) is read.
   */
  inPlace?: boolean;
}

/**
 * One site adapter per kind of page. `matches` looks at the URL only; `scan` reads the DOM once
 * and must not throw on unexpected markup (skip the entry instead).
 */
export interface SiteAdapter {
  readonly name: string;
  matches(url: URL): boolean;
  scan(doc: Document, url: URL, options?: ScanOptions): PageScan;
}
