import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { sendMessage } from '@/utils/pages/sendMessage';
import './style.css';

// Once per popup open (outside React, so StrictMode cannot send it twice): restarts the badge count.
sendMessage('popupOpened', {}).catch((error: unknown) => {
  console.warn('[Paperlight] popupOpened failed:', error);
});

/**
 * `?tab=<id>`: "This page" reads that tab instead of the active one. Used when the popup is
 * opened in a tab of its own (the end-to-end tests); absent when opened from the toolbar.
 */
function pageTabId(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App pageTabId={pageTabId()} />
    </StrictMode>,
  );
}
