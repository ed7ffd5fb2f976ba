import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { sendMessage } from '@/utils/messaging';
import './style.css';

// Once per popup open (outside React, so StrictMode cannot send it twice): restarts the badge count.
sendMessage('popupOpened', {}).catch((error: unknown) => {
  console.warn('[Paperlight] popupOpened failed:', error);
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
