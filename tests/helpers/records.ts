import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

const DAY = Date.UTC(2026, 10, 27, 12);

/** A stored paper as the digest keeps it, with only the fields a test names changed. */
export function paperRecord(id: string, overrides: Partial<PaperRecord> = {}): PaperRecord {
  const sighting = {
    kind: 'arxiv-listing' as const,
    label: 'arXiv cs.CL · new',
    url: 'https://arxiv.org/list/cs.CL/new',
    at: DAY,
    position: 0,
  };
  return {
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.CL'],
    primaryCategory: 'cs.CL',
    tldr: '',
    codeUrls: [],
    projectUrls: [],
    firstSeenAt: DAY,
    lastSeenAt: DAY,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 1,
    countsAsNew: true,
    ...overrides,
  };
}

export function tag(id: string, name: string, overrides: Partial<Tag> = {}): Tag {
  return { id, name, color: 'blue', createdAt: DAY, updatedAt: DAY, ...overrides };
}
