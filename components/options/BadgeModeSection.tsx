import { useId } from 'react';
import { useStorageValue } from '@/components/useStorageValue';
import { BADGE_MODES, type BadgeMode } from '@/utils/shared/settings';
import { badgeModeItem } from '@/utils/storage/rankingStore';

const LABELS: Readonly<Record<BadgeMode, string>> = {
  all: 'All new papers today',
  matches: 'New matches only',
};

/** What the toolbar badge counts; saved as soon as it changes. */
export function BadgeModeSection() {
  const mode = useStorageValue(badgeModeItem);
  const name = useId();
  return (
    <fieldset>
      <legend>Toolbar badge counts</legend>
      {BADGE_MODES.map((choice) => (
        <label key={choice} className="switch">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={mode === choice}
            disabled={mode === undefined}
            onChange={() => {
              badgeModeItem.setValue(choice).catch((error: unknown) => {
                console.warn('[Paperlight] could not save the badge mode:', error);
              });
            }}
          />
          <span>{LABELS[choice]}</span>
        </label>
      ))}
      <p className="hint">"Matches" are papers that match your interests.</p>
    </fieldset>
  );
}
