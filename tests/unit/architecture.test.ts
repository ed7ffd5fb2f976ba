/**
 * The architecture, checked on the real import graph (docs/architecture.md draws it). Code is
 * grouped by the context it runs in; each context may import only the ones below it, there are
 * no cycles, and what must stay out of a bundle (React in the worker, Dexie in the content
 * script…) is checked on the runtime imports that end up in it.
 */
import path from 'node:path';
import {
  findCycles,
  type ImportEdge,
  readGraph,
  runtimeClosure,
  type SourceFile,
} from '@/tests/helpers/importGraph';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Context = 'shared' | 'storage' | 'content' | 'background' | 'pages' | 'page-reader';

/** Where each folder's code runs. The order matters: the first matching prefix wins. */
const CONTEXT_OF: readonly [prefix: string, context: Context][] = [
  ['utils/shared/', 'shared'],
  ['utils/storage/', 'storage'],
  ['utils/content/', 'content'],
  ['entrypoints/content/', 'content'],
  ['utils/background/', 'background'],
  ['entrypoints/background/', 'background'],
  ['utils/pages/', 'pages'],
  ['components/', 'pages'],
  ['entrypoints/popup/', 'pages'],
  ['entrypoints/options/', 'pages'],
  ['entrypoints/library/', 'pages'],
  ['utils/page-reader/', 'page-reader'],
  ['entrypoints/page-reader.ts', 'page-reader'],
];

/** Which contexts each context may import from (itself included). */
const MAY_IMPORT: Readonly<Record<Context, readonly Context[]>> = {
  shared: ['shared'],
  storage: ['storage', 'shared'],
  content: ['content', 'shared'],
  background: ['background', 'storage', 'shared'],
  pages: ['pages', 'storage', 'shared'],
  'page-reader': ['page-reader', 'shared'],
};

/** Packages that must never reach a context's bundle (runtime imports, followed through files). */
const FORBIDDEN_PACKAGES: Readonly<Record<Context, readonly string[]>> = {
  shared: [
    'dexie',
    'dexie-react-hooks',
    'react',
    'react-dom',
    '@mozilla/readability',
    'wxt/browser',
    'wxt/utils/storage',
    'webextension-polyfill',
  ],
  storage: ['react', 'react-dom', '@mozilla/readability'],
  content: [
    'dexie',
    'dexie-react-hooks',
    'react',
    'react-dom',
    '@mozilla/readability',
    'valibot',
    'wxt/utils/storage',
  ],
  background: ['react', 'react-dom', 'dexie-react-hooks', '@mozilla/readability'],
  pages: ['@mozilla/readability'],
  'page-reader': [
    'dexie',
    'dexie-react-hooks',
    'react',
    'react-dom',
    'valibot',
    'wxt/browser',
    'wxt/utils/storage',
  ],
};

/** Contexts whose code may not touch the DOM: the service worker has none. */
const NO_DOM: readonly Context[] = ['shared', 'storage', 'background'];

const ENTRYPOINTS = [
  'entrypoints/background/index.ts',
  'entrypoints/content/index.ts',
  'entrypoints/popup/main.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/page-reader.ts',
];

/** The message protocol (types and rules) and its schemas: they import no runtime module. */
const PROTOCOL = ['utils/shared/protocol.ts', 'utils/shared/messageSchemas.ts'];

function contextOf(file: string): Context | undefined {
  return CONTEXT_OF.find(([prefix]) => file.startsWith(prefix))?.[1];
}

/** Folder rules broken by a graph: one line per offending import. */
function folderViolations(graph: ReadonlyMap<string, SourceFile>): string[] {
  const out: string[] = [];
  for (const [file, source] of graph) {
    const from = contextOf(file);
    if (!from) {
      out.push(`${file}: not in any context folder`);
      continue;
    }
    for (const edge of source.imports) {
      if (edge.pkg !== undefined) continue;
      if (edge.to === undefined) {
        out.push(`${file}: imports ${edge.specifier}, which does not resolve`);
        continue;
      }
      const to = contextOf(edge.to);
      if (!to || !MAY_IMPORT[from].includes(to)) {
        out.push(`${file} (${from}) imports ${edge.to} (${to ?? 'no context'})`);
      }
    }
  }
  return out;
}

function packageViolations(graph: ReadonlyMap<string, SourceFile>): string[] {
  const out: string[] = [];
  for (const file of graph.keys()) {
    const context = contextOf(file);
    if (!context) continue;
    const { packages } = runtimeClosure(graph, file);
    for (const pkg of FORBIDDEN_PACKAGES[context]) {
      const via = packages.get(pkg);
      if (via) out.push(`${file} (${context}) pulls in ${pkg} through ${via}`);
    }
  }
  return out;
}

const graph = readGraph(ROOT, ['utils', 'components', 'entrypoints']);

function edgeList(edges: readonly ImportEdge[]): string[] {
  return edges.map((edge) => `${edge.from} → ${edge.specifier}`);
}

