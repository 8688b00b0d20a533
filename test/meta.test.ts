import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rulesTable } from '../tools/cli/rules.js';
import { rules } from '../tools/rules/index.js';
import { EXAMPLES_END, EXAMPLES_START, FIXTURES, PAGE_HEADINGS, renderExamples, withExamples } from './helpers/rule-docs.js';

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'tools', 'rules');
const DOCS_DIR = join(ROOT, 'docs', 'rules');
const NOT_RULES = new Set(['index.ts', 'rule.ts']);

describe('rule registry', () => {
  test('every rule file is registered under its file name, and nothing else is', () => {
    const files = readdirSync(RULES_DIR)
      .filter((name) => name.endsWith('.ts') && !NOT_RULES.has(name))
      .map((name) => name.slice(0, -3))
      .sort();
    expect(rules.map((rule) => rule.id)).toEqual(files);
  });

  test('the registry is sorted by id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
  });

  test('every doc page belongs to a rule', () => {
    const pages = readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    expect(pages).toEqual(rules.map((rule) => rule.id));
  });

  test('the README rule table is the one the registry generates', () => {
    const path = join(ROOT, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const start = readme.indexOf('<!-- rules:start -->\n');
    const end = readme.indexOf('<!-- rules:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const current = `${readme.slice(0, start)}<!-- rules:start -->\n${rulesTable()}${readme.slice(end)}`;
    if (process.env.UPDATE_GOLDEN === '1' && current !== readme) writeFileSync(path, current);
    else expect(readme).toBe(current);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  test('has ok and not-ok fixtures', () => {
    const folder = join(FIXTURES, id);
    const cases = existsSync(folder) ? readdirSync(folder) : [];
    expect(cases.some((name) => name.startsWith('ok-'))).toBe(true);
    expect(cases.some((name) => name.startsWith('not-ok-'))).toBe(true);
    expect(cases.every((name) => name.startsWith('ok-') || name.startsWith('not-ok-'))).toBe(true);
  });

  test('has a doc page with the fixed headings, its description and current examples', () => {
    const path = join(DOCS_DIR, `${id}.md`);
    expect(existsSync(path), `docs/rules/${id}.md`).toBe(true);
    const page = readFileSync(path, 'utf8');
    expect(page.startsWith(`# \`${id}\`\n`)).toBe(true);
    expect(page).toContain(rule.meta.description);
    let at = -1;
    for (const heading of PAGE_HEADINGS) {
      const found = page.indexOf(`\n${heading}\n`);
      expect(found, heading).toBeGreaterThan(at);
      at = found;
    }
    expect(page).toContain(EXAMPLES_START);
    expect(page).toContain(EXAMPLES_END);
    const current = withExamples(page, renderExamples(rule));
    if (process.env.UPDATE_GOLDEN === '1' && current !== page) writeFileSync(path, current);
    else expect(page).toBe(current);
  });
});
