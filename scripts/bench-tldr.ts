/**
 * TL;DR benchmark on SciTLDR: npx tsx scripts/bench-tldr.ts [FILE.jsonl] [--predictions OUT.txt]
 *
 * FILE defaults to ../shared/scitldr/dev.jsonl (relative to the repository root). Each line is a
 * JSON object with `source` (the abstract's sentences) and `target` (one or more TL;DRs); other
 * fields (paper_id, title, source_labels, rouge_scores) are ignored. Every method sees only the
 * abstract text (`source` joined) and is scored with ROUGE-1/2/L F1 against the target with the
 * best ROUGE-1, averaged over papers. Malformed lines are reported by number and skipped; the exit
 * code is then 1. --predictions writes our TL;DR per paper, one per line, in input order
 * (malformed lines have none).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RougeScores, scoreBest } from '@/scripts/rouge';
import { cleanText } from '@/utils/shared/paper';
import { localTldr, splitSentences } from '@/utils/shared/tldr';

interface Paper {
  line: number;
  abstract: string;
  targets: string[];
}

interface Method {
  name: string;
  /** Produces the summary; `timed` methods are timed without scoring. */
  run: (paper: Paper) => string;
  timed: boolean;
}

interface Row {
  name: string;
  papers: number;
  r1: number;
  r2: number;
  rl: number;
  microseconds: number | undefined;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILE = resolve(repoRoot, '..', 'shared', 'scitldr', 'dev.jsonl');
const USAGE = 'usage: npx tsx scripts/bench-tldr.ts [FILE.jsonl] [--predictions OUT.txt]';

function fail(message: string): never {
  console.error(`bench-tldr: ${message}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { file: string; predictions: string | undefined } {
  let file: string | undefined;
  let predictions: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--predictions') {
      const out = argv[++i];
      if (out === undefined || out.startsWith('--')) fail(`--predictions needs a file\n${USAGE}`);
      predictions = out;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}\n${USAGE}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      fail(`more than one input file\n${USAGE}`);
    }
  }
  return { file: resolve(file ?? DEFAULT_FILE), predictions };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Reads the JSONL file; malformed lines are reported on stderr and skipped. */
function readPapers(file: string): { papers: Paper[]; malformed: number } {
  if (!existsSync(file)) {
    fail(
      `${file} does not exist. Pass a SciTLDR JSONL file, or put the shared data at ` +
        `${DEFAULT_FILE}.\n${USAGE}`,
    );
  }
  const papers: Paper[] = [];
  let malformed = 0;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    let reason: string | undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      reason = `not JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    if (reason === undefined) {
      const record = typeof value === 'object' && value !== null ? value : undefined;
      const source = record !== undefined ? (record as { source?: unknown }).source : undefined;
      const target = record !== undefined ? (record as { target?: unknown }).target : undefined;
      if (record === undefined || Array.isArray(value)) reason = 'not a JSON object';
      else if (!isStringArray(source) || source.length === 0) {
        reason = '"source" is not a non-empty array of strings';
      } else if (!isStringArray(target) || target.length === 0) {
        reason = '"target" is not a non-empty array of strings';
      } else {
        papers.push({ line, abstract: source.join(' '), targets: target });
      }
    }
    if (reason !== undefined) {
      malformed++;
      console.error(`bench-tldr: ${file}:${line}: skipped, ${reason}`);
    }
  });
  return { papers, malformed };
}

/** Runs `method` over all papers; returns outputs and µs per abstract (best of a few passes). */
function runTimed(method: Method, papers: readonly Paper[]): { outputs: string[]; us?: number } {
  const outputs = papers.map(method.run); // also the warm-up pass
  if (!method.timed) return { outputs };
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    for (const paper of papers) method.run(paper);
    best = Math.min(best, performance.now() - start);
  }
  return { outputs, us: (best * 1000) / papers.length };
}

function score(name: string, papers: readonly Paper[], outputs: readonly string[], us?: number) {
  const sum = { r1: 0, r2: 0, rl: 0 };
  papers.forEach((paper, i) => {
    const s: RougeScores = scoreBest(outputs[i] ?? '', paper.targets);
    sum.r1 += s.rouge1.f1;
    sum.r2 += s.rouge2.f1;
    sum.rl += s.rougeL.f1;
  });
  const n = Math.max(1, papers.length);
  return {
    name,
    papers: papers.length,
    r1: (100 * sum.r1) / n,
    r2: (100 * sum.r2) / n,
    rl: (100 * sum.rl) / n,
    microseconds: us,
  } satisfies Row;
}

function printTable(rows: readonly Row[]): void {
  const header = ['method', 'papers', 'R1', 'R2', 'RL', 'µs/abstract'];
  const cells = rows.map((r) => [
    r.name,
    String(r.papers),
    r.r1.toFixed(2),
    r.r2.toFixed(2),
    r.rl.toFixed(2),
    r.microseconds === undefined ? '—' : r.microseconds.toFixed(1),
  ]);
  const widths = header.map((h, c) =>
    Math.max(h.length, ...cells.map((row) => row[c]?.length ?? 0)),
  );
  const format = (row: readonly string[]) =>
    `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ')} |`;
  console.log(format(header));
  console.log(
    `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of cells) console.log(format(row));
}

function main(): void {
  const { file, predictions } = parseArgs(process.argv.slice(2));
  const { papers, malformed } = readPapers(file);
  if (papers.length === 0) fail(`${file}: no usable papers`);

  const first: Method = {
    name: 'first sentence',
    run: (p) => splitSentences(p.abstract)[0] ?? '',
    timed: true,
  };
  const ours: Method = {
    name: 'paperlight local TL;DR',
    run: (p) => localTldr(p.abstract),
    timed: true,
  };
  const oracle: Method = {
    name: 'oracle (best single sentence)',
    run: (p) => {
      let best = '';
      let bestR1 = -1;
      for (const sentence of splitSentences(p.abstract)) {
        const r1 = scoreBest(sentence, p.targets).rouge1.f1;
        if (r1 > bestR1) {
          bestR1 = r1;
          best = sentence;
        }
      }
      return best;
    },
    timed: false,
  };

  const rows: Row[] = [];
  let ourOutputs: string[] = [];
  for (const method of [first, ours, oracle]) {
    const { outputs, us } = runTimed(method, papers);
    if (method === ours) ourOutputs = outputs;
    rows.push(score(method.name, papers, outputs, us));
  }

  console.log(`SciTLDR: ${file}`);
  console.log(
    'ROUGE F1 x100 (Porter-stemmed, lower-cased alphanumeric tokens; best target by ROUGE-1)\n',
  );
  printTable(rows);
  const [base, mine] = rows;
  if (base !== undefined && mine !== undefined) {
    const delta = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)}`;
    console.log(
      `\npaperlight vs first sentence: R1 ${delta(mine.r1, base.r1)}, R2 ${delta(mine.r2, base.r2)}, ` +
        `RL ${delta(mine.rl, base.rl)}`,
    );
  }

  if (predictions !== undefined) {
    const text = ourOutputs.map((tldr) => cleanText(tldr, Number.POSITIVE_INFINITY)).join('\n');
    writeFileSync(predictions, `${text}\n`);
    console.log(`predictions: ${ourOutputs.length} lines written to ${resolve(predictions)}`);
  }
  if (malformed > 0) {
    console.error(`bench-tldr: ${malformed} malformed line(s) skipped (see above)`);
    process.exitCode = 1;
  }
}

main();
