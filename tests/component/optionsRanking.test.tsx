import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { Adjustments, LearnedModel } from '@/utils/shared/ranking/model';
import type { LearnedReason } from '@/utils/shared/ranking/types';
import { DEFAULT_SETTINGS } from '@/utils/shared/settings';
import {
  adjustmentsItem,
  badgeModeItem,
  interestsItem,
  learnedModelItem,
  learningResetAtItem,
} from '@/utils/storage/rankingStore';

beforeEach(() => {
  fakeBrowser.reset();
});

const MODEL: LearnedModel = {
  version: 1,
  trainedAt: new Date(2026, 10, 27, 9, 0).getTime(),
  positives: 12,
  negatives: 30,
  bias: -0.5,
  weights: { 'p:diffus model': 1.4, 'a:bengio y': 0.8, 'w:survey': -1.1 },
  idf: {},
  labels: {
    'p:diffus model': 'diffusion model',
    'a:bengio y': 'author Y. Bengio',
    'w:survey': 'survey',
  },
};

/**
 * Stands in for the ranking's topFeatures (its stub returns nothing in this branch): the model's
 * weights split by sign, strongest first, as its contract says.
 */
function describeModel(model: LearnedModel, _adjustments?: Adjustments, count = 20) {
  const reasons: LearnedReason[] = Object.entries(model.weights).map(([feature, weight]) => ({
    feature,
    label: model.labels[feature] ?? feature,
    weight,
  }));
  return {
    positive: reasons
      .filter((r) => r.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, count),
    negative: reasons
      .filter((r) => r.weight < 0)
      .sort((a, b) => a.weight - b.weight)
      .slice(0, count),
  };
}

function renderOptions() {
  render(
    <OptionsApp
      load={async () => ({ ...DEFAULT_SETTINGS })}
      save={async () => {}}
      fetchNow={async () => ({ at: 0, sources: [] })}
      onDevice={{
        status: async () => 'unavailable',
        load: async () => false,
        save: async () => {},
        download: async () => false,
      }}
      describeModel={describeModel}
    />,
  );
}

describe('options page: interests', () => {
  it('saves keywords, phrases, prefixes, exclusions, authors and categories', async () => {
    const user = userEvent.setup();
    renderOptions();
    const keywords = await screen.findByLabelText('Keywords and phrases');
    await user.type(keywords, 'diffusion, "language model", transform*, -survey');
    await user.type(screen.getByLabelText('Authors'), 'Y. Bengio{Enter}Hinton, Geoffrey');
    await user.type(screen.getByLabelText('Categories'), 'cs.LG, stat.ml');
    await user.click(screen.getByRole('button', { name: 'Save interests' }));

    expect(await screen.findByText('Interests saved.')).toBeInTheDocument();
    expect(await interestsItem.getValue()).toEqual({
      keywords: ['diffusion', '"language model"', 'transform*'],
      exclusions: ['survey'],
      authors: ['Y. Bengio', 'Hinton, Geoffrey'],
      categories: ['cs.LG', 'stat.ML'],
    });
    expect(screen.getByLabelText('Categories')).toHaveValue('cs.LG, stat.ML');
  });

  it('says which terms it cannot use, and leaves them out', async () => {
    const user = userEvent.setup();
    renderOptions();
    const keywords = await screen.findByLabelText('Keywords and phrases');
    await user.type(keywords, 'graphs, a*b');
    expect(keywords).toHaveAttribute('aria-invalid', 'true');
    expect(keywords).toHaveAccessibleDescription('Left out: * only ends a word of 2+ letters: a*b');
    await user.type(screen.getByLabelText('Categories'), 'cs.LG, nonsense');
    expect(screen.getByLabelText('Categories')).toHaveAccessibleDescription(
      'Left out: not a category code: nonsense',
    );
    await user.click(screen.getByRole('button', { name: 'Save interests' }));
    await screen.findByText('Interests saved.');
    expect(await interestsItem.getValue()).toMatchObject({
      keywords: ['graphs'],
      categories: ['cs.LG'],
    });
  });

  it('shows interests saved elsewhere (an author followed from the popup)', async () => {
    renderOptions();
    const authors = await screen.findByLabelText('Authors');
    await interestsItem.setValue({
      keywords: [],
      exclusions: [],
      authors: ['Ada Lovelace'],
      categories: [],
    });
    await waitFor(() => expect(authors).toHaveValue('Ada Lovelace'));
  });
});

