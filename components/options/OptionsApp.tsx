import { type FormEvent, useEffect, useId, useState } from 'react';
import { BadgeModeSection } from '@/components/options/BadgeModeSection';
import {
  ExportImportSection,
  type LibraryFileServices,
} from '@/components/options/ExportImportSection';
import { FetchResult } from '@/components/options/FetchResult';
import { InterestsSection } from '@/components/options/InterestsSection';
import { LearnedPanel } from '@/components/options/LearnedPanel';
import { LibrarySafetySection } from '@/components/options/LibrarySafetySection';
import {
  OnDeviceSummary,
  type OnDeviceSummaryServices,
} from '@/components/options/OnDeviceSummary';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SyncSection, type SyncSectionServices } from '@/components/options/SyncSection';
import { WatchSection } from '@/components/options/WatchSection';
import type { DigestReport } from '@/utils/shared/protocol';
import type { topFeatures } from '@/utils/shared/ranking/model';
import {
  type DigestSettings,
  isPeriodHours,
  PERIOD_CHOICES,
  type PeriodHours,
  parseCategories,
} from '@/utils/shared/settings';

export interface OptionsAppProps {
  /** Opens the library page (absent in tests that do not need it). */
  openLibrary?: () => void;
  load: () => Promise<DigestSettings>;
  save: (settings: DigestSettings) => Promise<void>;
  fetchNow: () => Promise<DigestReport>;
  /** The popup's opt-in to Chrome's on-device summarizer (saved on change, outside the form). */
  onDevice: OnDeviceSummaryServices;
  /** What the learned model says (the ranking's topFeatures unless a test gives its own). */
  describeModel?: typeof topFeatures;
  /** Export the saved papers, import an export file (the section is left out without them). */
  libraryFiles?: LibraryFileServices;
  /** "Sync now" and the storage persistence request (the real ones unless a test gives its own). */
  sync?: SyncSectionServices;
}

interface Draft {
  hfDaily: boolean;
  arxivRss: boolean;
  categoriesText: string;
  periodHours: PeriodHours;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'fetching' }
  | { kind: 'fetched'; report: DigestReport }
  | { kind: 'error'; message: string };

function draftOf(settings: DigestSettings): Draft {
  return {
    hfDaily: settings.hfDaily,
    arxivRss: settings.arxivRss && settings.categories.length > 0,
    categoriesText: settings.categories.join(', '),
    periodHours: settings.periodHours,
  };
}

/**
 * The options page: interests, what was learned (pins, bans, reset), the badge, which sources the
 * background digest fetches, how often, and "Fetch now", the on-device summarizer, the keys.
 */
