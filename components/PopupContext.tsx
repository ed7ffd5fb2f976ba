import { createContext, type ReactNode, useContext, useMemo } from 'react';
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
}

const defaultServices: PopupServices = { db: defaultDb, send: sendMessage, now: Date.now };

const PopupContext = createContext<PopupServices>(defaultServices);

export function PopupProvider({
  children,
  ...overrides
}: Partial<PopupServices> & { children: ReactNode }) {
  const { db, send, now } = overrides;
  const value = useMemo<PopupServices>(
    () => ({
      db: db ?? defaultServices.db,
      send: send ?? defaultServices.send,
      now: now ?? defaultServices.now,
    }),
    [db, send, now],
  );
  return <PopupContext.Provider value={value}>{children}</PopupContext.Provider>;
}

export function usePopupServices(): PopupServices {
  return useContext(PopupContext);
}
