// The import graph of src/, read with the TypeScript parser (no type checking): every relative
// import, `export … from`, dynamic `import()` and `import('…')` type, each marked type-only or not.
// test/architecture/layers.test.ts checks the layer rules of docs/architecture-notes.md on it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import of one module by another, both as paths relative to the repository root (`src/…`). */
export interface ImportEdge {
  from: string;
  to: string;
  /** Erased when compiled (`import type`, every name `type`, or an `import('…')` type). */
  typeOnly: boolean;
  /** 1-based line of the import in `from`. */
  line: number;
}

/** Whether an import declaration brings in types only. */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** Whether an `export … from` declaration re-exports types only. */
function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

/** Module specifiers a source text imports, with whether each is type-only and its line. */
export function importsOf(file: string, text: string): { specifier: string; typeOnly: boolean; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean; line: number }[] = [];
  const add = (specifier: ts.Node, typeOnly: boolean, node: ts.Node): void => {
    const literal = ts.isLiteralTypeNode(specifier) ? specifier.literal : specifier;
    if (!ts.isStringLiteralLike(literal)) return;
    found.push({ specifier: literal.text, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, isTypeOnlyImport(node), node);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) add(node.moduleSpecifier, isTypeOnlyExport(node), node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly, node);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined) add(node.arguments[0], false, node);
    else if (ts.isImportTypeNode(node)) add(node.argument, true, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The module a relative specifier names, relative to the root with `/` separators: `./x.js` is
 * `x.ts` (NodeNext spells TypeScript imports with `.js`), a folder its `index.ts`. `undefined`
 * for a package (`xstate`, `node:fs`).
 */
export function resolveSpecifier(fromFile: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const typescript = joined.replace(/\.js$/, '.ts');
  if (exists(typescript)) return typescript;
  if (exists(`${joined}/index.ts`)) return `${joined}/index.ts`;
  return joined; // a JSON file, or a module that does not exist (tsc reports that)
}

/** Every `.ts` file under a folder, as root-relative paths with `/` separators. */
export function sourceFiles(root: string, folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(ts|mts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(root, full).split(sep).join('/')] : [];
    });
  return walk(join(root, folder)).sort();
}

/** The import edges among `files` (root-relative), read from disk under `root`. */
export function importGraph(root: string, files: readonly string[]): ImportEdge[] {
  const exists = (path: string): boolean => existsSync(join(root, path));
  return files.flatMap((from) =>
    importsOf(from, readFileSync(join(root, from), 'utf8')).flatMap(({ specifier, typeOnly, line }) => {
      const to = resolveSpecifier(from, specifier, exists);
      return to === undefined ? [] : [{ from, to, typeOnly, line }];
    }),
  );
}

/**
 * The cycles of a graph: each strongly connected component of more than one module (or a module
 * that imports itself), as one cycle through it, e.g. `a.ts → b.ts → a.ts`. Tarjan's algorithm,
 * iterative (no recursion limit on a deep graph).
 */
export function cyclesOf(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (order.has(start)) continue;
    const work: { node: string; index: number }[] = [{ node: start, index: 0 }];
    order.set(start, counter);
    lowest.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.index < targets.length) {
        const target = targets[frame.index++]!;
        if (!order.has(target)) {
          order.set(target, counter);
          lowest.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, index: 0 });
        } else if (onStack.has(target)) lowest.set(frame.node, Math.min(lowest.get(frame.node)!, order.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) lowest.set(parent.node, Math.min(lowest.get(parent.node)!, lowest.get(frame.node)!));
      if (lowest.get(frame.node) !== order.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || targets.includes(frame.node)) components.push(component);
    }
  }
  return components.map((component) => cycleThrough(component, next));
}

/** One cycle through a strongly connected component, starting at its first module by name. */
function cycleThrough(component: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // breadth-first from start's successors back to start, inside the component
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target) || previous.has(target)) continue;
      previous.set(target, node);
      if (target === start) queue.length = 0;
      else queue.push(target);
      if (target === start) break;
    }
  }
  const path = [start];
  for (let node = previous.get(start)!; node !== start; node = previous.get(node)!) path.unshift(node);
  path.unshift(start);
  return path;
}

/** The modules reachable from `entry` through edges that are kept at run time (not type-only). */
export function runtimeClosure(edges: readonly ImportEdge[], entry: string): Set<string> {
  const reached = new Set([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const module = pending.pop()!;
    for (const edge of edges) {
      if (edge.from !== module || edge.typeOnly || reached.has(edge.to)) continue;
      reached.add(edge.to);
      pending.push(edge.to);
    }
  }
  return reached;
}
