import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibrarySafetySection } from '@/components/options/LibrarySafetySection';
import { WatchSection } from '@/components/options/WatchSection';
import { StorageShortNotice } from '@/components/StorageShortNotice';
import type { WatchReport } from '@/utils/shared/watch';
import {
  lastWatchReportItem,
  retentionDaysItem,
  storageNoticeItem,
  watchEnabledItem,
} from '@/utils/storage/watchSettings';

/** The options page's watch and library-storage sections, with the worker and browser faked. */

const REPORT: WatchReport = {
  at: new Date(2026, 10, 20, 12, 0).getTime(),
  outcome: 'done',
  checked: 12,
  updated: 1,
  updates: 2,
  skipped: 0,
  requests: 1,
  hfRequests: 3,
  news: [
    {
      id: '2611.00001',
      title: '<img src=x onerror=alert(1)> Sparse Mergers',
      lines: ['v3', 'comments now say: Accepted at NeurIPS 2026'],
    },
  ],
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the watch section', () => {
  it('"Check now" shows what was found, as text', async () => {
    const checkNow = vi.fn(async () => REPORT);
    const { container } = render(<WatchSection services={{ checkNow }} />);
    const button = await screen.findByRole('button', { name: 'Check now' });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    expect(
      await screen.findByText('Checked 12 papers: 1 paper with news (2 updates).'),
    ).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      '<img src=x onerror=alert(1)> Sparse Mergers: v3; comments now say: Accepted at NeurIPS 2026',
    );
    expect(container.querySelector('img')).toBeNull();
    expect(checkNow).toHaveBeenCalledTimes(1);
  });

  it('one switch turns it off (stored at once) and disables "Check now"', async () => {
    render(<WatchSection services={{ checkNow: async () => REPORT }} />);
    const toggle = await screen.findByRole('checkbox', { name: 'Check saved papers for news' });
    await waitFor(() => expect(toggle).toBeChecked());
    await userEvent.click(toggle);
    await waitFor(async () => expect(await watchEnabledItem.getValue()).toBe(false));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Check now' })).toBeDisabled());
  });

  it('shows the last check, and reads a malformed stored report as none', async () => {
    await lastWatchReportItem.setValue(REPORT);
    const { unmount } = render(<WatchSection services={{ checkNow: async () => REPORT }} />);
    expect(await screen.findByText(/^Last check .*: Checked 12 papers/)).toBeInTheDocument();
    unmount();
    await fakeBrowser.storage.local.set({ 'watch.lastReport': { at: 'yesterday', outcome: 42 } });
    render(<WatchSection services={{ checkNow: async () => REPORT }} />);
    await screen.findByRole('button', { name: 'Check now' });
    expect(screen.queryByText(/^Last check/)).toBeNull();
  });
});

describe('the library storage section', () => {
  const services = (persisted: boolean) => ({
    status: async () => ({ persisted, usage: 5 * 1024 * 1024, quota: 2 * 1024 ** 3 }),
    persist: vi.fn(async () => true),
  });

  it('retention: 180 days by default; a choice is stored at once', async () => {
    render(<LibrarySafetySection services={services(true)} />);
    const select = await screen.findByLabelText('Prune unsaved papers not seen for');
    await waitFor(() => expect(select).toHaveValue('180'));
    await userEvent.selectOptions(select, 'Never prune');
    await waitFor(async () => expect(await retentionDaysItem.getValue()).toBe(0));
    expect(screen.getByText(/5\.0 MB used of 2\.0 GB available/)).toBeInTheDocument();
  });

  it('asks the browser to keep the library when it may clear it', async () => {
    const fake = services(false);
    render(<LibrarySafetySection services={fake} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ask the browser to keep it' }),
    );
    expect(fake.persist).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText(/keeps your library even when disk space runs low/),
    ).toBeInTheDocument();
  });

  it('tells the user when storage runs short, and what was pruned', async () => {
    render(<LibrarySafetySection services={services(true)} />);
    // Settled: the stored values have been read once.
    await waitFor(() =>
      expect(screen.getByLabelText('Prune unsaved papers not seen for')).toHaveValue('180'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    await storageNoticeItem.setValue({
      at: Date.now(),
      usage: 950 * 1024 * 1024,
      quota: 1000 * 1024 * 1024,
      pruned: 412,
      cause: 'estimate',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Storage is running short (950.0 MB of 1000.0 MB used). Paperlight pruned 412 unsaved papers',
    );
  });
});

describe("the popup's storage line", () => {
  it('shows only while storage runs short', async () => {
    const { container, unmount } = render(<StorageShortNotice />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container).toBeEmptyDOMElement();
    unmount();
    await storageNoticeItem.setValue({
      at: 1,
      usage: 0,
      quota: 0,
      pruned: 7,
      cause: 'quota-error',
    });
    render(<StorageShortNotice />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Storage is running short: 7 unsaved papers were pruned; saved papers are kept.',
    );
  });
});
