import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../tools/rules/rule.js';
import { historySteps } from './history.js';
import { CASE_CONFIG_FILE } from './lint.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export const EXAMPLES_START = '<!-- examples:start: generated from test/fixtures/rules by `npm run docs:rules`; do not edit -->';
export const EXAMPLES_END = '<!-- examples:end -->';

/** The headings every rule page has, in this order. */
export const PAGE_HEADINGS = ['## What it checks', '## Why', '## Examples', '## Options', '## When to turn it off'];

const MAX_FILES = 3;

/**
 * The generated examples section of a rule page: the first failing and passing fixture cases.
 * A case folder holds documents, or (for rules that check certificate-scope files) a `Standards/`
 * and a `Tests/` folder, or (for lifecycle rules) the `base/` and `head/` sides of a change; files
 * are named by their path inside the case. Rules that check scope files against the standards
 * folder also show the documents their examples name. A case linted with a configuration of its
 * own (`.scs-standards.json`, which chooses the profile) shows it first.
 */
export function renderExamples(rule: Rule): string {
  const folder = join(FIXTURES, rule.id);
  const cases = existsSync(folder) ? readdirSync(folder).sort() : [];
  const failing = cases.find((name) => name.startsWith('not-ok-'));
  const passing = cases.find((name) => name.startsWith('ok-'));
  const withDocuments = rule.meta.input === 'scope' && rule.meta.scope === 'corpus';
  let out = `${EXAMPLES_START}\n`;
  if (failing) {
    const expected = readFileSync(join(folder, failing, 'expected.txt'), 'utf8');
    const reported = new Set(expected.split('\n').map((line) => line.split(':')[0] ?? ''));
    const caseFolder = join(folder, failing);
    out += `\n### Failing\n\n${renderConfig(caseFolder)}`;
    if (isHistory(caseFolder)) out += renderHistory(rule, caseFolder);
    else if (isChange(caseFolder)) out += renderChange(rule, caseFolder, (name) => reported.has(name));
    else {
      const files = caseFiles(caseFolder);
      out += renderFiles(rule, caseFolder, files.filter((name) => reported.has(name)).slice(0, MAX_FILES));
      if (withDocuments) out += renderFiles(rule, caseFolder, files.filter((name) => isDocument(name) && expected.includes(`\`${documentId(name)}\``)));
    }
    out += `Reported (\`path:line:column-endLine:endColumn severity rule message\`):\n\n\`\`\`text\n${expected}\`\`\`\n`;
  }
  if (passing) out += `\n### Passing\n\n${renderConfig(join(folder, passing))}`;
  if (passing && isHistory(join(folder, passing))) {
    out += renderHistory(rule, join(folder, passing));
  } else if (passing && isChange(join(folder, passing))) {
    out += renderChange(rule, join(folder, passing), () => true);
  } else if (passing) {
    const files = caseFiles(join(folder, passing));
    const scopeFiles = files.filter((name) => !isDocument(name));
    const shown = rule.meta.input !== 'scope' ? files.slice(0, MAX_FILES) : withDocuments ? [...scopeFiles, ...files.filter(isDocument)] : scopeFiles.slice(0, MAX_FILES);
    out += renderFiles(rule, join(folder, passing), shown);
  }
  return `${out}\n${EXAMPLES_END}`;
}

/** The configuration a case is linted with, when it has one of its own. */
function renderConfig(folder: string): string {
  const path = join(folder, CASE_CONFIG_FILE);
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  return `The configuration, \`${CASE_CONFIG_FILE}\`:\n\n\`\`\`json\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\`\n\n`;
}

/** A change case holds `base/` and `head/`: the two sides of a change (lifecycle rules). */
function isChange(folder: string): boolean {
  return existsSync(join(folder, 'base')) && existsSync(join(folder, 'head'));
}

/** A history case holds numbered step folders, one commit each (history rules). */
function isHistory(folder: string): boolean {
  return historySteps(folder).length > 0;
}

/** Each commit of a history case: its date and subject, the documents it adds or changes, and those it deletes. */
function renderHistory(rule: Rule, folder: string): string {
  let out = '';
  let before = new Map<string, string>();
  for (const [index, step] of historySteps(folder).entries()) {
    const path = join(folder, step);
    const [date = '', subject = ''] = readFileSync(join(path, 'commit.txt'), 'utf8').split('\n');
    const now = new Map(readdirSync(path).filter((file) => file.endsWith('.md')).sort().map((file) => [file, readFileSync(join(path, file), 'utf8')] as const));
    const changed = [...now].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
    const deleted = [...before.keys()].filter((file) => !now.has(file));
    out += `Commit ${index + 1}, ${date.trim()}: ${subject.trim()}\n\n`;
    out += renderFiles(rule, path, changed);
    if (deleted.length > 0) out += `Deleted: ${deleted.map((file) => `\`${file}\``).join(', ')}\n\n`;
    before = now;
  }
  return out;
}

/** Both sides of a change case: on each side the reported files first, then the others, up to the limit. */
function renderChange(rule: Rule, folder: string, reported: (name: string) => boolean): string {
  const side = (name: string): string[] => {
    const names = readdirSync(join(folder, name)).filter((file) => file.endsWith('.md')).sort();
    return [...names.filter(reported), ...names.filter((file) => !reported(file))].slice(0, MAX_FILES);
  };
  return `Base (before the change):\n\n${renderFiles(rule, join(folder, 'base'), side('base'))}Head (after the change):\n\n${renderFiles(rule, join(folder, 'head'), side('head'))}`;
}

/** The documents and scope files of a case, by path inside it, sorted. */
function caseFiles(folder: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...caseFiles(folder, name));
    else if (/\.(md|ya?ml)$/.test(entry.name)) files.push(name);
  }
  return files.sort();
}

function isDocument(name: string): boolean {
  return name.endsWith('.md');
}

/** `scs-0100-v1` for `Standards/scs-0100-v1-flavor-naming.md`. */
function documentId(name: string): string {
  return /scs-[^-/]+-[^-/]+(?=-[^/]*\.md$)/.exec(name)?.[0] ?? name;
}

function renderFiles(rule: Rule, folder: string, names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    const bytes = readFileSync(join(folder, name));
    let text = bytes.toString('utf8');
    if (bytes.includes(0) || text.includes('\ufffd')) {
      out += `\`${name}\` (binary or not UTF-8; see the fixture)\n\n`;
      continue;
    }
    text = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    const language = isDocument(name) ? 'markdown' : 'yaml';
    if (isDocument(name) && !rule.meta.needsBody) text = frontMatterOnly(text);
    const fence = text.includes('```') ? '````' : '```';
    out += `\`${name}\`:\n\n${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}\n\n`;
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
