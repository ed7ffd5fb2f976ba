import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedPaper, FeedParse } from '@/utils/background/feeds/common';

export { SHARED_FIXTURES as SHARED } from '@/tests/helpers/sharedData';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The project's own small feed fixtures (tests/fixtures/feeds). */
export const FIXTURES = path.resolve(here, '../../../fixtures/feeds');

export function readFixture(name: string, dir = FIXTURES): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

/** The paper with this id; fails the test when it is missing. */
export function byId(result: FeedParse, id: string): FeedPaper {
  const paper = result.papers.find((p) => p.id === id);
  if (!paper) throw new Error(`no paper ${id} in [${result.ids}]`);
  return paper;
}

/** How many papers have each value of `key`. */
export function tally(papers: FeedPaper[], key: (p: FeedPaper) => string | undefined) {
  const out: Record<string, number> = {};
  for (const p of papers) {
    const k = key(p) ?? 'none';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** A small seeded PRNG (mulberry32), so a failing fuzz case can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The reasons the parsers' catch-alls give: a parser never throws into the service worker, so an
 * unexpected error inside one shows only as one of these (pinned by catchAll.test.ts).
 */
export const CATCH_ALL_REASONS = ['unreadable feed', 'unreadable response', 'malformed entry'];
