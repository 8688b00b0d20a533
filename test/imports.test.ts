import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importCycles, importGraph, relativeSpecifiers } from './helpers/imports.js';

const TOOLS = join(import.meta.dirname, '..', 'tools');

/**
 * The layering: the engine (which loads, lints and reports) must not depend on lifecycle/ (git
 * and changes) or authoring/ (the commands that write documents); what both need lives below
 * them (model/, edits/).
 */
const FORBIDDEN: readonly { from: string; to: string }[] = [
  { from: 'engine/', to: 'lifecycle/' },
  { from: 'engine/', to: 'authoring/' },
];

/** The imports of a graph that a rule of `FORBIDDEN` forbids, as `from -> to`, sorted. */
function forbiddenImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const upward: string[] = [];
  for (const [from, targets] of graph) {
    for (const target of targets) {
      if (FORBIDDEN.some((rule) => from.startsWith(rule.from) && target.startsWith(rule.to))) upward.push(`${from} -> ${target}`);
    }
  }
  return upward.sort();
}

describe('the import graph of tools/', () => {
  const graph = importGraph(TOOLS);

  test('is read from every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('cli/main.ts')).toEqual(expect.arrayContaining(['cli/commands.ts']));
    for (const [from, targets] of graph) {
      for (const target of targets) expect(graph.has(target), `${from} imports ${target}, which is no source file`).toBe(true);
    }
  });

  test('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test('has engine/ import neither lifecycle/ nor authoring/', () => {
    expect(forbiddenImports(graph)).toEqual([]);
  });
});

describe('the import reader', () => {
  test('finds static, re-exported, side-effect and dynamic imports, type-only ones included', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../model/b.js';",
      "export { c } from \"./c.js\";",
      "import './d.js';",
      "const e = () => import('./e.js');",
      "import { f } from 'node:fs';",
      "const text = 'from here';",
    ].join('\n');
    expect(relativeSpecifiers(source)).toEqual(['./a.js', '../model/b.js', './c.js', './d.js', './e.js']);
  });

  test('finds cycles of any length and self-imports, and nothing in a chain', () => {
    const graph = new Map<string, string[]>([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', []],
      ['f.ts', ['f.ts']],
      ['g.ts', ['h.ts']],
      ['h.ts', ['g.ts', 'e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['f.ts'], ['g.ts', 'h.ts']]);
  });

  test('finds the imports the layering forbids, and only those', () => {
    const graph = new Map<string, string[]>([
      ['engine/a.ts', ['engine/b.ts', 'lifecycle/c.ts', 'model/d.ts']],
      ['engine/b.ts', ['authoring/e.ts']],
      ['lifecycle/c.ts', ['engine/a.ts']],
      ['authoring/e.ts', ['engine/b.ts', 'lifecycle/c.ts']],
      ['model/d.ts', []],
    ]);
    expect(forbiddenImports(graph)).toEqual(['engine/a.ts -> lifecycle/c.ts', 'engine/b.ts -> authoring/e.ts']);
  });
});