describe('options page: what Paperlight learned', () => {
  it('says nothing is learned yet at cold start', async () => {
    renderOptions();
    expect(await screen.findByText(/Nothing learned yet/)).toBeInTheDocument();
  });

  it('lists the terms that raise and lower a paper; pin and ban write the adjustments', async () => {
    await learnedModelItem.setValue(MODEL);
    const user = userEvent.setup();
    renderOptions();
    const raises = await screen.findByRole('list', { name: 'Raises a paper' });
    expect(
      within(raises)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['diffusion model', 'author Y. Bengio']);
    const lowers = screen.getByRole('list', { name: 'Lowers a paper' });
    expect(within(lowers).getByText('survey')).toBeInTheDocument();
    expect(
      screen.getByText(/From 12 papers you saved, opened or liked and 30/),
    ).toBeInTheDocument();

    const pin = screen.getByRole('button', { name: 'Pin diffusion model' });
    await user.click(pin);
    await waitFor(() => expect(pin).toHaveAttribute('aria-pressed', 'true'));
    expect(await adjustmentsItem.getValue()).toEqual({ pinned: ['p:diffus model'], banned: [] });

    await user.click(screen.getByRole('button', { name: 'Ban survey' }));
    await waitFor(async () =>
      expect(await adjustmentsItem.getValue()).toEqual({
        pinned: ['p:diffus model'],
        banned: ['w:survey'],
      }),
    );
    // Banning a pinned term unpins it.
    await user.click(screen.getByRole('button', { name: 'Ban diffusion model' }));
    await waitFor(async () =>
      expect(await adjustmentsItem.getValue()).toEqual({
        pinned: [],
        banned: ['w:survey', 'p:diffus model'],
      }),
    );
    expect(pin).toHaveAttribute('aria-pressed', 'false');

    await user.click(await screen.findByRole('button', { name: 'Unban survey' }));
    await waitFor(async () =>
      expect(await adjustmentsItem.getValue()).toEqual({ pinned: [], banned: ['p:diffus model'] }),
    );
  });

  it('resets learning only after a confirmation', async () => {
    await learnedModelItem.setValue(MODEL);
    const user = userEvent.setup();
    renderOptions();
    await user.click(await screen.findByRole('button', { name: 'Reset learning…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await learningResetAtItem.getValue()).toBe(0);

    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Reset learning…' }));
    await user.click(screen.getByRole('button', { name: 'Reset learning' }));
    expect(await screen.findByText(/Learning reset/)).toBeInTheDocument();
    expect(await learningResetAtItem.getValue()).toBeGreaterThanOrEqual(before);
  });
});

describe('options page: badge and keys', () => {
  it('switches the badge between all new papers and new matches only', async () => {
    const user = userEvent.setup();
    renderOptions();
    const all = await screen.findByRole('radio', { name: 'All new papers today' });
    await waitFor(() => expect(all).toBeChecked());
    await user.click(screen.getByRole('radio', { name: 'New matches only' }));
    await waitFor(async () => expect(await badgeModeItem.getValue()).toBe('matches'));
    expect(screen.getByRole('radio', { name: 'New matches only' })).toBeChecked();
  });

  it('lists the keyboard shortcuts of the pages, the popup and the library', async () => {
    renderOptions();
    const heading = await screen.findByRole('heading', { name: 'Keyboard shortcuts' });
    const section = heading.closest('section') as HTMLElement;
    expect(within(section).getByRole('heading', { name: 'On arXiv listings' })).toBeInTheDocument();
    expect(section).toHaveTextContent('xNot interested');
    expect(section).toHaveTextContent('oOpen the paper');
    expect(section).toHaveTextContent('EnterOpen the paper');
    const list = within(section).getByLabelText('In the library');
    expect(list).toHaveTextContent('/Search');
    expect(list).toHaveTextContent('tTag (the selected papers, else this one)');
    expect(list).toHaveTextContent('Ctrl/⌘ + ZUndo the last change');
    expect(section).toHaveTextContent('Alt + Shift + LOpen the library');
  });
});
