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

describe('on-device summaries in the popup', () => {
  it('with the setting off, never touches the Summarizer API', async () => {
    const fake = fakeSummarizer();
    vi.stubGlobal('Summarizer', fake);
    await addPaper();
    renderPopup({ db });

    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    // Give any stray promise a chance to run.
    await new Promise((resolve) => setTimeout(resolve, 50));
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();
    expect(screen.queryByText('On-device summary')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(errors).not.toHaveBeenCalled();
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.create).not.toHaveBeenCalled();
    expect(screen.queryByText('On-device summary')).not.toBeInTheDocument();
  });

  it('with it on in a browser without the API, shows the local TL;DR', async () => {
    await onDeviceSummaryEnabled.setValue(true);
    await addPaper();
    renderPopup({ db });
    expect(await screen.findByText('We propose a cheap method.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(row()).getByText('TL;DR')).toBeInTheDocument();
  });
});
