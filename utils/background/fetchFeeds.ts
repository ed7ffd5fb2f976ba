import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import { asPagePapers, type FeedParse } from '@/utils/background/feeds/common';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { afterWriteError } from '@/utils/background/librarySafety';
import { recordDetection, type Scoring } from '@/utils/background/paperStore';
import type {
  FetchOutcome,
  PoliteFetcher,
  PoliteFetchOptions,
  StateCell,
} from '@/utils/background/politeFetch';
import type { DetectedPaper, PageSource } from '@/utils/shared/paper';
import type { DigestReport, SourceOutcome, SourceReport } from '@/utils/shared/protocol';
import { activeCategories, type DigestSettings } from '@/utils/shared/settings';
import { localDateKey } from '@/utils/shared/time';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { listOf } from '@/utils/storage/storedValue';

/**
 * The background digest: fetches the sources switched on in the settings (Hugging Face daily
 * papers, the arXiv RSS feed of the followed categories) through politeFetch, parses them and
 * stores the papers through the same merge path as pages. Keeps nothing in memory between runs:
 * what it must remember (the last arXiv batch per feed URL) is in `storage.local`.
 */

export const HF_API = 'https://huggingface.co/api/daily_papers';
export const ARXIV_RSS = 'https://rss.arxiv.org/rss/';

/** How many feed URLs' last batch keys are remembered (most recent first). */
export const MAX_BATCH_KEYS = 20;

export interface BatchKeyEntry {
  url: string;
  /** `<announced day>:<SHA-256 of the sorted ids>`. */
  key: string;
}

const storedBatches = listOf(v.object({ url: v.string(), key: v.string() }));

function readBatches(value: unknown): BatchKeyEntry[] {
  return v.parse(storedBatches, value);
}

/** The last arXiv batch seen per feed URL, so a repeated batch is not stored again. */
export const lastBatches = storage.defineItem<BatchKeyEntry[]>('local:digest.lastBatches', {
  fallback: [],
});

export interface DigestDeps {
  database: PaperlightDatabase;
  fetch: PoliteFetcher;
  settings: DigestSettings;
  now?: () => number;
  batches?: StateCell<BatchKeyEntry[]>;
  debug?: (message: string) => void;
  /** Stored papers get their relevance from it (none: stored unscored). */
  scoring?: Scoring;
}

/** `day`: YYYY-MM-DD. */
export function hfApiUrl(day: string): string {
  return `${HF_API}?date=${day}`;
}

/** One rss.arxiv.org request for all the categories: `…/rss/cs.LG+cs.CL`. */
export function arxivRssUrl(categories: readonly string[]): string {
  return `${ARXIV_RSS}${categories.join('+')}`;
}

export function hfLabel(day: string): string {
  return `HF Daily Papers · ${day}`;
}

export function arxivRssLabel(categories: readonly string[]): string {
  return `arXiv ${categories.join('+')} RSS`;
}

/**
 * Runs the digest once over the sources switched on. Never throws: every source ends in a
 * report (errors included), and one source failing does not stop the other.
 */
export async function runDigest(deps: DigestDeps): Promise<DigestReport> {
  const now = deps.now ?? Date.now;
  const at = now();
  const sources: SourceReport[] = [];
  if (deps.settings.hfDaily) {
    const day = localDateKey(at);
    sources.push(
      await runSource(deps, {
        kind: 'hf-api',
        label: hfLabel(day),
        url: hfApiUrl(day),
        accept: 'application/json',
        parse: (text) => parseHfDailyApi(text, day),
        countsAsNew: () => true,
        checkRepeat: false,
      }),
    );
  }
  const categories = activeCategories(deps.settings);
  if (categories.length > 0) {
    sources.push(
      await runSource(deps, {
        kind: 'arxiv-rss',
        label: arxivRssLabel(categories),
        url: arxivRssUrl(categories),
        accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.1',
        parse: parseArxivRss,
        // Replacements of papers never seen are stored, but are not "new" for the badge.
        countsAsNew: (paper) => paper.section !== 'replacement',
        checkRepeat: true,
      }),
    );
  }
  return { at, sources };
}

interface SourcePlan {
  kind: SourceReport['kind'];
  label: string;
  url: string;
  accept: string;
  parse: (text: string) => FeedParse;
  countsAsNew: (paper: DetectedPaper) => boolean;
  checkRepeat: boolean;
}

