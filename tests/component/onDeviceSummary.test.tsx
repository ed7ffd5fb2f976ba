import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDeviceTldrSession } from '@/components/useDeviceTldr';
import { freshDb, makePaper, renderPopup } from '@/tests/component/helpers';
import { fakeSummarizer } from '@/tests/helpers/fakeSummarizer';
import { resetOnDeviceSummarizer } from '@/utils/pages/onDeviceSummarizer';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { onDeviceSummaryEnabled } from '@/utils/storage/settingsStore';

/** The popup with Chrome's on-device Summarizer faked (headless Chromium has no model). */

let db: PaperlightDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  resetDeviceTldrSession();
  resetOnDeviceSummarizer();
  db = freshDb();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await db.delete();
});

async function addPaper() {
  await db.papers.add(
    makePaper({
      title: 'A cheap method',
      abstract: 'Models are costly. We propose a cheap method. It works.',
      tldr: 'We propose a cheap method.',
    }),
  );
}

function row() {
  return screen.getByRole('article', { name: 'A cheap method' });
}

/** Watches the popup's reads of the setting, where each on-device attempt starts. */
function watchSettingReads() {
  return vi.spyOn(fakeBrowser.storage.local, 'get');
}

/** Waits until `calls` have happened and their answers have come back, then lets every callback
 * already queued run (no time passes): an attempt that went on from there has then gone on. */
async function afterAnswers(spy: { mock: { results: { value: unknown }[] } }, calls = 1) {
  await vi.waitFor(() => expect(spy.mock.results.length).toBeGreaterThanOrEqual(calls));
  await Promise.allSettled(spy.mock.results.map((result) => result.value));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('on-device summaries in the popup', () => {
  it('with the setting off, never touches the Summarizer API', async () => {
    const fake = fakeSummarizer();
    vi.stubGlobal('Summarizer', fake);
    await addPaper();
    const reads = watchSettingReads();
    renderPopup({ db });

    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await afterAnswers(reads);
    expect(fake.availability).not.toHaveBeenCalled();
    expect(fake.create).not.toHaveBeenCalled();
    expect(fake.summarize).not.toHaveBeenCalled();
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();
    expect(screen.queryByText('On-device summary')).not.toBeInTheDocument();
  });

  it('with it on and the model available, shows the local TL;DR first, then the on-device summary', async () => {
    await onDeviceSummaryEnabled.setValue(true);
    let answer: (text: string) => void = () => {};
    const fake = fakeSummarizer();
    fake.summarize.mockImplementation(
      () =>
        new Promise<string>((resolve) => {
          answer = resolve;
        }),
    );
    vi.stubGlobal('Summarizer', fake);
    await addPaper();
    renderPopup({ db });

    // First paint: the local TL;DR, while the model is still working.
    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await waitFor(() => expect(fake.summarize).toHaveBeenCalledTimes(1));
    expect(fake.summarize.mock.calls[0]?.[0]).toBe(
      'Models are costly. We propose a cheap method. It works.',
    );
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();

    answer('A method that is cheap matches costly models. Extra sentence.');
    expect(
      await screen.findByText('A method that is cheap matches costly models.'),
    ).toBeInTheDocument();
    expect(within(row()).getByText('On-device summary')).toBeInTheDocument();
    expect(within(row()).queryByText('TL;DR')).not.toBeInTheDocument();
    expect(screen.queryByText('We propose a cheap method.')).not.toBeInTheDocument();
  });

  it('with it on and a failing API, keeps the local TL;DR and shows no error', async () => {
    await onDeviceSummaryEnabled.setValue(true);
    const fake = fakeSummarizer({ answer: new Error('model crashed') });
    vi.stubGlobal('Summarizer', fake);
    const errors = vi.spyOn(console, 'error');
    await addPaper();
    renderPopup({ db });

    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await waitFor(() => expect(fake.summarize).toHaveBeenCalledTimes(1));
    await afterAnswers(fake.summarize);
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();
    expect(screen.queryByText('On-device summary')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // React's act() notices (a live query answering late in the test) are not the app's errors.
    const appErrors = errors.mock.calls.filter(
      ([message]) => !String(message).includes('not wrapped in act'),
    );
    expect(appErrors).toEqual([]);
    errors.mockRestore();
  });

  it('with it on but no model downloaded, asks for nothing and starts no download', async () => {
    await onDeviceSummaryEnabled.setValue(true);
    const fake = fakeSummarizer({ availability: 'downloadable' });
    vi.stubGlobal('Summarizer', fake);
    await addPaper();
    renderPopup({ db });

    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await waitFor(() => expect(fake.availability).toHaveBeenCalled());
    await afterAnswers(fake.availability);
    expect(fake.create).not.toHaveBeenCalled();
    expect(screen.queryByText('On-device summary')).not.toBeInTheDocument();
  });

  it('with it on in a browser without the API, shows the local TL;DR', async () => {
    await onDeviceSummaryEnabled.setValue(true);
    await addPaper();
    const reads = watchSettingReads();
    renderPopup({ db });
    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await afterAnswers(reads);
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();
  });
});
