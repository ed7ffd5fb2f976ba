import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ExportFormat } from '@/utils/pages/exportFile';
import {
  exportLibraryPapers,
  type SearchResult,
  type SearchScope,
  searchLibrary,
} from '@/utils/pages/libraryServices';

/** What the library page uses besides the popup's services (database, messages, clock). */
export interface LibraryServices {
  search: (query: string, scope: SearchScope, limit: number) => Promise<SearchResult>;
  exportPapers: (ids: readonly string[], format: ExportFormat) => Promise<void>;
  copyText: (text: string) => Promise<void>;
}

const defaults: LibraryServices = {
  search: searchLibrary,
  exportPapers: (ids, format) => exportLibraryPapers(ids, format),
  copyText: (text) => navigator.clipboard.writeText(text),
};

const LibraryContext = createContext<LibraryServices>(defaults);

export function LibraryProvider({
  children,
  ...overrides
}: Partial<LibraryServices> & { children: ReactNode }) {
  const { search, exportPapers: exportOverride, copyText } = overrides;
  const value = useMemo<LibraryServices>(
    () => ({
      search: search ?? defaults.search,
      exportPapers: exportOverride ?? defaults.exportPapers,
      copyText: copyText ?? defaults.copyText,
    }),
    [search, exportOverride, copyText],
  );
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>;
}

export function useLibraryServices(): LibraryServices {
  return useContext(LibraryContext);
}
