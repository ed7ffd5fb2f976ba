import { categoryCode } from '@/utils/shared/paper';

/**
 * The background digest's settings: their choices, defaults and how typed categories are read.
 * Pure; where they are stored is utils/storage/settingsStore.ts.
 */

/** How often the digest may run, in hours. */
export const PERIOD_CHOICES = [1, 2, 4, 8, 24] as const;
export type PeriodHours = (typeof PERIOD_CHOICES)[number];
export const DEFAULT_PERIOD_HOURS: PeriodHours = 2;

/** At most this many arXiv categories (they share one feed URL). */
export const MAX_CATEGORIES = 20;

export interface DigestSettings {
  hfDaily: boolean;
  arxivRss: boolean;
  categories: string[];
  periodHours: PeriodHours;
}

export const DEFAULT_SETTINGS: Readonly<DigestSettings> = {
  hfDaily: true,
  arxivRss: false,
  categories: [],
  periodHours: DEFAULT_PERIOD_HOURS,
};

export function isPeriodHours(value: unknown): value is PeriodHours {
  return PERIOD_CHOICES.some((choice) => choice === value);
}

/** The categories the digest fetches: none unless arXiv RSS is on. */
export function activeCategories(settings: DigestSettings): string[] {
  return settings.arxivRss ? settings.categories : [];
}

/** Whether any source is on (else no alarm is kept). */
export function anySourceOn(settings: DigestSettings): boolean {
  return settings.hfDaily || activeCategories(settings).length > 0;
}

export interface ParsedCategories {
  /** Valid, normalised, unique codes in the order given. */
  codes: string[];
  /** What could not be read as a category code, as typed. */
  invalid: string[];
  /** Set when there are more than {@link MAX_CATEGORIES}. */
  tooMany: boolean;
}

/**
 * Reads a list of arXiv category codes as typed: "cs.LG, cs.CL", "cs.lg cs.cl", "cs.LG+stat.ML".
 * The archive must be one of arXiv's ({@link ARXIV_ARCHIVES}), in lower case ("quant-ph", "cs");
 * two-letter subject classes are upper-cased ("cs.LG", "math.AG"); longer ones are kept as typed
 * ("physics.optics", "cond-mat.mes-hall").
 */
export function parseCategories(text: string): ParsedCategories {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;+]+/)) {
    if (!token) continue;
    const code = normaliseCategory(token);
    if (!code) invalid.push(token);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes: codes.slice(0, MAX_CATEGORIES), invalid, tooMany: codes.length > MAX_CATEGORIES };
}

/** arXiv's current archives: a category is one of these, alone or with a subject class. */
export const ARXIV_ARCHIVES: ReadonlySet<string> = new Set([
  'astro-ph',
  'cond-mat',
  'cs',
  'econ',
  'eess',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'physics',
  'q-bio',
  'q-fin',
  'quant-ph',
  'stat',
]);

function normaliseCategory(token: string): string {
  const dot = token.indexOf('.');
  const archive = (dot < 0 ? token : token.slice(0, dot)).toLowerCase();
  if (!ARXIV_ARCHIVES.has(archive)) return '';
  let subject = dot < 0 ? '' : token.slice(dot + 1);
  if (/^[a-z]{2}$/i.test(subject)) subject = subject.toUpperCase();
  return categoryCode(dot < 0 ? archive : `${archive}.${subject}`);
}

/** What the toolbar badge counts: every new paper of today, or only new papers matching interests. */
export const BADGE_MODES = ['all', 'matches'] as const;
export type BadgeMode = (typeof BADGE_MODES)[number];
export const DEFAULT_BADGE_MODE: BadgeMode = 'all';
