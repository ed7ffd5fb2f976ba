import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/** A button the notice offers next to its message ("Undo"). */
export interface NoticeAction {
  label: string;
  run: () => void;
}

type Notify = (message: string, action?: NoticeAction) => void;

interface Shown {
  message: string;
  action?: NoticeAction;
}

const NoticeContext = createContext<Notify>(() => {});

/**
 * Lets any component report a short message (a failed save, "Dismissed … Undo"); shown in a live
 * region. A notice with an action stays longer, so there is time to reach its button.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const notify = useCallback<Notify>((message, action) => setShown({ message, action }), []);

  useEffect(() => {
    if (shown === null) return;
    const timer = setTimeout(() => setShown(null), shown.action ? 10_000 : 6000);
    return () => clearTimeout(timer);
  }, [shown]);

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notice-region" role="status" aria-live="polite">
        {shown !== null ? (
          <div className="notice">
            <span>{shown.message}</span>
            {shown.action ? (
              <button
                type="button"
                className="notice-action"
                onClick={() => {
                  shown.action?.run();
                  setShown(null);
                }}
              >
                {shown.action.label}
              </button>
            ) : null}
            <button
              type="button"
              className="notice-close"
              onClick={() => setShown(null)}
              aria-label="Dismiss"
            >
              ×
            </button>
          </div>
        ) : null}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
