import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { countFirstSeenSince, refreshBadge } from '@/utils/background/badge';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordOpened } from '@/utils/background/openedPapers';
import { recordPageDetection } from '@/utils/background/paperStore';
import { openedPaperId } from '@/utils/shared/arxivId';
import { PaperlightDatabase } from '@/utils/storage/database';
import { allSeenAtItem, badgeModeItem, interestsItem } from '@/utils/storage/rankingStore';

const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();
let database: PaperlightDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`signals-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

describe('openedPaperId', () => {
  it.each([
    ['https://arxiv.org/abs/2408.01234', '2408.01234'],
    ['https://arxiv.org/abs/2408.01234v3', '2408.01234'],
    ['https://arxiv.org/html/2408.01234v2', '2408.01234'],
    ['https://arxiv.org/html/2408.01234v2/#S3', '2408.01234'],
    ['https://arxiv.org/pdf/2408.01234', '2408.01234'],
    ['https://arxiv.org/pdf/2408.01234v1.pdf', '2408.01234'],
    ['https://arxiv.org/pdf/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://huggingface.co/papers/2408.01234', '2408.01234'],
    ['https://huggingface.co/papers/2408.01234#community', '2408.01234'],
  ])('%s opens %s', (url, id) => {
    expect(openedPaperId(url)).toBe(id);
  });

  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/search/?query=diffusion',
    'https://arxiv.org/catchup/cs.CL/2026-11-30',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/date/2026-11-27',
    'https://example.org/abs/2408.01234',
    'https://huggingface.co.evil.example/papers/2408.01234',
    'https://arxiv.org/abs/2413.01234',
  ])('%s is not opening a paper', (url) => {
    expect(openedPaperId(url)).toBeUndefined();
  });
});

describe('recordOpened', () => {
  it('keeps the first open time and the latest, and says only the first time that it is new', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON - 5000);
    await handleMessage(database, { type: 'setSaved', payload: { id: '2408.00001', saved: true } });

    expect(
      await recordOpened(database, '2408.00001', 'https://arxiv.org/pdf/2408.00001', NOON),
    ).toBe(true);
    expect(
      await recordOpened(database, '2408.00001', 'https://arxiv.org/abs/2408.00001', NOON + 10),
    ).toBe(false);
    const record = await database.papers.get('2408.00001');
    expect(record).toMatchObject({
      openedAt: NOON,
      lastOpenedAt: NOON + 10,
      title: 'Paper 2408.00001',
      sightingCount: 1,
    });
    expect(record?.savedAt).toBeDefined();
  });

  it('keeps a paper opened before Paperlight met it, as a placeholder that is not counted new', async () => {
    await recordOpened(database, '2408.00002', 'https://arxiv.org/pdf/2408.00002v2', NOON);
    expect(await database.papers.get('2408.00002')).toMatchObject({
      title: 'arXiv:2408.00002',
      placeholder: true,
      openedAt: NOON,
      countsAsNew: false,
      firstSighting: { kind: 'opened', label: 'Opened on arxiv.org' },
    });
    expect(await countFirstSeenSince(database, 0)).toBe(0);
    // The listing later gives its details; the open is kept.
    await recordPageDetection(database, page([detectedPaper('2408.00002')]), NOON + 1000);
    expect(await database.papers.get('2408.00002')).toMatchObject({
      title: 'Paper 2408.00002',
      openedAt: NOON,
    });
  });
});

describe("a paper's own page", () => {
  it('records the paper it shows as opened (and no other paper on it)', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001'), detectedPaper('2408.00002')], {
        kind: 'arxiv-abs',
        label: 'arXiv abstract pages',
        url: 'https://arxiv.org/abs/2408.00001v2',
      }),
      NOON,
    );
    expect(await database.papers.get('2408.00001')).toMatchObject({
      openedAt: NOON,
      lastOpenedAt: NOON,
      sightingCount: 1,
      firstSighting: { kind: 'arxiv-abs' },
    });
    expect((await database.papers.get('2408.00002'))?.openedAt).toBeUndefined();
    // Not a paper's own page: nothing is opened.
    await recordPageDetection(database, page([detectedPaper('2408.00003')]), NOON);
    expect((await database.papers.get('2408.00003'))?.openedAt).toBeUndefined();
  });

  it('an unknown paper opened on a page the content script reads gets no placeholder', async () => {
    expect(
      await recordOpened(database, '2408.00009', 'https://arxiv.org/abs/2408.00009', NOON),
    ).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });
});

describe('dismiss, like and follow', () => {
  beforeEach(async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001', { authors: ['Yoshua Bengio', 'Ada Lovelace'] })]),
      NOON,
    );
  });

  it('dismisses and undoes without deleting the paper or its save', async () => {
    await handleMessage(database, { type: 'setSaved', payload: { id: '2408.00001', saved: true } });
    const dismissed = await handleMessage(
      database,
      { type: 'setDismissed', payload: { id: '2408.00001', dismissed: true } },
      () => NOON + 1,
    );
    expect(dismissed).toMatchObject({ ok: true, data: { dismissed: true, saved: true } });
    expect(await database.papers.get('2408.00001')).toMatchObject({ dismissedAt: NOON + 1 });

    const undone = await handleMessage(database, {
      type: 'setDismissed',
      payload: { id: '2408.00001', dismissed: false },
    });
    expect(undone).toMatchObject({ ok: true, data: { dismissed: false, saved: true } });
    const record = await database.papers.get('2408.00001');
    expect(record?.dismissedAt).toBeUndefined();
    expect(record?.savedAt).toBeDefined();
  });

  it('keeps a dismissal and a like when a page shows the paper again', async () => {
    await handleMessage(database, {
      type: 'setDismissed',
      payload: { id: '2408.00001', dismissed: true },
    });
    await handleMessage(database, { type: 'setLiked', payload: { id: '2408.00001', liked: true } });
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON + 1000);
    const record = await database.papers.get('2408.00001');
    expect(record?.dismissedAt).toBeDefined();
    expect(record?.likedAt).toBeDefined();
    expect(record?.sightingCount).toBe(2);
  });

  it('likes a paper ("more like this") and refuses an unknown one', async () => {
    await handleMessage(
      database,
      { type: 'setLiked', payload: { id: '2408.00001', liked: true } },
      () => NOON + 2,
    );
    expect(await database.papers.get('2408.00001')).toMatchObject({ likedAt: NOON + 2 });
    const unknown = await handleMessage(database, {
      type: 'setLiked',
      payload: { id: '2408.09999', liked: true },
    });
    expect(unknown).toEqual({ ok: false, error: 'unknown paper 2408.09999' });
  });

  it("follows one of the paper's authors once, and refuses a name the paper does not list", async () => {
    const followed = await handleMessage(
      database,
      { type: 'followAuthor', payload: { id: '2408.00001', author: 'Yoshua Bengio' } },
      () => NOON,
      { from: 'content-script' },
    );
    expect(followed).toEqual({ ok: true, data: { following: ['Yoshua Bengio'] } });
    await handleMessage(database, {
      type: 'followAuthor',
      payload: { id: '2408.00001', author: 'Yoshua Bengio' },
    });
    expect((await interestsItem.getValue()).authors).toEqual(['Yoshua Bengio']);

    const stranger = await handleMessage(
      database,
      { type: 'followAuthor', payload: { id: '2408.00001', author: 'Mallory Evil' } },
      () => NOON,
      { from: 'content-script' },
    );
    expect(stranger).toMatchObject({ ok: false });
    expect((await interestsItem.getValue()).authors).toEqual(['Yoshua Bengio']);
  });

  it('refuses a content script dismissing a saved article item', async () => {
    const reply = await handleMessage(
      database,
      { type: 'setDismissed', payload: { id: 'url:https://example.org/a', dismissed: true } },
      () => NOON,
      { from: 'content-script' },
    );
    expect(reply).toEqual({
      ok: false,
      error: 'setDismissed: not accepted from a content script',
    });
  });
});

describe('mark all as seen', () => {
  it('makes every paper seen so far read as seen, and empties the badge', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001'), detectedPaper('2408.00002')]),
      NOON,
    );
    expect(await refreshBadge(database)).toBe('2');
    const reply = await handleMessage(
      database,
      { type: 'markAllSeen', payload: {} },
      () => NOON + 5,
    );
    expect(reply).toEqual({ ok: true, data: { badge: '' } });
    expect(await allSeenAtItem.getValue()).toBe(NOON + 5);
    const statuses = await handleMessage(
      database,
      { type: 'paperStatuses', payload: { ids: ['2408.00001', '2408.00003'] } },
      () => NOON + 10,
      { from: 'content-script' },
    );
    expect(statuses).toMatchObject({
      ok: true,
      data: {
        statuses: [
          { id: '2408.00001', seenBefore: true },
          { id: '2408.00003', seenBefore: false, saved: false },
        ],
      },
    });
  });
});

describe('the badge in "new matches only" mode', () => {
  it('counts only new papers that match the interests', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001'), detectedPaper('2408.00002'), detectedPaper('2408.00003')]),
      NOON,
    );
    await database.papers.update('2408.00002', {
      relevance: {
        score: 0.9,
        matched: true,
        reasons: ['keyword: x'],
        learned: [],
        coldStart: true,
      },
    });
    expect(await refreshBadge(database)).toBe('3');
    await badgeModeItem.setValue('matches');
    expect(await refreshBadge(database)).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
