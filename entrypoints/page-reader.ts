import { readPage } from '@/utils/page-reader/readPage';

/**
 * Injected into the active tab by the popup, only when the user clicks "Summarize this page" or
 * "Find papers on this page" (`scripting.executeScript` with `activeTab`). Built by WXT to
 * `page-reader.js`; its return value (plain data, see utils/shared/pageReaderResult.ts) is what
 * `executeScript` resolves with. It reads the page and changes nothing on it.
 */
export default defineUnlistedScript(() => readPage(document, location.href));
