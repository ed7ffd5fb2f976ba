/**
 * The real import graph of the extension's source, read with the TypeScript parser, and the
 * architecture's rules over it (tests/unit/architecture.test.ts). Type-only imports are kept
 * apart: they vanish from the bundles, so package rules look at runtime imports only, while
 * cycles and folder rules look at both.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repo-relative path of the importing file. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repo-relative path of the imported file, or undefined for a package. */
  to?: string;
  /** The package name for a bare specifier (`react`, `wxt/browser`, `@mozilla/readability`). */
  pkg?: string;
  /** Erased at build time (`import type`, or every name imported with `type`). */
  typeOnly: boolean;
}

export interface SourceFile {
  path: string;
  imports: ImportEdge[];
  /** DOM globals the file refers to (`document`, `window`, …), in order of appearance. */
  domGlobals: string[];
  lines: number;
}

const SOURCE = /\.(ts|tsx)$/;
const DOM_GLOBALS = new Set([
  'document',
  'window',
  'DOMParser',
  'HTMLElement',
  'Element',
  'Node',
  'MutationObserver',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
]);

export function listSources(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = path.posix.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of dirs) if (existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

function resolveLocal(root: string, from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? specifier.slice(2)
    : path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return undefined;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.slice(0, 2).join('/');
  // `wxt/browser` and `wxt/utils/storage` are different things to the rules: keep the subpath.
  return parts[0] === 'wxt' ? specifier : (parts[0] ?? specifier);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** A global reference, not a property name (`x.document`) or a declaration's own name. */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) return false;
  if (ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) return false;
  if (ts.isParameter(parent) || ts.isVariableDeclaration(parent)) return parent.name !== node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isBindingElement(parent)) return false;
  if (ts.isTypeReferenceNode(parent)) return false; // a type annotation does not touch the DOM
  if (ts.isQualifiedName(parent)) return false;
  return true;
}

export function readSource(root: string, file: string): SourceFile {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: ImportEdge[] = [];
  const domGlobals: string[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (/\.(css|html|svg|png)(\?.*)?$/.test(specifier)) return;
    const local = specifier.startsWith('.') || specifier.startsWith('@/');
    imports.push(
      local
        ? { from: file, specifier, to: resolveLocal(root, file, specifier), typeOnly }
        : { from: file, specifier, pkg: packageOf(specifier), typeOnly },
    );
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
        add(argument.literal.text, true);
      }
    } else if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && isGlobalReference(node)) {
      domGlobals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { path: file, imports, domGlobals, lines: text.split('\n').length };
}

export function readGraph(root: string, dirs: readonly string[]): Map<string, SourceFile> {
  return new Map(listSources(root, dirs).map((file) => [file, readSource(root, file)]));
}

/** Every import cycle (strongly connected component of more than one file, or a self-import). */
export function findCycles(graph: ReadonlyMap<string, Pick<SourceFile, 'imports'>>): string[][] {
  // Tarjan's algorithm, iterative enough for a source tree of a few hundred files.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const next = (file: string) =>
    (graph.get(file)?.imports ?? [])
      .map((edge) => edge.to)
      .filter((to): to is string => to !== undefined && graph.has(to));
  const connect = (file: string) => {
    indexOf.set(file, index);
    low.set(file, index);
    index += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of next(file)) {
      if (!indexOf.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file) ?? 0, indexOf.get(to) ?? 0));
      }
    }
    if (low.get(file) === indexOf.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next(file).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!indexOf.has(file)) connect(file);
  return cycles;
}

/**
 * Everything a file pulls into its bundle: the files and packages reached through runtime
 * imports (type-only imports are erased).
 */
export function runtimeClosure(
  graph: ReadonlyMap<string, Pick<SourceFile, 'imports'>>,
  start: string,
): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  /** package → the file that imports it */
  const packages = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const edge of graph.get(file)?.imports ?? []) {
      if (edge.typeOnly) continue;
      if (edge.pkg !== undefined && !packages.has(edge.pkg)) packages.set(edge.pkg, file);
      if (edge.to !== undefined) queue.push(edge.to);
    }
  }
  return { files, packages };
}
