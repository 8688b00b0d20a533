import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResolvedConfig } from '../../tools/engine/config.js';
import { lintWithConfig } from '../../tools/engine/run.js';
import { rulesById } from '../../tools/rules/index.js';
import { goldenLines } from './lint.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const AUTHORING_FIXTURES = join(ROOT, 'test', 'fixtures', 'authoring');

/**
 * A temporary repository with a standards folder copied from a fixture and the repository's
 * own templates, as a project that uses the toolkit has them.
 */
export function authoringRepo(fixture = 'corpus'): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'scs-authoring-'));
  cpSync(join(AUTHORING_FIXTURES, fixture), root, { recursive: true });
  cpSync(join(ROOT, 'templates'), join(root, 'templates'), { recursive: true });
  writeFileSync(join(root, '.scs-standards.json'), '{}\n');
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every finding of every rule (warnings included) in the repository's standards folder. */
export function lintAll(root: string): string {
  const config = new ResolvedConfig(root, undefined, {}, rulesById);
  const run = lintWithConfig(config, { cwd: root, paths: [] });
  if (run.failures.length > 0) throw run.failures[0]?.error;
  return goldenLines(run.results);
}

/** Arguments as a shell would need them quoted. */
export function shellWords(args: readonly string[]): string {
  return args.map((arg) => (/^[\w./:@=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** Shows a byte order mark and carriage returns, which a golden file would hide. */
export function visible(text: string): string {
  return text.replaceAll('\ufeff', '<BOM>').replaceAll('\r', '<CR>');
}

/**
 * What an author does with a document made from a template: every italic placeholder paragraph
 * (`_..._`, possibly over several lines) is replaced by text of their own.
 */
export function fillIn(text: string): string {
  let count = 0;
  return text.replace(/^_[^_\n][^_]*_$/gm, () => `Text the author wrote, part ${++count}.`);
}
