#!/usr/bin/env node
// The eipw baseline: runs eipw (the EIP validator, through its npm build eipw-lint-js) on every
// proposal of an EIPs checkout, times the run, and writes per file the lint kinds eipw reports,
// as JSON. It is the yardstick the EIP profile is compared with (docs/profiles.md); it reads a
// checkout outside the repository and is never part of the tests.
//
//   node scripts/eipw-baseline.mjs --repo ../EIPs [--out eipw-baseline.json] [--folder EIPS]
//
// Exit codes: 0 written, 2 usage or a checkout without proposals.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const USAGE = 'usage: node scripts/eipw-baseline.mjs --repo DIR [--out FILE] [--folder EIPS]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      repo: { type: 'string' },
      out: { type: 'string' },
      folder: { type: 'string', default: 'EIPS' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`eipw-baseline: ${error.message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.repo) {
  process.stderr.write(`eipw-baseline: --repo is required\n${USAGE}\n`);
  process.exit(2);
}

const repo = resolve(values.repo);
const out = values.out === undefined ? undefined : resolve(values.out);
const folder = join(repo, values.folder);
let files;
try {
  files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort(byProposalNumber);
} catch (error) {
  process.stderr.write(`eipw-baseline: cannot read ${folder}: ${error.message}\n`);
  process.exit(2);
}
if (files.length === 0) {
  process.stderr.write(`eipw-baseline: no .md files in ${folder}\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve('eipw-lint-js/package.json'), 'utf8')).version;

const loadStart = performance.now();
const { lint } = await import('eipw-lint-js');
const loadMs = performance.now() - loadStart;

// eipw reads the proposals itself (and the ones they link to, for `requires` and link statuses),
// relative to the working directory; it is given every file in one call, as its command line is.
process.chdir(repo);
const paths = files.map((path) => relative(repo, path));
const lintStart = performance.now();
const findings = await lint(paths);
const lintMs = performance.now() - lintStart;

const byFile = Object.fromEntries(paths.map((path) => [path, {}]));
const lints = {};
const levels = {};
let unplaced = 0;
for (const finding of findings) {
  const kind = finding.id ?? '(no id)';
  const origin = finding.snippets?.find((snippet) => typeof snippet.origin === 'string')?.origin ?? /-->\s+(\S+)/.exec(finding.formatted ?? '')?.[1];
  const path = origin === undefined ? undefined : relative(repo, resolve(repo, origin));
  lints[kind] = (lints[kind] ?? 0) + 1;
  levels[`${kind} ${String(finding.level).toLowerCase()}`] = (levels[`${kind} ${String(finding.level).toLowerCase()}`] ?? 0) + 1;
  if (path === undefined || !Object.hasOwn(byFile, path)) {
    unplaced++;
    continue;
  }
  byFile[path][kind] = (byFile[path][kind] ?? 0) + 1;
}

// The status each file declares (read with a plain expression, as eipw's findings depend on it:
// stubs of moved proposals and Stagnant or Withdrawn ones are judged differently).
const statuses = Object.fromEntries(paths.map((path) => [path, statusOf(readFileSync(join(repo, path), 'utf8'))]));
const filesPerStatus = {};
for (const status of Object.values(statuses)) filesPerStatus[status] = (filesPerStatus[status] ?? 0) + 1;
const filesPerLint = {};
const filesPerLintByStatus = {};
for (const [path, kinds] of Object.entries(byFile)) {
  for (const kind of Object.keys(kinds)) {
    filesPerLint[kind] = (filesPerLint[kind] ?? 0) + 1;
    const perStatus = (filesPerLintByStatus[kind] ??= {});
    perStatus[statuses[path]] = (perStatus[statuses[path]] ?? 0) + 1;
  }
}

const report = {
  eipw: `eipw-lint-js ${version}`,
  folder: values.folder,
  files: paths.length,
  filesWithFindings: Object.values(byFile).filter((kinds) => Object.keys(kinds).length > 0).length,
  findings: findings.length,
  unplacedFindings: unplaced,
  loadSeconds: round(loadMs / 1000),
  lintSeconds: round(lintMs / 1000),
  lints: sortedObject(lints),
  filesPerStatus: sortedObject(filesPerStatus),
  filesPerLint: sortedObject(filesPerLint),
  filesPerLintByStatus: Object.fromEntries(Object.entries(sortedObject(filesPerLintByStatus)).map(([kind, perStatus]) => [kind, sortedObject(perStatus)])),
  levels: sortedObject(levels),
  byFile: Object.fromEntries(Object.entries(byFile).map(([path, kinds]) => [path, sortedObject(kinds)])),
};

const json = `${JSON.stringify(report, null, 2)}\n`;
if (out) writeFileSync(out, json);
else process.stdout.write(json);
process.stderr.write(
  `eipw-baseline: ${paths.length} files, ${findings.length} findings in ${report.filesWithFindings} files; ` +
    `eipw loaded in ${report.loadSeconds} s, linted in ${report.lintSeconds} s\n`,
);

function byProposalNumber(a, b) {
  const number = (path) => Number(/(\d+)\.md$/.exec(path)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function statusOf(text) {
  const preamble = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return /^status:[ \t]*(.*?)[ \t]*$/m.exec(preamble)?.[1] ?? '(none)';
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function sortedObject(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
