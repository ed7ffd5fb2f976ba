import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSummarizer } from '@/tests/helpers/fakeSummarizer';
import {
  downloadOnDeviceModel,
  onDeviceSummarizerStatus,
  oneSentence,
  resetOnDeviceSummarizer,
  summarizeAbstract,
  summarizerApi,
} from '@/utils/pages/onDeviceSummarizer';

const ABSTRACT =
  'Large language models are expensive. We propose a cheap method that matches them. ' +
  'Experiments on five benchmarks confirm it.';

beforeEach(() => {
  resetOnDeviceSummarizer();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('feature detection', () => {
  it('finds no API in a browser without Summarizer', async () => {
    expect(summarizerApi()).toBeNull();
    expect(await onDeviceSummarizerStatus()).toBe('unavailable');
    expect(await summarizeAbstract(ABSTRACT)).toBeNull();
    expect(await downloadOnDeviceModel()).toBe(false);
  });

  it('ignores a Summarizer global without the methods it needs', async () => {
    vi.stubGlobal('Summarizer', { availability: 'available' });
    expect(summarizerApi()).toBeNull();
    expect(await onDeviceSummarizerStatus()).toBe('unavailable');
  });

  it.each(['available', 'downloadable', 'downloading', 'unavailable'] as const)(
    'reports availability "%s"',
    async (availability) => {
      vi.stubGlobal('Summarizer', fakeSummarizer({ availability }));
      expect(await onDeviceSummarizerStatus()).toBe(availability);
    },
  );

  it('reads an unknown answer, a throwing or a hanging availability() as unavailable', async () => {
    vi.stubGlobal('Summarizer', fakeSummarizer({ availability: 'readily' }));
    expect(await onDeviceSummarizerStatus()).toBe('unavailable');

    const throwing = fakeSummarizer();
    throwing.availability.mockImplementation(() => {
      throw new Error('boom');
    });
    vi.stubGlobal('Summarizer', throwing);
    expect(await onDeviceSummarizerStatus()).toBe('unavailable');

    const hanging = fakeSummarizer();
    hanging.availability.mockImplementation(() => new Promise<string>(() => {}));
    vi.stubGlobal('Summarizer', hanging);
    expect(await onDeviceSummarizerStatus(20)).toBe('unavailable');
  });
});

describe('summarizeAbstract', () => {
  it('returns one sentence from an available model, creating one summarizer for all calls', async () => {
    const fake = fakeSummarizer({
      answer: (text) =>
        `* TL;DR: ${text.length > 100 ? 'A cheap method' : 'Short'} matches LLMs. More text.`,
    });
    vi.stubGlobal('Summarizer', fake);
    const [first, second] = await Promise.all([
      summarizeAbstract(ABSTRACT),
      summarizeAbstract('We study short abstracts.'),
    ]);
    expect(first).toBe('A cheap method matches LLMs.');
    expect(second).toBe('Short matches LLMs.');
    expect(fake.create).toHaveBeenCalledTimes(1);
    expect(fake.create).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'tldr', format: 'plain-text', length: 'short' }),
    );
    expect(fake.summarize).toHaveBeenCalledTimes(2);
    expect(fake.summarize.mock.calls[0]?.[0]).toBe(ABSTRACT);
  });

  it('never creates a summarizer (or starts a download) unless the model is available', async () => {
    for (const availability of ['downloadable', 'downloading', 'unavailable']) {
      resetOnDeviceSummarizer();
      const fake = fakeSummarizer({ availability });
      vi.stubGlobal('Summarizer', fake);
      expect(await summarizeAbstract(ABSTRACT)).toBeNull();
      expect(fake.create).not.toHaveBeenCalled();
    }
  });

  it('returns null, without throwing, when create() or summarize() fails', async () => {
    const failingCreate = fakeSummarizer({ createError: new Error('NotAllowedError') });
    vi.stubGlobal('Summarizer', failingCreate);
    await expect(summarizeAbstract(ABSTRACT)).resolves.toBeNull();
    // The failure is remembered for the session: no new attempt per row.
    await expect(summarizeAbstract(ABSTRACT)).resolves.toBeNull();
    expect(failingCreate.create).toHaveBeenCalledTimes(1);

    resetOnDeviceSummarizer();
    vi.stubGlobal('Summarizer', fakeSummarizer({ answer: new Error('model crashed') }));
    await expect(summarizeAbstract(ABSTRACT)).resolves.toBeNull();

    resetOnDeviceSummarizer();
    const throwing = fakeSummarizer();
    throwing.summarize.mockImplementation(() => {
      throw new TypeError('sync failure');
    });
    vi.stubGlobal('Summarizer', throwing);
    await expect(summarizeAbstract(ABSTRACT)).resolves.toBeNull();

    resetOnDeviceSummarizer();
    vi.stubGlobal('Summarizer', fakeSummarizer({ answer: '   ' }));
    await expect(summarizeAbstract(ABSTRACT)).resolves.toBeNull();
  });

  it('gives up after the timeout, aborting the slow summary', async () => {
    vi.useFakeTimers();
    const fake = fakeSummarizer({ delayMs: 60_000 });
    vi.stubGlobal('Summarizer', fake);
    const result = summarizeAbstract(ABSTRACT, { timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toBeNull();
    const signal = fake.summarize.mock.calls[0]?.[1]?.signal;
    expect(signal?.aborted).toBe(true);
  });

  it('gives each queued summary its own time budget', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Summarizer', fakeSummarizer({ delayMs: 3000 }));
    const results = [1, 2, 3].map(() => summarizeAbstract(ABSTRACT, { timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await Promise.all(results)).toEqual(Array(3).fill('An on-device summary.'));
  });

  it('skips a summary whose row went away before its turn', async () => {
    const fake = fakeSummarizer();
    vi.stubGlobal('Summarizer', fake);
    const controller = new AbortController();
    const first = summarizeAbstract('First abstract.');
    const second = summarizeAbstract(ABSTRACT, { signal: controller.signal });
    controller.abort();
    expect(await first).toBe('An on-device summary.');
    expect(await second).toBeNull();
    expect(fake.summarize).toHaveBeenCalledTimes(1);
  });
});

describe('downloadOnDeviceModel', () => {
  it('creates a summarizer with a monitor, reports progress, and frees it', async () => {
    const fake = fakeSummarizer({ availability: 'downloadable', progress: [0, 0.5, 1] });
    vi.stubGlobal('Summarizer', fake);
    const progress: number[] = [];
    expect(await downloadOnDeviceModel((fraction) => progress.push(fraction))).toBe(true);
    expect(progress).toEqual([0, 0.5, 1]);
    expect(fake.destroy).toHaveBeenCalledTimes(1);
  });

  it('resolves to false when the download fails', async () => {
    vi.stubGlobal('Summarizer', fakeSummarizer({ createError: new Error('no disk space') }));
    expect(await downloadOnDeviceModel()).toBe(false);
  });
});

describe('oneSentence', () => {
  it('keeps the first sentence, without list markers or labels, clipped at a word', () => {
    expect(oneSentence('- We propose X. It is fast.')).toBe('We propose X.');
    expect(oneSentence('Summary: e.g. a model for Fig. 2 works.\n\nMore.')).toBe(
      'e.g. a model for Fig. 2 works.',
    );
    const long = oneSentence(`${'word '.repeat(200)}end.`) ?? '';
    expect(long.length).toBeLessThanOrEqual(401);
    expect(long.endsWith('…')).toBe(true);
    expect(oneSentence('')).toBeNull();
  });
});
