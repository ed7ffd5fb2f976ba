/**
 * Chrome's built-in, on-device Summarizer (Chrome 138+, Gemini Nano), used only when the user opts
 * in on the options page. Everything here fails soft: a missing API, a model that is not ready, an
 * error or a slow answer all give `'unavailable'` / `null`, never an exception, so the popup simply
 * keeps Paperlight's local TL;DR.
 *
 * API: https://developer.chrome.com/docs/ai/summarizer-api. `create()` starts the model download
 * when availability is 'downloadable' (and then needs a user gesture).
 */
import { splitSentences } from '@/utils/shared/tldr';

// Types: @types/dom-chromium-ai (tsconfig `types`). They declare `Summarizer` as always there;
// it is not (other browsers, older Chrome, no model), so it is only ever read via summarizerApi().
export type OnDeviceStatus = Availability;

export type SummarizerApi = Pick<typeof Summarizer, 'availability' | 'create'>;

/** How long one summary (or a status check) may take before Paperlight gives up on it. */
export const SUMMARY_TIMEOUT_MS = 5000;
/** Longest summary shown; a longer answer is clipped at a word. */
const MAX_SUMMARY_CHARS = 400;
/** Abstracts are at most 20,000 characters (LIMITS.abstract); the model needs far less. */
const MAX_INPUT_CHARS = 6000;

const OPTIONS: SummarizerCreateOptions = {
  type: 'tldr',
  format: 'plain-text',
  length: 'short',
  sharedContext:
    'The abstract of a research paper, summarized for a researcher skimming new papers.',
  expectedInputLanguages: ['en'],
  outputLanguage: 'en',
};

/** The global `Summarizer`, when this browser has one that looks usable. */
export function summarizerApi(): SummarizerApi | null {
  try {
    const candidate: unknown = Reflect.get(globalThis, 'Summarizer');
    if (
      (typeof candidate === 'function' || typeof candidate === 'object') &&
      candidate !== null &&
      typeof Reflect.get(candidate, 'availability') === 'function' &&
      typeof Reflect.get(candidate, 'create') === 'function'
    ) {
      return candidate as SummarizerApi;
    }
  } catch {
    // A throwing getter counts as no API.
  }
  return null;
}

function isStatus(value: unknown): value is OnDeviceStatus {
  return (
    value === 'available' ||
    value === 'downloadable' ||
    value === 'downloading' ||
    value === 'unavailable'
  );
}

/** Resolves to `promise`'s value, or to `fallback` after `ms` (calling `onTimeout`) or on error. */
function settleWithin<T>(
  promise: Promise<T>,
  ms: number,
  fallback: T,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      resolve(fallback);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** Whether this browser can summarize on the device now, after a download, or not at all. */
export async function onDeviceSummarizerStatus(
  timeoutMs: number = SUMMARY_TIMEOUT_MS,
): Promise<OnDeviceStatus> {
  const api = summarizerApi();
  if (!api) return 'unavailable';
  let answer: Promise<unknown>;
  try {
    answer = api.availability(OPTIONS);
  } catch {
    return 'unavailable';
  }
  const status = await settleWithin<unknown>(answer, timeoutMs, 'unavailable');
  return isStatus(status) ? status : 'unavailable';
}

/**
 * Downloads the model (if needed) by creating a summarizer once, reporting progress as a fraction
 * 0..1. Call it from the user's opt-in gesture (Chrome requires one to start a download). Resolves
 * to whether the model is ready; never throws; no timeout (a download can take minutes).
 */
export async function downloadOnDeviceModel(
  onProgress: (fraction: number) => void = () => {},
): Promise<boolean> {
  const api = summarizerApi();
  if (!api) return false;
  try {
    const summarizer = await api.create({
      ...OPTIONS,
      monitor(monitor) {
        monitor.addEventListener('downloadprogress', (event) => {
          if (Number.isFinite(event.loaded)) onProgress(Math.min(1, Math.max(0, event.loaded)));
        });
      },
    });
    summarizer.destroy?.();
    return true;
  } catch {
    return false;
  }
}

/** The popup's one summarizer, made on first use (null: not available or creation failed). */
let shared: Promise<Summarizer | null> | null = null;
/** Summaries run one at a time (the model does anyway), so each gets its own time budget. */
let queue: Promise<unknown> = Promise.resolve();

function sharedSummarizer(): Promise<Summarizer | null> {
  if (shared) return shared;
  shared = (async () => {
    const api = summarizerApi();
    // Never starts a download from here: only a model that is already there is used.
    if (!api || (await onDeviceSummarizerStatus()) !== 'available') return null;
    return api.create(OPTIONS);
  })().catch(() => null);
  return shared;
}

/** One sentence from the model's answer: plain text, no list markers or labels, clipped. */
export function oneSentence(text: string): string | null {
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:[-*•]\s+)?(?:tl;?dr:?\s*|summary:\s*)?/i, '')
    .trim();
  const first = splitSentences(cleaned)[0]?.trim() ?? '';
  if (first === '') return null;
  if (first.length <= MAX_SUMMARY_CHARS) return first;
  const clipped = first.slice(0, MAX_SUMMARY_CHARS);
  const space = clipped.lastIndexOf(' ');
  return `${(space > MAX_SUMMARY_CHARS / 2 ? clipped.slice(0, space) : clipped).trimEnd()}…`;
}

export interface SummarizeOptions {
  /** Gives up (null) after this long, counted from when this summary's turn comes. */
  timeoutMs?: number;
  /** Aborted before its turn (the row left the screen): null, without asking the model. */
  signal?: AbortSignal;
}

/**
 * A one-sentence on-device summary of a paper's abstract, or null when the API is missing, the
 * model is not downloaded, anything fails or it takes longer than the timeout. Never throws.
 * Creates one summarizer lazily per page (popup) and reuses it.
 */
export function summarizeAbstract(
  abstract: string,
  { timeoutMs = SUMMARY_TIMEOUT_MS, signal }: SummarizeOptions = {},
): Promise<string | null> {
  const text = abstract.trim().slice(0, MAX_INPUT_CHARS);
  if (text === '' || signal?.aborted || !summarizerApi()) return Promise.resolve(null);
  const run = queue.then(async (): Promise<string | null> => {
    if (signal?.aborted) return null;
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const attempt = (async () => {
        const summarizer = await sharedSummarizer();
        if (!summarizer || controller.signal.aborted) return null;
        const answer: unknown = await summarizer.summarize(text, { signal: controller.signal });
        return typeof answer === 'string' ? oneSentence(answer) : null;
      })();
      const cancelled = new Promise<null>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve(null), { once: true });
      });
      return await settleWithin(Promise.race([attempt, cancelled]), timeoutMs, null, abort);
    } catch {
      return null;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  });
  queue = run;
  return run;
}

/** Forgets the shared summarizer and the queue (a new page would; the tests do). */
export function resetOnDeviceSummarizer(): void {
  shared = null;
  queue = Promise.resolve();
}
