import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LibraryFileServices } from '@/components/options/ExportImportSection';
import { OptionsApp } from '@/components/options/OptionsApp';
import { downloadFile, exportPapers, importFile } from '@/utils/pages/exportFile';
import { openLibraryTab } from '@/utils/pages/libraryServices';
import { downloadOnDeviceModel, onDeviceSummarizerStatus } from '@/utils/pages/onDeviceSummarizer';
import { sendMessage } from '@/utils/pages/sendMessage';
import { db } from '@/utils/storage/database';
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

const libraryFiles: LibraryFileServices = {
  exportSaved: (format) => exportPapers(db, { format, selection: 'saved' }),
  download: (file) => downloadFile(file),
  importFile: (file) => importFile(file, (payload) => sendMessage('importLibrary', payload)),
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
        libraryFiles={libraryFiles}
      />
    </StrictMode>,
  );
}
