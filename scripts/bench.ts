/**
 * npm run bench — content-script speed and size, measured in Chromium.
 *
 * 1. Detect + mark: the real adapters and page-mark code (bundled as in the content script) run on
 *    a generated 2,000-entry arXiv listing, next to a bare querySelectorAll walk that reads the
 *    same fields, in the same page and the same run. Median of alternating runs; ratio printed.
 * 2. End to end: the built extension on the same listing served at its real URL — time from
 *    navigation start to the last page mark.
 * 3. Size: the built content script, minified and gzipped.
 * Target: detect + mark ≤ 2× the bare walk; content script ≤ 12 KB gzip.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import {
  chromiumPath,
  EXTENSION_DIR,
  launchExtension,
  ROOT,
  routePage,
} from '../tests/e2e/harness';
import { generateListing } from '../tests/helpers/generateListing';

const ENTRIES = 2000;
const RUNS = 21;
const LISTING_URL = 'https://arxiv.org/list/cs.CL/new';

declare global {
  interface Window {
    paperlightBench: {
      detectAndMark(): number;
      bareWalk(): number;
      reset(): void;
    };
  }
}

async function bundleBenchPage(): Promise<string> {
  const entry = `
    import { findAdapter } from './utils/adapters';
    import { renderPageMarks } from './utils/pageMarks';
    const pristine = document.body.innerHTML;
    const url = new URL(${JSON.stringify(LISTING_URL)});
    window.paperlightBench = {
      reset() { document.body.innerHTML = pristine; document.getElementById('paperlight-style')?.remove(); },
      detectAndMark() {
        const scan = findAdapter(url).scan(document, url);
        const statuses = scan.entries.map((e, i) => ({ id: e.paper.id, saved: i % 7 === 0, seenBefore: i % 3 === 0 }));
        renderPageMarks(document, scan.entries, statuses, async (_id, saved) => saved);
        return scan.entries.length;
      },
      // What any reader of this page must do at the least: one querySelectorAll walk reading the same fields.
      bareWalk() {
        const papers = [];
        for (const dt of document.querySelectorAll('dl dt')) {
          const dd = dt.nextElementSibling;
          const link = dt.querySelector('a[title="Abstract"]');
          if (!dd || !link) continue;
          papers.push({
            id: link.textContent.trim().replace(/^arXiv:/, ''),
            title: dd.querySelector('.list-title')?.textContent.replace('Title:', '').trim(),
            authors: [...dd.querySelectorAll('.list-authors a')].map((a) => a.textContent.trim()),
            comments: dd.querySelector('.list-comments')?.textContent.trim(),
            subjects: dd.querySelector('.list-subjects')?.textContent.trim(),
            primary: dd.querySelector('.primary-subject')?.textContent.trim(),
            abstract: dd.querySelector('p.mathjax')?.textContent.trim(),
          });
        }
        return papers.length;
      },
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    alias: { '@': ROOT },
  });
  return result.outputFiles[0]?.text ?? '';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measureInPage(script: string, html: string) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: script });
  const times = await page.evaluate((runs) => {
    const bench = window.paperlightBench;
    const ours: number[] = [];
    const bare: number[] = [];
    const layoutOurs: number[] = [];
    const layoutBare: number[] = [];
    let found = 0;
    for (let run = 0; run < runs + 3; run++) {
      bench.reset();
      void document.body.offsetHeight;
      let start = performance.now();
      bench.bareWalk();
      let end = performance.now();
      void document.body.offsetHeight;
      const bareLayout = performance.now() - end;
      if (run >= 3) {
        bare.push(end - start);
        layoutBare.push(bareLayout);
      }
      bench.reset();
      void document.body.offsetHeight;
      start = performance.now();
      found = bench.detectAndMark();
      end = performance.now();
      void document.body.offsetHeight;
      const oursLayout = performance.now() - end;
      if (run >= 3) {
        ours.push(end - start);
        layoutOurs.push(oursLayout);
      }
    }
    return { ours, bare, layoutOurs, layoutBare, found };
  }, RUNS);
  await browser.close();
  return times;
}

async function measureEndToEnd(html: string): Promise<number[]> {
  const extension = await launchExtension();
  try {
    await routePage(extension.context, LISTING_URL, html);
    const samples: number[] = [];
    const page = await extension.context.newPage();
    for (let run = 0; run < 5; run++) {
      await page.goto(LISTING_URL);
      await page.waitForFunction(
        (count) => document.querySelectorAll('.paperlight-marks').length === count,
        ENTRIES,
        { timeout: 30_000 },
      );
      samples.push(
        await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation');
          return performance.now() - (navigation?.startTime ?? 0);
        }),
      );
    }
    return samples;
  } finally {
    await extension.close();
  }
}

function contentScriptGzipBytes(): number {
  const file = path.join(EXTENSION_DIR, 'content-scripts/content.js');
  if (!existsSync(file)) throw new Error(`No built content script at ${file}: run npm run build.`);
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const html = generateListing(ENTRIES);
const script = await bundleBenchPage();
const inPage = await measureInPage(script, html);
if (inPage.found !== ENTRIES) throw new Error(`detected ${inPage.found} of ${ENTRIES} entries`);
const endToEnd = await measureEndToEnd(html);
const gzipBytes = contentScriptGzipBytes();

const ours = median(inPage.ours);
const bare = median(inPage.bare);
const ratio = ours / bare;
const rows: [string, string, string][] = [
  [`bare querySelectorAll walk, ${ENTRIES} entries (baseline)`, `${bare.toFixed(2)} ms`, '1.00×'],
  [`detect + mark, ${ENTRIES} entries`, `${ours.toFixed(2)} ms`, `${ratio.toFixed(2)}×`],
  ['layout after bare walk', `${median(inPage.layoutBare).toFixed(2)} ms`, ''],
  ['layout after detect + mark', `${median(inPage.layoutOurs).toFixed(2)} ms`, ''],
  ['built extension: navigation → last mark', `${median(endToEnd).toFixed(0)} ms`, ''],
  ['content script size (gzip -9)', `${(gzipBytes / 1024).toFixed(2)} KB`, ''],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\nPaperlight content-script benchmark (Chromium, median of ${RUNS} runs)\n`);
console.log(`${'measure'.padEnd(width)} | ${'value'.padStart(11)} | ratio`);
console.log(`${'-'.repeat(width)}-|-${'-'.repeat(11)}-|------`);
for (const [name, value, r] of rows)
  console.log(`${name.padEnd(width)} | ${value.padStart(11)} | ${r}`);
const speedOk = ratio <= 2;
const sizeOk = gzipBytes <= 12 * 1024;
console.log(
  `\ntargets: detect + mark ≤ 2× bare walk: ${speedOk ? 'met' : 'MISSED'}; content script ≤ 12 KB gzip: ${sizeOk ? 'met' : 'MISSED'}`,
);
process.exitCode = speedOk && sizeOk ? 0 : 1;
