import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openOrFocusLibrary } from '@/utils/background/libraryTab';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  delete (fakeBrowser.runtime as { getContexts?: unknown }).getContexts;
});

describe('openOrFocusLibrary', () => {
  it("focuses the library's tab when one is open, instead of opening another", async () => {
    const url = fakeBrowser.runtime.getURL('/library.html');
    (fakeBrowser.runtime as { getContexts?: unknown }).getContexts = async () => [
      { tabId: -1, documentUrl: fakeBrowser.runtime.getURL('/background.js') },
      { tabId: 12, documentUrl: `${url}#saved` },
    ];
    const update = vi
      .spyOn(fakeBrowser.tabs, 'update')
      .mockResolvedValue({ id: 12, windowId: 4 } as Awaited<
        ReturnType<typeof fakeBrowser.tabs.update>
      >);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openOrFocusLibrary();
    expect(update).toHaveBeenCalledWith(12, { active: true });
    expect(focus).toHaveBeenCalledWith(4, { focused: true });
    expect(create).not.toHaveBeenCalled();
  });

  it('opens a new tab when no library tab is open', async () => {
    (fakeBrowser.runtime as { getContexts?: unknown }).getContexts = async () => [];
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openOrFocusLibrary();
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/library.html') });
  });
});
