import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initRepo } from './helpers/repo.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'init', 'legacy');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '', HUSKY: '', GITHUB_ACTIONS: '', ...env }, timeout: 180_000 });
}

function expectOk(result: SpawnSyncReturns<string>, what: string): string {
  expect({ what, status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ what, status: 0, stderr: '' });
  return result.stdout;
}

/**
 * The package as a release: `npm pack` gives a tarball that another repository installs (its
 * dependencies from the npm cache) and runs, as a maintainer of a standards repository would.
 * The tarball is packed from the built `dist/` (`npm test` builds it first).
 */
let work = '';
let tarball = '';
beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'cli.js')), 'dist/ is built (npm run build)').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'scs-pack-'));
  // --ignore-scripts: dist/ is built already, and `prepare` would also install this repository's commit hooks.
  const packed = JSON.parse(expectOk(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT), 'npm pack')) as { filename: string }[];
  const [entry] = packed;
  if (!entry) throw new Error('npm pack packed nothing');
  tarball = join(work, entry.filename);
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A standards repository as it is before adoption (husky 8 files, lint-staged, legacy documents), committed. */
function legacyRepo(name: string): string {
  const repo = join(work, name);
  mkdirSync(repo);
  cpSync(FIXTURE, repo, { recursive: true });
  renameSync(join(repo, 'gitignore.txt'), join(repo, '.gitignore'));
  renameSync(join(repo, 'lintstagedrc.json.txt'), join(repo, '.lintstagedrc.json'));
  // Without husky and lint-staged among its dependencies: only the toolkit gets installed.
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'example-standards', private: true }, null, 2)}\n`);
  initRepo(repo);
  return repo;
}

describe('the packed tarball, installed in another repository', () => {
  let repo = '';
  beforeAll(() => {
    repo = legacyRepo('standards');
    expectOk(run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], repo), 'npm install <tarball>');
  }, 180_000);

  test('the tarball holds dist/, the schemas and the templates, and no script runs when it is installed', () => {
    const listing = run('tar', ['-tzf', tarball], work).stdout.split('\n');
    for (const path of ['package/dist/cli.js', 'package/dist/remark.js', 'package/schemas/config.schema.json', 'package/templates/scs-XXXX-wN-supplement-template.md', 'package/docs/adoption.md']) {
      expect(listing, path).toContain(path);
    }
    expect(listing.filter((path) => path.startsWith('package/.husky') || path.startsWith('package/tools/') || path.startsWith('package/test/'))).toEqual([]);
    // npm runs install scripts of a dependency, but never `prepare` for a tarball.
    expect(Object.keys(manifest.scripts).filter((name) => /^(pre|post)?install$/.test(name))).toEqual([]);
    expect(readdirSync(join(repo, 'node_modules', '.bin'))).toContain('scs-standards');
  });

  test('the bin runs: --version, init, lint, one file, new and supplement; exit codes as documented', { timeout: 120_000 }, () => {
    const npx = (...args: string[]): SpawnSyncReturns<string> => run('npx', ['--no-install', 'scs-standards', ...args], repo);
    expect(expectOk(npx('--version'), '--version').trim()).toBe(manifest.version);
    const init = expectOk(npx('init'), 'init');
    expect(init).toContain('Created .scs-standards.json');
    const config = JSON.parse(readFileSync(join(repo, '.scs-standards.json'), 'utf8')) as { $schema: string };
    expect(config.$schema).toBe('./node_modules/scs-standards/schemas/config.schema.json');
    expect(existsSync(join(repo, config.$schema))).toBe(true);
    expect(init).toContain('git add .scs-standards.json scs-standards-suppressions.json .gitignore package.json package-lock.json');
    expectOk(npx('lint'), 'lint after init');
    expectOk(npx('lint', 'Standards/scs-0100-v1-image-names.md'), 'lint of one legacy file');
    expect(npx('init').stdout).toContain('Nothing to change');
    expect(expectOk(npx('new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Image Tags'), 'new')).toBe('Created Standards/scs-xxxx-v1-image-tags.md from Standards/scs-XXXX-vN-standard-template.md\n');
    expect(expectOk(npx('supplement', '0100-v1', '--title', 'Image Names: Notes'), 'supplement')).toBe('Created Standards/scs-0100-w1-image-names-notes.md from scs-XXXX-wN-supplement-template.md shipped with scs-standards\n');
    const lint = npx('lint', 'Standards/scs-xxxx-v1-image-tags.md');
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain('template-placeholder');
    expect(npx('lint', '--no-such-flag').status).toBe(2);
    const remark = run(process.execPath, ['--input-type=module', '-e', "const m = await import('scs-standards/remark'); console.log(Array.isArray(m.default.plugins))"], repo);
    expect(expectOk(remark, 'the remark preset').trim()).toBe('true');
  });

  test('the commit-hook installer of `prepare` does nothing where husky is missing', () => {
    const folder = join(work, 'no-husky');
    mkdirSync(join(folder, '.husky'), { recursive: true });
    copyFileSync(join(ROOT, '.husky', 'install.mjs'), join(folder, '.husky', 'install.mjs'));
    const result = run(process.execPath, ['.husky/install.mjs'], folder);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

/**
 * docs/adoption.md as a maintainer follows it: every `sh` block, in order, run by bash in a
 * repository of the shape it describes, with the path of the tarball put in for its placeholder.
 * The one edit it asks for by hand (the lint-staged entry) is made as the page shows it.
 */
describe('docs/adoption.md, run as written', () => {
  test('every shell block runs and does what the page says', { timeout: 240_000 }, () => {
    const page = readFileSync(join(ROOT, 'docs', 'adoption.md'), 'utf8');
    const blocks = [...page.matchAll(/^```sh\n([^]*?)^```$/gm)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    const entry = '"Standards/scs-*.md": "scs-standards lint"';
    expect(page).toContain(`{\n  ${entry}\n}`);
    const repo = legacyRepo('walk');
    const env = {
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Maintainer',
      GIT_AUTHOR_EMAIL: 'maintainer@example.org',
      GIT_COMMITTER_NAME: 'Maintainer',
      GIT_COMMITTER_EMAIL: 'maintainer@example.org',
    };
    const outputs: string[] = [];
    for (const block of blocks) {
      const script = block.replaceAll('/path/to/scs-standards-X.Y.Z.tgz', tarball);
      const result = run('bash', ['-e', '-c', script], repo, env);
      expect({ script, status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ script, status: 0, stderr: '' });
      outputs.push(result.stdout);
      if (script.includes('git commit -m "Adopt scs-standards"')) {
        // Step 4, by hand: the lint-staged entry beside the existing ones.
        const config = JSON.parse(readFileSync(join(repo, '.lintstagedrc.json'), 'utf8')) as Record<string, string>;
        writeFileSync(join(repo, '.lintstagedrc.json'), `${JSON.stringify({ ...config, ...(JSON.parse(`{${entry}}`) as Record<string, string>) }, null, 2)}\n`);
      }
    }
    const all = outputs.join('\n');
    expect(all).toContain('Would write .scs-standards.json');
    expect(all).toContain('Created scs-standards-suppressions.json');
    expect(all).toContain('Commit hook: husky 8 with lint-staged (.lintstagedrc.json) found.');
    expect(all).toContain('Created Standards/scs-xxxx-v1-gpu-flavors.md from Standards/scs-XXXX-vN-standard-template.md');
    expect(all).toMatch(/warning {2}The hint comment .* template-placeholder/);
    expect(all).toContain('from scs-XXXX-wN-supplement-template.md shipped with scs-standards');
    expect(run('git', ['log', '--format=%s'], repo).stdout).toBe('Check standards documents in pull requests\nAdopt scs-standards\nInitial documents\n');
    expect(run('git', ['status', '--porcelain'], repo).stdout.split('\n').filter(Boolean).sort()).toEqual([' M .lintstagedrc.json', '?? Standards/scs-0100-w1-image-names-implementation-notes.md', '?? Standards/scs-xxxx-v1-gpu-flavors.md']);
  });
});