describe('architecture: the real import graph', () => {
  it('reads the whole source tree', () => {
    // Guards the checks below against passing on an empty or half-read graph.
    expect(graph.size).toBeGreaterThan(60);
    for (const entry of ENTRYPOINTS) expect(graph.has(entry), entry).toBe(true);
    expect(graph.get('entrypoints/background/index.ts')?.imports.length).toBeGreaterThan(0);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('puts every file in a context folder, importing only the contexts it may', () => {
    expect(folderViolations(graph)).toEqual([]);
  });

  it('keeps forbidden packages out of each context: no Dexie, React, valibot or Readability in the content script, no React in the worker…', () => {
    expect(packageViolations(graph)).toEqual([]);
  });

  it('keeps the DOM out of the service worker and of shared code', () => {
    const touching = [...graph.values()]
      .filter((source) => NO_DOM.includes(contextOf(source.path) as Context))
      .filter((source) => source.domGlobals.length > 0)
      .map((source) => `${source.path}: ${[...new Set(source.domGlobals)].join(', ')}`);
    expect(touching).toEqual([]);
  });

  it('has the protocol import no runtime module: only valibot and pure shared code', () => {
    for (const file of PROTOCOL) {
      const imports = graph.get(file)?.imports ?? [];
      expect(imports.length, file).toBeGreaterThan(0);
      const other = imports.filter(
        (edge) => !(edge.pkg === 'valibot' || edge.to?.startsWith('utils/shared/')),
      );
      expect(edgeList(other)).toEqual([]);
    }
  });

  it('uses one import style: `@/` for every file of the project', () => {
    const relative = [...graph.values()].flatMap((source) =>
      source.imports.filter((edge) => edge.specifier.startsWith('.')),
    );
    expect(edgeList(relative)).toEqual([]);
  });

  it('keeps entrypoints thin: wiring only, the logic lives in utils/', () => {
    const fat = ENTRYPOINTS.filter((entry) => (graph.get(entry)?.lines ?? 0) > 60);
    expect(fat).toEqual([]);
  });
});

describe('architecture: the checks themselves catch what they should', () => {
  const file = (
    filePath: string,
    imports: Partial<ImportEdge>[] = [],
    domGlobals: string[] = [],
  ): [string, SourceFile] => [
    filePath,
    {
      path: filePath,
      imports: imports.map((edge) => ({
        from: filePath,
        specifier: edge.specifier ?? edge.to ?? edge.pkg ?? '',
        typeOnly: false,
        ...edge,
      })),
      domGlobals,
      lines: 1,
    },
  ];

  it('finds a cycle through type-only imports too', () => {
    const cyclic = new Map([
      file('utils/shared/a.ts', [{ to: 'utils/shared/b.ts' }]),
      file('utils/shared/b.ts', [{ to: 'utils/shared/c.ts', typeOnly: true }]),
      file('utils/shared/c.ts', [{ to: 'utils/shared/a.ts' }]),
      file('utils/shared/d.ts', [{ to: 'utils/shared/a.ts' }]),
    ]);
    expect(findCycles(cyclic)).toEqual([
      ['utils/shared/a.ts', 'utils/shared/b.ts', 'utils/shared/c.ts'],
    ]);
    expect(findCycles(new Map([file('utils/shared/a.ts', [{ to: 'utils/shared/a.ts' }])]))).toEqual(
      [['utils/shared/a.ts']],
    );
  });

  it('refuses shared code importing the background, and content importing the database', () => {
    const bad = new Map([
      file('utils/shared/paper.ts', [{ to: 'utils/background/paperStore.ts', typeOnly: true }]),
      file('utils/content/pageMarks.ts', [{ to: 'utils/storage/database.ts' }]),
      file('utils/background/paperStore.ts'),
      file('utils/storage/database.ts'),
      file('utils/loose.ts'),
    ]);
    expect(folderViolations(bad)).toEqual([
      'utils/shared/paper.ts (shared) imports utils/background/paperStore.ts (background)',
      'utils/content/pageMarks.ts (content) imports utils/storage/database.ts (storage)',
      'utils/loose.ts: not in any context folder',
    ]);
  });

  it('follows runtime imports to a forbidden package, and lets type-only imports through', () => {
    const graphWithPackages = new Map([
      file('utils/content/contentScript.ts', [
        { to: 'utils/shared/protocol.ts', typeOnly: true },
        { to: 'utils/shared/paper.ts' },
      ]),
      file('utils/shared/protocol.ts', [{ pkg: 'valibot' }]),
      file('utils/shared/paper.ts', [{ to: 'utils/shared/text.ts' }]),
      file('utils/shared/text.ts', [{ pkg: 'react' }]),
    ]);
    expect(packageViolations(graphWithPackages)).toEqual([
      'utils/content/contentScript.ts (content) pulls in react through utils/shared/text.ts',
      'utils/shared/paper.ts (shared) pulls in react through utils/shared/text.ts',
      'utils/shared/text.ts (shared) pulls in react through utils/shared/text.ts',
    ]);
  });
});
