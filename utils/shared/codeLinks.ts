/**
 * Finds code and project-page links in paper text (abstracts, comments, Hugging Face fields).
 * Pure: no DOM, no browser APIs. Linear-time on any input: the text is cut into whitespace-free
 * tokens and each token is examined with anchored, bounded patterns (no regex over the whole text
 * that could backtrack).
 */
import { LIMITS } from '@/utils/shared/paper';

export interface ExtractedLinks {
  /** Code and artefact repositories: GitHub, GitLab, Bitbucket, Codeberg, Gitee, Hugging Face. */
  code: string[];
  /** Project pages: *.github.io / *.gitlab.io sites, and URLs the text calls a website/demo/…. */
  project: string[];
}

/** Hosts whose non-root paths are code repositories (and their owners). */
const CODE_HOSTS = new Set([
  'github.com',
  'gist.github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'gitee.com',
]);
/** First path segments on code hosts that are site pages, not owners. */
const CODE_HOST_PAGES = new Set([
  'about',
  'features',
  'pricing',
  'login',
  'join',
  'signup',
  'marketplace',
  'sponsors',
  'topics',
  'explore',
  'settings',
  'notifications',
  'search',
  'trending',
  'collections',
  'site',
  'security',
  'enterprise',
  'contact',
  'help',
  'users',
]);
const HF_HOSTS = new Set(['huggingface.co', 'hf.co']);
/** First path segments on Hugging Face that are not an owner of a model. */
const HF_PAGES = new Set([
  'papers',
  'docs',
  'blog',
  'learn',
  'collections',
  'organizations',
  'settings',
  'login',
  'join',
  'pricing',
  'models',
  'tasks',
  'posts',
  'chat',
  'api',
  'enterprise',
  'search',
  'new',
  'spaces',
  'datasets',
]);
/** Static-site hosts: a URL on them is a project page. */
const PAGE_HOST_SUFFIXES = [
  '.github.io',
  '.gitlab.io',
  '.pages.dev',
  '.netlify.app',
  '.vercel.app',
];
/** Never a code or project link, whatever the text says around it. */
const EXCLUDED_HOSTS = new Set([
  'arxiv.org',
  'export.arxiv.org',
  'doi.org',
  'dx.doi.org',
  'openreview.net',
  'aclanthology.org',
  'semanticscholar.org',
  'scholar.google.com',
  'creativecommons.org',
]);
/**
 * Top-level domains accepted for a bare domain without a scheme ("bouncerbench.com"). Short and
 * common on purpose: file names like "model.pt", "main.py" or "README.md" must not match.
 */
const BARE_TLDS = new Set([
  'com',
  'org',
  'net',
  'io',
  'ai',
  'dev',
  'app',
  'edu',
  'gov',
  'info',
  'xyz',
  'tech',
  'site',
  'online',
  'one',
  'page',
]);

/**
 * Words before (or right after) a URL that make it a project link: "project page", "website",
 * "demo", "code", "available at", "visit", "released at", "can be found at", …
 */
const CUE =
  /\b(?:project|website|web ?site|web ?page|home ?page|demo|demos|code|codes|source|implementation|repository|repo|available|released?|found|accessible|visit|hosted|download|downloaded|open-?source[ds]?|leaderboard|toolkit|library|package|playground)\b/i;
/** How far before a URL a cue is looked for (same sentence only). */
const CUE_WINDOW = 120;

