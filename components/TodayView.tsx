import { useLiveQuery } from 'dexie-react-hooks';
import { DayNav } from '@/components/DayNav';
import { EmptyState } from '@/components/EmptyState';
import { ExternalLink } from '@/components/ExternalLink';
import { Onboarding } from '@/components/Onboarding';
import { PaperList } from '@/components/PaperList';
import { usePopupServices } from '@/components/PopupContext';
import { dayName } from '@/utils/pages/paperDisplay';
import { countPapers, papersFirstSeenInDay } from '@/utils/pages/paperQueries';
import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';

function noPapersTitle(dayStart: number, now: number): string {
  const name = dayName(dayStart, now);
  return name === 'Yesterday' ? 'No new papers yesterday' : `No new papers on ${name}`;
}

interface TodayViewProps {
  /** Local midnight of the day shown. */
  dayStart: number;
  onDayChange: (dayStart: number) => void;
  viewportHeight?: number;
}

/** The papers first seen on one local day (today by default), grouped by where they were seen. */
export function TodayView({ dayStart, onDayChange, viewportHeight }: TodayViewProps) {
  const { db, now } = usePopupServices();
  const papers = useLiveQuery(() => papersFirstSeenInDay(db, dayStart), [db, dayStart]);
  const total = useLiveQuery(() => countPapers(db), [db]);
  const current = now();
  const today = startOfLocalDay(current);

  if (total === 0) return <Onboarding />;

  const isToday = dayStart >= today;
  return (
    <div className="view">
      <DayNav
        dayStart={dayStart}
        now={current}
        count={papers?.length}
        canGoNext={!isToday}
        onPrevious={() => onDayChange(addLocalDays(dayStart, -1))}
        onNext={() => onDayChange(Math.min(today, addLocalDays(dayStart, 1)))}
      />
      {papers === undefined ? (
        <p className="loading" aria-busy="true">
          Loading…
        </p>
      ) : papers.length === 0 ? (
        isToday ? (
          <EmptyState title="No new papers yet today">
            <p>
              Papers you see on an{' '}
              <ExternalLink href="https://arxiv.org/list/cs.CL/new">arXiv listing</ExternalLink> or
              on{' '}
              <ExternalLink href="https://huggingface.co/papers">
                Hugging Face Daily Papers
              </ExternalLink>{' '}
              for the first time today will show up here.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={noPapersTitle(dayStart, current)}>
            <p>Paperlight first saw no papers that day.</p>
          </EmptyState>
        )
      ) : (
        <PaperList key={dayStart} papers={papers} grouped viewportHeight={viewportHeight} />
      )}
    </div>
  );
}
