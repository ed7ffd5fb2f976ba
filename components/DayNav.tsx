import { dayName, paperCount } from '@/utils/pages/paperDisplay';

interface DayNavProps {
  dayStart: number;
  now: number;
  /** Papers first seen that day; undefined while loading. */
  count: number | undefined;
  /** Whether there is a later day to go to (false on today). */
  canGoNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** "‹ Previous day · Today · 42 papers · Next day ›". */
export function DayNav({ dayStart, now, count, canGoNext, onPrevious, onNext }: DayNavProps) {
  const name = dayName(dayStart, now);
  const fullDate = new Date(dayStart).toLocaleDateString(undefined, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return (
    <nav className="daynav" aria-label="Day">
      <button type="button" className="daynav-button" onClick={onPrevious}>
        <span aria-hidden="true">‹</span> Previous day
      </button>
      <p className="daynav-day" aria-live="polite" title={fullDate}>
        <strong>{name}</strong>
        <span className="daynav-count">{count === undefined ? '…' : paperCount(count)}</span>
      </p>
      <button type="button" className="daynav-button" onClick={onNext} disabled={!canGoNext}>
        Next day <span aria-hidden="true">›</span>
      </button>
    </nav>
  );
}
