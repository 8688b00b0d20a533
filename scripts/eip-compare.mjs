#!/usr/bin/env node
// Compares the `eip` profile with eipw on a real EIPs checkout, file by file, on the lint kinds
// both have. Our findings are those of `scs-standards lint --format json` with the `eip` profile
// (build first: `npm run build`); eipw's come from the JSON of scripts/eipw-baseline.mjs.
// Prints a Markdown table (files flagged by both, by eipw only, by the profile only) and writes
// the details, with example files for every disagreement, as JSON. Never part of the tests.
//
//   node scripts/eipw-baseline.mjs --repo ../EIPs --out eipw.json
//   node scripts/eip-compare.mjs --repo ../EIPs --eipw eipw.json [--out compare.json] [--examples 5]
//
// Exit codes: 0 compared, 2 usage or unreadable input.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/eip-compare.mjs --repo DIR --eipw FILE [--out FILE] [--folder EIPS] [--examples N]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      repo: { type: 'string' },
      eipw: { type: 'string' },
      out: { type: 'string' },
      folder: { type: 'string', default: 'EIPS' },
      examples: { type: 'string', default: '5' },
    },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`eip-compare: ${error.message}\n${USAGE}\n`);
  process.exit(2);
}
if (!values.repo || !values.eipw) {
  process.stderr.write(`eip-compare: --repo and --eipw are required\n${USAGE}\n`);
  process.exit(2);
}

let baseline;
try {
  baseline = JSON.parse(readFileSync(resolve(values.eipw), 'utf8'));
} catch (error) {
  process.stderr.write(`eip-compare: cannot read ${values.eipw}: ${error.message}\n`);
  process.exit(2);
}

// Our side is the linter itself: `lint --format json` with the `eip` profile, on the whole folder.
const repo = resolve(values.repo);
const folder = join(repo, values.folder);
const scratch = mkdtempSync(join(tmpdir(), 'eip-compare-'));
const configFile = join(scratch, 'eip.scs-standards.json');
writeFileSync(configFile, `${JSON.stringify({ profile: 'eip', standards: values.folder })}\n`);
const start = performance.now();
const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--config', configFile, '--format', 'json', values.folder], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
const ms = performance.now() - start;
rmSync(scratch, { recursive: true, force: true });
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(`eip-compare: lint exited ${run.status}: ${run.stderr}\n`);
  process.exit(2);
}

