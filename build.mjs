// Bundles the CLI into dist/ so that it starts from one file (heavy parts load lazily as chunks),
// and the remark preset (`scs-standards/remark`), which shares chunks with the CLI but never loads it.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'tools/cli/bin.ts', remark: 'tools/remark/index.ts' },
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
