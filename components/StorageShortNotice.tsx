import { useStorageValue } from '@/components/useStorageValue';
import { storageNoticeItem, storageNoticeOf } from '@/utils/storage/watchSettings';

/** A line at the top of the popup while storage runs short (the options page says more). */
export function StorageShortNotice() {
  const notice = storageNoticeOf(useStorageValue(storageNoticeItem) ?? null);
  if (!notice) return null;
  return (
    <p className="storage-short" role="status">
      Storage is running short: {notice.pruned} unsaved papers were pruned; saved papers are kept.
      See Paperlight's options.
    </p>
  );
}
