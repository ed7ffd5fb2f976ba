import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { openLibraryTab } from '@/utils/pages/libraryServices';
import { downloadOnDeviceModel, onDeviceSummarizerStatus } from '@/utils/pages/onDeviceSummarizer';
import { sendMessage } from '@/utils/pages/sendMessage';
import {
  readOnDeviceSummary,
  readSettings,
  writeOnDeviceSummary,
  writeSettings,
} from '@/utils/storage/settingsStore';
import './style.css';

const fetchNow = () => sendMessage('fetchNow', {});
const onDevice = {
  status: () => onDeviceSummarizerStatus(),
  load: readOnDeviceSummary,
  save: writeOnDeviceSummary,
  download: downloadOnDeviceModel,
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp
        load={readSettings}
        save={writeSettings}
        fetchNow={fetchNow}
        onDevice={onDevice}
        openLibrary={() => {
          openLibraryTab().catch((error: unknown) => {
            console.warn('[Paperlight] could not open the library:', error);
          });
        }}
      />
    </StrictMode>,
  );
}
