import { useId } from 'react';
import { TODAY_FILTERS, type TodayFilter } from '@/utils/pages/triage';

interface TodayFiltersProps {
  filter: TodayFilter;
  onChange: (filter: TodayFilter) => void;
  /** Dismissed papers of the day; their choice shows only when there are some (or it is chosen). */
  dismissed: number;
}

/** All / Matches / Has code / Not opened (/ Dismissed (N)): native radios, one tab stop. */
export function TodayFilters({ filter, onChange, dismissed }: TodayFiltersProps) {
  const name = useId();
  const choices: { id: TodayFilter; label: string }[] = [...TODAY_FILTERS];
  if (dismissed > 0 || filter === 'dismissed') {
    choices.push({ id: 'dismissed', label: `Dismissed (${dismissed.toLocaleString('en-US')})` });
  }
  return (
    <fieldset className="filters">
      <legend className="sr-only">Show</legend>
      {choices.map((choice) => (
        <label key={choice.id} className="filter">
          <input
            type="radio"
            name={name}
            value={choice.id}
            checked={filter === choice.id}
            onChange={() => onChange(choice.id)}
          />
          <span className="filter-label">{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
