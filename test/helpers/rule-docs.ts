import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../tools/rules/rule.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export const EXAMPLES_START = '<!-- examples:start: generated from test/fixtures/rules by `npm run docs:rules`; do not edit -->';
export const EXAMPLES_END = '<!-- examples:end -->';

/** The headings every rule page has, in this order. */
export const PAGE_HEADINGS = ['## What it checks', '## Why', '## Examples', '## Options', '## When to turn it off'];

const MAX_FILES = 3;

/** The generated examples section of a rule page: the first failing and passing fixture cases. */
export function renderExamples(rule: Rule): string {
  const folder = join(FIXTURES, rule.id);
  const cases = existsSync(folder) ? readdirSync(folder).sort() : [];
  const failing = cases.find((name) => name.startsWith('not-ok-'));
  const passing = cases.find((name) => name.startsWith('ok-'));
  let out = `${EXAMPLES_START}\n`;
  if (failing) {
    const expected = readFileSync(join(folder, failing, 'expected.txt'), 'utf8');
    const reported = new Set(expected.split('\n').map((line) => line.split(':')[0] ?? ''));
    out += `\n### Failing\n\n${renderCase(rule, join(folder, failing), (name) => reported.has(name))}`;
    out += `Reported (\`path:line:column-endLine:endColumn severity rule message\`):\n\n\`\`\`text\n${expected}\`\`\`\n`;
  }
  if (passing) out += `\n### Passing\n\n${renderCase(rule, join(folder, passing), () => true)}`;
  return `${out}\n${EXAMPLES_END}`;
}

/**
 * The files of a case. A change case (`base/` and `head/`) shows both sides: the reported files
 * first, then the others, up to the limit on each side.
 */
function renderCase(rule: Rule, folder: string, reported: (name: string) => boolean): string {
  if (!existsSync(join(folder, 'base')) || !existsSync(join(folder, 'head'))) return renderFiles(rule, folder, readdirSync(folder).sort().filter(reported));
  const side = (name: string): string[] => {
    const names = readdirSync(join(folder, name)).filter((file) => file.endsWith('.md')).sort();
    return [...names.filter(reported), ...names.filter((file) => !reported(file))];
  };
  return `Base (before the change):\n\n${renderFiles(rule, join(folder, 'base'), side('base'))}Head (after the change):\n\n${renderFiles(rule, join(folder, 'head'), side('head'))}`;
}

function renderFiles(rule: Rule, folder: string, candidates: readonly string[]): string {
  const names = candidates
    .filter((name) => name.endsWith('.md'))
    .slice(0, MAX_FILES);
  let out = '';
  for (const name of names) {
    const bytes = readFileSync(join(folder, name));
    let text = bytes.toString('utf8');
    if (bytes.includes(0) || text.includes('\ufffd')) {
      out += `\`${name}\` (binary or not UTF-8; see the fixture)\n\n`;
      continue;
    }
    text = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    if (!rule.meta.needsBody) text = frontMatterOnly(text);
    const fence = text.includes('```') ? '````' : '```';
    out += `\`${name}\`:\n\n${fence}markdown\n${text.endsWith('\n') ? text : `${text}\n`}${fence}\n\n`;
  }
  return out;
}

/** The front matter and a marker for the rest, which the rule does not read. */
function frontMatterOnly(text: string): string {
  const match = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    const lines = text.split('\n');
    return lines.length > 6 ? `${lines.slice(0, 6).join('\n')}\n...\n` : text;
  }
  return `${match[0]}${text.length > match[0].length ? '\n...\n' : ''}`;
}

/** Replaces the examples section of a page with the generated one. */
export function withExamples(page: string, examples: string): string {
  const start = page.indexOf(EXAMPLES_START);
  const end = page.indexOf(EXAMPLES_END);
  if (start === -1 || end === -1) return page;
  return page.slice(0, start) + examples + page.slice(end + EXAMPLES_END.length);
}
