// The benchmark: generates synthetic corpora (or takes a real folder), then times whole
// processes (median of several runs after a warm-up) with their peak memory, and prints the
// ratios to two floors: reading every file and parsing its front matter with `yaml`, and
// parsing every file with remark (remark-parse + remark-frontmatter) plus `yaml`.
//
//   npm run bench -- [--sizes 100,1000,10000] [--runs 5] [--corpus DIR] [--json FILE] [--skip-remark]
//                    [--history-commits 1000] [--history-repo DIR] [--eips DIR]
//
// With `--eips DIR` (a checkout of ethereum/EIPs), the same run times `lint` with the `eip`
// profile and eipw (`eipw-lint-js`, as scripts/eipw-baseline.mjs calls it) on its `EIPS/` folder,
// beside the read+yaml floor of that folder.
//
// The history cases run `history` and `lint --history` on a generated repository with
// `--history-commits` commits (0: none) and on a clone of `--history-repo` when given.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';
import { generateHistory } from './generate-history.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const RSS = join(HERE, 'maxrss.mjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string' },
    json: { type: 'string', default: join(HERE, 'last-run.json') },
    keep: { type: 'boolean', default: false },
    'skip-remark': { type: 'boolean', default: false },
    'history-commits': { type: 'string', default: '1000' },
    'history-repo': { type: 'string' },
    eips: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs));

function git(cwd, ...args) {
  const result = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Runs a node script `runs` times after a warm-up; returns median seconds and peak KiB. */
function measure(label, args, cwd, { before } = {}) {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}`);
  try {
    return measureInto(rssFile, label, args, cwd, before);
  } finally {
    rmSync(rssFile, { force: true });
  }
}

function measureInto(rssFile, label, args, cwd, before) {
  const times = [];
  let peak = 0;
  let code = 0;
  for (let index = -1; index < runs; index++) {
    if (before) before();
    rmSync(rssFile, { force: true });
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', RSS, ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    code = result.status ?? -1;
    if (code !== 0 && code !== 1) {
      return { label, error: `exit ${code}: ${(result.stderr || '').split('\n').slice(0, 3).join(' ')}` };
    }
    if (index >= 0) times.push(seconds);
    const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (index >= 0) peak = Math.max(peak, rss);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { label, seconds: median, min: times[0], max: times[times.length - 1], peakMiB: peak / 1024, exit: code };
}

function prepare(count) {
  const root = mkdtempSync(join(tmpdir(), `scs-bench-${count}-`));
  const folder = join(root, 'Standards');
  if (values.corpus) {
    mkdirSync(folder);
    for (const name of readdirSync(values.corpus)) if (name.startsWith('scs-') && name.endsWith('.md')) cpSync(join(values.corpus, name), join(folder, name));
  } else generate(count, folder);
  writeFileSync(join(root, '.scs-standards.json'), '{}\n');
  git(root, 'init', '-q', '-b', 'main');
  git(root, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'add', '-A');
  git(root, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', 'corpus');
  const documents = readdirSync(folder).filter((name) => name.startsWith('scs-') && name.endsWith('.md')).sort();
  return { root, folder, documents };
}

/** Five documents edited in the working tree (a body edit), as in a pull request. */
function editFive(root, documents) {
  const step = Math.max(1, Math.floor(documents.length / 5));
  for (let index = 0; index < 5 && index * step < documents.length; index++) {
    const path = join(root, 'Standards', documents[index * step]);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nAn edited paragraph.\n`);
  }
}

