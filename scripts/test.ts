/**
 * npm test — everything, in order: typecheck + lint, unit and component tests, a build, and the
 * end-to-end suite in Chromium. Ends with one summary line over both test runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath, ROOT } from '@/tests/e2e/harness';

const RESULTS = path.join(ROOT, 'node_modules/.cache/paperlight-tests');
mkdirSync(RESULTS, { recursive: true });

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

function counts(file: string): VitestJson {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
  }
}

// Fail early, and clearly, when there is no browser for the end-to-end tests.
chromiumPath();

const unitReport = path.join(RESULTS, 'unit.json');
const e2eReport = path.join(RESULTS, 'e2e.json');
const steps: [string, string, string[]][] = [
  ['typecheck and lint', 'npm', ['run', '--silent', 'check']],
  [
    'unit and component tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`],
  ],
  ['build', 'npx', ['wxt', 'build']],
  [
    'end-to-end tests in Chromium',
    'npx',
    [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eReport}`,
    ],
  ],
];

let ok = true;
for (const [title, command, args] of steps) {
  if (!run(title, command, args)) {
    ok = false;
    console.error(`\n✖ ${title} failed`);
    if (title === 'typecheck and lint' || title === 'build') break;
  }
}

const totals = [counts(unitReport), counts(e2eReport)].reduce((sum, report) => ({
  numPassedTests: sum.numPassedTests + report.numPassedTests,
  numFailedTests: sum.numFailedTests + report.numFailedTests,
  numPendingTests: sum.numPendingTests + report.numPendingTests,
  numTodoTests: sum.numTodoTests + report.numTodoTests,
}));
const failed = totals.numFailedTests + (ok ? 0 : totals.numFailedTests === 0 ? 1 : 0);
console.log(
  `\nTests: ${totals.numPassedTests} passed, ${failed} failed, ${totals.numPendingTests + totals.numTodoTests} skipped`,
);
process.exit(ok ? 0 : 1);