export function OptionsApp({
  load,
  save,
  fetchNow,
  onDevice,
  describeModel,
  openLibrary,
  libraryFiles,
  sync,
}: OptionsAppProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<Draft | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const ids = { categories: useId(), categoriesHelp: useId(), period: useId() };

  useEffect(() => {
    let live = true;
    load()
      .then((settings) => {
        if (!live) return;
        setDraft(draftOf(settings));
        setSaved(draftOf(settings));
      })
      .catch((error: unknown) => {
        if (live) setStatus({ kind: 'error', message: `Could not read the settings: ${error}` });
      });
    return () => {
      live = false;
    };
  }, [load]);

  if (draft === null) return <main className="options">Loading…</main>;

  const parsed = parseCategories(draft.categoriesText);
  const categoryError =
    parsed.invalid.length > 0
      ? `Not a category code: ${parsed.invalid.slice(0, 3).join(', ')}${parsed.invalid.length > 3 ? ', …' : ''}`
      : parsed.tooMany
        ? 'Too many categories (20 at most).'
        : null;
  const hasCategories = parsed.codes.length > 0;
  const arxivOn = draft.arxivRss && hasCategories;
  const dirty = saved === null || JSON.stringify(saved) !== JSON.stringify(draft);

  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    if (status.kind === 'saved' || status.kind === 'error') setStatus({ kind: 'idle' });
  };

  const onCategories = (text: string) => {
    const nowHas = parseCategories(text).codes.length > 0;
    // Choosing the first category switches arXiv RSS on; it can be switched off again.
    update({ categoriesText: text, arxivRss: nowHas && (draft.arxivRss || !hasCategories) });
  };

  const settingsOf = (): DigestSettings => ({
    hfDaily: draft.hfDaily,
    arxivRss: arxivOn,
    categories: parsed.codes,
    periodHours: draft.periodHours,
  });

  const persist = async (): Promise<boolean> => {
    if (categoryError) {
      setStatus({ kind: 'error', message: categoryError });
      return false;
    }
    const settings = settingsOf();
    await save(settings);
    const normalised = draftOf(settings);
    setDraft(normalised);
    setSaved(normalised);
    return true;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (await persist()) setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: `Could not save: ${error}` });
    }
  };

  const onFetchNow = async () => {
    try {
      if (dirty && !(await persist())) return;
      setStatus({ kind: 'fetching' });
      setStatus({ kind: 'fetched', report: await fetchNow() });
    } catch (error) {
      setStatus({ kind: 'error', message: `Fetch failed: ${error}` });
    }
  };

  return (
    <main className="options">
      <h1>Paperlight</h1>
      {openLibrary ? (
        <p className="lead">
          <button type="button" className="link-button" onClick={openLibrary}>
            Open the library
          </button>{' '}
          (saved papers, tags, notes, search; Alt+Shift+L)
        </p>
      ) : null}
      <InterestsSection />
      <LearnedPanel describe={describeModel} />
      <BadgeModeSection />
      <h2>Background digest</h2>
      <p className="lead">
        Besides the pages you read, Paperlight can fetch new papers in the background and add them
        to your digest. It asks each site politely (at most one request every 3 seconds to arXiv,
        and none while a site asks to wait) and skips quietly when you are offline.
      </p>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>Sources</legend>
          <label className="switch">
            <input
              type="checkbox"
              name="hfDaily"
              checked={draft.hfDaily}
              onChange={(event) => update({ hfDaily: event.target.checked })}
            />
            <span>Hugging Face Daily Papers</span>
          </label>
          <p className="hint">Today's list from huggingface.co/papers.</p>

          <label className="switch">
            <input
              type="checkbox"
              name="arxivRss"
              checked={arxivOn}
              disabled={!hasCategories}
              onChange={(event) => update({ arxivRss: event.target.checked })}
            />
            <span>arXiv RSS</span>
          </label>
          <label className="field" htmlFor={ids.categories}>
            Categories you follow
          </label>
          <input
            id={ids.categories}
            name="categories"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="cs.LG, cs.CL"
            value={draft.categoriesText}
            aria-invalid={categoryError !== null}
            aria-describedby={ids.categoriesHelp}
            onChange={(event) => onCategories(event.target.value)}
          />
          <p id={ids.categoriesHelp} className={categoryError ? 'hint error' : 'hint'}>
            {categoryError ??
              (hasCategories
                ? `One feed for ${parsed.codes.join(' + ')}: new and cross-listed papers count toward the badge.`
                : 'Category codes such as cs.LG, cs.CL or quant-ph; arXiv RSS stays off until you choose one.')}
          </p>
        </fieldset>

        <fieldset>
          <legend>Schedule</legend>
          <label className="field" htmlFor={ids.period}>
            Fetch every
          </label>
          <select
            id={ids.period}
            name="periodHours"
            value={draft.periodHours}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (isPeriodHours(value)) update({ periodHours: value });
            }}
          >
            {PERIOD_CHOICES.map((hours) => (
              <option key={hours} value={hours}>
                {hours === 1 ? '1 hour' : `${hours} hours`}
              </option>
            ))}
          </select>
          <p className="hint">Also once shortly after the browser starts.</p>
        </fieldset>

        <div className="actions">
          <button type="submit" disabled={categoryError !== null || !dirty}>
            Save
          </button>
          <button
            type="button"
            onClick={onFetchNow}
            disabled={status.kind === 'fetching' || categoryError !== null}
          >
            Fetch now
          </button>
        </div>
      </form>
      <output className="status digest-status" aria-live="polite">
        {status.kind === 'saved' ? 'Saved.' : null}
        {status.kind === 'fetching' ? 'Fetching…' : null}
        {status.kind === 'error' ? <span className="error">{status.message}</span> : null}
        {status.kind === 'fetched' ? <FetchResult report={status.report} /> : null}
      </output>
      <WatchSection />
      <LibrarySafetySection />
      <OnDeviceSummary services={onDevice} />
      {libraryFiles ? <ExportImportSection services={libraryFiles} /> : null}
      {sync ? <SyncSection services={sync} /> : <SyncSection />}
      <ShortcutsSection />
    </main>
  );
}
