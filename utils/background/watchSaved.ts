import { browser } from 'wxt/browser';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { asPagePapers, type FeedPaper } from '@/utils/background/feeds/common';
import { arxivApiUrl } from '@/utils/background/fillIn';
import { afterWriteError } from '@/utils/background/librarySafety';
import { mergeMetadata } from '@/utils/background/mergePaper';
import { createPoliteFetcher, type PoliteFetcher } from '@/utils/background/politeFetch';
import { isArxivId } from '@/utils/shared/arxivId';
import { extractLinks } from '@/utils/shared/codeLinks';
import { paperFromHfJson } from '@/utils/shared/hfPaperJson';
import type { PaperUpdate } from '@/utils/shared/library';
import { cleanText, type DetectedPaper, LIMITS } from '@/utils/shared/paper';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { httpUrl } from '@/utils/shared/url';
import {
  updateLine,
  WATCH_NEWS_SHOWN,
  type WatchNews,
  type WatchReport,
} from '@/utils/shared/watch';
import type { PaperlightDatabase } from '@/utils/storage/database';
import { lastWatchReportItem, readWatchEnabled } from '@/utils/storage/watchSettings';

/**
 * The watch on saved papers: every 12 hours (and on "Check now") the saved arXiv papers looked
 * at least recently are looked up on the arXiv API, 100 ids a request, through politeFetch (one
 * arXiv request per 3 s, backoff, offline skips). What changed since the last look is recorded
 * on the paper as `updates` (a new version, a changed comments line, a journal reference, a
 * DOI, a code repository) and `unseenUpdateAt` is set until the user has seen them.
 *
 * The first look at a paper records what arXiv says now (`latestVersion`, `journalRef`, `doi`,
 * comments, code) without announcing it: a paper saved at v3 has no news until a v4 appears.
 * Hugging Face is asked for a code repository (`githubRepo`) only for papers without code, at
 * most {@link HF_LOOKUPS_PER_RUN} a run. A paper missing from the answer, or an unreadable
 * answer, is skipped with a logged reason and changes nothing (it stays first in line).
 */

export const WATCH_ALARM = 'paperlight-watch';
export const WATCH_PERIOD_MINUTES = 12 * 60;
/** Ids per arXiv API request. */
export const WATCH_BATCH_SIZE = 100;
/** Requests per run: at most 1,000 papers a run, 30 s of requests; the rest wait for the next. */
export const WATCH_MAX_BATCHES = 10;
/** The alarm's run skips papers looked at less than this long ago (a little under the period). */
export const REWATCH_AFTER_MS = 11 * 60 * 60 * 1000;
export const HF_LOOKUPS_PER_RUN = 20;
/** Updates kept per paper (the oldest go first). */
export const MAX_UPDATES_PER_PAPER = 50;
/** New code links announced per look (a comments line may list many). */
const MAX_CODE_UPDATES = 5;

export const hfPaperApiUrl = (id: string) => `https://huggingface.co/api/papers/${id}`;

export interface WatchDeps {
  database: PaperlightDatabase;
  fetch?: PoliteFetcher;
  now?: () => number;
  /** Whether the watch is on (default: the stored switch). */
  enabled?: () => Promise<boolean>;
  /** Keep the report for the options page (default true). */
  remember?: boolean;
}

export interface WatchOptions {
  /** Look at papers however recently they were looked at ("Check now"); default false. */
  force?: boolean;
}

/** What the arXiv API (and Hugging Face) say about one paper now. */
export interface WatchedFacts {
  paper: DetectedPaper;
  version?: number;
  journalRef?: string;
  doi?: string;
  /** Hugging Face's code repository, when it was asked and knows one. */
  githubRepo?: string;
}

/**
 * The saved arXiv papers due for a look, least recently watched first: never watched (oldest
 * saved first), then by `watchedAt`. Keys only: the records are not read.
 */
