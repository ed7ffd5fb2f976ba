import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '@/tests/e2e/harness';

/**
 * The built content script runs on every arXiv and Hugging Face page: it must stay small
 * (≤ 14 KB gzipped) and carry none of the libraries the other contexts use.
 */

const CONTENT_SCRIPT = path.join(EXTENSION_DIR, 'content-scripts/content.js');
const BUDGET_BYTES = 14 * 1024;

/** Strings each library's minified code keeps (literals and property names). */
const LIBRARY_MARKERS: Record<string, string[]> = {
  React: ['react.transitional.element', 'react.fragment'],
  Dexie: ['DatabaseClosedError', 'MissingAPIError'],
  valibot: ['~standard', '~run'],
  Readability: ['ai2html', '_readability'],
  // The content script uses the browser's own API object (see wxt.config.ts).
  'webextension-polyfill': ['browser-polyfill'],
};

function builtScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
}

describe('the built content script', () => {
  const content = readFileSync(CONTENT_SCRIPT);

  it(`is at most ${BUDGET_BYTES / 1024} KB gzipped`, () => {
    const gzipped = gzipSync(content, { level: 9 }).length;
    console.info(
      `content script: ${(gzipped / 1024).toFixed(2)} KB gzipped (${(content.length / 1024).toFixed(1)} KB minified; budget ${BUDGET_BYTES / 1024} KB)`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it.each(Object.entries(LIBRARY_MARKERS))('contains none of %s', (library, markers) => {
    // The markers survive the build: the bundles that use the library carry them.
    const elsewhere = builtScripts(EXTENSION_DIR)
      .filter((file) => file !== CONTENT_SCRIPT)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const marker of markers) expect(elsewhere, `${library}: ${marker}`).toContain(marker);

    const text = content.toString('utf8');
    for (const marker of markers) expect(text, `${library}: ${marker}`).not.toContain(marker);
  });
});
