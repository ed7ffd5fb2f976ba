import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSection } from '@/components/options/SyncSection';
import type { SyncReport } from '@/utils/shared/protocol';

const REPORT: SyncReport = {
  enabled: true,
  at: 1,
  pulledPapers: 0,
  pulledTags: 0,
  papersSynced: 3,
  papersWanted: 3,
  bytes: 900,
  wrote: 'written',
};

function services() {
  return { syncNow: vi.fn(async () => REPORT), persist: vi.fn(async () => true) };
}

beforeEach(() => fakeBrowser.reset());

describe('options page: sync', () => {
  it('is off until switched on; switching on saves it and asks to keep storage', async () => {
    const user = userEvent.setup();
    const given = services();
    render(<SyncSection services={given} />);
    const toggle = await screen.findByRole('checkbox', {
      name: 'Sync my library through the browser',
    });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();

    await user.click(toggle);
    await waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('settings.sync')).toEqual({
        'settings.sync': true,
      }),
    );
    expect(given.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Not synced yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(given.syncNow).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Synced.')).toBeInTheDocument();
  });

  it('shows the last sync, the space used, and says plainly when the library outgrew it', async () => {
    await fakeBrowser.storage.local.set({
      'settings.sync': true,
      'sync.status': {
        lastSyncAt: new Date(2026, 10, 27, 9, 30).getTime(),
        bytes: 101_376,
        quotaBytes: 102_400,
        papersSynced: 1070,
        papersWanted: 2400,
        tagsLeftOut: 0,
      },
    });
    render(<SyncSection services={services()} />);
    expect(await screen.findByText(/^Last synced /)).toHaveTextContent(
      new Date(2026, 10, 27, 9, 30).toLocaleString(),
    );
    expect(screen.getByText(/Browser sync space used/).parentElement).toHaveTextContent(
      '99.0 KB of 100.0 KB (99%)',
    );
    expect(screen.getByText(/larger than browser sync allows/)).toHaveTextContent(
      'Your library is larger than browser sync allows: 1,070 most recently changed items are synced (of 2,400).',
    );

    // The background writes a new status: the page follows.
    await fakeBrowser.storage.local.set({
      'sync.status': {
        lastSyncAt: 5,
        bytes: 2048,
        quotaBytes: 102_400,
        papersSynced: 12,
        papersWanted: 12,
        tagsLeftOut: 0,
        error: 'QUOTA_BYTES quota exceeded',
      },
    });
    await waitFor(() => expect(screen.queryByText(/larger than browser sync/)).toBeNull());
    expect(screen.getByText(/The last sync failed/)).toHaveTextContent(
      'The last sync failed: QUOTA_BYTES quota exceeded',
    );
  });
});
