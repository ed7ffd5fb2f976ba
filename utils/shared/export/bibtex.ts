import { isArxivId } from '@/utils/shared/arxivId';
import {
  arxivDate,
  asciiWord,
  mathSegments,
  paperUrl,
  splitName,
  tagMap,
  tagNames,
} from '@/utils/shared/export/paperFacts';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/**
 * BibTeX entries, arXiv style: `@misc` with `eprint`, `archivePrefix = {arXiv}`, `primaryClass`,
 * `url` (as arXiv's own "Export BibTeX citation" writes them), `@article` when a journal
 * reference or DOI is known, `@misc` with `howpublished` for saved articles. Text is escaped for
 * LaTeX; accented letters stay UTF-8 (biber, and BibTeX under `inputenc`/LaTeX ≥ 2018, read it);
 * `$…$` in titles stays math.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Plain text made safe inside a braced BibTeX field (LaTeX specials escaped, spaces collapsed). */
export function escapeLatex(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}&%$#_~^]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function balancedBraces(text: string): boolean {
  let depth = 0;
  for (const c of text.replace(/\\[{}]/g, '')) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A title: math runs (`$…$`) kept as written when their braces balance, the rest escaped. */
export function escapeTitle(title: string): string {
  return mathSegments(title.replace(/\s+/g, ' ').trim())
    .map((part) => (part.math && balancedBraces(part.text) ? part.text : escapeLatex(part.text)))
    .join('');
}

/** A URL inside braces: only what would unbalance or end the field is percent-encoded. */
function bibUrl(url: string): string {
  return url.replace(
    /[{}\\\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'at',
  'by',
  'from',
  'is',
  'are',
  'towards',
  'toward',
  'via',
  'do',
  'does',
  'how',
  'what',
  'why',
  'when',
  'can',
]);

/**
 * A paper's key before de-duplication: first author's surname + year + first significant title
 * word, ASCII lower case ("vaswani2017attention"). Only stored, stable facts are used (the arXiv
 * id's year, not when it was saved), so the same paper gets the same key in every export.
 */
export function baseKey(paper: Pick<PaperRecord, 'id' | 'title' | 'authors'>): string {
  const first = paper.authors[0];
  const surname = (first ? asciiWord(splitName(first).family) : '') || 'anon';
  const year = arxivDate(paper.id)?.year ?? '';
  const plainTitle = mathSegments(paper.title)
    .filter((part) => !part.math)
    .map((part) => part.text)
    .join(' ');
  const word =
    plainTitle
      .split(/[\s\-–—:/]+/)
      .map(asciiWord)
      .find((w) => w !== '' && !STOP_WORDS.has(w)) ?? '';
  return `${surname}${year}${word}`;
}

function suffix(n: number): string {
  // 1 → b, 2 → c, … 24 → z, then -26, -27, …
  return n <= 24 ? String.fromCharCode(97 + n) : `-${n + 1}`;
}

/**
 * Keys for a set of papers. Papers whose base keys collide are ordered by id: the first keeps the
 * base key, the next get "b", "c", … ("smith2020deep", "smith2020deepb"). So the keys depend only
 * on the set exported, never on the order or on the time of the export.
 */
export function bibtexKeys(
  papers: readonly Pick<PaperRecord, 'id' | 'title' | 'authors'>[],
): Map<string, string> {
  const byBase = papers
    .map((paper) => ({ id: paper.id, base: baseKey(paper) }))
    .sort((a, b) =>
      a.base < b.base ? -1 : a.base > b.base ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  const used = new Set<string>();
  const keys = new Map<string, string>();
  for (const { id, base } of byBase) {
    if (keys.has(id)) continue;
    let key = base;
    for (let n = 1; used.has(key); n++) key = base + suffix(n);
    used.add(key);
    keys.set(id, key);
  }
  return keys;
}

function entry(type: string, key: string, fields: [string, string | undefined][]): string {
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

function oneEntry(paper: PaperRecord, key: string, tagsById: ReadonlyMap<string, Tag>): string {
  const authors = paper.authors.map(escapeLatex).join(' and ');
  const keywords = tagNames(paper, tagsById).map(escapeLatex).join(', ');
  if (!isArxivId(paper.id)) {
    const url = bibUrl(paperUrl(paper));
    return entry('misc', key, [
      ['title', escapeTitle(paper.title)],
      ['author', authors],
      ['howpublished', `\\url{${url}}`],
      ['url', url],
      ['note', paper.article?.siteName ? escapeLatex(paper.article.siteName) : undefined],
      ['keywords', keywords],
    ]);
  }
  const date = arxivDate(paper.id);
  const month = date ? MONTHS[date.month - 1] : undefined;
  const isArticle = Boolean(paper.journalRef || paper.doi);
  return entry(isArticle ? 'article' : 'misc', key, [
    ['title', escapeTitle(paper.title)],
    ['author', authors],
    ['journal', paper.journalRef ? escapeLatex(paper.journalRef) : undefined],
    ['year', date ? String(date.year) : undefined],
    ['month', month],
    // biblatex reads doi, eprint and url verbatim: nothing is escaped, braces are kept out.
    ['doi', paper.doi ? bibUrl(paper.doi) : undefined],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory ?? paper.categories[0]],
    // The eprint and url name the paper (its latest version); which version was read is told apart.
    ['version', paper.latestVersion ? String(paper.latestVersion) : undefined],
    ['url', `https://arxiv.org/abs/${paper.id}`],
    ['keywords', keywords],
  ]);
}

/** One paper's entry (the details view's "copy BibTeX"): its key as if exported alone. */
export function toBibtex(paper: PaperRecord, tags: readonly Tag[] = []): string {
  return oneEntry(paper, baseKey(paper), tagMap(tags));
}

/** Many papers, in the order given, with keys de-duplicated over the whole set. */
export function toBibtexFile(papers: readonly PaperRecord[], tags: readonly Tag[] = []): string {
  const keys = bibtexKeys(papers);
  const tagsById = tagMap(tags);
  return papers
    .map((paper) => oneEntry(paper, keys.get(paper.id) ?? baseKey(paper), tagsById))
    .join('\n');
}
