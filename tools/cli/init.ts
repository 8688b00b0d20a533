import { defaultProcess } from '../profile/process.js';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unifiedDiff } from '../edits/diff.js';
import { detectHooks, planAdoption, type AdoptionPlan, type HookSetup } from '../engine/adopt.js';
import { writeFileAtomic } from '../engine/atomic-write.js';
import { DEFAULT_CACHE_FILE } from '../engine/cache.js';
import { toRelative } from '../engine/config.js';
import { sanitizeForTerminal } from '../reporters/sanitize.js';
import { isInputError, terminalDiff } from './authoring.js';
import { EXIT } from './exit.js';
import type { ParsedArgs } from './flags.js';
import { version } from './version.js';

/**
 * `scs-standards init`: adopts the toolkit in an existing standards repository. It writes the
 * configuration (unless there is one), the baseline of today's errors and the cache entry of
 * `.gitignore`, each file whole or not at all, and prints what to commit and the hook setup that
 * fits the repository. A second run finds nothing to do and says so.
 */
export async function run(args: ParsedArgs): Promise<number> {
  const write = (line = ''): void => {
    args.stdout.write(`${sanitizeForTerminal(line)}\n`);
  };
  if (args.positionals.length > 0) {
    args.stderr.write(`scs-standards init: unexpected argument ${args.positionals.map((value) => `\`${sanitizeForTerminal(value)}\``).join(', ')}: init adopts the repository it is run in\n`);
    return EXIT.failure;
  }
  const dryRun = args.values['dry-run'] === true;
  let plan: AdoptionPlan;
  try {
    plan = planAdoption(args.cwd);
  } catch (error) {
    if (isInputError(error)) {
      args.stderr.write(`scs-standards init: ${sanitizeForTerminal(error.message)}\n`);
      return EXIT.failure;
    }
    throw error;
  }
  const shown = (path: string): string => toRelative(plan.root, path);
  const hooks = detectHooks(plan.root);
  const hooksPath = await configuredHooksPath(plan.root);

  write(`${dryRun ? 'Would adopt' : 'Adopting'} scs-standards ${version()} in ${relative(args.cwd, plan.root) || '.'}`);
  write(`  documents: ${plan.standards}/ (${plan.documents} ${plan.documents === 1 ? 'document' : 'documents'})`);
  write(`  templates: ${plan.templates.length === 0 ? 'none in the repository: new documents start from the ones shipped with scs-standards' : `${plan.templates.map((entry) => `${entry.folder}/ (${entry.files.join(', ')})`).join('; ')}; a type without one uses the template shipped with scs-standards`}`);
  if (plan.configFile.existing) write(`  configuration: ${shown(plan.configFile.path)} exists and is kept as it is`);
  const { baseline } = plan;
  if (baseline.unused > 0) {
    write(`  note: ${shown(baseline.file.path)} has ${baseline.unused} unused ${baseline.unused === 1 ? 'count' : 'counts'} (errors fixed since): \`npx scs-standards lint --prune-suppressions\` removes them`);
  }
  write();

  if (!dryRun) {
    for (const file of plan.writes) {
      // The configuration is the user's once it exists: never written over, even if it appeared meanwhile.
      if (file.path === plan.configFile.path && existsSync(file.path)) {
        args.stderr.write(`scs-standards init: ${shown(file.path)} appeared while init ran; it is kept. Run init again.\n`);
        return EXIT.failure;
      }
      writeFileAtomic(file.path, file.after);
    }
  }
  if (plan.writes.length === 0) write('Nothing to change: the configuration, the baseline and .gitignore are up to date.');
  for (const file of plan.writes) write(`${dryRun ? 'Would write' : file.before === undefined ? 'Created' : 'Updated'} ${shown(file.path)}${describeWrite(plan, file.path)}`);
  if (dryRun && plan.writes.length > 0) {
    write('Nothing is written with --dry-run; the files would change as follows:');
    const diff = unifiedDiff(plan.writes.map((file) => ({ from: file.before === undefined ? undefined : shown(file.path), to: shown(file.path), before: file.before ?? '', after: file.after })));
    args.stdout.write(args.stdout.isTTY === true ? terminalDiff(diff) : diff);
  }
  if (baseline.byRule.size > 0) {
    const total = [...baseline.byRule.values()].reduce((sum, count) => sum + count, 0);
    write();
    write(`Baseline (${shown(baseline.file.path)}): ${total} ${total === 1 ? 'error' : 'errors'} in ${baseline.files} ${baseline.files === 1 ? 'file' : 'files'}, which \`lint\` accepts until they are fixed${baseline.changes ? ` (${baseline.added} recorded now)` : ''}:`);
    const width = Math.max(...[...baseline.byRule.keys()].map((id) => id.length));
    for (const [ruleId, count] of baseline.byRule) write(`  ${ruleId.padEnd(width)}  ${count}`);
  } else {
    write();
    write('Baseline: no errors to record; `lint` passes as the repository is.');
  }
  if (baseline.warnings > 0) write(`(${baseline.warnings} ${baseline.warnings === 1 ? 'warning' : 'warnings'} are shown by \`lint\` but do not fail it; warnings are never recorded.)`);

  const toCommit = [
    shown(plan.configFile.path),
    ...(baseline.byRule.size > 0 ? [shown(baseline.file.path)] : []),
    '.gitignore',
    ...(hooks.installed ? ['package.json', ...(existsSync(join(plan.root, 'package-lock.json')) ? ['package-lock.json'] : [])] : []),
  ];
  write();
  write(plan.writes.length === 0 ? 'Commit, if that is not done yet:' : `Then ${dryRun ? '(after `scs-standards init` without --dry-run) ' : ''}commit:`);
  write(`  git add ${toCommit.join(' ')}`);
  write('  git commit -m "Adopt scs-standards"');
  if (!hooks.installed && hooks.hasPackageJson) write('  (install it as a development dependency first, so that hooks and CI use the same version: see README, Installation)');

  write();
  for (const line of hookAdvice(plan.standards, hooks, hooksPath, plan.config.process.profile.fileNames.documents)) write(line);
  write();
  for (const line of workflowAdvice(plan.standards, plan.config.scopes, hooks)) write(line);
  return EXIT.ok;
}

