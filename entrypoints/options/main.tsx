import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { sendMessage } from '@/utils/messaging';
import { readSettings, writeSettings } from '@/utils/settings';
import './style.css';

const fetchNow = () => sendMessage('fetchNow', {});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp load={readSettings} save={writeSettings} fetchNow={fetchNow} />
    </StrictMode>,
  );
}
