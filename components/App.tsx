import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useState } from 'react';
import { NoticeProvider } from '@/components/Notice';
import { PageView } from '@/components/PageView';
import { usePopupServices } from '@/components/PopupContext';
import { SavedView } from '@/components/SavedView';
import { StorageShortNotice } from '@/components/StorageShortNotice';
import { TabList, TabPanel, type TabSpec } from '@/components/Tabs';
import { TodayView } from '@/components/TodayView';
import { countSaved } from '@/utils/pages/paperQueries';
import { startOfLocalDay } from '@/utils/shared/time';

type View = 'today' | 'saved' | 'page';

interface AppProps {
  /** Fixed height (px) for the paper list's viewport; measured from layout when omitted. */
  listViewportHeight?: number;
  /** "This page" reads this tab instead of the active one (the popup's `?tab=` parameter). */
  pageTabId?: number;
}

/** The popup: Today (papers first seen on a day, default), Saved, and This page (page actions). */
export function App({ listViewportHeight, pageTabId }: AppProps) {
  const { db, now } = usePopupServices();
  const idPrefix = useId();
  const [view, setView] = useState<View>('today');
  const [dayStart, setDayStart] = useState(() => startOfLocalDay(now()));
  // The Saved tab's count is asked once the view has drawn its first rows and the popup has gone
  // idle, so it does not hold up those rows (in Chromium, IndexedDB reads asked together were
  // measured to wait for each other, and counting 20,000 saved papers is a long one). Idle alone
  // is not enough: the page is idle while it waits for its first read.
  const [drawn, setDrawn] = useState(false);
  const [rowsIn, setRowsIn] = useState(false);
  const firstRowsDrawn = useCallback(() => setRowsIn(true), []);
  useEffect(() => {
    if (drawn || (!rowsIn && view !== 'page')) return;
    if (typeof requestIdleCallback !== 'function') {
      setDrawn(true);
      return;
    }
    const idle = requestIdleCallback(() => setDrawn(true), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [drawn, rowsIn, view]);
  const saved = useLiveQuery(async () => (drawn ? countSaved(db) : undefined), [db, drawn]);

  const tabs: TabSpec<View>[] = [
    { id: 'today', label: 'Today' },
    { id: 'saved', label: 'Saved', count: saved },
    { id: 'page', label: 'This page' },
  ];

  return (
    <NoticeProvider>
      <div className="app">
        <header className="app-header">
          <h1 className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Paperlight
          </h1>
          <TabList
            idPrefix={idPrefix}
            tabs={tabs}
            selected={view}
            onSelect={setView}
            label="Views"
          />
        </header>
        <main className="app-main">
          <StorageShortNotice />
          <TabPanel idPrefix={idPrefix} tab={view}>
            {view === 'today' ? (
              <TodayView
                onFirstRows={firstRowsDrawn}
                dayStart={dayStart}
                onDayChange={setDayStart}
                viewportHeight={listViewportHeight}
              />
            ) : view === 'saved' ? (
              <SavedView onFirstRows={firstRowsDrawn} viewportHeight={listViewportHeight} />
            ) : (
              <PageView tabId={pageTabId} viewportHeight={listViewportHeight} />
            )}
          </TabPanel>
        </main>
      </div>
    </NoticeProvider>
  );
}