/** A finding of lint as the rows read it: the rule as a kind, and the field a schema message names. */
const KIND = {
  'front-matter-field-order': 'field-order',
  'number-matches-front-matter': 'number-agreement',
  'file-name-pattern': 'file-name',
};
const ours = new Map();
for (const result of JSON.parse(run.stdout)) {
  const path = relative(repo, result.filePath).split('\\').join('/');
  ours.set(
    path,
    result.messages.map((message) => ({
      kind: KIND[message.ruleId] ?? message.ruleId,
      severity: message.severity === 2 ? 'error' : 'warn',
      message: message.message,
      field: /`([^`]+)`/.exec(message.message)?.[1],
      missing: message.message.startsWith('Missing required field'),
    })),
  );
}
const files = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
const fileNumber = (fileName) => /^eip-([0-9]+)\.md$/.exec(fileName)?.[1];
const statusByNumber = new Map();
for (const fileName of files) {
  const number = fileNumber(fileName);
  const status = /^status:[ \t]*(.*?)[ \t]*$/m.exec(readFileSync(join(folder, fileName), 'utf8').split(/^---[ \t]*$/m)[1] ?? '')?.[1];
  if (number !== undefined) statusByNumber.set(number, status);
}
const documents = files.map((fileName) => ({ relPath: `${values.folder}/${fileName}` }));

const REQUIRED = ['eip', 'title', 'description', 'author', 'discussions-to', 'status', 'type', 'created'];
const schemaOn = (field, { missing, unexpected } = {}) => (finding) =>
  finding.kind === 'front-matter-schema' &&
  finding.field === field &&
  (missing === undefined || finding.missing === missing) &&
  (unexpected === undefined || finding.message.startsWith('Unexpected `') === unexpected);

/** The lint kinds both sides have: eipw's lints, and which findings of the profile's checks are the same kind. */
const ROWS = [
  { row: 'required fields', eipw: ['preamble-req'], ours: (f) => f.kind === 'front-matter-schema' && f.missing && REQUIRED.includes(f.field) },
  { row: '`category` present exactly for Standards Track', eipw: ['preamble-req-category'], ours: schemaOn('category', { unexpected: true }) },
  { row: '`category` value', eipw: ['preamble-enum-category'], ours: (f) => schemaOn('category', { missing: false, unexpected: false })(f) && f.message.includes('expected one of') },
  { row: '`withdrawal-reason` when Withdrawn', eipw: ['preamble-req-withdrawal-reason'], ours: schemaOn('withdrawal-reason', { missing: true }) },
  { row: '`last-call-deadline` when Last Call', eipw: ['preamble-req-last-call-deadline'], ours: schemaOn('last-call-deadline', { missing: true }) },
  { row: '`status` value', eipw: ['preamble-enum-status'], ours: schemaOn('status', { missing: false }) },
  { row: '`type` value', eipw: ['preamble-enum-type'], ours: schemaOn('type', { missing: false }) },
  { row: '`title` length and `:`', eipw: ['preamble-len-title', 'preamble-re-title-colon'], ours: schemaOn('title', { missing: false }) },
  { row: '`description` length and `:`', eipw: ['preamble-len-description', 'preamble-re-description-colon'], ours: schemaOn('description', { missing: false }) },
  { row: '`author` list with a GitHub user', eipw: ['preamble-author', 'preamble-list-author'], ours: schemaOn('author', { missing: false }) },
  { row: '`discussions-to` a URL', eipw: ['preamble-discussions-to'], ours: schemaOn('discussions-to', { missing: false }) },
  { row: 'dates', eipw: ['preamble-date-created', 'preamble-date-last-call-deadline'], ours: (f) => schemaOn('created', { missing: false })(f) || schemaOn('last-call-deadline', { missing: false, unexpected: false })(f) },
  { row: '`requires` a list of numbers', eipw: ['preamble-list-requires', 'preamble-uint-requires', 'preamble-len-requires'], ours: schemaOn('requires', { missing: false }) },
  { row: 'field order and unknown fields', eipw: ['preamble-order'], ours: (f) => f.kind === 'field-order' || (f.kind === 'front-matter-schema' && f.message.startsWith('Unexpected key')) },
  { row: 'file name and number', eipw: ['preamble-file-name', 'preamble-eip'], ours: (f) => f.kind === 'file-name' || f.kind === 'number-agreement' || schemaOn('eip', { missing: false })(f) },
  { row: 'required sections', eipw: ['markdown-req-section'], ours: (f) => f.kind === 'sections-required' },
  { row: 'section order, no other sections', eipw: ['markdown-order-section'], ours: (f) => f.kind === 'sections-order' },
  { row: '`requires` exists and is as far along', eipw: ['preamble-requires-status'], ours: (f) => f.kind === 'reference-exists' || f.kind === 'reference-maturity' },
];

const examples = Math.max(0, Number(values.examples) || 0);
const paths = documents.map((doc) => doc.relPath);
const rows = ROWS.map(({ row, eipw, ours: matches }) => {
  const byEipw = new Set(paths.filter((path) => eipw.some((kind) => (baseline.byFile?.[path]?.[kind] ?? 0) > 0)));
  const byOurs = new Set(paths.filter((path) => (ours.get(path) ?? []).some(matches)));
  const both = paths.filter((path) => byEipw.has(path) && byOurs.has(path));
  const onlyEipw = paths.filter((path) => byEipw.has(path) && !byOurs.has(path));
  const onlyOurs = paths.filter((path) => !byEipw.has(path) && byOurs.has(path));
  const status = (path) => statusByNumber.get(fileNumber(path.split('/').pop()) ?? '') ?? '(none)';
  const byStatus = (list) => list.reduce((counts, path) => ({ ...counts, [status(path)]: (counts[status(path)] ?? 0) + 1 }), {});
  return {
    row,
    eipw,
    files: paths.length,
    both: both.length,
    neither: paths.length - both.length - onlyEipw.length - onlyOurs.length,
    onlyEipw: { count: onlyEipw.length, byStatus: byStatus(onlyEipw), examples: onlyEipw.slice(0, examples) },
    onlyOurs: {
      count: onlyOurs.length,
      byStatus: byStatus(onlyOurs),
      examples: onlyOurs.slice(0, examples).map((path) => ({ path, findings: (ours.get(path) ?? []).filter(matches).map((f) => f.message) })),
    },
  };
});

const report = {
  profile: 'eip',
  eipw: baseline.eipw,
  files: paths.length,
  profileSeconds: Math.round(ms) / 1000,
  eipwSeconds: baseline.lintSeconds,
  rows,
};
if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify(report, null, 2)}\n`);

const lines = [
  `${paths.length} files; scs-standards lint with the eip profile took ${report.profileSeconds} s (the whole process, start-up included), eipw ${baseline.lintSeconds} s.`,
  '',
  '| kind | eipw lints | both | neither | eipw only | ours only | agreement |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.row} | ${r.eipw.map((kind) => `\`${kind}\``).join(', ')} | ${r.both} | ${r.neither} | ${r.onlyEipw.count} | ${r.onlyOurs.count} | ${(((r.both + r.neither) / r.files) * 100).toFixed(1)} % |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
