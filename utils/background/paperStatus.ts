import type { PaperRecord } from '@/utils/shared/paperRecord';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * A paper's status for the page marks and the popup. `seenBoundary` (ms): a paper first seen
 * before it counts as seen (the start of today, or the user's last "mark all as seen" if later).
 * A paper the digest does not hold yet is new, unsaved, unopened and has no relevance.
 */
export function statusOf(
  record: PaperRecord | undefined,
  id: string,
  seenBoundary: number,
): PaperStatus {
  return {
    id,
    saved: record?.savedAt !== undefined,
    seenBefore: record !== undefined && record.firstSeenAt < seenBoundary,
    opened: record?.openedAt !== undefined,
    dismissed: record?.dismissedAt !== undefined,
    hasCode: (record?.codeUrls.length ?? 0) > 0,
    ...(record?.relevance ? { relevance: record.relevance } : {}),
  };
}