function describeWrite(plan: AdoptionPlan, path: string): string {
  if (path === plan.configFile.path) return ` (the configuration, with $schema for editors)`;
  if (path === plan.baseline.file.path) return ` (the baseline of today's errors)`;
  if (path === plan.gitignore.path) return ` (ignores ${DEFAULT_CACHE_FILE}, the cache of \`lint --cache\`)`;
  return '';
}

async function configuredHooksPath(root: string): Promise<string | undefined> {
  const { Git } = await import('../lifecycle/git.js');
  const git = await Git.find(root);
  return git ? git.configuredHooksPath() : undefined;
}

/** The exact lines for the repository's commit hook. */
export function hookAdvice(standards: string, hooks: HookSetup, hooksPath: string | undefined, documents = defaultProcess().profile.fileNames.documents): string[] {
  // The files a commit hook lints: the documents of the profile (`fileNames.documents`) in the folder.
  const glob = `${standards}/${documents}`;
  const entryJson = `"${glob}": "scs-standards lint"`;
  const lines: string[] = [];
  const lintStagedEntry = (): void => {
    const staged = hooks.lintStaged;
    if (!staged) {
      lines.push('  npm install --save-dev lint-staged', `  and create .lintstagedrc.json with:  { ${entryJson} }`);
      return;
    }
    if (staged.hasEntry) {
      lines.push(`  ${staged.file} already runs scs-standards: nothing to add there.`);
      return;
    }
    if (staged.kind === 'package.json') lines.push('  Add to the "lint-staged" object of package.json (keep the other entries):', `    ${entryJson}`);
    else if (staged.kind === 'yaml') lines.push(`  Add to ${staged.file} (keep the other entries):`, `    "${glob}": scs-standards lint`);
    else if (staged.kind === 'js') lines.push(`  Add to the object that ${staged.file} exports (keep the other entries):`, `    '${glob}': 'scs-standards lint',`);
    else lines.push(`  Add to ${staged.file} (keep the other entries):`, `    ${entryJson}`);
  };
  const hookLine = (): void => {
    const hook = hooks.preCommitHook;
    if (hook?.runsLintStaged) {
      lines.push(`  ${hook.path} already runs lint-staged: leave it as it is.`);
      return;
    }
    if (hooks.husky === 8) lines.push(`  npx husky add .husky/pre-commit "npx lint-staged"   # husky 8: appends to the hook${hook ? ' you have' : ''}`);
    else if (hook) lines.push('  echo "npx lint-staged" >> .husky/pre-commit   # appends to your hook (never use > here)');
    else lines.push('  echo "npx lint-staged" > .husky/pre-commit');
  };
  if (hooks.husky !== undefined) {
    lines.push(`Commit hook: husky ${hooks.husky}${hooks.lintStaged ? ` with lint-staged (${hooks.lintStaged.file})` : ''} found. To lint the staged documents:`);
    lintStagedEntry();
    hookLine();
  } else if (hooks.preCommitFramework) {
    lines.push('Commit hook: the pre-commit framework found (.pre-commit-config.yaml).');
    if (hooks.preCommitFramework.hasHook) lines.push('  .pre-commit-config.yaml already has the scs-standards hook.');
    else lines.push('  Add under `repos:` in .pre-commit-config.yaml:', ...preCommitEntry().map((line) => `    ${line}`));
  } else {
    lines.push('Commit hook: none found. With npm, husky 9 and lint-staged:');
    lines.push('  npm install --save-dev husky lint-staged');
    lines.push('  npx husky init && echo "npx lint-staged" > .husky/pre-commit');
    lines.push(`  and create .lintstagedrc.json with:  { ${entryJson} }`);
    lines.push('Or with the pre-commit framework, in .pre-commit-config.yaml:');
    lines.push(...preCommitEntry().map((line) => `    ${line}`));
  }
  if (hooksPath !== undefined && (hooks.husky === undefined || hooks.preCommitFramework !== undefined)) {
    lines.push(
      `Note: git's core.hooksPath is set (to ${hooksPath}), so \`pre-commit install\` refuses to install.`,
      '  Keep to husky with lint-staged there; for the pre-commit framework instead, first `git config --unset-all core.hooksPath`.',
    );
  }
  return lines;
}

function preCommitEntry(): string[] {
  return ['- repo: https://github.com/SovereignCloudStack/scs-standards', `  rev: v${version()}`, '  hooks:', '    - id: scs-standards'];
}

/**
 * A workflow that checks every pull request with the action: one that changes the documents'
 * folder or a certificate scope file of the configuration.
 */
export function workflowAdvice(standards: string, scopes: readonly string[], hooks: HookSetup): string[] {
  if (hooks.workflows.using.length > 0) return [`GitHub workflow: ${hooks.workflows.using.join(', ')} already uses scs-standards.`];
  return [
    'GitHub workflow: to check every pull request, create .github/workflows/standards.yml:',
    ...[
      'name: Standards',
      'on:',
      '  pull_request:',
      `    paths: [${[`${standards}/**`, ...scopes].map((glob) => `'${glob.replaceAll("'", "''")}'`).join(', ')}]`,
      'permissions:',
      '  contents: read',
      'jobs:',
      '  standards:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v5',
      '        with:',
      '          fetch-depth: 0 # the base branch, for lint --base',
      `      - uses: SovereignCloudStack/scs-standards@v${version()}`,
    ].map((line) => `    ${line}`),
  ];
}