async function runSource(deps: DigestDeps, plan: SourcePlan): Promise<SourceReport> {
  const base = { kind: plan.kind, label: plan.label, url: plan.url };
  try {
    const options: PoliteFetchOptions = { headers: { Accept: plan.accept } };
    const fetched = await deps.fetch(plan.url, options);
    if (fetched.kind !== 'ok') return { ...base, ...skipReport(fetched) };

    const parsed = plan.parse(fetched.text);
    if (parsed.papers.length === 0 && parsed.skipped.some((skip) => skip.index === -1)) {
      return { ...base, outcome: 'error', detail: parsed.skipped[0]?.reason ?? 'unreadable' };
    }

    const batches = deps.batches ?? lastBatches;
    let key: string | undefined;
    if (plan.checkRepeat) {
      key = await batchKey(parsed);
      const known = readBatches(await batches.getValue());
      const previous = known.find((entry) => entry.url === plan.url);
      if (previous?.key === key) {
        deps.debug?.(`${plan.label}: batch ${key.slice(0, 24)}… seen before; skipped`);
        return { ...base, outcome: 'repeated', papers: parsed.papers.length };
      }
    }

    const source: PageSource = { kind: plan.kind, label: plan.label, url: plan.url };
    const papers = asPagePapers(parsed.papers);
    const now = deps.now ?? Date.now;
    const recorded = await recordDetection(
      deps.database,
      { source, papers },
      now(),
      (paper) => plan.countsAsNew(paper),
      deps.scoring,
    );
    if (key !== undefined) await rememberBatch(batches, plan.url, key);
    return {
      ...base,
      outcome: 'stored',
      papers: papers.length,
      added: recorded.added,
      countedAsNew: recorded.addedCountingAsNew,
    };
  } catch (error) {
    // Out of room: unsaved papers are pruned and the user is told; the next run stores the batch.
    await afterWriteError({ database: deps.database, now: deps.now }, error);
    return {
      ...base,
      outcome: 'error',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

function skipReport(
  outcome: Exclude<FetchOutcome, { kind: 'ok' }>,
): Pick<SourceReport, 'outcome' | 'until' | 'detail'> {
  switch (outcome.kind) {
    case 'not-modified':
    case 'offline':
    case 'timeout':
      return { outcome: outcome.kind };
    case 'backoff':
      return { outcome: 'backoff', until: outcome.until };
    case 'http-error':
      return { outcome: 'error', detail: `HTTP ${outcome.status}` };
    case 'too-large':
      return { outcome: 'error', detail: `larger than ${outcome.limit} bytes` };
    case 'refused':
      return { outcome: 'error', detail: `refused: ${outcome.reason}` };
  }
}

/** The announced day and the set of ids (order does not matter). */
export async function batchKey(parsed: Pick<FeedParse, 'announced' | 'ids'>): Promise<string> {
  const ids = [...new Set(parsed.ids)].sort().join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ids));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0'));
  return `${parsed.announced ?? ''}:${hex.join('')}`;
}

async function rememberBatch(
  batches: StateCell<BatchKeyEntry[]>,
  url: string,
  key: string,
): Promise<void> {
  const rest = readBatches(await batches.getValue()).filter((entry) => entry.url !== url);
  await batches.setValue([{ url, key }, ...rest].slice(0, MAX_BATCH_KEYS));
}

const QUIET: ReadonlySet<SourceOutcome> = new Set(['offline', 'timeout', 'backoff']);

/** Whether a run only met quiet skips (offline, timeout, backoff) or had nothing to do. */
export function isQuiet(report: DigestReport): boolean {
  return report.sources.every((source) => QUIET.has(source.outcome));
}

/** One compact line: "HF Daily Papers · 2026-11-27: 12 papers, 5 new; arXiv cs.LG RSS: repeated batch". */
export function summarize(report: DigestReport): string {
  if (report.sources.length === 0) return 'no source is switched on';
  return report.sources
    .map((source) => {
      switch (source.outcome) {
        case 'stored':
          return `${source.label}: ${source.papers} papers, ${source.countedAsNew} new${
            source.added !== source.countedAsNew
              ? ` (+${(source.added ?? 0) - (source.countedAsNew ?? 0)} replacements)`
              : ''
          }`;
        case 'repeated':
          return `${source.label}: same batch as last time, skipped`;
        case 'not-modified':
          return `${source.label}: not modified`;
        case 'backoff':
          return `${source.label}: backing off until ${new Date(source.until ?? 0).toLocaleTimeString()}`;
        case 'error':
          return `${source.label}: failed (${source.detail ?? 'unknown'})`;
        default:
          return `${source.label}: ${source.outcome}, skipped`;
      }
    })
    .join('; ');
}
