import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectedEntry, PageScan, SiteAdapter } from '@/utils/content/adapters/adapter';
import type { DetectedPaper } from '@/utils/shared/paper';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The project's own small fixtures (tests/fixtures). */
export const FIXTURES = path.resolve(here, '../../../fixtures');

export function readFixture(name: string, dir = FIXTURES): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function scanHtml(adapter: SiteAdapter, html: string, url: string): PageScan {
  return adapter.scan(parse(html), new URL(url));
}

export function scanFixture(adapter: SiteAdapter, name: string, url: string): PageScan {
  return scanHtml(adapter, readFixture(name), url);
}

export function papers(scan: PageScan): DetectedPaper[] {
  return scan.entries.map((entry: DetectedEntry) => entry.paper);
}

/** The paper with this id; fails the test when it is missing. */
export function byId(scan: PageScan, id: string): DetectedPaper {
  const paper = papers(scan).find((p) => p.id === id);
  if (!paper) throw new Error(`no paper ${id} in [${papers(scan).map((p) => p.id)}]`);
  return paper;
}
