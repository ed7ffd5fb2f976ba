/**
 * The real pages and feeds in `../shared` (beside the repository, not part of it). Suites that read
 * them are extras: a fresh clone, as in CI, has no `../shared`, and everything that must always run
 * uses tests/fixtures. `PAPERLIGHT_SHARED=<dir>` points elsewhere; a missing dir (e.g.
 * `PAPERLIGHT_SHARED=/nonexistent`) runs the suite as a fresh clone would.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

export const SHARED_DIR = process.env.PAPERLIGHT_SHARED
  ? path.resolve(process.env.PAPERLIGHT_SHARED)
  : path.resolve(REPO, '..', 'shared');

/** The real pages and feeds. */
export const SHARED_FIXTURES = path.join(SHARED_DIR, 'fixtures');

/** Appended to the name of every suite that reads ../shared/fixtures. */
export const ONLY_WITH_SHARED_FIXTURES = '(runs only when ../shared/fixtures is present)';

/** A path inside SHARED_DIR: sharedPath('fixtures', name), sharedPath('seed', name). */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

export function readSharedFixture(name: string): string {
  return readFileSync(path.join(SHARED_FIXTURES, name), 'utf8');
}

/**
 * Whether every one of `files` (paths inside SHARED_DIR) is there; says on the console that the
 * `suite` runs, or that it is skipped and why.
 */
export function sharedSuiteRuns(suite: string, files: string[]): boolean {
  const missing = files.filter((file) => !existsSync(sharedPath(file)));
  if (missing.length === 0) {
    console.info(`[${suite}] running on the real data in ${SHARED_DIR}`);
    return true;
  }
  console.warn(
    `[${suite}] SKIPPED: ${missing.join(', ')} not found in ${SHARED_DIR} (../shared lives ` +
      'outside the repository; PAPERLIGHT_SHARED=<dir> points elsewhere)',
  );
  return false;
}
