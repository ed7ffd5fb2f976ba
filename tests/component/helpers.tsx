import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '@/components/App';
import { PopupProvider, type PopupServices } from '@/components/PopupContext';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';
import type { Payload, Response } from '@/utils/shared/protocol';
import { PaperlightDatabase } from '@/utils/storage/database';
import { allSeenAtItem } from '@/utils/storage/rankingStore';

/** A fixed "now": Friday 27 Nov 2026, 15:00 local time. */
export const NOW = new Date(2026, 10, 27, 15, 0, 0).getTime();
export const HOUR = 60 * 60 * 1000;
/** 15:00 the day before NOW (same local day arithmetic as the popup). */
export const YESTERDAY = new Date(2026, 10, 26, 15, 0, 0).getTime();

export function freshDb(): PaperlightDatabase {
  return new PaperlightDatabase(`test-${crypto.randomUUID()}`);
}

let counter = 0;

/** A stored paper with sensible defaults; `at`/`label`/`position` shape its last sighting. */
export function makePaper(
  overrides: Partial<PaperRecord> & { at?: number; label?: string; position?: number } = {},
): PaperRecord {
  const { at = NOW - HOUR, label = 'arXiv cs.CL · new', position = 0, ...fields } = overrides;
  counter += 1;
  const id = fields.id ?? `2611.${String(10000 + counter)}`;
  const sighting: Sighting = {
    kind: label.startsWith('HF') ? 'hf-daily' : 'arxiv-listing',
    label,
    url: 'https://arxiv.org/list/cs.CL/new',
    at,
    position,
  };
  return {
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.CL'],
    primaryCategory: 'cs.CL',
    tldr: `A short summary of ${id}.`,
    codeUrls: [],
    projectUrls: [],
    firstSeenAt: at,
    lastSeenAt: at,
    firstSighting: sighting,
    lastSighting: sighting,
    sightingCount: 1,
    countsAsNew: true,
    ...fields,
  };
}

const statusOf = (id: string): Response<'setSaved'> => ({
  id,
  saved: false,
  seenBefore: false,
  opened: false,
  dismissed: false,
  hasCode: false,
});

/**
 * A `send` standing in for the background: records calls and applies `setSaved`, `setDismissed`,
 * `setLiked` and `markAllSeen` to the test database and storage, like the real background does.
 */
export function fakeSend(db: PaperlightDatabase, now = NOW) {
  return vi.fn(async (type: string, payload: unknown): Promise<unknown> => {
    if (type === 'setSaved') {
      const { id, saved } = payload as Payload<'setSaved'>;
      await db.papers.update(id, { savedAt: saved ? now : undefined });
      return { ...statusOf(id), saved } satisfies Response<'setSaved'>;
    }
    if (type === 'setDismissed') {
      const { id, dismissed } = payload as Payload<'setDismissed'>;
      await db.papers.update(id, { dismissedAt: dismissed ? now : undefined });
      return { ...statusOf(id), dismissed };
    }
    if (type === 'setLiked') {
      const { id, liked } = payload as Payload<'setLiked'>;
      await db.papers.update(id, { likedAt: liked ? now : undefined });
      return statusOf(id);
    }
    if (type === 'followAuthor') {
      const { author } = payload as Payload<'followAuthor'>;
      return { following: [author] } satisfies Response<'followAuthor'>;
    }
    if (type === 'markAllSeen') {
      await allSeenAtItem.setValue(now);
      return { badge: '' } satisfies Response<'markAllSeen'>;
    }
    if (type === 'popupOpened') return { badge: '' };
    throw new Error(`unexpected message ${type}`);
  });
}

export function renderPopup({
  db,
  send = fakeSend(db),
  now = () => NOW,
  listViewportHeight = 600,
  openOptions = vi.fn(),
}: {
  db: PaperlightDatabase;
  send?: ReturnType<typeof vi.fn>;
  now?: () => number;
  listViewportHeight?: number;
  openOptions?: () => void;
}) {
  const result = render(
    <PopupProvider
      db={db}
      send={send as unknown as PopupServices['send']}
      now={now}
      openOptions={openOptions}
    >
      <App listViewportHeight={listViewportHeight} />
    </PopupProvider>,
  );
  return { ...result, send, openOptions };
}
