import type { DetectedPaper, PageSource } from '../paper';

/** A paper found on the page, with the element the page marks attach to (null where none). */
export interface DetectedEntry {
  paper: DetectedPaper;
  /** Where a save toggle / mark is placed; null on pages without marks (HF). */
  anchor: Element | null;
}

export interface PageScan {
  source: PageSource;
  entries: DetectedEntry[];
}

/**
 * One site adapter per kind of page. `matches` looks at the URL only; `scan` reads the DOM once
 * and must not throw on unexpected markup (skip the entry instead).
 */
export interface SiteAdapter {
  readonly name: string;
  matches(url: URL): boolean;
  scan(doc: Document, url: URL): PageScan;
}
