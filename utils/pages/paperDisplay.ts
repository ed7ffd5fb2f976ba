import { isArxivId } from '@/utils/shared/arxivId';
import type { PaperRecord } from '@/utils/shared/paperRecord';

export { compareByNewestSighting } from '@/utils/shared/listKeys';

import { addLocalDays, startOfLocalDay } from '@/utils/shared/time';
import { hostOf, httpUrl } from '@/utils/shared/url';

/**
 * How the popup shows papers: ordering, grouping, links and the few strings the rows show.
 * Pure: nothing here touches the DOM, the database or the browser APIs.
 */

export interface PaperGroup {
  label: string;
  papers: PaperRecord[];
}

/**
 * Groups papers by the label of their last sighting. Groups come in the order their first paper
 * appears, so for feed-ordered input the group with the newest sighting comes first; papers keep
 * their order inside a group.
 */
export function groupByLabel(papers: readonly PaperRecord[]): PaperGroup[] {
  const groups = new Map<string, PaperGroup>();
  for (const paper of papers) {
    const label = paper.lastSighting.label;
    let group = groups.get(label);
    if (!group) {
      group = { label, papers: [] };
      groups.set(label, group);
    }
    group.papers.push(paper);
  }
  return [...groups.values()];
}

/** "A, B, C et al." past `max` authors; all of them otherwise; '' for none. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  const named = authors.map((name) => name.trim()).filter(Boolean);
  if (named.length <= max) return named.join(', ');
  return `${named.slice(0, max).join(', ')} et al.`;
}

/** The paper's abstract page: arxiv.org/abs/<id> for arXiv ids, the stored URL for "url:" items. */
export function abstractUrl(id: string): string | undefined {
  if (isArxivId(id)) return `https://arxiv.org/abs/${id}`;
  if (id.startsWith('url:')) return httpUrl(id.slice('url:'.length));
  return undefined;
}

export type LinkKind = 'GitHub' | 'GitLab' | 'Hugging Face' | 'Bitbucket' | 'Codeberg' | 'Code';

const HOST_KINDS: [host: string, kind: LinkKind][] = [
  ['github.com', 'GitHub'],
  ['gitlab.com', 'GitLab'],
  ['huggingface.co', 'Hugging Face'],
  ['hf.co', 'Hugging Face'],
  ['bitbucket.org', 'Bitbucket'],
  ['codeberg.org', 'Codeberg'],
];

/** What a code link is called on its chip, from its host ("Code" for unknown hosts). */
export function codeLinkKind(url: string): LinkKind {
  const host = hostOf(url);
  if (!host) return 'Code';
  for (const [known, kind] of HOST_KINDS) {
    if (host === known || host.endsWith(`.${known}`)) return kind;
  }
  return 'Code';
}

export interface PaperLink {
  /** Chip text: a host kind for code, "Project page" for project pages. */
  label: string;
  kind: 'code' | 'project';
  /** Only ever an http(s) URL. */
  href: string;
}

/**
 * The links a row shows: code links first, then project pages, each only when it is an http(s) URL,
 * without duplicates (a URL that is both code and project page shows once, as code).
 */
export function paperLinks(paper: Pick<PaperRecord, 'codeUrls' | 'projectUrls'>): PaperLink[] {
  const links: PaperLink[] = [];
  const seen = new Set<string>();
  for (const url of paper.codeUrls ?? []) {
    const href = httpUrl(url);
    if (!href || seen.has(href)) continue;
    seen.add(href);
    links.push({ label: codeLinkKind(href), kind: 'code', href });
  }
  for (const url of paper.projectUrls ?? []) {
    const href = httpUrl(url);
    if (!href || seen.has(href)) continue;
    seen.add(href);
    links.push({ label: 'Project page', kind: 'project', href });
  }
  return links;
}

/** "Today", "Yesterday", else a date such as "Wed, 25 Nov" (with the year when it differs). */
export function dayName(dayStart: number, now: number, locale?: string): string {
  const today = startOfLocalDay(now);
  const day = startOfLocalDay(dayStart);
  if (day === today) return 'Today';
  if (day === addLocalDays(today, -1)) return 'Yesterday';
  const date = new Date(day);
  const sameYear = date.getFullYear() === new Date(today).getFullYear();
  return date.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** "1 paper", "12 papers". */
export function paperCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`;
}
