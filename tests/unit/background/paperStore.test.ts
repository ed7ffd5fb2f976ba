import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { badgeText, popupOpenedAt } from '@/utils/background/badge';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordPageDetection, setPaperSaved } from '@/utils/background/paperStore';
import { PaperlightDatabase } from '@/utils/storage/database';

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();

let database: PaperlightDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`digest-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('recordPageDetection', () => {
  it('stores every paper of a page with where and when it was seen', async () => {
    await recordPageDetection(
      database,
      page([
        detectedPaper('2408.00001', { abstract: 'We propose X. Code: https://github.com/a/x.' }),
        detectedPaper('2408.00002', { section: 'cross-list' }),
      ]),
      NOON,
    );
    const first = await database.papers.get('2408.00001');
    expect(first).toMatchObject({
      title: 'Paper 2408.00001',
      authors: ['Ada Lovelace', 'Alan Turing'],
      firstSeenAt: NOON,
      codeUrls: ['https://github.com/a/x'],
      firstSighting: { label: 'arXiv cs.CL · new', position: 0, at: NOON },
    });
    expect(first?.tldr).not.toBe('');
    expect((await database.papers.get('2408.00002'))?.lastSighting.section).toBe('cross-list');
  });

  it('merges a later, poorer sighting without erasing the abstract, save or first-seen time', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001', { abstract: 'We propose X.', comments: '9 pages' })]),
      NOON - DAY,
    );
    await setPaperSaved(database, '2408.00001', true, NOON - DAY + 5);
    const recent = {
      kind: 'arxiv-listing' as const,
      label: 'arXiv cs.CL · recent',
      url: 'https://arxiv.org/list/cs.CL/recent',
    };
    const statuses = await recordPageDetection(
      database,
      page([detectedPaper('2408.00001', { title: 'Paper, revised title' })], recent),
      NOON,
    );
    const record = await database.papers.get('2408.00001');
    expect(record).toMatchObject({
      title: 'Paper, revised title',
      abstract: 'We propose X.',
      comments: '9 pages',
      firstSeenAt: NOON - DAY,
      lastSeenAt: NOON,
      savedAt: NOON - DAY + 5,
      sightingCount: 2,
      lastSighting: { label: 'arXiv cs.CL · recent' },
      firstSighting: { label: 'arXiv cs.CL · new' },
    });
    expect(statuses).toEqual([
      {
        id: '2408.00001',
        saved: true,
        seenBefore: true,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    ]);
  });

  it('keeps everything the library and the watch gave a paper when it is seen again', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON - DAY);
    const library = {
      savedAt: NOON - DAY + 1,
      tagIds: ['tnlp'],
      note: 'compare with §4',
      readingState: 'reading' as const,
      libraryEditedAt: { saved: NOON - DAY + 1, tagIds: NOON - DAY + 2, note: NOON - DAY + 3 },
      latestVersion: 3,
      journalRef: 'ACL 2026',
      doi: '10.1000/xyz',
      updates: [{ kind: 'version' as const, at: NOON - DAY + 4, text: 'v3' }],
      unseenUpdateAt: NOON - DAY + 4,
      watchedAt: NOON - DAY + 4,
    };
    await database.papers.update('2408.00001', library);
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON);
    expect(await database.papers.get('2408.00001')).toMatchObject({
      ...library,
      sightingCount: 2,
    });
  });

  it('reports papers first seen earlier today as not seen before', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON - 60_000);
    const statuses = await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON);
    expect(statuses).toEqual([
      {
        id: '2408.00001',
        saved: false,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    ]);
  });

  it('counts a paper listed twice on one page once', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.00001'), detectedPaper('2408.00001')]),
      NOON,
    );
    expect((await database.papers.get('2408.00001'))?.sightingCount).toBe(1);
  });
});

describe('setPaperSaved', () => {
  it('keeps the first save time and removes it on unsave', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.00001')]), NOON);
    await setPaperSaved(database, '2408.00001', true, NOON + 1);
    await setPaperSaved(database, '2408.00001', true, NOON + 2);
    expect((await database.papers.get('2408.00001'))?.savedAt).toBe(NOON + 1);
    await setPaperSaved(database, '2408.00001', false, NOON + 3);
    const record = await database.papers.get('2408.00001');
    expect(record?.savedAt).toBeUndefined();
    expect(await database.papers.where('savedAt').above(0).count()).toBe(0);
  });

  it('refuses to save a paper it has never seen', async () => {
    await expect(setPaperSaved(database, '2408.99999', true, NOON)).rejects.toThrow(/unknown/);
  });
});

describe('badge', () => {
  it('is empty at zero and caps at 999+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });

  it('counts papers first seen since the popup was opened, and opening the popup clears it', async () => {
    let now = NOON;
    const clock = () => now;
    await handleMessage(
      database,
      {
        type: 'pageDetected',
        payload: page([detectedPaper('2408.00001'), detectedPaper('2408.00002')]),
      },
      clock,
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    now += 1000;
    expect(await handleMessage(database, { type: 'popupOpened', payload: {} }, clock)).toEqual({
      ok: true,
      data: { badge: '' },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await popupOpenedAt.getValue()).toBe(now);

    now += 1000;
    await handleMessage(
      database,
      {
        type: 'pageDetected',
        payload: page([detectedPaper('2408.00002'), detectedPaper('2408.00003')]),
      },
      clock,
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});

describe('handleMessage', () => {
  it('rejects a malformed message with a reason and changes nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = page([detectedPaper('2408.00001'), detectedPaper('not-an-id')]);
    const reply = await handleMessage(database, { type: 'pageDetected', payload: bad });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/papers\.1\.id/);
    expect(await database.papers.count()).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'));
    warn.mockRestore();
  });

  it.each([
    ['an unknown type', { type: 'dropDatabase', payload: {} }],
    ['no payload', { type: 'setSaved' }],
    [
      'a non-http page URL',
      {
        type: 'pageDetected',
        payload: page([], { kind: 'arxiv-abs', label: 'x', url: 'javascript:alert(1)' }),
      },
    ],
    [
      'an extra field',
      { type: 'setSaved', payload: { id: '2408.00001', saved: true, savedAt: 1 } },
    ],
    [
      'an oversized title',
      {
        type: 'pageDetected',
        payload: page([detectedPaper('2408.00001', { title: 'x'.repeat(5000) })]),
      },
    ],
    ['a string', 'pageDetected'],
    ['null', null],
  ])('refuses %s', async (_name, message) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await handleMessage(database, message);
    expect(reply.ok).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });

  it('answers a save with the new status', async () => {
    await handleMessage(database, {
      type: 'pageDetected',
      payload: page([detectedPaper('2408.00001')]),
    });
    const reply = await handleMessage(database, {
      type: 'setSaved',
      payload: { id: '2408.00001', saved: true },
    });
    expect(reply).toEqual({
      ok: true,
      data: {
        id: '2408.00001',
        saved: true,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    });
  });
});

describe('a paper stored from an HF page without its hidden authors', () => {
  // Before the one HF rule, HF pages dropped authors marked `hidden`; those lists cannot be
  // repaired from the database, which never held the names. The next sighting brings them.
  const short = ['Guanzhi Deng', 'Ronghao Chen'];
  const full = ['Bo Li', 'Guanzhi Deng', 'Ronghao Chen'];
  const hfPage = {
    kind: 'hf-daily' as const,
    label: 'HF Daily Papers · 2025-09-30',
    url: 'https://huggingface.co/papers/date/2025-09-30',
  };

  it.each([
    [
      'the API',
      {
        kind: 'hf-api' as const,
        label: 'HF Daily Papers · 2025-09-30',
        url: 'https://huggingface.co/api/daily_papers?date=2025-09-30',
      },
    ],
    ['an HF page', hfPage],
    ['an arXiv listing', undefined],
  ])('gets the full author list when next seen on %s', async (_name, source) => {
    await recordPageDetection(
      database,
      page([detectedPaper('2509.22518', { authors: short, abstract: 'Reasoning.' })], hfPage),
      NOON - DAY,
    );
    await recordPageDetection(
      database,
      page([detectedPaper('2509.22518', { authors: full })], source),
      NOON,
    );
    expect((await database.papers.get('2509.22518'))?.authors).toEqual(full);
  });
});

describe('page views (viewId)', () => {
  const view = (viewId: string | undefined, ids = ['2408.00001', '2408.00002']) => ({
    ...page(ids.map((id) => detectedPaper(id))),
    ...(viewId ? { viewId } : {}),
  });

  it('counts a page view sent twice once, and keeps its id on the sighting', async () => {
    await recordPageDetection(database, view('view-aaaa-1'), NOON);
    const statuses = await recordPageDetection(database, view('view-aaaa-1'), NOON + 50);
    expect(statuses.map((status) => status.id)).toEqual(['2408.00001', '2408.00002']);
    const record = await database.papers.get('2408.00001');
    expect(record).toMatchObject({
      sightingCount: 1,
      lastSeenAt: NOON,
      lastSighting: { viewId: 'view-aaaa-1', at: NOON },
    });
  });

  it('counts another page view, and a page without a view id, each time', async () => {
    await recordPageDetection(database, view('view-aaaa-1'), NOON);
    await recordPageDetection(database, view('view-bbbb-2'), NOON + 1);
    await recordPageDetection(database, view(undefined), NOON + 2);
    await recordPageDetection(database, view(undefined), NOON + 3);
    expect((await database.papers.get('2408.00001'))?.sightingCount).toBe(4);
  });

  it('stores a paper of that view that the first message did not carry', async () => {
    await recordPageDetection(database, view('view-aaaa-1', ['2408.00001']), NOON);
    await recordPageDetection(
      database,
      view('view-aaaa-1', ['2408.00001', '2408.00003']),
      NOON + 1,
    );
    expect((await database.papers.get('2408.00001'))?.sightingCount).toBe(1);
    expect((await database.papers.get('2408.00003'))?.sightingCount).toBe(1);
  });

  it.each([
    ['too short', 'abc'],
    ['with a space', 'view aaaa 1'],
    ['too long', 'v'.repeat(65)],
  ])('refuses a view id %s', async (_name, viewId) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await handleMessage(database, { type: 'pageDetected', payload: view(viewId) });
    expect(reply.ok).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });
});
