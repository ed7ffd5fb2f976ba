import { build } from 'esbuild';
import { ROOT } from '@/tests/e2e/harness';

/** What the benchmarks share: a page script bundled from the project's own code, and statistics. */

/** Bundles `entry` (TypeScript importing the project's modules by relative path) into a script a page can evaluate. */
export async function bundleForPage(entry: string): Promise<string> {
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

/** The value at fraction `p` of the sorted values (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);
