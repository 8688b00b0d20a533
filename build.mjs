// Bundles the CLI into dist/ so that it starts from one file (heavy parts load lazily as chunks),
// the remark preset (`scs-standards/remark`), which shares chunks with the CLI but never loads it,
// and the entry of the GitHub Action (`action.yml`), which runs the CLI's commands.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const { build } = await loadEsbuild();
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'tools/cli/bin.ts', remark: 'tools/remark/index.ts', action: 'tools/action/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __SCS_STANDARDS_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __scsCreateRequire } from 'node:module'; const require = __scsCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(new URL('./dist/cli.js', import.meta.url), 0o755);

/**
 * esbuild, a development dependency. When npm installs this repository globally from git (as
 * pre-commit does for a `language: node` hook: `npm install -g git+...`), it runs `prepare`
 * without installing the dependencies first (https://github.com/npm/cli/issues/8440): then they
 * are installed here, into this folder only, from the lock file.
 */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch (error) {
    const npm = process.env.npm_execpath;
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || process.env.npm_config_global !== 'true' || !npm) throw error;
    const options = ['--no-global', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
    execFileSync(process.execPath, [npm, 'ci', ...options], { stdio: 'inherit' });
    return import('esbuild');
  }
}
