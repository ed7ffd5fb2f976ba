import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_PERIOD_HOURS,
  DEFAULT_SETTINGS,
  type DigestSettings,
  isPeriodHours,
  PERIOD_CHOICES,
  type PeriodHours,
  parseCategories,
} from '@/utils/shared/settings';
import { listOf } from '@/utils/storage/storedValue';

/**
 * The settings in `storage.local`, one WXT storage item each. The options page writes them; the
 * background reads them on every run and re-schedules its alarm when they change. The popup's
 * opt-in to Chrome's on-device summarizer lives here too.
 */

/** The digest's storage keys above (without the `local:` area), e.g. to watch for changes. */
export const SETTINGS_KEYS = [
  'settings.hfDaily',
  'settings.arxivRss',
  'settings.arxivCategories',
  'settings.periodHours',
] as const;

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

/** The settings as stored: a bad value reads as its default; invalid category codes are dropped. */
const storedSettings = v.object({
  hfDaily: v.fallback(v.boolean(), DEFAULT_SETTINGS.hfDaily),
  arxivRss: v.fallback(v.boolean(), DEFAULT_SETTINGS.arxivRss),
  categories: v.pipe(
    listOf(v.string()),
    v.transform((codes) => parseCategories(codes.join(',')).codes),
  ),
  periodHours: v.fallback(v.picklist(PERIOD_CHOICES), DEFAULT_PERIOD_HOURS),
}) satisfies v.GenericSchema<unknown, DigestSettings>;

/** Reads all settings, repairing anything a hand edit or an old version left malformed. */
export async function readSettings(): Promise<DigestSettings> {
  const [hfDaily, arxivRss, categories, period] = await Promise.all([
    hfDailyEnabled.getValue(),
    arxivRssEnabled.getValue(),
    arxivCategories.getValue(),
    periodHours.getValue(),
  ]);
  return v.parse(storedSettings, { hfDaily, arxivRss, categories, periodHours: period });
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
