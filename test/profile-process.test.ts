import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import profileIndexSchema from '../schemas/profile-index.schema.json' with { type: 'json' };
import { ConfigError, loadConfig } from '../tools/engine/config.js';
import { rulesById } from '../tools/rules/index.js';
import { runMain, temporaryRepos } from './helpers/cli.js';
import { commitAll, git } from './helpers/git.js';

/**
 * The engine run from the `eip` profile alone: the configuration names the profile, and lint,
 * `lint --base`, review, index and new work on an EIP repository (fixtures written for these
 * tests, in test/fixtures/profiles/eip).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures', 'profiles', 'eip');
const repo = temporaryRepos();

function fixtures(kind: 'ok' | 'not-ok'): Record<string, string> {
  return Object.fromEntries(readdirSync(join(FIXTURES, kind)).map((name) => [`EIPS/${name}`, readFileSync(join(FIXTURES, kind, name), 'utf8')]));
}

const OK = fixtures('ok');
const EIP = { profile: 'eip' };
const base = OK['EIPS/eip-3002.md'] ?? '';

/** The findings of a `--format json` run, one line each: `file:line:column severity rule message`. */
function lines(stdout: string): string[] {
  const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; severity: number; ruleId: string; message: string }[] }[];
  return results.flatMap((result) =>
    result.messages.map((message) => `${result.filePath.slice(result.filePath.indexOf('EIPS/'))}:${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warn'} ${message.ruleId} ${message.message}`),
  );
}

function initGit(root: string): void {
  git(root, 'init', '--quiet', '--initial-branch=main');
  commitAll(root, 'base');
}

