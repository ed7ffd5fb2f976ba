import { storage } from 'wxt/utils/storage';
import { categoryCode } from '@/utils/shared/paper';

/**
 * The background digest's settings, in `storage.local` (one WXT storage item per setting). The
 * options page writes them; the background reads them on every run and re-schedules its alarm
 * when they change. The popup's opt-in to Chrome's on-device summarizer lives here too.
 */

/** How often the digest may run, in hours. */
export const PERIOD_CHOICES = [1, 2, 4, 8, 24] as const;
export type PeriodHours = (typeof PERIOD_CHOICES)[number];
export const DEFAULT_PERIOD_HOURS: PeriodHours = 2;

/** At most this many arXiv categories (they share one feed URL). */
export const MAX_CATEGORIES = 20;

/** Fetch Hugging Face Daily Papers (on by default). */
export const hfDailyEnabled = storage.defineItem<boolean>('local:settings.hfDaily', {
  fallback: true,
});

/** Fetch the arXiv RSS feed of the followed categories (off until categories are chosen). */
export const arxivRssEnabled = storage.defineItem<boolean>('local:settings.arxivRss', {
  fallback: false,
});

/** The followed arXiv categories, valid codes ("cs.LG"), in the user's order. */
export const arxivCategories = storage.defineItem<string[]>('local:settings.arxivCategories', {
  fallback: [],
});

export const periodHours = storage.defineItem<PeriodHours>('local:settings.periodHours', {
  fallback: DEFAULT_PERIOD_HOURS,
});

/**
 * Use Chrome's on-device Summarizer for the popup's one-sentence summaries when it is available
 * (off by default; a popup setting, not the digest's, so it is not in {@link SETTINGS_KEYS}).
 */
export const onDeviceSummaryEnabled = storage.defineItem<boolean>(
  'local:settings.onDeviceSummary',
  { fallback: false },
);

/** Reads the on-device summary setting; anything but `true` (a hand edit, a failure) is off. */
export async function readOnDeviceSummary(): Promise<boolean> {
  try {
    return (await onDeviceSummaryEnabled.getValue()) === true;
  } catch {
    return false;
  }
}

export async function writeOnDeviceSummary(enabled: boolean): Promise<void> {
  await onDeviceSummaryEnabled.setValue(enabled);
}

/** The digest's storage keys above (without the `local:` area), e.g. to watch for changes. */
export const SETTINGS_KEYS = [
  'settings.hfDaily',
  'settings.arxivRss',
  'settings.arxivCategories',
  'settings.periodHours',
] as const;

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

/**
 * Reads all settings, repairing anything a hand edit or an old version left malformed (a bad
 * value reads as its default; invalid category codes are dropped).
 */
export async function readSettings(): Promise<DigestSettings> {
  const [hf, arxiv, categories, period] = await Promise.all([
    hfDailyEnabled.getValue(),
    arxivRssEnabled.getValue(),
    arxivCategories.getValue(),
    periodHours.getValue(),
  ]);
  return {
    hfDaily: typeof hf === 'boolean' ? hf : DEFAULT_SETTINGS.hfDaily,
    arxivRss: typeof arxiv === 'boolean' ? arxiv : DEFAULT_SETTINGS.arxivRss,
    categories: Array.isArray(categories)
      ? parseCategories(categories.filter((c) => typeof c === 'string').join(',')).codes
      : [],
    periodHours: isPeriodHours(period) ? period : DEFAULT_PERIOD_HOURS,
  };
}

/**
 * Writes all settings in one `storage.local` write (so the background sees one change), validated:
 * invalid categories are dropped, arXiv RSS is off without categories, a bad period is the default.
 */
export async function writeSettings(settings: DigestSettings): Promise<void> {
  const categories = parseCategories(settings.categories.join(',')).codes;
  await storage.setItems([
    { item: hfDailyEnabled, value: settings.hfDaily },
    { item: arxivRssEnabled, value: settings.arxivRss && categories.length > 0 },
    { item: arxivCategories, value: categories },
    {
      item: periodHours,
      value: isPeriodHours(settings.periodHours) ? settings.periodHours : DEFAULT_PERIOD_HOURS,
    },
  ]);
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
