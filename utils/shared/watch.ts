import type { PaperUpdate } from '@/utils/shared/library';

/**
 * The watch on saved papers and the library's retention: their choices, defaults and how an
 * update is said in words. Pure; the settings are stored by utils/storage/watchSettings.ts, the
 * watch runs in utils/background/watchSaved.ts.
 */

/** How long an unsaved paper is kept after it was last seen, in days; 0 keeps everything. */
export const RETENTION_CHOICES = [30, 90, 180, 365, 730, 0] as const;
export type RetentionDays = (typeof RETENTION_CHOICES)[number];
export const DEFAULT_RETENTION_DAYS: RetentionDays = 180;

export function isRetentionDays(value: unknown): value is RetentionDays {
  return RETENTION_CHOICES.some((choice) => choice === value);
}

export const WATCH_OUTCOMES = [
  'done',
  'more',
  'off',
  'offline',
  'timeout',
  'backoff',
  'error',
] as const satisfies readonly WatchOutcome[];

/** What one watch run did ("Check now" shows it; the last one is kept for the options page). */
export type WatchOutcome =
  /** Every paper due was looked at (or none was due). */
  | 'done'
  /** More papers are due than one run looks at; the next run goes on with them. */
  | 'more'
  /** The watch is switched off: nothing was asked. */
  | 'off'
  /** Quiet skips: the next run tries again. */
  | 'offline'
  | 'timeout'
  | 'backoff'
  /** An HTTP error from the arXiv API, or a failure while storing. */
  | 'error';

export interface WatchReport {
  /** When the run started (ms). */
  at: number;
  outcome: WatchOutcome;
  /** Saved arXiv papers compared with the arXiv API's answer. */
  checked: number;
  /** Of them, papers with something new. */
  updated: number;
  /** Updates recorded (a paper may have several: a version and its comments). */
  updates: number;
  /** Asked for, but not in the answer (or in an unreadable one): skipped, unchanged. */
  skipped: number;
  /** arXiv API requests, and Hugging Face paper look-ups. */
  requests: number;
  hfRequests: number;
  /** Backoff: no request before this (ms). */
  until?: number;
  /** Why, for errors. */
  detail?: string;
  /** The papers with news, first {@link WATCH_NEWS_SHOWN}: what "Check now" lists. */
  news?: WatchNews[];
}

export const WATCH_NEWS_SHOWN = 20;

export interface WatchNews {
  id: string;
  title: string;
  /** Each update as {@link updateLine} says it. */
  lines: string[];
}

/** An update as one line of text: "v3", "comments now say: …", "code: github.com/…". */
export function updateLine(update: PaperUpdate): string {
  switch (update.kind) {
    case 'version':
      return update.text;
    case 'comments':
      return `comments now say: ${update.text}`;
    case 'journal-ref':
      return `published: ${update.text}`;
    case 'doi':
      return `DOI: ${update.text}`;
    case 'code':
      return `code: ${update.text}`;
  }
}

/** What a watch report says, in one sentence for the options page. */
export function watchSummary(report: WatchReport): string {
  const papers = (n: number) => (n === 1 ? '1 paper' : `${n} papers`);
  switch (report.outcome) {
    case 'off':
      return 'The watch is switched off.';
    case 'offline':
      return 'Skipped: offline.';
    case 'timeout':
      return 'Skipped: arXiv did not answer in time.';
    case 'backoff':
      return `Skipped: arXiv asked to wait until ${new Date(report.until ?? 0).toLocaleTimeString()}.`;
    case 'error':
      return `Failed (${report.detail ?? 'unknown error'}).`;
    default: {
      if (report.checked === 0 && report.skipped === 0) return 'No saved arXiv paper to check.';
      const found =
        report.updated === 0
          ? 'nothing new'
          : `${papers(report.updated)} with news (${report.updates} ${report.updates === 1 ? 'update' : 'updates'})`;
      const skipped = report.skipped > 0 ? `; ${papers(report.skipped)} not found, skipped` : '';
      const more = report.outcome === 'more' ? '; the rest at the next check' : '';
      return `Checked ${papers(report.checked)}: ${found}${skipped}${more}.`;
    }
  }
}
