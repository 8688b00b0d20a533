// Bundles the CLI into dist/ so that it starts from one file (heavy parts load lazily as chunks),
// the remark preset (`scs-standards/remark`), which shares chunks with the CLI but never loads it,
// the entry of the GitHub Action (`action.yml`), which runs the CLI's commands, and the worker
// thread that parses documents in large runs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { build } = await loadEsbuild();
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });
const validators = await generateValidators();
await build({
  entryPoints: { cli: 'tools/cli/bin.ts', remark: 'tools/remark/index.ts', action: 'tools/action/bin.ts', 'facts-worker': 'tools/engine/facts-worker.ts' },
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
  plugins: [
    {
      // The schemas' validators, compiled ahead of time instead of at every start.
      name: 'precompiled-validators',
      setup(plugin) {
        plugin.onResolve({ filter: /\/precompiled-validators\.js$/ }, () => ({ path: validators }));
      },
    },
  ],
});
rmSync(new URL('./dist/.build/', import.meta.url), { recursive: true, force: true });
chmodSync(new URL('./dist/cli.js', import.meta.url), 0o755);

/**
 * Writes the module of precompiled validators (tools/build/generate-validators.ts, bundled and
 * run here) and returns its path.
 */
async function generateValidators() {
  const folder = fileURLToPath(new URL('./dist/.build/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  const generator = `${folder}generator.mjs`;
  await build({
    entryPoints: ['tools/build/generate-validators.ts'],
    outfile: generator,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { generateValidators: generate } = await import(pathToFileURL(generator).href);
  const formats = fileURLToPath(new URL('./tools/model/schema-formats.ts', import.meta.url));
  const path = `${folder}validators.mjs`;
  writeFileSync(path, generate(formats));
  return path;
}

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
