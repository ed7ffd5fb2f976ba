import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

type Notify = (message: string) => void;

const NoticeContext = createContext<Notify>(() => {});

/** Lets any component report a short message (e.g. a failed save); shown in a live region. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const notify = useCallback<Notify>((text) => setMessage(text), []);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notice-region" role="status" aria-live="polite">
        {message !== null ? (
          <div className="notice">
            <span>{message}</span>
            <button
              type="button"
              className="notice-close"
              onClick={() => setMessage(null)}
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