describe('the configuration chooses the profile', () => {
  test('by name; an unknown one is a positioned configuration error', () => {
    const root = repo({}, { profile: 'ep' });
    expect(() => loadConfig(root, rulesById)).toThrow(ConfigError);
    expect(() => loadConfig(root, rulesById)).toThrow(/\.scs-standards\.json:2:14: the profile cannot be used: .*no profile `ep` is shipped/);
    const eip = loadConfig(repo({}, EIP), rulesById);
    expect(eip.process.name).toBe('eip');
    expect(eip.standards).toBe('EIPS');
    expect(eip.scopes).toEqual([]);
  });

  test('by path, relative to the configuration file', () => {
    const profile = readFileSync(join(import.meta.dirname, '..', 'profiles', 'eip', 'profile.json'), 'utf8').replace('"folder": "EIPS"', '"folder": "proposals"').replace('"schema": "front-matter.schema.json"', `"schema": ${JSON.stringify(join(import.meta.dirname, '..', 'profiles', 'eip', 'front-matter.schema.json'))}`);
    const root = repo({ 'process/profile.json': profile }, { profile: 'process/profile.json' });
    const config = loadConfig(root, rulesById);
    expect(config.process.name).toBe('eip');
    expect(config.standards).toBe('proposals');
    // A process that keeps running (an editor) reads the profile file again once it changes.
    writeFileSync(join(root, 'process/profile.json'), profile.replace('"folder": "proposals"', '"folder": "drafts"'));
    expect(loadConfig(root, rulesById).standards).toBe('drafts');
  });

  test('overrides name the statuses and types of the chosen profile', async () => {
    const root = repo(OK, { profile: 'eip', overrides: [{ status: ['Stagnant'], type: ['Standard'], rules: { 'sections-required': 'off' } }] });
    const result = await runMain(['lint'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.scs-standards.json:9:9: unexpected value (got the text "Standard"), expected one of "Standards Track", "Meta", "Informational" (the types of the profile `eip`)');
    expect(result.stderr).not.toContain('Stagnant');
  });
});

describe('lint with the eip profile', () => {
  test('the valid proposals lint clean; a repository without the profile reads none of them', async () => {
    expect(await runMain(['lint'], repo(OK, EIP))).toMatchObject({ code: 0, stderr: '' });
    const scs = await runMain(['lint', 'EIPS'], repo(OK));
    expect(scs).toMatchObject({ code: 0, stderr: 'scs-standards lint: no standards documents found\n' });
  });

  test('the invalid ones: the schema, the number in the file name and in `eip`, and only warnings for a Withdrawn one', async () => {
    const root = repo({ ...OK, ...fixtures('not-ok') }, EIP);
    const result = await runMain(['lint', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const found = lines(result.stdout);
    expect(found).toContain('EIPS/eip-4015.md:2:6 error number-matches-front-matter `eip` is 4016, but the file name `eip-4015.md` gives 4015: both name the document\'s number');
    expect(found).toContain('EIPS/eip-4005.md:2:1 warn front-matter-schema Missing required field `withdrawal-reason`: a Withdrawn proposal says why it was withdrawn');
    expect(found).toContain('EIPS/eip-4007.md:7:1 error front-matter-schema Unexpected `status` `Accepted`, expected one of Draft, Review, Last Call, Final, Stagnant, Withdrawn, Living or Moved');
    // A Meta proposal with a category: the category is the error, not the sections a category would add.
    expect(found.filter((line) => line.startsWith('EIPS/eip-4003.md'))).toEqual(['EIPS/eip-4003.md:9:1 error front-matter-schema Unexpected `category` on a Meta proposal: only Standards Track proposals have a category']);
    expect(found.filter((line) => line.startsWith('EIPS/eip-300'))).toEqual([]);
  });

  test('sections: required, recommended for Core, in their order, and no others', async () => {
    const text = base
      .replace('## Rationale', '## Design')
      .replace(/## Test Cases[\s\S]*?(?=## Security)/, '')
      .replace(/## Motivation([\s\S]*?)## Specification/, '## Specification$1## Motivation');
    const result = await runMain(['lint', '--format', 'json'], repo({ ...OK, 'EIPS/eip-3002.md': text }, EIP));
    const found = lines(result.stdout).map((line) => line.replace(/^\S+ /, ''));
    expect(found).toEqual([
      'warn sections-recommended Missing section `## Test Cases`: a Standards Track should have it',
      'error sections-required Missing section `## Rationale`: a Standards Track must have it',
      'error sections-order Section `## Motivation` comes after `## Specification`, expected the order Abstract, Motivation, Specification, Rationale, Backwards Compatibility, Test Cases, Reference Implementation, Security Considerations, Copyright',
      'error sections-order Unexpected section `## Design`: a Standards Track has only the sections Abstract, Motivation, Specification, Rationale, Backwards Compatibility, Test Cases, Reference Implementation, Security Considerations, Copyright',
    ]);
  });

  test('the preamble in order; requires that exist and are as far along; no self-reference', async () => {
    const text = base
      .replace('eip: 3002\ntitle: Example refund rule', 'title: Example refund rule\neip: 3002')
      .replace('status: Draft', 'status: Final')
      .replace('requires: 3001', 'requires: 3001, 3007, 4444, 3002');
    const result = await runMain(['lint', '--format', 'json'], repo({ ...OK, 'EIPS/eip-3002.md': text }, EIP));
    expect(lines(result.stdout)).toEqual([
      'EIPS/eip-3002.md:3:1 error front-matter-field-order `eip` comes after `title`, expected the order eip, title, description, author, discussions-to, status, last-call-deadline, type, category, created, requires, withdrawal-reason',
      'EIPS/eip-3002.md:11:17 error reference-maturity `requires` names 3007 (`eip-3007.md`), which is Review: a Final document requires only documents at least as far along',
      'EIPS/eip-3002.md:11:23 error reference-exists `requires` names 4444, which is not a document in this folder',
      'EIPS/eip-3002.md:11:29 error no-self-reference Unexpected self-reference: `requires` names this document itself',
    ]);
  });

  test('a Stagnant proposal only warns, a Moved stub needs no sections, a draft waits for its number', async () => {
    const stagnant = base.replace('status: Draft', 'status: Stagnant').replace('## Rationale', '## Why');
    const draft = base.replace('eip: 3002\n', '');
    const result = await runMain(
      ['lint', '--format', 'json'],
      repo({ ...OK, 'EIPS/eip-3002.md': stagnant, 'EIPS/eip-3008.md': '---\neip: 3008\nstatus: Moved\ncategory: ERC\n---\n\nMoved elsewhere.\n', 'EIPS/eip-draft_refunds.md': draft }, EIP),
    );
    const found = lines(result.stdout);
    expect(found.length).toBeGreaterThan(1);
    expect(found.filter((line) => !line.startsWith('EIPS/eip-3002.md'))).toEqual([]);
    expect(found.filter((line) => line.includes(' error '))).toEqual([]);
    expect(result.code).toBe(0);
  });

  test('a file name that is no EIP name, and a link to a proposal that does not exist', async () => {
    const text = base.replace('## Abstract\n', '## Abstract\n\nSee [the other one](./eip-9999.md).\n');
    const result = await runMain(['lint', '--format', 'json', 'EIPS/eip-03002.md', 'EIPS/eip-3002.md'], repo({ ...OK, 'EIPS/eip-3002.md': text, 'EIPS/eip-03002.md': base }, EIP));
    const found = lines(result.stdout);
    expect(found).toContain('EIPS/eip-03002.md:1:1 error file-name-pattern Unexpected file name `eip-03002.md`, expected `eip-1559.md` or `eip-draft_gas_refunds.md` (file `eip-03002.md`)');
    expect(found.some((line) => line.startsWith('EIPS/eip-3002.md:') && line.includes('link-document-exists Link to `eip-9999.md`'))).toBe(true);
  });
});

describe('a change, with the transitions of the eip profile', () => {
  test('Draft to Review passes; Draft to Final, a deletion and a renumbering fail', async () => {
    const root = repo(OK, EIP);
    initGit(root);
    writeFileSync(join(root, 'EIPS/eip-3002.md'), base.replace('status: Draft', 'status: Review'));
    expect(await runMain(['lint', '--base', 'HEAD'], root)).toMatchObject({ code: 0 });
    writeFileSync(join(root, 'EIPS/eip-3002.md'), base.replace('status: Draft', 'status: Final'));
    git(root, 'rm', '--quiet', 'EIPS/eip-3003.md');
    git(root, 'mv', 'EIPS/eip-3004.md', 'EIPS/eip-3009.md');
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const found = lines(result.stdout).filter((line) => line.includes('lifecycle-'));
    expect(found).toEqual([
      'EIPS/eip-3002.md:7:9 error lifecycle-status-transition Unexpected status `Final` (`Draft` in the base): a Draft document cannot become Final: it may only become Review, Stagnant, Withdrawn or Moved',
      'EIPS/eip-3003.md:1:1 error lifecycle-no-deletion Unexpected deletion of `eip-3003.md` (Living): documents are never deleted; keep it with its status',
      expect.stringMatching(/^EIPS\/eip-3009\.md:1:1 error lifecycle-number-unchanged Unexpected rename of accepted `eip-3004\.md` \(number `3004` to `3009`\)/),
    ]);
  });

  test('an edit of a Final body is reported for review; an unquoted `created` that YAML 1.1 reads otherwise, when the rule is on', async () => {
    const root = repo(OK, { ...EIP, rules: { 'front-matter-date-quoting': 'warn' } });
    initGit(root);
    const final = OK['EIPS/eip-3001.md'] ?? '';
    writeFileSync(join(root, 'EIPS/eip-3001.md'), final.replace('created: 2021-03-04', 'created: 2021-3-4 10:00:00').replace('who has to act on it.', 'who has to act on it, and when.'));
    const result = await runMain(['lint', '--base', 'HEAD', '--format', 'json'], root);
    expect(lines(result.stdout)).toEqual([
      'EIPS/eip-3001.md:10:1 error front-matter-schema `created` must be an ISO date (YYYY-MM-DD) that exists in the calendar, found `2021-3-4 10:00:00`',
      'EIPS/eip-3001.md:10:10 warn front-matter-date-quoting Unquoted `2021-3-4 10:00:00` in `created` is not the text written for YAML 1.1 readers: js-yaml and PyYAML read a date and time; quote it so that every reader sees the same value',
      'EIPS/eip-3001.md:15:1 warn lifecycle-stable-body-edit The body of this document, Final in the base, changed from line 15 on: make sure the edit cannot make an existing implementation non-conformant (editorial fixes only)',
    ]);
  });

  test('review names the editors of the category, else of the type', async () => {
    const root = repo(OK, EIP);
    initGit(root);
    writeFileSync(join(root, 'EIPS/eip-3002.md'), base.replace('status: Draft', 'status: Review'));
    writeFileSync(join(root, 'EIPS/eip-3003.md'), (OK['EIPS/eip-3003.md'] ?? '').replace('## Abstract\n', '## Abstract\n\nOne more line.\n'));
    const result = await runMain(['review', '--base', 'HEAD', '--format', 'json'], root);
    const review = JSON.parse(result.stdout) as { documents: { id: string; track: string; statusBefore: string; statusAfter: string }[]; approvals: { group: string; documents: string[] }[] };
    expect(review.documents.map((doc) => [doc.id, doc.track, doc.statusBefore, doc.statusAfter])).toEqual([
      ['eip-3002', 'Core', 'Draft', 'Review'],
      ['eip-3003', 'Meta', 'Living', 'Living'],
    ]);
    expect(review.approvals).toEqual([
      { group: 'EIP editors', tracks: ['Core', 'Meta'], documents: ['eip-3002', 'eip-3003'] },
    ]);
  });

  test('the configuration sets approvals by the values of the profile, and knows no others', async () => {
    const root = repo(OK, { profile: 'eip', approvals: { Core: ['@example/core-editors'], Informational: 'Someone' } });
    initGit(root);
    writeFileSync(join(root, 'EIPS/eip-3002.md'), base.replace('status: Draft', 'status: Review'));
    const result = await runMain(['review', '--base', 'HEAD', '--format', 'json'], root);
    expect((JSON.parse(result.stdout) as { approvals: { group: string }[] }).approvals.map((approval) => approval.group)).toEqual(['@example/core-editors']);
    const wrong = await runMain(['review', '--base', 'HEAD'], repo(OK, { profile: 'eip', approvals: { IaaS: 'x' } }));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown setting `IaaS` (who approves is set for Core, Networking, Interface, ERC, Meta, Informational, Standards Track)');
  });
});

describe('index and new with the eip profile', () => {
  test('the index groups by category, else type, with each state from the status', async () => {
    const result = await runMain(['index', '--format', 'json'], repo(OK, EIP));
    expect(result.code).toBe(0);
    const index = JSON.parse(result.stdout) as { $schema: string; groups: { name: string; documents: string[] }[]; documents: { id: string; state: string; group: string; references: Record<string, string[]> }[] };
    expect(index.$schema).toMatch(/profile-index\.schema\.json$/);
    expect(index.groups.map((group) => [group.name, group.documents])).toEqual([
      ['Core', ['eip-3001', 'eip-3002']],
      ['Networking', ['eip-3007']],
      ['Interface', ['eip-3005']],
      ['ERC', ['eip-3006']],
      ['Meta', ['eip-3003']],
      ['Informational', ['eip-3004']],
    ]);
    expect(Object.fromEntries(index.documents.map((doc) => [doc.id, doc.state]))).toEqual({
      'eip-3001': 'final',
      'eip-3002': 'draft',
      'eip-3003': 'living',
      'eip-3004': 'last-call',
      'eip-3005': 'withdrawn',
      'eip-3006': 'moved',
      'eip-3007': 'review',
    });
    expect(index.documents.find((doc) => doc.id === 'eip-3002')?.references).toEqual({ requires: ['3001'] });
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(profileIndexSchema);
    expect(validate(index), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...index, documents: [{ ...index.documents[0], state: 3 }] })).toBe(false);
  });

  test('index --out writes index.json and a self-contained index.html, and --check finds them current', async () => {
    const root = repo(OK, EIP);
    expect(await runMain(['index', '--out', 'site'], root)).toMatchObject({ code: 0, stdout: 'site: 2 written, 0 unchanged, 0 removed\n' });
    const html = readFileSync(join(root, 'site', 'index.html'), 'utf8');
    expect(html).toContain('<h1>Ethereum Improvement Proposals: index</h1>');
    expect(html).toContain('<a href="eip-3002.md">3002</a>');
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/]+=*&#39;; base-uri/);
    expect(html).not.toContain('<script');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(html).toContain(`style-src &#39;sha256-${createHash('sha256').update(style).digest('base64')}&#39;`);
    expect(await runMain(['index', '--out', 'site', '--check'], root)).toMatchObject({ code: 0 });
    expect(await runMain(['index', '--out', 'site', '--history'], root)).toMatchObject({ code: 2 });
  });

  test('new makes a draft from the profile\'s template, which lints clean but for its placeholders', async () => {
    const root = repo(OK, EIP);
    const made = await runMain(['new', '--type', 'standards track', '--category', 'core', '--title', 'Refund caps'], root);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toBe("Created EIPS/eip-draft_refund-caps.md from eip-template.md of the profile `eip`\n");
    const text = readFileSync(join(root, 'EIPS', 'eip-draft_refund-caps.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: Refund caps\n/);
    expect(text).toContain('\nstatus: Draft\ntype: Standards Track\ncategory: Core\ncreated: ');
    const lint = await runMain(['lint', '--format', 'json'], root);
    expect(lines(lint.stdout).filter((line) => line.includes(' error '))).toEqual([]);
    expect(await runMain(['new', '--type', 'Meta', '--category', 'Core', '--title', 'X'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('a Meta has no category') });
    expect(await runMain(['new', '--type', 'Standards Track', '--title', 'Y'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--category is needed') });
    expect(await runMain(['new', '--type', 'Standards Track', '--category', 'Core', '--track', 'IaaS', '--title', 'Z'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('has no tracks') });
  });

  test('init baselines the invalid proposals and advises a hook and a workflow for EIPS/ alone', async () => {
    const root = repo({ ...OK, ...fixtures('not-ok') }, EIP);
    initGit(root);
    const result = await runMain(['init'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('templates: none in the repository: new documents start from the ones shipped with scs-standards');
    expect(result.stdout).toContain('{ "EIPS/eip-*.md": "scs-standards lint" }');
    expect(result.stdout).toContain("    paths: ['EIPS/**']\n");
    const suppressions = JSON.parse(readFileSync(join(root, 'scs-standards-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(suppressions['EIPS/eip-4015.md']).toEqual({ 'number-matches-front-matter': { count: 1 } });
    expect(await runMain(['lint'], root)).toMatchObject({ code: 0 });
  });
});
