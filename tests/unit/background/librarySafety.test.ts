import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/utils/background/handleMessage';
import {
  afterWriteError,
  isQuotaError,
  pruneUnseenSince,
  runMaintenance,
  SHORT_KEEP_DAYS,
} from '@/utils/background/librarySafety';
import { mergePaper } from '@/utils/background/mergePaper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { PaperlightDatabase } from '@/utils/storage/database';
import { retentionDaysItem, storageNoticeItem } from '@/utils/storage/watchSettings';

/** Retention and storage running short: what is pruned, what never is, and in batches. */

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2026, 10, 20, 12, 0, 0).getTime();
let database: PaperlightDatabase;

function seen(id: string, daysAgo: number, extra: Partial<PaperRecord> = {}): PaperRecord {
  const at = NOON - daysAgo * DAY;
  const record = mergePaper(
    undefined,
    { id, title: `Paper ${id}`, authors: ['Ada Lovelace'] },
    {
      kind: 'arxiv-listing',
      label: 'arXiv cs.LG · new',
      url: 'https://arxiv.org/list/cs.LG/new',
      at,
      position: 0,
    },
  );
  return { ...record, ...extra };
}

/** One paper of each kind that must survive, all last seen 400 days ago. */
const KEPT: PaperRecord[] = [
  seen('2301.00001', 400, { savedAt: NOON - 400 * DAY }),
  seen('2301.00002', 400, { tagIds: ['tabc'] }),
  seen('2301.00003', 400, { note: 'compare with §4 of the survey' }),
  seen('2301.00004', 400, { likedAt: NOON - 400 * DAY }),
  seen('2301.00005', 400, { dismissedAt: NOON - 400 * DAY }),
  seen('2301.00006', 400, { savedAt: NOON - 1, unseenUpdateAt: NOON - 2 }),
  seen('2301.00007', 400, { readingState: 'read' }),
  // Unsaved 89 days ago: sync still carries the unsave from this record.
  seen('2301.00008', 400, { libraryEditedAt: { saved: NOON - 89 * DAY } }),
];

async function ids(): Promise<string[]> {
  return (await database.papers.toCollection().primaryKeys()).sort();
}

beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`safety-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

describe('retention', () => {
  it('prunes only unsaved, untagged, note-less papers not seen for 180 days', async () => {
    await database.papers.bulkPut([
      ...KEPT,
      seen('2301.00010', 181),
      seen('2301.00011', 400, { tagIds: [], note: '  ', openedAt: NOON - 300 * DAY }),
      seen('2301.00012', 179),
      seen('2301.00013', 2),
      // Unsaved 91 days ago: the unsave has stopped syncing, the paper may go.
      seen('2301.00014', 400, { libraryEditedAt: { saved: NOON - 91 * DAY } }),
    ]);
    const report = await runMaintenance({
      database,
      now: () => NOON,
      estimate: async () => undefined,
    });
    expect(report).toMatchObject({ pruned: 3, short: false });
    expect(await ids()).toEqual(
      [...KEPT.map((paper) => paper.id), '2301.00012', '2301.00013'].sort(),
    );
    // Kept records are untouched.
    for (const paper of KEPT) expect(await database.papers.get(paper.id)).toMatchObject(paper);
  });

  it('follows the setting; 0 keeps everything', async () => {
    await database.papers.bulkPut([seen('2301.00010', 40), seen('2301.00011', 20)]);
    await retentionDaysItem.setValue(0);
    expect(
      (await runMaintenance({ database, now: () => NOON, estimate: async () => undefined })).pruned,
    ).toBe(0);
    await retentionDaysItem.setValue(30);
    expect(
      (await runMaintenance({ database, now: () => NOON, estimate: async () => undefined })).pruned,
    ).toBe(1);
    expect(await ids()).toEqual(['2301.00011']);
  });

  it('works in batches through the lastSeenAt index, never reading the whole table', async () => {
    const old = Array.from({ length: 603 }, (_, k) =>
      seen(
        `2302.${String(k).padStart(5, '0')}`,
        200 + (k % 50),
        k % 100 === 0 ? { savedAt: NOON } : {},
      ),
    );
    const recent = Array.from({ length: 100 }, (_, k) =>
      seen(`2303.${String(k).padStart(5, '0')}`, 10),
    );
    await database.papers.bulkPut([...old, ...recent]);
    const wholeTable = vi.spyOn(database.papers, 'toArray');
    const everything = vi.spyOn(database.papers, 'toCollection');
    const spy = vi.spyOn(database.papers, 'where');
    const pruned = await pruneUnseenSince(database, NOON - 180 * DAY, NOON, 50);
    expect(pruned).toBe(603 - 7);
    // One indexed query per batch of 50 over the 603 old papers (the 7 saved ones are
    // skipped by offset, not read again): 13 queries; the table is never read whole.
    expect(spy.mock.calls.map(([index]) => index)).toEqual(Array(13).fill('lastSeenAt'));
    expect(wholeTable).not.toHaveBeenCalled();
    expect(everything).not.toHaveBeenCalled();
    expect(await database.papers.count()).toBe(107);
    expect(await database.papers.where('savedAt').above(0).count()).toBe(7);
  });
});

describe('storage running short', () => {
  const tight = async () => ({ usage: 980 * 1024 * 1024, quota: 1000 * 1024 * 1024 });

  it('prunes unsaved papers not seen for 30 days before anything saved, and says so', async () => {
    await database.papers.bulkPut([
      ...KEPT,
      seen('2301.00010', SHORT_KEEP_DAYS + 1),
      seen('2301.00011', SHORT_KEEP_DAYS - 1),
      seen('2301.00012', 5, { savedAt: NOON }),
    ]);
    const report = await runMaintenance({ database, now: () => NOON, estimate: tight });
    expect(report).toMatchObject({ short: true, pruned: 0, prunedShort: 1 });
    expect(await ids()).toEqual(
      [...KEPT.map((paper) => paper.id), '2301.00011', '2301.00012'].sort(),
    );
    expect(await storageNoticeItem.getValue()).toEqual({
      at: NOON,
      usage: 980 * 1024 * 1024,
      quota: 1000 * 1024 * 1024,
      pruned: 1,
      cause: 'estimate',
    });
    // Room again: the notice goes.
    await runMaintenance({
      database,
      now: () => NOON,
      estimate: async () => ({ usage: 1, quota: 1e10 }),
    });
    expect(await storageNoticeItem.getValue()).toBeNull();
  });

  it('a write refused with QuotaExceededError prunes and leaves a notice; other errors do nothing', async () => {
    await database.papers.bulkPut([
      seen('2301.00010', 60),
      seen('2301.00011', 60, { savedAt: NOON }),
    ]);
    const quota = new Dexie.QuotaExceededError('no room');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(
      await afterWriteError(
        { database, now: () => NOON, estimate: async () => undefined },
        new Error('x'),
      ),
    ).toBe(false);
    expect(await storageNoticeItem.getValue()).toBeNull();
    expect(
      await afterWriteError({ database, now: () => NOON, estimate: async () => undefined }, quota),
    ).toBe(true);
    expect(await ids()).toEqual(['2301.00011']);
    expect(await storageNoticeItem.getValue()).toMatchObject({ cause: 'quota-error', pruned: 1 });
  });

  it('a page whose papers cannot be stored for lack of room: old unsaved papers go, saved stay, the user is told', async () => {
    await database.papers.bulkPut([
      seen('2301.00010', 60),
      seen('2301.00011', 60, { savedAt: NOON }),
    ]);
    vi.spyOn(database.papers, 'bulkPut').mockRejectedValueOnce(
      new Dexie.QuotaExceededError('no room'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await handleMessage(
      database,
      {
        type: 'pageDetected',
        payload: {
          source: {
            kind: 'arxiv-listing',
            label: 'arXiv cs.LG · new',
            url: 'https://arxiv.org/list/cs.LG/new',
          },
          papers: [{ id: '2311.00001', title: 'New', authors: ['A. B'] }],
        },
      },
      () => NOON,
    );
    expect(reply.ok).toBe(false);
    expect(await ids()).toEqual(['2301.00011']);
    expect(await storageNoticeItem.getValue()).toMatchObject({ cause: 'quota-error', pruned: 1 });
  });
});