export async function dueForWatch(
  database: PaperlightDatabase,
  now: number,
  force: boolean,
  limit: number,
): Promise<string[]> {
  const saved = (await database.papers.where('savedAt').above(0).primaryKeys()).filter((id) =>
    isArxivId(id),
  );
  const savedSet = new Set(saved);
  const watched = new Set(await database.papers.orderBy('watchedAt').primaryKeys());
  const never = saved.filter((id) => !watched.has(id));
  if (never.length >= limit) return never.slice(0, limit);
  const cutoff = force ? Number.POSITIVE_INFINITY : now - REWATCH_AFTER_MS;
  const due = (await database.papers.where('watchedAt').below(cutoff).primaryKeys()).filter((id) =>
    savedSet.has(id),
  );
  return [...never, ...due].slice(0, limit);
}

/** Comments and journal references are compared without case, space or end punctuation. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  const key = (text: string | undefined) => {
    const spaced = (text ?? '').replace(/\s+/g, ' ').toLowerCase();
    let end = spaced.length;
    while (end > 0 && ' .;,'.includes(spaced.charAt(end - 1))) end--;
    return spaced.slice(0, end).trim();
  };
  return key(a) === key(b);
}

function withoutScheme(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/**
 * The record after a look, and what it announces. Pure. On the first look (`watchedAt` unset)
 * nothing is announced; afterwards each fact that differs from the record is one update.
 */
export function applyWatch(
  record: PaperRecord,
  facts: WatchedFacts,
  at: number,
): { record: PaperRecord; updates: PaperUpdate[] } {
  const first = record.watchedAt === undefined;
  const fetched: DetectedPaper = facts.githubRepo
    ? { ...facts.paper, hf: { ...facts.paper.hf, githubRepo: facts.githubRepo } }
    : facts.paper;
  const next = mergeMetadata(record, fetched);
  const updates: PaperUpdate[] = [];

  const known = record.latestVersion;
  if (facts.version !== undefined) {
    next.latestVersion = Math.max(known ?? 0, facts.version);
    if (!first && known !== undefined && facts.version > known) {
      updates.push({ kind: 'version', at, text: `v${facts.version}` });
    }
  }
  const comments = facts.paper.comments;
  if (!first && comments && !sameText(comments, record.comments)) {
    updates.push({ kind: 'comments', at, text: comments });
  }
  if (facts.journalRef) {
    if (!first && !sameText(facts.journalRef, record.journalRef)) {
      updates.push({ kind: 'journal-ref', at, text: facts.journalRef });
    }
    next.journalRef = facts.journalRef;
  }
  if (facts.doi) {
    if (!first && facts.doi.toLowerCase() !== record.doi?.toLowerCase()) {
      const url = httpUrl(`https://doi.org/${facts.doi}`, { max: LIMITS.url });
      updates.push({ kind: 'doi', at, text: facts.doi, ...(url ? { url } : {}) });
    }
    next.doi = facts.doi;
  }
  if (!first) {
    const before = new Set(record.codeUrls);
    for (const url of next.codeUrls
      .filter((link) => !before.has(link))
      .slice(0, MAX_CODE_UPDATES)) {
      updates.push({ kind: 'code', at, text: withoutScheme(url), url });
    }
  }

  next.watchedAt = at;
  if (updates.length > 0) {
    next.updates = [...(record.updates ?? []), ...updates].slice(-MAX_UPDATES_PER_PAPER);
    next.unseenUpdateAt = record.unseenUpdateAt ?? at;
  }
  return { record: next, updates };
}

