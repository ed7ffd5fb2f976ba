import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  draftOfInterests,
  type InterestsDraft,
  parseInterestsDraft,
} from '@/utils/pages/interestsText';
import { interestsItem } from '@/utils/storage/rankingStore';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Problems of one field as its hint, or the hint itself. */
function FieldHint({ id, problems, hint }: { id: string; problems: string[]; hint: string }) {
  return (
    <p id={id} className={problems.length > 0 ? 'hint error' : 'hint'}>
      {problems.length > 0 ? `Left out: ${problems.slice(0, 3).join('; ')}` : hint}
    </p>
  );
}

/**
 * What the user follows: keywords and phrases with exclusions, authors, categories. Saved to
 * storage, where the background picks them up and re-ranks (pages and popup, without a reload).
 * Changes made elsewhere ("Follow author" in the popup) show up here while nothing is being edited.
 */
export function InterestsSection() {
  const [draft, setDraft] = useState<InterestsDraft | null>(null);
  const [saved, setSaved] = useState<InterestsDraft | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const ids = {
    heading: useId(),
    keywords: useId(),
    keywordsHint: useId(),
    authors: useId(),
    authorsHint: useId(),
    categories: useId(),
    categoriesHint: useId(),
  };
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved);

  useEffect(() => {
    let live = true;
    interestsItem.getValue().then(
      (interests) => {
        if (!live) return;
        setDraft(draftOfInterests(interests));
        setSaved(draftOfInterests(interests));
      },
      (error: unknown) => {
        if (live) setStatus({ kind: 'error', message: `Could not read the interests: ${error}` });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      interestsItem.watch((interests) => {
        const next = draftOfInterests(interests);
        setSaved(next);
        if (!dirty) setDraft(next);
      }),
    [dirty],
  );

  if (draft === null) {
    return (
      <section className="section" aria-labelledby={ids.heading}>
        <h2 id={ids.heading}>Interests</h2>
        <p>Loading…</p>
      </section>
    );
  }

  const parsed = parseInterestsDraft(draft);
  const update = (patch: Partial<InterestsDraft>) => {
    setDraft({ ...draft, ...patch });
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await interestsItem.setValue(parsed.interests);
      const normalised = draftOfInterests(parsed.interests);
      setDraft(normalised);
      setSaved(normalised);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: `Could not save: ${error}` });
    }
  };

  return (
    <section className="section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Interests</h2>
      <p className="lead">
        Papers that match rank first in the popup and are marked on arXiv pages, with the reason.
      </p>
      <form onSubmit={onSubmit}>
        <label className="field" htmlFor={ids.keywords}>
          Keywords and phrases
        </label>
        <textarea
          id={ids.keywords}
          name="keywords"
          rows={2}
          spellCheck={false}
          placeholder={'diffusion, "language model", transform*, -survey'}
          value={draft.keywordsText}
          aria-invalid={parsed.problems.keywords.length > 0}
          aria-describedby={ids.keywordsHint}
          onChange={(event) => update({ keywordsText: event.target.value })}
        />
        <FieldHint
          id={ids.keywordsHint}
          problems={parsed.problems.keywords}
          hint={
            'Comma-separated. "Quotes" for a phrase, word* for a prefix, -word to rule papers out.'
          }
        />

        <label className="field" htmlFor={ids.authors}>
          Authors
        </label>
        <textarea
          id={ids.authors}
          name="authors"
          rows={3}
          spellCheck={false}
          placeholder={'Y. Bengio\nHinton, Geoffrey'}
          value={draft.authorsText}
          aria-invalid={parsed.problems.authors.length > 0}
          aria-describedby={ids.authorsHint}
          onChange={(event) => update({ authorsText: event.target.value })}
        />
        <FieldHint
          id={ids.authorsHint}
          problems={parsed.problems.authors}
          hint="One per line. Initials, accents and order do not matter: Y. Bengio = Bengio, Yoshua."
        />

        <label className="field" htmlFor={ids.categories}>
          Categories
        </label>
        <input
          id={ids.categories}
          name="interestCategories"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="cs.LG, stat.ML"
          value={draft.categoriesText}
          aria-invalid={parsed.problems.categories.length > 0}
          aria-describedby={ids.categoriesHint}
          onChange={(event) => update({ categoriesText: event.target.value })}
        />
        <FieldHint
          id={ids.categoriesHint}
          problems={parsed.problems.categories}
          hint="Primary or cross-listed."
        />

        <div className="actions">
          <button type="submit" disabled={!dirty}>
            Save interests
          </button>
        </div>
        <output className="status" aria-live="polite">
          {status.kind === 'saved' ? 'Interests saved.' : null}
          {status.kind === 'error' ? <span className="error">{status.message}</span> : null}
        </output>
      </form>
    </section>
  );
}
