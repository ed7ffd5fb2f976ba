import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectedPaper, page } from '@/tests/helpers/papers';
import { refreshBadge } from '@/utils/background/badge';
import { recordPageDetection } from '@/utils/background/paperStore';
import { PaperlightDatabase } from '@/utils/storage/database';

let database: PaperlightDatabase;
const action = fakeBrowser.action;
beforeEach(() => {
  fakeBrowser.reset();
  database = new PaperlightDatabase(`toolbar-${crypto.randomUUID()}`);
});
afterEach(async () => {
  Reflect.set(fakeBrowser, 'action', action);
  await database.delete();
  vi.restoreAllMocks();
});

describe('the toolbar badge', () => {
  it('is set through `action` in the Manifest V3 build', async () => {
    await recordPageDetection(database, page([detectedPaper('2408.01234')]), Date.now());
    expect(await refreshBadge(database)).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('is set through `browserAction` in Firefox’s Manifest V2 build, which has no `action`', async () => {
    Reflect.set(fakeBrowser, 'action', undefined);
    const setBadgeText = vi
      .spyOn(fakeBrowser.browserAction, 'setBadgeText')
      .mockResolvedValue(undefined);
    await recordPageDetection(database, page([detectedPaper('2408.01234')]), Date.now());
    expect(await refreshBadge(database)).toBe('1');
    expect(setBadgeText).toHaveBeenCalledWith({ text: '1' });
  });
});