/** By id, each checked against the page schema; a string says why the answer is unusable. */
function readAnswer(text: string): Map<string, WatchedFacts> | string {
  const parsed = parseArxivApi(text);
  if (parsed.error !== undefined) return `arXiv API error: ${parsed.error}`;
  const whole = parsed.skipped.find((skip) => skip.index === -1);
  if (parsed.papers.length === 0 && whole) return whole.reason;
  const valid = new Map(asPagePapers(parsed.papers).map((paper) => [paper.id, paper]));
  const facts = new Map<string, WatchedFacts>();
  for (const feedPaper of parsed.papers as FeedPaper[]) {
    const paper = valid.get(feedPaper.id);
    if (!paper) continue;
    facts.set(paper.id, {
      paper,
      ...(feedPaper.version !== undefined ? { version: feedPaper.version } : {}),
      ...(feedPaper.journalRef ? { journalRef: feedPaper.journalRef } : {}),
      ...(feedPaper.doi ? { doi: feedPaper.doi } : {}),
    });
  }
  return facts;
}

/** Whether the paper has code, or its new comments or abstract give some. */
function hasCode(record: PaperRecord, fact: WatchedFacts): boolean {
  if (record.codeUrls.length > 0) return true;
  return extractLinks([fact.paper.abstract, fact.paper.comments]).code.length > 0;
}

/** Hugging Face's code repository for a paper: a URL, null when it has none, or why not asked. */
async function hfCodeRepo(fetch: PoliteFetcher, id: string): Promise<string | null | 'stop'> {
  const outcome = await fetch(hfPaperApiUrl(id), {
    headers: { Accept: 'application/json' },
    conditional: false,
    maxBytes: 1024 * 1024,
  });
  if (outcome.kind === 'backoff' || outcome.kind === 'offline' || outcome.kind === 'timeout') {
    return 'stop';
  }
  // 404: not on Hugging Face, which is most papers.
  if (outcome.kind !== 'ok') return null;
  let json: unknown;
  try {
    json = JSON.parse(outcome.text);
  } catch {
    console.warn(`[Paperlight] watch: Hugging Face answered ${id} with something not JSON`);
    return null;
  }
  const paper = paperFromHfJson(json);
  if (paper.id !== id) return null;
  return paper.hf?.githubRepo ?? null;
}

async function writeBatch(
  database: PaperlightDatabase,
  facts: ReadonlyMap<string, WatchedFacts>,
  at: number,
): Promise<{ checked: number; updates: number; news: WatchNews[] }> {
  return database.transaction('rw', database.papers, async () => {
    const ids = [...facts.keys()];
    const records = await database.papers.bulkGet(ids);
    const changed: PaperRecord[] = [];
    const news: WatchNews[] = [];
    let updates = 0;
    ids.forEach((id, index) => {
      const record = records[index];
      const fact = facts.get(id);
      // Unsaved since the run began: no longer watched.
      if (!record || !fact || record.savedAt === undefined) return;
      const result = applyWatch(record, fact, at);
      changed.push(result.record);
      if (result.updates.length > 0) {
        updates += result.updates.length;
        news.push({
          id,
          title: cleanText(record.title, 300),
          lines: result.updates.map(updateLine),
        });
      }
    });
    await database.papers.bulkPut(changed);
    return { checked: changed.length, updates, news };
  });
}

