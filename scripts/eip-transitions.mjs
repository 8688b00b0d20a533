#!/usr/bin/env node
// The status changes an EIPs repository made over its history, beside the transitions of the
// `eip` profile: every change of `status:` in a proposal's file, by commit (git log -G), counted
// by from -> to, and whether the profile allows it (`new` for a file a commit adds; renames are
// not followed, so a draft renamed to its number would be new under its new name). Statuses the
// profile does not know (those of older versions of EIP-1) are counted apart. Never run by the
// tests; it reads a checkout outside the repository.
//
//   node scripts/eip-transitions.mjs --repo ../EIPs [--folder EIPS] [--json]
//
// Exit codes: 0 counted, 2 usage or git failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { repo: { type: 'string' }, folder: { type: 'string', default: 'EIPS' }, json: { type: 'boolean', default: false } },
  strict: true,
});
if (!values.repo) {
  process.stderr.write('usage: node scripts/eip-transitions.mjs --repo DIR [--folder EIPS] [--json]\n');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(join(ROOT, 'profiles', 'eip', 'profile.json'), 'utf8'));
const known = new Set(profile.statuses.values.map((status) => status.name));
const allowed = new Set(profile.transitions.map((transition) => `${transition.from} -> ${transition.to}`));

// Oldest first, so that each file's changes come in the order they were made. No shell, no
// options from the repository: the folder is a literal pathspec after `--`.
const git = spawnSync(
  'git',
  ['-C', resolve(values.repo), '-c', 'core.quotePath=off', 'log', '--reverse', '--no-merges', '--no-renames', '-p', '-U0', '--format=commit %H', '-G^status:', '--', `:(literal)${values.folder}/`],
  { encoding: 'utf8', maxBuffer: 1 << 30 },
);
if (git.status !== 0) {
  process.stderr.write(`eip-transitions: git log failed: ${git.stderr}`);
  process.exit(2);
}

const counts = new Map();
// A status can leave a file in one commit and come back in a later one (the ERCs were moved by
// first emptying the preamble, then writing a stub): a change is from the file's last status.
const last = new Map();
let file;
let added = false;
let before;
const count = (from, to) => {
  if (from === to) return;
  const key = `${from} -> ${to}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
};
for (const line of git.stdout.split('\n')) {
  if (line.startsWith('commit ')) file = undefined;
  else if (line.startsWith('--- ')) {
    added = line === '--- /dev/null';
    before = undefined;
  } else if (line.startsWith('+++ ')) file = line.slice(4);
  else if (file !== undefined && line.startsWith('-status:')) before = line.slice(8).trim();
  else if (file !== undefined && line.startsWith('+status:')) {
    const after = line.slice(8).trim();
    const from = before ?? last.get(file) ?? (added ? 'new' : undefined);
    if (from !== undefined) count(from, after);
    last.set(file, after);
    before = undefined;
  }
}

const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([transition, times]) => {
  const [from, to] = transition.split(' -> ');
  const verdict = (from !== 'new' && !known.has(from)) || !known.has(to) ? 'unknown status' : allowed.has(transition) ? 'allowed' : 'not allowed';
  return { transition, times, verdict };
});
const total = (verdict) => rows.filter((row) => row.verdict === verdict).reduce((sum, row) => sum + row.times, 0);
const summary = { allowed: total('allowed'), notAllowed: total('not allowed'), unknownStatus: total('unknown status') };
if (values.json) process.stdout.write(`${JSON.stringify({ summary, rows }, null, 2)}\n`);
else {
  process.stdout.write(`${rows.map((row) => `${String(row.times).padStart(6)}  ${row.transition}  (${row.verdict})`).join('\n')}\n`);
  process.stdout.write(`allowed ${summary.allowed}, not allowed ${summary.notAllowed}, with a status the profile does not know ${summary.unknownStatus}\n`);
}
