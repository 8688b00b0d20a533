import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { ResolvedConfig } from '../../tools/engine/config.js';
import { rulesById } from '../../tools/rules/index.js';
import { runMain } from '../helpers/cli.js';
import { clearWorkTree, commitAll, git, writeFiles } from '../helpers/git.js';
import { CASE_CONFIG_FILE, caseConfig } from '../helpers/lint.js';
import { count, FIXTURES, reportCounts, settings, timeout } from './support.js';

/**
 * `lint --fix` keeps a change legal: whatever it fixes, `lint --base` on the result has no
 * error that the corpus did not have before (and exits 0 or 1, never 2). The corpora are
 * real-shaped: the flat fixture folders of the rules (each under the profile its configuration
 * chooses) and the legacy corpus, and generated chains of versions (`replaces` and
 * `replaced_by` written as strings, as lists, or missing; versions Deprecated, Stable, Draft or
 * Rejected) with their dates and sections. Each input is laid down as a commit of a real git
 * repository; the fix runs in the work tree.
 */

/**
 * Fixture folders that hold one standards folder (not a change: no `base/` and `head/`), each
 * with the configuration it is linted with (a case's own `.scs-standards.json`, which may choose
 * another profile) and the standards folder that configuration names.
 */
function corpusFolders(): { folder: string; config: string; standards: string }[] {
  const folders = [{ folder: join(FIXTURES, 'change', 'legacy', 'Standards'), config: '{}\n', standards: 'Standards' }];
  const rules = join(FIXTURES, 'rules');
  for (const rule of readdirSync(rules).sort()) {
    for (const name of readdirSync(join(rules, rule)).sort()) {
      const folder = join(rules, rule, name);
      if (!statSync(folder).isDirectory() || existsSync(join(folder, 'base'))) continue;
      if (!readdirSync(folder).some((file) => file.endsWith('.md'))) continue;
      const raw = caseConfig(folder);
      const standards = new ResolvedConfig(folder, undefined, raw, rulesById).standards;
      folders.push({ folder, config: `${JSON.stringify(raw)}\n`, standards });
    }
  }
  return folders;
}

const STATUSES = ['Draft', 'Stable', 'Deprecated', 'Rejected'] as const;
type Status = (typeof STATUSES)[number];

const version = fc.record({
  status: fc.constantFrom<Status>(...STATUSES),
  replaces: fc.constantFrom('none', 'string', 'list', 'first'),
  replacedBy: fc.constantFrom('none', 'string', 'list', 'last'),
  quoted: fc.boolean(),
  conformance: fc.boolean(),
  brokenLink: fc.boolean(),
});
type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

const chain = fc.record({
  number: fc.constantFrom('0100', '0101', '0210', '0300'),
  slug: fc.constantFrom('flavor-naming', 'entropy', 'node-distribution'),
  versions: fc.array(version, { minLength: 1, maxLength: 4 }),
  supplement: fc.constantFrom('none', 'string', 'list'),
});
type Chain = typeof chain extends fc.Arbitrary<infer T> ? T : never;

const TRACKS: Record<string, string> = { '0': 'Global', '1': 'IaaS', '2': 'KaaS', '3': 'IAM' };

