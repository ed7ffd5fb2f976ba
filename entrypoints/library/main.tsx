import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryProvider } from '@/components/library/LibraryContext';
import { NoticeProvider } from '@/components/Notice';
import { PopupProvider } from '@/components/PopupContext';
import './style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PopupProvider>
        <LibraryProvider>
          <NoticeProvider>
            <LibraryApp />
          </NoticeProvider>
        </LibraryProvider>
      </PopupProvider>
    </StrictMode>,
  );
}
