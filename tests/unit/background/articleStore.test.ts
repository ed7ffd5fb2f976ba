import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { recordPagePapers, saveArticle } from '@/utils/background/articleStore';
import { handleMessage } from '@/utils/background/handleMessage';
import { recordPageDetection } from '@/utils/background/paperStore';
import { validateMessage } from '@/utils/shared/messageSchemas';
import type { ArticleInput } from '@/utils/shared/protocol';
import { PaperlightDatabase } from '@/utils/storage/database';

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2026, 10, 27, 12, 0, 0).getTime();
const URL_ = 'https://blog.example.org/post';

const article = (overrides: Partial<ArticleInput> = {}): ArticleInput => ({
  url: URL_,
  title: 'What we learned building retrieval',
  byline: 'Grace Hopper',
  siteName: 'Example Blog',
  keySentences: ['The retriever matters most.', 'Caching halves latency.', 'Rerank the top 20.'],
  readingMinutes: 4,
  ...overrides,
});

let database: PaperlightDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`articles-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
  vi.restoreAllMocks();
});

describe('saveArticle', () => {
  it('stores an article as a saved item of its own, id url:<canonical URL>', async () => {
    const status = await saveArticle(database, article(), NOON);
    expect(status).toEqual({
      id: `url:${URL_}`,
      saved: true,
      seenBefore: false,
      opened: false,
      dismissed: false,
      hasCode: false,
    });
    const record = await database.papers.get(`url:${URL_}`);
    expect(record).toMatchObject({
      title: 'What we learned building retrieval',
      authors: ['Grace Hopper'],
      tldr: 'The retriever matters most.',
      categories: [],
      savedAt: NOON,
      firstSeenAt: NOON,
      countsAsNew: false,
      lastSighting: { kind: 'article', label: 'Example Blog', url: URL_, at: NOON },
      article: {
        url: URL_,
        siteName: 'Example Blog',
        keySentences: article().keySentences,
        readingMinutes: 4,
      },
    });
    expect(record?.abstract).toBeUndefined();
  });

  it('saving again refreshes the text and keeps the first save and first-seen times', async () => {
    await saveArticle(database, article({ byline: '', siteName: '' }), NOON - DAY);
    const status = await saveArticle(database, article({ title: 'Updated title' }), NOON);
    expect(status.seenBefore).toBe(true);
    const record = await database.papers.get(`url:${URL_}`);
    expect(record).toMatchObject({
      title: 'Updated title',
      savedAt: NOON - DAY,
      firstSeenAt: NOON - DAY,
      lastSeenAt: NOON,
      sightingCount: 2,
      firstSighting: { label: 'blog.example.org' },
    });
  });
});

describe('articles with odd addresses', () => {
  const ODD = 'https://example.com/a"><img src=x>';
  const ODD_ID = 'url:https://example.com/a%22%3E%3Cimg%20src=x%3E';

  it('stores an odd address normalised, and the article can be unsaved', async () => {
    const clock = () => NOON;
    const saved = await handleMessage(
      database,
      { type: 'saveArticle', payload: article({ url: ODD }) },
      clock,
    );
    expect(saved).toEqual({
      ok: true,
      data: {
        id: ODD_ID,
        saved: true,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    });
    expect(await database.papers.get(ODD_ID)).toMatchObject({
      article: { url: 'https://example.com/a%22%3E%3Cimg%20src=x%3E' },
      lastSighting: { url: 'https://example.com/a%22%3E%3Cimg%20src=x%3E', label: 'Example Blog' },
    });
    const unsaved = await handleMessage(
      database,
      { type: 'setSaved', payload: { id: ODD_ID, saved: false } },
      clock,
    );
    expect(unsaved).toEqual({
      ok: true,
      data: {
        id: ODD_ID,
        saved: false,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    });
    expect((await database.papers.get(ODD_ID))?.savedAt).toBeUndefined();
  });

  it('keeps an article stored under its address as given (before normalising) reachable', async () => {
    await saveArticle(database, article(), NOON);
    const stored = await database.papers.get(`url:${URL_}`);
    const legacyId = `url:${ODD}`;
    await database.papers.put({ ...(stored as NonNullable<typeof stored>), id: legacyId });
    const reply = await handleMessage(database, {
      type: 'setSaved',
      payload: { id: legacyId, saved: false },
    });
    expect(reply).toMatchObject({ ok: true, data: { id: legacyId, saved: false } });
    expect((await database.papers.get(legacyId))?.savedAt).toBeUndefined();
  });

  it('saves one page once, whatever its #hash or the case of its host', async () => {
    await saveArticle(database, article({ url: 'https://Blog.Example.org/post#intro' }), NOON - 1);
    const status = await saveArticle(database, article(), NOON);
    expect(status.id).toBe(`url:${URL_}`);
    expect(await database.papers.count()).toBe(1);
    expect((await database.papers.get(`url:${URL_}`))?.sightingCount).toBe(2);
  });

  it('refuses an address the URL parser does not read as http(s), and stores nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await handleMessage(database, {
      type: 'saveArticle',
      payload: article({ url: 'https://a b/post' }),
    });
    expect(reply.ok).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });
});

describe('recordPagePapers', () => {
  const found = (ids: string[], url = URL_) => ({ url, ids });

  it('makes placeholder records for unknown ids and merges known ones', async () => {
    await recordPageDetection(
      database,
      page([detectedPaper('2408.01234', { abstract: 'We propose X.' })]),
      NOON - DAY,
    );
    const result = await recordPagePapers(
      database,
      found(['2408.01234', '2409.00001', '2409.00001']),
      NOON,
    );
    expect(result).toEqual({ found: 2, added: 1 });

    const known = await database.papers.get('2408.01234');
    expect(known).toMatchObject({
      title: 'Paper 2408.01234',
      abstract: 'We propose X.',
      firstSeenAt: NOON - DAY,
      sightingCount: 2,
      lastSighting: { kind: 'page-links', label: 'Found on blog.example.org', url: URL_ },
    });
    expect(known?.placeholder).toBeUndefined();

    const stub = await database.papers.get('2409.00001');
    expect(stub).toMatchObject({
      title: 'arXiv:2409.00001',
      placeholder: true,
      authors: [],
      tldr: '',
      firstSeenAt: NOON,
      countsAsNew: false,
      firstSighting: { kind: 'page-links', label: 'Found on blog.example.org', position: 1 },
    });
  });

  it('keeps a placeholder on a second find, and drops it once a page gives the details', async () => {
    await recordPagePapers(database, found(['2409.00001']), NOON - 10);
    await recordPagePapers(database, found(['2409.00001'], 'https://other.example/'), NOON - 5);
    expect(await database.papers.get('2409.00001')).toMatchObject({
      title: 'arXiv:2409.00001',
      placeholder: true,
      sightingCount: 2,
    });
    await recordPageDetection(
      database,
      page([detectedPaper('2409.00001', { title: 'The real title' })]),
      NOON,
    );
    const record = await database.papers.get('2409.00001');
    expect(record?.title).toBe('The real title');
    expect(record?.placeholder).toBeUndefined();
    expect(record?.firstSeenAt).toBe(NOON - 10);
  });
});

describe('page action messages', () => {
  it('accepts valid saveArticle, pagePapersFound and setSaved with a url: id', () => {
    expect(validateMessage({ type: 'saveArticle', payload: article() }).ok).toBe(true);
    expect(
      validateMessage({ type: 'pagePapersFound', payload: { url: URL_, ids: ['2408.01234'] } }).ok,
    ).toBe(true);
    expect(
      validateMessage({ type: 'setSaved', payload: { id: `url:${URL_}`, saved: false } }).ok,
    ).toBe(true);
  });

  it.each([
    [
      'a javascript: article URL',
      { type: 'saveArticle', payload: article({ url: 'javascript:x' }) },
    ],
    [
      'a file: article URL',
      { type: 'saveArticle', payload: article({ url: 'file:///etc/passwd' }) },
    ],
    ['an empty title', { type: 'saveArticle', payload: article({ title: '' }) }],
    ['an oversized title', { type: 'saveArticle', payload: article({ title: 'x'.repeat(1001) }) }],
    ['an oversized byline', { type: 'saveArticle', payload: article({ byline: 'x'.repeat(301) }) }],
    [
      'six key sentences',
      { type: 'saveArticle', payload: article({ keySentences: Array(6).fill('A sentence.') }) },
    ],
    [
      'an oversized key sentence',
      { type: 'saveArticle', payload: article({ keySentences: ['x'.repeat(501)] }) },
    ],
    ['fractional minutes', { type: 'saveArticle', payload: article({ readingMinutes: 1.5 }) }],
    ['negative minutes', { type: 'saveArticle', payload: article({ readingMinutes: -1 }) }],
    ['an extra field', { type: 'saveArticle', payload: { ...article(), html: '<b>x</b>' } }],
    ['no ids', { type: 'pagePapersFound', payload: { url: URL_, ids: [] } }],
    [
      'a non-arXiv id',
      { type: 'pagePapersFound', payload: { url: URL_, ids: ['2408.01234', 'url:x'] } },
    ],
    [
      'a non-http page',
      { type: 'pagePapersFound', payload: { url: 'chrome://newtab', ids: ['2408.01234'] } },
    ],
    [
      'a url: id without http(s)',
      { type: 'setSaved', payload: { id: 'url:javascript:x', saved: true } },
    ],
    [
      'a url: id with spaces',
      { type: 'setSaved', payload: { id: 'url:https://a b', saved: true } },
    ],
  ])('refuses %s', (_name, message) => {
    expect(validateMessage(message).ok).toBe(false);
  });

  it('are handled by the background: save, unsave, and found papers with the badge', async () => {
    const clock = () => NOON;
    const saved = await handleMessage(database, { type: 'saveArticle', payload: article() }, clock);
    expect(saved).toEqual({
      ok: true,
      data: {
        id: `url:${URL_}`,
        saved: true,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    });
    const unsaved = await handleMessage(
      database,
      { type: 'setSaved', payload: { id: `url:${URL_}`, saved: false } },
      clock,
    );
    expect(unsaved).toMatchObject({ ok: true, data: { saved: false } });
    expect((await database.papers.get(`url:${URL_}`))?.savedAt).toBeUndefined();

    const reply = await handleMessage(
      database,
      { type: 'pagePapersFound', payload: { url: URL_, ids: ['2408.01234', '2409.00001'] } },
      clock,
    );
    expect(reply).toEqual({ ok: true, data: { found: 2, added: 2 } });
    // Papers the user asked for from the popup, and articles, are not "new" on the badge.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('refuses a bad page action in the background and changes nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await handleMessage(database, {
      type: 'saveArticle',
      payload: article({ url: 'javascript:alert(1)' }),
    });
    expect(reply.ok).toBe(false);
    expect(await database.papers.count()).toBe(0);
  });
});
