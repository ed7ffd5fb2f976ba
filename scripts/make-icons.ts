// Renders public/icon/icon.svg to the PNG sizes the manifest uses (run after editing the SVG).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, ROOT } from '@/tests/e2e/harness';

const svg = readFileSync(path.join(ROOT, 'public/icon/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
