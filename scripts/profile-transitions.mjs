#!/usr/bin/env node
// The status changes a standards repository made over its history, beside the transitions of a
// profile (`eip` by default): every change of `status:` in a proposal's file, by commit (git log -G), counted
// by from -> to, and whether the profile allows it (`new` for a file a commit adds; a renamed file
// keeps its status, as git's rename detection pairs it). Statuses the
// profile does not know (for EIPs, those of older versions of EIP-1) are counted apart. Never run by the
// tests; it reads a checkout outside the repository.
//
//   node scripts/profile-transitions.mjs --repo ../EIPs [--profile eip] [--folder EIPS] [--json]
//
// Exit codes: 0 counted, 2 usage or git failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { repo: { type: 'string' }, profile: { type: 'string', default: 'eip' }, folder: { type: 'string' }, json: { type: 'boolean', default: false } },
  strict: true,
});
if (!values.repo) {
  process.stderr.write('usage: node scripts/profile-transitions.mjs --repo DIR [--profile NAME] [--folder DIR] [--json]\n');
  process.exit(2);
}
if (!/^[a-z][a-z0-9-]*$/.test(values.profile)) {
  process.stderr.write(`profile-transitions: --profile names a shipped profile, got \`${values.profile}\`\n`);
  process.exit(2);
}

let profile;
try {
  profile = JSON.parse(readFileSync(join(ROOT, 'profiles', values.profile, 'profile.json'), 'utf8'));
} catch (error) {
  process.stderr.write(`profile-transitions: no profile \`${values.profile}\`: ${error.message}\n`);
  process.exit(2);
}
const folder = values.folder ?? profile.folder ?? '.';
const known = new Set(profile.statuses.values.map((status) => status.name));
const allowed = new Set(profile.transitions.map((transition) => `${transition.from} -> ${transition.to}`));

// Oldest first, so that each file's changes come in the order they were made. No shell, no
// options from the repository: the folder is a literal pathspec after `--`.
const git = spawnSync(
  'git',
  ['-C', resolve(values.repo), '-c', 'core.quotePath=off', 'log', '--reverse', '--no-merges', '--find-renames', '-p', '-U0', '--format=commit %H', '-G^status:', '--', `:(literal)${folder}/`],
  { encoding: 'utf8', maxBuffer: 1 << 30 },
);
if (git.status !== 0) {
  process.stderr.write(`profile-transitions: git log failed: ${git.stderr}`);
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
