import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { hookAdvice } from '../tools/cli/init.js';
import type { HookSetup } from '../tools/engine/adopt.js';
import { runMain } from './helpers/cli.js';
import { readGolden } from './helpers/lint.js';
import { git, initRepo, snapshot } from './helpers/repo.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'init', 'legacy');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * A standards repository as it is before adoption: husky 8 with lint-staged, templates beside
 * the documents, legacy documents with errors, a .gitignore without a final newline; committed.
 */
function legacyRepo(edit: (root: string) => void = () => undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'scs-init-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cpSync(FIXTURE, root, { recursive: true });
  // Kept under other names here, so that this repository's own tools do not take them for theirs.
  renameSync(join(root, 'gitignore.txt'), join(root, '.gitignore'));
  renameSync(join(root, 'lintstagedrc.json.txt'), join(root, '.lintstagedrc.json'));
  edit(root);
  initRepo(root);
  return root;
}

describe('scs-standards init', () => {
  test('adopts a husky 8 repository: configuration, baseline, .gitignore; lint passes right after; a second run changes nothing', async () => {
    const root = legacyRepo();
    git(root, ['config', 'core.hooksPath', '.husky']); // as `husky install` leaves it
    const before = snapshot(root);

    const dry = await runMain(['init', '--dry-run'], root);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(snapshot(root), '--dry-run writes nothing').toEqual(before);
    expect(dry.stdout).toBe(readGolden(join(import.meta.dirname, 'golden', 'init-dry-run.txt'), dry.stdout));

    const first = await runMain(['init'], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(readGolden(join(import.meta.dirname, 'golden', 'init.txt'), first.stdout));
    expect(JSON.parse(readFileSync(join(root, '.scs-standards.json'), 'utf8'))).toEqual({
      $schema: 'https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/config.schema.json',
      standards: 'Standards',
      templates: 'Standards',
    });
    expect(JSON.parse(readFileSync(join(root, 'scs-standards-suppressions.json'), 'utf8'))).toEqual({
      'Standards/scs-0100-v1-image-names.md': { 'sections-required': { count: 2 } },
      'Standards/scs-0110-v1-image-rules.md': { 'sections-required': { count: 1 } },
    });
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('node_modules\n*.log\n.scs-standards-cache\n');
    // What the user wrote is untouched.
    for (const path of ['package.json', '.husky/pre-commit', '.lintstagedrc.json', 'Standards/scs-0100-v1-image-names.md']) {
      expect(snapshot(root)[path], path).toBe(before[path]);
    }

    const lint = await runMain(['lint'], root);
    expect({ code: lint.code, stderr: lint.stderr }).toEqual({ code: 0, stderr: '' });
    const one = await runMain(['lint', 'Standards/scs-0100-v1-image-names.md'], root);
    expect({ code: one.code, stderr: one.stderr }).toEqual({ code: 0, stderr: '' });

    const adopted = snapshot(root);
    const second = await runMain(['init'], root);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nothing to change: the configuration, the baseline and .gitignore are up to date.');
    expect(second.stdout).toContain('.scs-standards.json exists and is kept as it is');
    expect(snapshot(root)).toEqual(adopted);

    // new starts from the repository's own template.
    const created = await runMain(['new', '--type', 'Standard', '--track', 'IaaS', '--title', 'Image Tags'], root);
    expect(created.stdout).toBe('Created Standards/scs-xxxx-v1-image-tags.md from Standards/scs-XXXX-vN-standard-template.md\n');
    const proposal = await runMain(['lint', 'Standards/scs-xxxx-v1-image-tags.md', '--format', 'json'], root);
    expect(proposal.code).toBe(0);
    const rules = (JSON.parse(proposal.stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap((result) => result.messages.map((message) => `${message.ruleId}:${message.severity}`));
    expect(rules.filter((rule) => rule === 'template-placeholder:1')).toHaveLength(6);
  });

  test('new errors after adoption are recorded by a second run, the existing counts are kept', async () => {
    const root = legacyRepo();
    expect((await runMain(['init'], root)).code).toBe(0);
    writeFileSync(join(root, 'Standards', 'scs-0120-v1-image-tags.md'), '---\ntitle: Image Tags\ntype: Standard\nstatus: Draft\ntrack: IaaS\n---\n\n## Introduction\n\nTags.\n');
    expect((await runMain(['lint'], root)).code).toBe(1);
    const again = await runMain(['init'], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Updated scs-standards-suppressions.json');
    expect(again.stdout).toContain('(3 recorded now)');
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'scs-standards-suppressions.json'), 'utf8')) as object)).toEqual([
      'Standards/scs-0100-v1-image-names.md',
      'Standards/scs-0110-v1-image-rules.md',
      'Standards/scs-0120-v1-image-tags.md',
    ]);
    expect((await runMain(['lint'], root)).code).toBe(0);
  });

  test('an existing configuration is kept byte for byte, and its folders are used', async () => {
    const root = legacyRepo((folder) => {
      renameSync(join(folder, 'Standards'), join(folder, 'Docs'));
      writeFileSync(join(folder, '.scs-standards.yaml'), '# ours\nstandards: Docs\nrules:\n  sections-required: warn\n');
    });
    const before = readFileSync(join(root, '.scs-standards.yaml'), 'utf8');
    const result = await runMain(['init'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('configuration: .scs-standards.yaml exists and is kept as it is');
    expect(result.stdout).toContain('documents: Docs/ (3 documents)');
    expect(result.stdout).toContain('Baseline: no errors to record');
    expect(result.stdout).toContain('"Docs/scs-*.md": "scs-standards lint"');
    expect(readFileSync(join(root, '.scs-standards.yaml'), 'utf8')).toBe(before);
    expect(result.stdout).not.toContain('scs-standards-suppressions.json');
  });

  test('husky 9 with lint-staged in package.json and a hook of its own: append, never overwrite', async () => {
    const root = legacyRepo((folder) => {
      writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'x', scripts: { prepare: 'husky' }, devDependencies: { husky: '^9.1.7', 'lint-staged': '^15.0.0', 'scs-standards': '^0.1.0' }, 'lint-staged': { '*.md': 'markdown-format' } }, null, 2)}\n`);
      writeFileSync(join(folder, '.husky', 'pre-commit'), 'npm test\n');
      rmSync(join(folder, '.lintstagedrc.json'));
      writeFileSync(join(folder, 'package-lock.json'), '{}\n');
      writeFileSync(join(folder, '.gitignore'), 'node_modules\r\n/.scs-standards-cache\r\n');
    });
    const result = await runMain(['init'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commit hook: husky 9 with lint-staged (package.json) found. To lint the staged documents:\n  Add to the "lint-staged" object of package.json (keep the other entries):\n    "Standards/scs-*.md": "scs-standards lint"\n  echo "npx lint-staged" >> .husky/pre-commit   # appends to your hook (never use > here)\n');
    expect(result.stdout).toContain('  git add .scs-standards.json scs-standards-suppressions.json .gitignore package.json package-lock.json\n');
    expect(result.stdout).not.toContain('Updated .gitignore');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('node_modules\r\n/.scs-standards-cache\r\n');
  });

  test('the pre-commit framework with core.hooksPath set: says that pre-commit refuses, and what to do', async () => {
    const root = legacyRepo((folder) => {
      rmSync(join(folder, '.husky'), { recursive: true });
      rmSync(join(folder, 'package.json'));
      rmSync(join(folder, '.lintstagedrc.json'));
      writeFileSync(join(folder, '.pre-commit-config.yaml'), 'repos: []\n');
      rmSync(join(folder, '.gitignore'));
    });
    git(root, ['config', 'core.hooksPath', 'hooks']);
    const result = await runMain(['init'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Commit hook: the pre-commit framework found (.pre-commit-config.yaml).\n  Add under `repos:` in .pre-commit-config.yaml:\n    - repo: https://github.com/SovereignCloudStack/scs-standards\n',
    );
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('.scs-standards-cache\n');
    expect(result.stdout).toContain('Created .gitignore');
    expect(result.stdout).toContain("Note: git's core.hooksPath is set (to hooks), so `pre-commit install` refuses to install.\n  Keep to husky with lint-staged there; for the pre-commit framework instead, first `git config --unset-all core.hooksPath`.\n");
  });

  test('a repository without documents, and an argument, are usage errors that write nothing', async () => {
    const root = legacyRepo((folder) => rmSync(join(folder, 'Standards'), { recursive: true }));
    const before = snapshot(root);
    const none = await runMain(['init'], root);
    expect(none).toEqual({ code: 2, stdout: '', stderr: 'scs-standards init: No standards documents found: expected a Standards/ folder of scs-*.md files (such as scs-0100-v3-flavor-naming.md) at the repository root\n' });
    const extra = await runMain(['init', 'Standards'], root);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument `Standards`');
    expect(snapshot(root)).toEqual(before);
  });

  test('an invalid configuration is reported with its position and kept', async () => {
    const root = legacyRepo((folder) => writeFileSync(join(folder, '.scs-standards.json'), '{ "standard": "Standards" }\n'));
    const result = await runMain(['init'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('scs-standards init: .scs-standards.json:1:3: unknown setting `standard`: did you mean `standards`?\n');
  });


  describe('the hook lines for each setup', () => {
    const none: HookSetup = { husky: undefined, preCommitHook: undefined, lintStaged: undefined, preCommitFramework: undefined, workflows: { folder: false, using: [] }, installed: true, hasPackageJson: true };
    test.each<[string, Partial<HookSetup>, string[]]>([
      [
        'husky 8 whose hook does not run lint-staged, lint-staged in YAML',
        { husky: 8, preCommitHook: { path: '.husky/pre-commit', runsLintStaged: false }, lintStaged: { file: '.lintstagedrc.yaml', kind: 'yaml', hasEntry: false } },
        ['Commit hook: husky 8 with lint-staged (.lintstagedrc.yaml) found. To lint the staged documents:', '  Add to .lintstagedrc.yaml (keep the other entries):', '    "Docs/scs-*.md": scs-standards lint', '  npx husky add .husky/pre-commit "npx lint-staged"   # husky 8: appends to the hook you have'],
      ],
      [
        'husky 9 without lint-staged or a hook',
        { husky: 9 },
        ['Commit hook: husky 9 found. To lint the staged documents:', '  npm install --save-dev lint-staged', '  and create .lintstagedrc.json with:  { "Docs/scs-*.md": "scs-standards lint" }', '  echo "npx lint-staged" > .husky/pre-commit'],
      ],
      [
        'lint-staged in a module that already runs the toolkit',
        { husky: 9, preCommitHook: { path: '.husky/pre-commit', runsLintStaged: true }, lintStaged: { file: 'lint-staged.config.mjs', kind: 'js', hasEntry: true } },
        ['Commit hook: husky 9 with lint-staged (lint-staged.config.mjs) found. To lint the staged documents:', '  lint-staged.config.mjs already runs scs-standards: nothing to add there.', '  .husky/pre-commit already runs lint-staged: leave it as it is.'],
      ],
      [
        'nothing: both ways',
        {},
        [
          'Commit hook: none found. With npm, husky 9 and lint-staged:',
          '  npm install --save-dev husky lint-staged',
          '  npx husky init && echo "npx lint-staged" > .husky/pre-commit',
          '  and create .lintstagedrc.json with:  { "Docs/scs-*.md": "scs-standards lint" }',
          'Or with the pre-commit framework, in .pre-commit-config.yaml:',
          '    - repo: https://github.com/SovereignCloudStack/scs-standards',
          expect.stringMatching(/^ {6}rev: v\d+\.\d+\.\d+$/) as unknown as string,
          '      hooks:',
          '        - id: scs-standards',
        ],
      ],
    ])('%s', (_name, setup, lines) => {
      expect(hookAdvice('Docs', { ...none, ...setup }, undefined)).toEqual(lines);
    });
  });
});
