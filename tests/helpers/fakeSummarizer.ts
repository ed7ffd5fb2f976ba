import { vi } from 'vitest';

/** How a fake `Summarizer` global behaves (Chrome's built-in AI Summarizer API). */
export interface FakeSummarizerBehaviour {
  availability?: string;
  /** create() rejects with this. */
  createError?: Error;
  /** summarize() answers this (a function of the text), or rejects with an Error. */
  answer?: string | Error | ((text: string) => string);
  /** summarize() takes this long (ms); honours its AbortSignal. */
  delayMs?: number;
  /** downloadprogress events create() reports to its monitor. */
  progress?: number[];
}

/** A fake global `Summarizer` with spies; install it with `vi.stubGlobal('Summarizer', fake)`. */
export function fakeSummarizer(behaviour: FakeSummarizerBehaviour = {}) {
  const summarize = vi.fn(
    (text: string, options?: { signal?: AbortSignal }) =>
      new Promise<string>((resolve, reject) => {
        const { answer = 'An on-device summary.', delayMs = 0 } = behaviour;
        const timer = setTimeout(() => {
          if (answer instanceof Error) reject(answer);
          else resolve(typeof answer === 'function' ? answer(text) : answer);
        }, delayMs);
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      }),
  );
  const destroy = vi.fn();
  const availability = vi.fn(async () => behaviour.availability ?? 'available');
  const create = vi.fn(
    async (options: {
      monitor?: (monitor: {
        addEventListener(type: string, listener: (event: { loaded: number }) => void): void;
      }) => void;
    }) => {
      const listeners: ((event: { loaded: number }) => void)[] = [];
      options.monitor?.({ addEventListener: (_type, listener) => listeners.push(listener) });
      for (const loaded of behaviour.progress ?? []) for (const l of listeners) l({ loaded });
      if (behaviour.createError) throw behaviour.createError;
      return { summarize, destroy };
    },
  );
  return { availability, create, summarize, destroy };
}
