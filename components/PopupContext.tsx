import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { browser } from 'wxt/browser';
import { openLibraryTab } from '@/utils/pages/libraryServices';
import { sendMessage } from '@/utils/pages/sendMessage';
import { db as defaultDb, type PaperlightDatabase } from '@/utils/storage/database';

/** What the popup's components use from the outside world; tests inject their own. */
export interface PopupServices {
  /** Read side: live queries run against this database. */
  db: PaperlightDatabase;
  /** Write side: every change goes to the background as a protocol message. */
  send: typeof sendMessage;
  /** The clock (ms since epoch): decides which day is "today". */
  now: () => number;
  /** Opens the options page (where the interests are set). */
  openOptions: () => void;
  /** Opens the library page in a tab. */
  openLibrary: () => void;
}

const defaultServices: PopupServices = {
  db: defaultDb,
  send: sendMessage,
  now: Date.now,
  openOptions: () => {
    browser.runtime.openOptionsPage().catch((error: unknown) => {
      console.warn('[Paperlight] could not open the options page:', error);
    });
  },
  openLibrary: () => {
    openLibraryTab().catch((error: unknown) => {
      console.warn('[Paperlight] could not open the library:', error);
    });
  },
};

const PopupContext = createContext<PopupServices>(defaultServices);

export function PopupProvider({
  children,
  ...overrides
}: Partial<PopupServices> & { children: ReactNode }) {
  const { db, send, now, openOptions, openLibrary } = overrides;
  const value = useMemo<PopupServices>(
    () => ({
      db: db ?? defaultServices.db,
      send: send ?? defaultServices.send,
      now: now ?? defaultServices.now,
      openOptions: openOptions ?? defaultServices.openOptions,
      openLibrary: openLibrary ?? defaultServices.openLibrary,
    }),
    [db, send, now, openOptions, openLibrary],
  );
  return <PopupContext.Provider value={value}>{children}</PopupContext.Provider>;
}

export function usePopupServices(): PopupServices {
  return useContext(PopupContext);
}