const SCHEME = /^https?:\/\//i;
/** Longer runs are not links (LIMITS.url plus room for wrappers and punctuation). */
const MAX_RAW = LIMITS.url + 64;
/** Characters that never belong to a URL written in text. */
const STOP_CHARS = /[\s<>"{}|\\^`\p{Cc}]/u;
/** Trailing characters cut from a URL (closing brackets are handled separately). */
const TRAILING = /[.,;:!?'"*\u2019\u201d\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u2026]$/;
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/** Cuts what follows a URL in running text: stop characters, trailing punctuation, lone closers. */
function trimUrl(raw: string): string {
  // TeX escapes inside URLs: \_ \% \# \& \~ stand for the bare character.
  let url = raw.replace(/\\([_%#&~])/g, '$1');
  const stop = url.search(STOP_CHARS);
  if (stop !== -1) url = url.slice(0, stop);
  // Bracket counts, kept up to date while trailing characters are cut (linear overall).
  const counts = new Map<string, number>();
  for (const c of url) {
    if ('()[]{}<>'.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1] as string;
    const opener = CLOSERS[last];
    const unbalanced = opener !== undefined && (counts.get(last) ?? 0) > (counts.get(opener) ?? 0);
    if (!TRAILING.test(last) && !unbalanced) break;
    if (opener !== undefined) counts.set(last, (counts.get(last) ?? 0) - 1);
    end--;
  }
  return url.slice(0, end);
}

interface Parsed {
  /** The URL as written (after trimming), with a scheme. */
  href: string;
  host: string;
  /** Path segments, without empty ones. */
  segments: string[];
}

const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Checks an http(s) URL and splits out what classifying it needs. No URL() parsing: the rules are
 * stricter than WHATWG's (a dotted DNS name, no credentials, no IP addresses) and it stays cheap.
 */
function parse(href: string): Parsed | undefined {
  if (href.length > LIMITS.url) return undefined;
  const scheme = SCHEME.exec(href);
  if (scheme === null) return undefined;
  const rest = href.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  if (authority.includes('@')) return undefined;
  const port = /:(\d{1,5})?$/.exec(authority);
  const host = (port === null ? authority : authority.slice(0, port.index))
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length < 2 || !TLD.test(labels[labels.length - 1] ?? '')) return undefined;
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  const path = authorityEnd === -1 ? '' : (rest.slice(authorityEnd).split(/[?#]/, 1)[0] ?? '');
  return { href, host, segments: path.split('/').filter((segment) => segment !== '') };
}

type Kind = 'code' | 'page' | 'other' | 'excluded';

function classify({ host, segments }: Parsed): Kind {
  if (EXCLUDED_HOSTS.has(host)) return 'excluded';
  const first = segments[0]?.toLowerCase();
  if (CODE_HOSTS.has(host) || host.startsWith('gitlab.')) {
    if (first === undefined || CODE_HOST_PAGES.has(first)) return 'other';
    return 'code';
  }
  if (HF_HOSTS.has(host)) {
    if (first === 'papers') return 'excluded';
    if ((first === 'datasets' || first === 'spaces') && segments.length >= 3) return 'code';
    if (first !== undefined && !HF_PAGES.has(first) && segments.length >= 2) return 'code';
    return 'other';
  }
  if (PAGE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'page';
  return 'other';
}

/**
 * The key two spellings of one link share: host without "www." and case, no scheme, no trailing
 * slash or ".git"; GitHub paths are case-insensitive too.
 */
function dedupeKey({ href, host }: Parsed): string {
  const rest = href.replace(/^https?:\/\/[^/?#]*/i, '');
  let key = rest
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '');
  if (host === 'github.com') key = key.toLowerCase();
  return `${host}${key}`;
}

/** A sentence-bounded stretch of text before `index`. */
function textBefore(text: string, index: number): string {
  const nearby = text.slice(Math.max(0, index - CUE_WINDOW), index);
  let cut = -1;
  for (let i = nearby.length - 2; i >= 0; i--) {
    const c = nearby[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(nearby[i + 1] ?? '')) {
      cut = i + 1;
      break;
    }
  }
  return nearby.slice(cut + 1);
}

/** A short stretch after a URL: "https://x.org (project page)". */
function textAfter(text: string, index: number): string {
  const nearby = text.slice(index, index + 40);
  const stop = nearby.search(/[.!?](?:\s|$)/);
  return stop === -1 ? nearby : nearby.slice(0, stop);
}

/** Whether a bare host ends in a common top-level domain ("bouncerbench.com", not "main.py"). */
function bareTld(host: string): boolean {
  return BARE_TLDS.has(host.slice(host.lastIndexOf('.') + 1));
}

/** Leading wrappers before a URL in a token: brackets, quotes, `\url{`, `\href{`, "code:". */
const LEADING = /^(?:\\(?:url|href|path)\{|[([{<"'*\u2018\u201c]|[a-z]+:(?!\/\/))+/i;

interface Found {
  parsed: Parsed;
  kind: Kind;
  cued: boolean;
}

/** Every link-like thing in one text, in order. */
function scan(text: string): Found[] {
  const found: Found[] = [];
  const tokens = /\S+/g;
  for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
    const token = m[0];
    const at = m.index;
    // URLs with a scheme: every "http(s)://" that starts a URL (not one inside a path).
    const starts: number[] = [];
    const schemeRe = /https?:\/\//gi;
    for (let s = schemeRe.exec(token); s !== null; s = schemeRe.exec(token)) {
      const before = token[s.index - 1] ?? '';
      if (s.index === 0 || !/[\p{L}\p{N}/=%.]/u.test(before)) starts.push(s.index);
    }
    const candidates: Array<{ href: string; start: number; end: number; bare: boolean }> = [];
    if (starts.length > 0) {
      starts.forEach((start, k) => {
        const raw = token.slice(start, starts[k + 1] ?? token.length);
        if (raw.length > MAX_RAW) return;
        const href = trimUrl(raw);
        candidates.push({ href, start: at + start, end: at + start + href.length, bare: false });
      });
    } else if (token.length <= MAX_RAW && token.includes('.')) {
      // Bare domains: "github.com/x/y", "www.example.org", "bouncerbench.com".
      const lead = LEADING.exec(token)?.[0].length ?? 0;
      const bare = trimUrl(token.slice(lead));
      if (bare !== '') {
        const start = at + lead;
        candidates.push({ href: `https://${bare}`, start, end: start + bare.length, bare: true });
      }
    }
    for (const { href, start, end, bare } of candidates) {
      const parsed = parse(href);
      if (parsed === undefined) continue;
      const kind = classify(parsed);
      if (kind === 'excluded') continue;
      // A bare name that is neither a code host nor a static site must look like a web address.
      if (bare && kind === 'other' && !/^https:\/\/www\./i.test(href) && !bareTld(parsed.host)) {
        continue;
      }
      const cued = CUE.test(textBefore(text, start)) || CUE.test(textAfter(text, end));
      found.push({ parsed, kind, cued });
    }
  }
  return found;
}

/** Parses a structured field (HF githubRepo / projectPage); bare "github.com/x/y" gets https. */
function parseField(value: string | undefined): Parsed | undefined {
  const v = value?.trim() ?? '';
  if (v === '' || /\s/.test(v)) return undefined;
  if (SCHEME.test(v)) return parse(trimUrl(v));
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return undefined; // javascript:, data:, ftp:, mailto: …
  return parse(`https://${trimUrl(v)}`);
}

/**
 * Code repositories and project pages mentioned in `texts` (abstract, comments, …) and the
 * Hugging Face fields in `extra`. Code: GitHub/GitLab/Bitbucket/Codeberg/Gitee paths and Hugging
 * Face models, datasets and spaces (never huggingface.co/papers). Project pages: *.github.io and
 * similar static sites, and any other http(s) URL that its sentence calls a project page, website,
 * demo, code, "available at", …. Other URLs (doi.org, arxiv.org, references) are left out.
 *
 * Each link is returned once, as first spelled (trailing punctuation, unbalanced closing brackets
 * and TeX wrappers removed); `extra` comes first, then the texts in order. A repository given as
 * `extra.projectPage` is listed as code.
 */
export function extractLinks(
  texts: ReadonlyArray<string | undefined>,
  extra?: { githubRepo?: string; projectPage?: string },
): ExtractedLinks {
  const result: ExtractedLinks = { code: [], project: [] };
  const seen = new Set<string>();
  const add = (parsed: Parsed, list: string[]): void => {
    const key = dedupeKey(parsed);
    if (seen.has(key)) return;
    seen.add(key);
    list.push(parsed.href);
  };

  const repo = parseField(extra?.githubRepo);
  if (repo !== undefined && classify(repo) !== 'excluded') add(repo, result.code);
  const page = parseField(extra?.projectPage);
  if (page !== undefined) {
    const kind = classify(page);
    if (kind === 'code') add(page, result.code);
    else if (kind !== 'excluded') add(page, result.project);
  }

  for (const text of texts) {
    if (text === undefined || text === '') continue;
    for (const { parsed, kind, cued } of scan(text)) {
      if (kind === 'code') add(parsed, result.code);
      else if (kind === 'page' || cued) add(parsed, result.project);
    }
  }
  return result;
}