const results = [];
const sizes = values.corpus ? [0] : values.sizes.split(',').map(Number);
for (const size of sizes) {
  const { root, folder, documents } = prepare(size);
  const count = documents.length;
  const cache = join(root, '.bench-cache');
  const one = `Standards/${documents[Math.floor(count / 2)]}`;
  const row = { documents: count, bytes: documents.reduce((sum, name) => sum + readFileSync(join(folder, name)).length, 0), cases: [] };
  const add = (result) => {
    row.cases.push(result);
    const shown = result.error ? result.error : `${result.seconds.toFixed(3)} s, ${result.peakMiB.toFixed(0)} MiB`;
    console.error(`  ${String(count).padStart(6)} ${result.label.padEnd(28)} ${shown}`);
  };
  add(measure('floor: read + yaml', [join(HERE, 'floor-read-yaml.mjs'), folder], root));
  if (!values['skip-remark']) add(measure('floor: read + remark + yaml', [join(HERE, 'floor-remark.mjs'), folder], root));
  add(measure('lint cold', [CLI, 'lint', '--format', 'json'], root));
  add(measure('lint warm (cache)', [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', cache], root, {}));
  add(measure('one file cold', [CLI, 'lint', '--format', 'json', one], root));
  add(measure('one file warm (cache)', [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', cache, one], root));
  // As a pre-commit hook runs: the file being committed was just edited, the cache knows the others.
  const onePath = join(root, one);
  const oneText = readFileSync(onePath, 'utf8');
  let edits = 0;
  const editOne = () => writeFileSync(onePath, `${oneText}\nAn edit (${++edits}).\n`);
  add(measure('one file warm, edited', [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', cache, one], root, { before: editOne }));
  writeFileSync(onePath, oneText);
  editFive(root, documents);
  add(measure('lint --base, 5 changed', [CLI, 'lint', '--format', 'json', '--base', 'HEAD'], root));
  git(root, 'checkout', '-q', '--', '.');
  add(measure('index', [CLI, 'index', '--format', 'json', '--today', '2026-11-27'], root));
  add(measure('--version', [CLI, '--version'], root));
  add(measure('node -e 0', ['-e', '0'], root));
  results.push(row);
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.error(`  kept ${root}`);
}

// The history of a repository: one `git log` pass and one `git cat-file --batch`, cold and from the cache.
const histories = [];
const historyRepos = [];
if (Number(values['history-commits']) > 0) {
  const root = mkdtempSync(join(tmpdir(), 'scs-bench-history-'));
  generateHistory(Number(values['history-commits']), root);
  historyRepos.push({ name: `generated`, root });
}
if (values['history-repo']) {
  const root = mkdtempSync(join(tmpdir(), 'scs-bench-history-repo-'));
  rmSync(root, { recursive: true, force: true });
  git(process.cwd(), 'clone', '-q', '--no-hardlinks', values['history-repo'], root);
  historyRepos.push({ name: values['history-repo'], root });
}
for (const { name, root } of historyRepos) {
  const commits = Number(git(root, 'rev-list', '--first-parent', '--count', 'HEAD').trim());
  const all = Number(git(root, 'rev-list', '--count', 'HEAD').trim());
  const cacheFile = join(root, '.scs-standards-history-cache');
  const row = { repository: name, commits, all, cases: [] };
  const add = (result) => {
    row.cases.push(result);
    const shown = result.error ? result.error : `${result.seconds.toFixed(3)} s, ${result.peakMiB.toFixed(0)} MiB`;
    console.error(`  ${String(commits).padStart(6)} commits ${result.label.padEnd(28)} ${shown}`);
  };
  add(measure('history cold', [CLI, 'history', '--format', 'json'], root, { before: () => rmSync(cacheFile, { force: true }) }));
  add(measure('history warm (cache)', [CLI, 'history', '--format', 'json', '--cache'], root));
  add(measure('lint --history cold', [CLI, 'lint', '--format', 'json', '--history'], root, { before: () => rmSync(cacheFile, { force: true }) }));
  histories.push(row);
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.error(`  kept ${root}`);
}

// Another standards body: the EIPs, linted with the `eip` profile, beside eipw on the same files.
const eips = [];
if (values.eips) {
  const root = mkdtempSync(join(tmpdir(), 'scs-bench-eips-'));
  cpSync(join(values.eips, 'EIPS'), join(root, 'EIPS'), { recursive: true });
  writeFileSync(join(root, '.scs-standards.json'), '{ "profile": "eip" }\n');
  git(root, 'init', '-q', '-b', 'main');
  const files = readdirSync(join(root, 'EIPS')).filter((name) => name.endsWith('.md')).length;
  const row = { repository: values.eips, files, cases: [] };
  const add = (result) => {
    row.cases.push(result);
    const shown = result.error ? result.error : `${result.seconds.toFixed(3)} s, ${result.peakMiB.toFixed(0)} MiB`;
    console.error(`  ${String(files).padStart(6)} EIPs ${result.label.padEnd(28)} ${shown}`);
  };
  add(measure('floor: read + yaml', [join(HERE, 'floor-read-yaml.mjs'), join(root, 'EIPS'), 'eip-'], root));
  add(measure('lint, eip profile', [CLI, 'lint', '--format', 'json'], root));
  add(measure('lint warm (cache), eip', [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', join(root, '.bench-cache')], root));
  add(measure('eipw (eipw-lint-js)', [join(ROOT, 'scripts', 'eipw-baseline.mjs'), '--repo', root, '--out', join(root, 'eipw.json')], root));
  eips.push(row);
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.error(`  kept ${root}`);
}

const byLabel = (row, label) => row.cases.find((item) => item.label === label);
const lines = [];
lines.push(`| documents | MB | case | median s | peak MiB | / read+yaml | / remark |`);
lines.push(`| ---: | ---: | --- | ---: | ---: | ---: | ---: |`);
for (const row of results) {
  const read = byLabel(row, 'floor: read + yaml');
  const remark = byLabel(row, 'floor: read + remark + yaml');
  for (const item of row.cases) {
    if (item.error) {
      lines.push(`| ${row.documents} | ${(row.bytes / 1e6).toFixed(1)} | ${item.label} | n/a | | | |`);
      continue;
    }
    const ratio = (floor) => (floor && !floor.error ? `${(item.seconds / floor.seconds).toFixed(2)}x` : '');
    lines.push(`| ${row.documents} | ${(row.bytes / 1e6).toFixed(1)} | ${item.label} | ${item.seconds.toFixed(3)} | ${item.peakMiB.toFixed(0)} | ${ratio(read)} | ${ratio(remark)} |`);
  }
}
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}`;
console.log(`\nMachine: ${machine}; median of ${runs} runs after a warm-up, whole process.\n`);
console.log(lines.join('\n'));
// The pre-commit figures beside the floor they are measured against, in the same run.
for (const row of results) {
  const read = byLabel(row, 'floor: read + yaml');
  const figures = ['one file warm (cache)', 'one file warm, edited'].map((label) => byLabel(row, label)).filter((item) => item && !item.error && read && !read.error);
  if (figures.length === 0) continue;
  const shown = figures.map((item) => `${item.label} ${item.seconds.toFixed(3)} s (${(item.seconds / read.seconds).toFixed(2)}x)`).join(', ');
  console.log(`\n${row.documents} documents: ${shown}; floor read + yaml ${read.seconds.toFixed(3)} s`);
}
if (histories.length > 0) {
  const rows = [`| repository | first-parent commits (all) | case | median s | min s | peak MiB |`, `| --- | ---: | --- | ---: | ---: | ---: |`];
  for (const row of histories) {
    for (const item of row.cases) {
      rows.push(item.error ? `| ${row.repository} | ${row.commits} (${row.all}) | ${item.label} | n/a | | |` : `| ${row.repository} | ${row.commits} (${row.all}) | ${item.label} | ${item.seconds.toFixed(3)} | ${item.min.toFixed(3)} | ${item.peakMiB.toFixed(0)} |`);
    }
  }
  console.log(`\n${rows.join('\n')}`);
}
for (const row of eips) {
  const read = byLabel(row, 'floor: read + yaml');
  const rows = [`| EIPs (${row.files} files) | median s | peak MiB | / read+yaml |`, `| --- | ---: | ---: | ---: |`];
  for (const item of row.cases) {
    rows.push(item.error ? `| ${item.label} | n/a | | |` : `| ${item.label} | ${item.seconds.toFixed(3)} | ${item.peakMiB.toFixed(0)} | ${read && !read.error ? `${(item.seconds / read.seconds).toFixed(2)}x` : ''} |`);
  }
  const ours = byLabel(row, 'lint, eip profile');
  const eipw = byLabel(row, 'eipw (eipw-lint-js)');
  console.log(`\n${rows.join('\n')}`);
  if (ours && eipw && !ours.error && !eipw.error) console.log(`\nEIPs: lint with the eip profile ${ours.seconds.toFixed(3)} s, eipw ${eipw.seconds.toFixed(3)} s (${(eipw.seconds / ours.seconds).toFixed(1)}x as long)`);
}
writeFileSync(values.json, `${JSON.stringify({ machine, runs, date: new Date().toISOString(), results, histories, eips }, null, 2)}\n`);
console.log(`\nWritten to ${values.json}`);