function chainFiles(spec: Chain): Record<string, string> {
  const track = TRACKS[spec.number[1] ?? '1'] ?? 'IaaS';
  const name = (index: number): string => `scs-${spec.number}-v${index + 1}-${spec.slug}.md`;
  const files: Record<string, string> = {};
  spec.versions.forEach((entry: Version, index) => {
    const date = (value: string): string => (entry.quoted ? `"${value}"` : value);
    const lines = ['---', `title: Version ${index + 1} of ${spec.slug}`, 'type: Standard', `status: ${entry.status}`, `track: ${track}`];
    if (entry.status === 'Stable' || entry.status === 'Deprecated') lines.push(`stabilized_at: ${date(`202${index}-03-01`)}`);
    if (entry.status === 'Deprecated') lines.push(`deprecated_at: ${date(`202${index + 1}-03-01`)}`);
    if (entry.status === 'Rejected') lines.push(`rejected_at: ${date(`202${index}-06-01`)}`);
    if (index > 0 && entry.replaces !== 'none') {
      const target = entry.replaces === 'first' ? name(0) : name(index - 1);
      lines.push(entry.replaces === 'string' ? `replaces: ${target}` : `replaces:\n  - ${target}`);
    }
    if ((entry.status === 'Deprecated' || entry.status === 'Rejected') && index < spec.versions.length - 1 && entry.replacedBy !== 'none') {
      const target = entry.replacedBy === 'last' ? name(spec.versions.length - 1) : name(index + 1);
      lines.push(entry.replacedBy === 'string' ? `replaced_by: ${target}` : `replaced_by:\n  - ${target}`);
    }
    lines.push('---', '', `# Version ${index + 1}`, '', '## Introduction', '', `What version ${index + 1} is about.`, '', '## Motivation', '', 'Why it matters.');
    lines.push('', '## Standard', '', entry.brokenLink ? 'See [the rules](scs-0999-v1-gone.md).' : 'A cloud MUST do it.');
    if (entry.conformance) lines.push('', '## Conformance Tests', '', 'A script checks it.');
    files[name(index)] = `${lines.join('\n')}\n`;
  });
  if (spec.supplement !== 'none') {
    const target = name(0);
    files[`scs-${spec.number}-w1-${spec.slug}-notes.md`] = `---\ntitle: Notes\ntype: Supplement\ntrack: ${track}\n${spec.supplement === 'string' ? `supplements: ${target}` : `supplements:\n  - ${target}`}\n---\n\n# Notes\n\nHints.\n`;
  }
  return files;
}

const corpus = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...corpusFolders()).map((entry) => ({ kind: 'fixture' as const, ...entry })) },
  { weight: 2, arbitrary: fc.array(chain, { minLength: 1, maxLength: 3 }).map((chains) => ({ kind: 'chains' as const, chains })) },
);

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string }[];
}

/** The errors of a JSON report, as `path rule message` (positions left out). */
function errorsOf(root: string, stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((file) =>
    file.messages.filter((message) => message.severity === 2).map((message) => `${file.filePath.slice(root.length + 1)} ${message.ruleId} ${message.message}`),
  );
}

afterAll(() => reportCounts('fix'));

describe('fuzz: lint --fix then lint --base', () => {
  test('a change made by --fix has no error that the corpus did not have', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scs-standards-fix-fuzz-'));
    try {
      git(root, 'init', '--quiet', '--initial-branch=main');
      commitAll(root, 'empty');
      await fc.assert(
        fc.asyncProperty(corpus, async (input) => {
          count('fix then lint --base');
          git(root, 'checkout', '--quiet', '--detach');
          clearWorkTree(root);
          writeFiles(root, { '.scs-standards.json': input.kind === 'fixture' ? input.config : '{}\n' });
          mkdirSync(join(root, 'Standards'), { recursive: true });
          if (input.kind === 'fixture') cpSync(input.folder, join(root, input.standards), { recursive: true, filter: (source) => source !== join(input.folder, CASE_CONFIG_FILE) });
          else for (const spec of input.chains) writeFiles(root, Object.fromEntries(Object.entries(chainFiles(spec)).map(([name, text]) => [`Standards/${name}`, text])));
          commitAll(root, 'base');

          const before = await runMain(['lint', '--format', 'json'], root);
          expect(before.code, before.stderr).not.toBe(2);
          const fixed = await runMain(['lint', '--fix', '--format', 'json'], root);
          expect(fixed.code, fixed.stderr).not.toBe(2);
          expect(fixed.stderr).toMatch(/^scs-standards lint: (nothing to fix|fixed \d+ problems? in \d+ files?)\n$/);
          const after = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
          expect(after.code, after.stderr).not.toBe(2);
          const known = new Set(errorsOf(root, before.stdout));
          expect(errorsOf(root, after.stdout).filter((error) => !known.has(error))).toEqual([]);
          // The fixes leave nothing the same fixes would change again.
          expect((await runMain(['lint', '--fix-dry-run'], root)).stdout).toBe('');
        }),
        // Each input is a commit and four runs: half the budget.
        settings(0.5, 2000),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, timeout(400, 0.5, 2000));
});
