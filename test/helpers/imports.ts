import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The import graph of the TypeScript sources of a folder, read with a plain regular expression
 * (no compiler): every `from '...'`, `import '...'` and `import('...')` with a relative
 * specifier, type-only imports included (data files such as `.json` are left out). Specifiers name the compiled `.js` files; they are
 * resolved to the `.ts` sources. Paths are relative to the folder, with `/`.
 */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of typeScriptFiles(root)) {
    const from = toKey(root, file);
    const targets = new Set<string>();
    for (const specifier of relativeSpecifiers(readFileSync(file, 'utf8'))) {
      // JSON and other data files are no modules of the graph.
      if (!/\.[jt]s$/.test(specifier)) continue;
      targets.add(toKey(root, resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))));
    }
    graph.set(from, [...targets].sort());
  }
  return graph;
}

const SPECIFIER = /\bfrom\s*(['"])(\.{1,2}\/[^'"]+)\1|\bimport\s*(['"])(\.{1,2}\/[^'"]+)\3|\bimport\s*\(\s*(['"])(\.{1,2}\/[^'"]+)\5\s*\)/g;

/** The relative module specifiers a source names. */
export function relativeSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4] ?? match[6];
    if (specifier !== undefined) found.push(specifier);
  }
  return found;
}

function typeScriptFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...typeScriptFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

function toKey(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * The import cycles of a graph: its strongly connected components (Tarjan) of more than one
 * module, or of one module that imports itself. Each cycle is its modules, sorted; the cycles
 * are sorted by their first module.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  // Iterative, so that a deep chain of imports cannot overflow the call stack.
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (!frame) break;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (target === undefined) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          frames.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
