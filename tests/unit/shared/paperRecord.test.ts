import type { LibraryEditedAt, PaperUpdate, ReadingState } from '@/utils/shared/library';
import type { HfInfo, ListingSection, SourceKind } from '@/utils/shared/paper';
import type { ArticleInfo, ListKey, PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import type { Relevance } from '@/utils/shared/ranking/types';

/**
 * The README's "Data format", field by field: other tools read these records, so the types that
 * describe them (derived from the page's DetectedPaper) must give exactly these fields. Checked
 * by the type checker (`npm run check`).
 */
describe('the stored record format', () => {
  it('a paper has exactly the documented fields', () => {
    expectTypeOf<PaperRecord>().toEqualTypeOf<{
      id: string;
      title: string;
      authors: string[];
      abstract?: string;
      comments?: string;
      primaryCategory?: string;
      categories: string[];
      tldr: string;
      codeUrls: string[];
      projectUrls: string[];
      hf?: HfInfo;
      firstSeenAt: number;
      lastSeenAt: number;
      firstSighting: Sighting;
      lastSighting: Sighting;
      sightingCount: number;
      savedAt?: number;
      countsAsNew: boolean;
      article?: ArticleInfo;
      placeholder?: true;
      openedAt?: number;
      lastOpenedAt?: number;
      dismissedAt?: number;
      likedAt?: number;
      relevance?: Relevance;
      tagIds?: string[];
      note?: string;
      readingState?: ReadingState;
      libraryEditedAt?: LibraryEditedAt;
      latestVersion?: number;
      journalRef?: string;
      doi?: string;
      updates?: PaperUpdate[];
      unseenUpdateAt?: number;
      watchedAt?: number;
      listKeys?: ListKey[];
      searchHash?: number;
      searchChangedAt?: number;
    }>();
  });

  it('a sighting has exactly the documented fields', () => {
    expectTypeOf<Sighting>().toEqualTypeOf<{
      kind: SourceKind;
      label: string;
      url: string;
      at: number;
      position: number;
      section?: ListingSection;
      listingDay?: string;
      viewId?: string;
    }>();
  });
});
