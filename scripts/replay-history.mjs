#!/usr/bin/env node
// Replays the history of a standards repository through `lint --base`: every commit of the
// first-parent history of a branch that touched the standards folder is linted against its
// parent (`lint --base <parent> --head <commit>`), as its pull request would have been.
//
//   node scripts/replay-history.mjs <repository> [--branch main] [--folder Standards]
//                                   [--jobs 4] [--limit N] [--json out.json] [--baseline]
//
// With --baseline, each commit is linted as a repository that adopted the toolkit at its parent
// would lint it: the parent's errors are first recorded as suppressions (`--suppress-all`), so
// only what the change adds fails (fixed errors leave unused counts, which pass).
//
// The repository may be bare; it is cloned (without a checkout) into a temporary folder and
// left as it is. Prints, per rule, how many commits and findings it flagged, then every error
// with its commit and file. Needs `npm run build` first (it runs dist/cli.js).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    branch: { type: 'string', default: 'main' },
    folder: { type: 'string', default: 'Standards' },
    jobs: { type: 'string', default: '4' },
    limit: { type: 'string' },
    json: { type: 'string' },
    baseline: { type: 'boolean', default: false },
  },
});
const [repository] = positionals;
if (!repository) {
  process.stderr.write('Usage: node scripts/replay-history.mjs <repository> [--branch main] [--folder Standards] [--jobs 4] [--limit N] [--json out.json]\n');
  process.exit(2);
}
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const env = { PATH: process.env.PATH ?? '', HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'scs-standards-replay-'));
try {
  git(work, 'clone', '--quiet', '--no-checkout', '--', resolve(repository), 'repo');
  const repo = join(work, 'repo');
  let commits = git(repo, 'rev-list', '--first-parent', '--reverse', `origin/${values.branch}`, '--', values.folder)
    .split('\n')
    .filter(Boolean);
  if (values.limit) commits = commits.slice(0, Number(values.limit));
  const subjects = new Map(
    git(repo, 'log', '--first-parent', '--format=%H%x09%h%x09%ad%x09%s', '--date=short', `origin/${values.branch}`)
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [hash, short, date, subject] = line.split('\t');
        return [hash, { short, date, subject }];
      }),
  );

  const run = (args) =>
    new Promise((done) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: repo, env });
      child.stdout.resume();
      child.stderr.resume();
      child.on('close', done);
    });
  const lintOne = (commit) =>
    new Promise(async (done) => {
      const parent = `${commit}^`;
      const extra = [];
      if (values.baseline) {
        const location = join(work, `${commit}.suppressions.json`);
        await run(['lint', '--base', parent, '--head', parent, '--suppress-all', '--suppressions-location', location, '--format', 'json', values.folder]);
        extra.push('--suppressions-location', location, '--pass-on-unpruned-suppressions');
      }
      const started = process.hrtime.bigint();
      const child = spawn(process.execPath, [cli, 'lint', '--base', parent, '--head', commit, '--format', 'json', ...extra, values.folder], { cwd: repo, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        let files = [];
        try {
          files = stdout ? JSON.parse(stdout) : [];
        } catch {
          stderr += `\n(unparsable output)`;
        }
        done({ commit, code, seconds, stderr: stderr.trim(), files });
      });
    });

  const results = new Array(commits.length);
  let next = 0;
  const jobs = Math.max(1, Number(values.jobs));
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < commits.length) {
        const index = next++;
        results[index] = await lintOne(commits[index]);
        if ((index + 1) % 25 === 0) process.stderr.write(`${index + 1}/${commits.length}\n`);
      }
    }),
  );

  const byRule = new Map();
  const errors = [];
  const failures = [];
  for (const result of results) {
    const info = subjects.get(result.commit) ?? { short: result.commit.slice(0, 8), date: '', subject: '' };
    if (result.code === 2) failures.push({ ...info, stderr: result.stderr });
    for (const file of result.files) {
      const path = file.filePath.slice(repo.length + 1);
      for (const message of file.messages) {
        const entry = byRule.get(message.ruleId) ?? { errors: 0, warnings: 0, commits: new Set() };
        if (message.severity === 2) {
          entry.errors++;
          entry.commits.add(result.commit);
          errors.push({ commit: info.short, date: info.date, subject: info.subject, file: path, line: message.line, rule: message.ruleId, message: message.message });
        } else entry.warnings++;
        byRule.set(message.ruleId, entry);
      }
    }
  }
  const seconds = results.map((result) => result.seconds).sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
  const out = process.stdout;
  out.write(`Replayed ${results.length} commits of ${values.branch} that touched ${values.folder}/${values.baseline ? ', each with a baseline of its parent\'s errors,' : ''} (median ${median.toFixed(2)} s per lint --base, max ${(seconds.at(-1) ?? 0).toFixed(2)} s)\n`);
  out.write(`Exit codes: ${['0', '1', '2'].map((code) => `${code}: ${results.filter((result) => String(result.code) === code).length}`).join(', ')}\n\n`);
  out.write('rule | commits with errors | errors | warnings\n--- | --- | --- | ---\n');
  for (const [rule, entry] of [...byRule].sort()) out.write(`${rule} | ${entry.commits.size} | ${entry.errors} | ${entry.warnings}\n`);
  out.write('\nErrors of lifecycle rules:\n');
  for (const error of errors.filter((entry) => entry.rule.startsWith('lifecycle-'))) {
    out.write(`${error.commit} ${error.date} ${error.rule} ${error.file}:${error.line} ${error.message}\n    (${error.subject})\n`);
  }
  for (const failure of failures) out.write(`\nexit 2 at ${failure.short}: ${failure.stderr}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ commits: results.length, median, errors, failures }, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