async function watchOnce(deps: WatchDeps, options: WatchOptions): Promise<WatchReport> {
  const now = deps.now ?? Date.now;
  const at = now();
  const report: WatchReport = {
    at,
    outcome: 'done',
    checked: 0,
    updated: 0,
    updates: 0,
    skipped: 0,
    requests: 0,
    hfRequests: 0,
  };
  if (!(await (deps.enabled ?? readWatchEnabled)())) return { ...report, outcome: 'off' };
  const fetch = deps.fetch ?? createPoliteFetcher();
  const limit = WATCH_BATCH_SIZE * WATCH_MAX_BATCHES;
  const due = await dueForWatch(deps.database, at, options.force === true, limit + 1);
  if (due.length > limit) report.outcome = 'more';
  const ids = due.slice(0, limit);
  let hfBudget = HF_LOOKUPS_PER_RUN;

  for (let start = 0; start < ids.length; start += WATCH_BATCH_SIZE) {
    const batch = ids.slice(start, start + WATCH_BATCH_SIZE);
    report.requests++;
    const outcome = await fetch(arxivApiUrl(batch), {
      headers: { Accept: 'application/atom+xml, application/xml;q=0.9, */*;q=0.1' },
      conditional: false,
    });
    if (outcome.kind === 'offline' || outcome.kind === 'timeout') {
      return { ...report, outcome: outcome.kind };
    }
    if (outcome.kind === 'backoff') return { ...report, outcome: 'backoff', until: outcome.until };
    if (outcome.kind !== 'ok') {
      const detail =
        outcome.kind === 'http-error' ? `HTTP ${outcome.status}` : `request ${outcome.kind}`;
      console.warn(`[Paperlight] watch: arXiv API ${detail}; stopped`);
      return { ...report, outcome: 'error', detail };
    }
    const answer = readAnswer(outcome.text);
    if (typeof answer === 'string') {
      console.warn(`[Paperlight] watch: skipped ${batch.length} papers: ${answer}`);
      report.skipped += batch.length;
      continue;
    }
    const missing = batch.filter((id) => !answer.has(id));
    if (missing.length > 0) {
      console.warn(
        `[Paperlight] watch: not in the arXiv answer, skipped: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
      );
      report.skipped += missing.length;
    }

    if (hfBudget > 0) {
      const stored = await deps.database.papers.bulkGet([...answer.keys()]);
      for (const record of stored) {
        if (hfBudget <= 0) break;
        const fact = record ? answer.get(record.id) : undefined;
        if (!record || !fact || hasCode(record, fact)) continue;
        hfBudget--;
        report.hfRequests++;
        const repo = await hfCodeRepo(fetch, record.id);
        if (repo === 'stop') {
          hfBudget = 0;
          break;
        }
        if (repo) fact.githubRepo = repo;
      }
    }

    const written = await writeBatch(deps.database, answer, at);
    report.checked += written.checked;
    report.updated += written.news.length;
    report.updates += written.updates;
    report.news = [...(report.news ?? []), ...written.news].slice(0, WATCH_NEWS_SHOWN);
    for (const item of written.news) {
      console.info(`[Paperlight] watch: ${item.id}: ${item.lines.join('; ')}`);
    }
  }
  return report;
}

let running: Promise<WatchReport> | undefined;

/**
 * One watch run (a run asked for while one is going joins it). Never throws: a failure is an
 * 'error' report. The report is kept for the options page.
 */
export function runWatch(deps: WatchDeps, options: WatchOptions = {}): Promise<WatchReport> {
  running ??= (async () => {
    let report: WatchReport;
    try {
      report = await watchOnce(deps, options);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      console.warn(`[Paperlight] watch failed: ${detail}`);
      await afterWriteError({ database: deps.database, now: deps.now }, error);
      report = {
        at: (deps.now ?? Date.now)(),
        outcome: 'error',
        checked: 0,
        updated: 0,
        updates: 0,
        skipped: 0,
        requests: 0,
        hfRequests: 0,
        detail: cleanText(detail, 200),
      };
    }
    if (deps.remember !== false && report.outcome !== 'off') {
      await lastWatchReportItem.setValue(report).catch(() => {});
    }
    return report;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** The periodic alarm while the watch is on; none while it is off. */
export async function scheduleWatch(enabled?: boolean): Promise<void> {
  const on = enabled ?? (await readWatchEnabled());
  if (!on) {
    await browser.alarms.clear(WATCH_ALARM);
    return;
  }
  const existing = await browser.alarms.get(WATCH_ALARM);
  if (existing?.periodInMinutes === WATCH_PERIOD_MINUTES) return;
  await browser.alarms.create(WATCH_ALARM, {
    delayInMinutes: 5,
    periodInMinutes: WATCH_PERIOD_MINUTES,
  });
}

/** Never throws. */
export async function handleWatchAlarm(
  alarm: { name: string },
  deps: WatchDeps,
): Promise<WatchReport | undefined> {
  if (alarm.name !== WATCH_ALARM) return undefined;
  return runWatch(deps);
}
