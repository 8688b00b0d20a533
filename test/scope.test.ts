import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Corpus } from '../tools/model/corpus.js';
import { periodAround } from '../tools/model/dates.js';
import { StandardDocument } from '../tools/model/document.js';
import { versionLayout } from '../tools/indexes/layout.js';
import { documentState } from '../tools/model/state.js';
import { loadProfile } from '../tools/profile/load.js';
import { CertificateScope, standardIdOfModule } from '../tools/model/scope.js';
import { validateScope } from '../tools/model/scope-schema.js';
import { summarizeScope } from '../tools/model/scope-summary.js';
import { certifiableSpan, certificationFuture, timelinePeriods, validityChangeDates, validityOn, validityPeriods } from '../tools/model/scope-timeline.js';
import { frontMatter } from './helpers/documents.js';

const EXAMPLE = join(import.meta.dirname, 'fixtures', 'rules', 'scope-includes-stable', 'ok-example-scope');

function scopeOf(text: string): CertificateScope {
  return CertificateScope.fromText('/repo/Tests/scs-x.yaml', 'Tests/scs-x.yaml', 'scs-x.yaml', text);
}

/** The text a range covers. */
function at(scope: CertificateScope, range: { start: number; end: number }): string {
  return scope.source.text.slice(range.start, range.end);
}

function exampleScope(): CertificateScope {
  return scopeOf(readFileSync(join(EXAMPLE, 'Tests', 'scs-compatible-iaas.yaml'), 'utf8'));
}

function exampleCorpus(): Corpus {
  const folder = join(EXAMPLE, 'Standards');
  const names = ['scs-0100-v1-flavor-naming.md', 'scs-0100-v2-flavor-naming.md', 'scs-0101-v1-entropy.md', 'scs-0102-v1-image-metadata.md', 'scs-0102-v2-image-metadata.md', 'scs-0103-v1-standard-flavors.md'];
  return new Corpus(
    folder,
    names.map((name) => StandardDocument.fromText(join(folder, name), `Standards/${name}`, name, readFileSync(join(folder, name), 'utf8'))),
  );
}

describe('scope files', () => {
  test('every part keeps where it is written', () => {
    const scope = exampleScope();
    expect(scope.usable).toBe(true);
    expect(scope.problems).toEqual([]);
    expect(scope.name).toBe('SCS-compatible IaaS');
    expect(scope.testCases.map((testCase) => [testCase.id, testCase.script])).toEqual([
      ['flavor-names-syntax', 0],
      ['flavor-names-semantics', 0],
      ['entropy-rng-property', 1],
      ['entropy-available', 1],
      ['image-docs-check', 2],
    ]);
    for (const testCase of scope.testCases) expect(at(scope, testCase.range)).toBe(testCase.id);
    const images = scope.module('scs-0102-v1-1');
    expect(images?.parameters).toEqual(['image_spec']);
    expect(images?.targets).toEqual([{ name: 'preview', testCases: [expect.objectContaining({ id: 'image-docs-check' })] }]);
    expect(scope.module('smoke-test')?.targets).toEqual([]);
    const v2 = scope.version('v2');
    expect(v2?.stabilizedAt).toBe('2024-06-15');
    expect(v2 && at(scope, v2.nameRange)).toBe('v2');
    expect(v2?.include.map((include) => [include.moduleId, at(scope, include.range), include.parameters])).toEqual([
      ['scs-0100-v2.1', 'scs-0100-v2.1', undefined],
      ['scs-0101-v1', 'scs-0101-v1', undefined],
      ['scs-0102-v1-1', 'scs-0102-v1-1', { image_spec: 'https://example.org/images.yaml' }],
      ['smoke-test', 'smoke-test', undefined],
    ]);
    expect(scope.version('next')?.stabilizedAt).toBeUndefined();
    const [first] = scope.timeline;
    expect(first?.date).toBe('2024-09-01');
    expect(first?.versions.map((item) => [item.version, item.validity, at(scope, item.keyRange), at(scope, item.range)])).toEqual([
      ['next', 'draft', 'next', 'draft'],
      ['v2', 'effective', 'v2', 'effective'],
    ]);
  });

  test('a BOM and CRLF keep the same lines and columns', () => {
    const text = 'name: X\nmodules:\n  - id: scs-0100-v1\n';
    const plain = scopeOf(text);
    const windows = scopeOf(`\ufeff${text.replaceAll('\n', '\r\n')}`);
    expect(windows.source.bom).toBe(true);
    for (const scope of [plain, windows]) {
      const module = scope.modules[0];
      expect(module && scope.source.lines.place(module.idRange)).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 20 });
    }
  });

  test('entries of the wrong shape are left out of the views', () => {
    const scope = scopeOf('modules:\n  - name: no id\n  - 42\n  - id: m\n    targets: {main: [a, 7]}\nversions:\n  - include: [m]\n  - version: v1\n    stabilized_at: 2024-02-30\n    include: [m, 3, {ref: 4}, {ref: m}]\n');
    expect(scope.modules.map((module) => module.id)).toEqual(['m']);
    expect(scope.modules[0]?.targets[0]?.testCases.map((entry) => entry.id)).toEqual(['a']);
    expect(scope.versions.map((version) => version.name)).toEqual(['v1']);
    expect(scope.versions[0]?.stabilizedAt).toBeUndefined();
    expect(scope.versions[0]?.stabilizedAtRange).toBeDefined();
    expect(scope.versions[0]?.include.map((include) => include.index)).toEqual([0, 3]);
  });

  test.each([
    ['name: [unclosed\n', 'syntax', 'Invalid YAML'],
    ['name: A\nurl: x\nname: B\n', 'duplicate-key', 'Duplicate key `name`'],
    ['- name: A\n', 'not-mapping', 'found a list'],
    ['just text\n', 'not-mapping', 'found the value `just text`'],
    ['# only a comment\n', 'not-mapping', 'found nothing'],
    ['  \n', 'empty', 'The scope file is empty'],
    [`name: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'limit', 'nests 100 levels deep'],
    [`a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, index) => `b${index}: &b${index} [${Array(10).fill(index === 0 ? '*a' : `*b${index - 1}`).join(', ')}]`).join('\n')}\n`, 'limit', 'aliases are limited'],
  ])('%j is a %s problem', (text, kind, message) => {
    const scope = scopeOf(text);
    expect(scope.problems.map((problem) => problem.kind)).toContain(kind);
    expect(scope.problems.map((problem) => problem.message).join('\n')).toContain(message);
  });

  test('a syntax error at the very end stays inside the file (found by fuzzing)', () => {
    for (const text of ['[', '{', 'a: "x', 'a: [b, {c']) {
      const scope = scopeOf(text);
      expect(scope.problems.length).toBeGreaterThan(0);
      for (const problem of scope.problems) expect(problem.range.end).toBeLessThanOrEqual(text.length);
    }
  });

  test('the duplicate key is reported at the second key', () => {
    const scope = scopeOf('versions:\n  - version: v1\n    include: []\n    version: v2\n');
    const [problem] = scope.problems;
    expect(problem && at(scope, problem.range)).toBe('version');
    expect(problem && scope.source.lines.point(problem.range.start)).toEqual({ line: 4, column: 5 });
    expect(scope.usable).toBe(true);
  });

  test('binary content and invalid UTF-8 are read problems, worded for YAML', () => {
    const binary = CertificateScope.fromBytes('/r/Tests/scs-x.yaml', 'Tests/scs-x.yaml', 'scs-x.yaml', Buffer.from('name: A\n\u0000'));
    expect(binary.readProblem?.message).toBe('File contains binary content (a NUL byte): not a YAML file');
    expect(binary.usable).toBe(false);
    const latin1 = CertificateScope.fromBytes('/r/Tests/scs-x.yaml', 'Tests/scs-x.yaml', 'scs-x.yaml', Buffer.from('name: Caf\xe9\n', 'latin1'));
    expect(latin1.readProblem?.message).toContain('unexpected byte 0xe9');
  });

  test.each([
    ['scs-0100-v3', 'scs-0100-v3'],
    ['scs-0100-v3.1', 'scs-0100-v3'],
    ['scs-0104-v1-2-rec', 'scs-0104-v1'],
    ['scs-0116-v1_manual', 'scs-0116-v1'],
    ['scs-0100-v31', 'scs-0100-v31'],
    ['scs-0100-v3x', undefined],
    ['scs-0100-v0', undefined],
    ['scs-0100-w1', undefined],
    ['scs-xxxx-v1', undefined],
    ['opc-v2022.11', undefined],
    ['cncf-k8s-conformance', undefined],
  ])('module id %s names standard version %s', (moduleId, expected) => {
    expect(standardIdOfModule(moduleId)).toBe(expected);
  });
});

describe('scope schema', () => {
  test('the example satisfies the schema', () => {
    expect(validateScope(exampleScope().data)).toEqual([]);
  });

  test('unknown keys are named with the keys allowed there, at the key', () => {
    const scope = exampleScope();
    const data = structuredClone(scope.data) as { modules: Record<string, unknown>[] };
    (data.modules[0] as Record<string, unknown>).owner = 'IaaS team';
    expect(validateScope(data)).toEqual([
      {
        message: 'Unexpected key `owner` here, expected one of id, name, url, parameters, targets',
        path: ['modules', 0, 'owner'],
        missing: false,
        key: true,
      },
    ]);
  });

  test('a missing key is reported at the mapping that lacks it', () => {
    const data = structuredClone(exampleScope().data) as { versions: Record<string, unknown>[] };
    delete (data.versions[1] as Record<string, unknown>).include;
    expect(validateScope(data)).toEqual([
      {
        message: 'Missing `include` in a version descriptor: the list of module ids the version consists of',
        path: ['versions', 1],
        missing: true,
        key: false,
        missingKey: 'include',
      },
    ]);
  });

  test('one message for a value that fits none of the alternatives', () => {
    const data = structuredClone(exampleScope().data) as { variables: unknown[] };
    data.variables.push(3);
    expect(validateScope(data).map((violation) => violation.message)).toEqual([
      'Each entry of `variables` must be a variable name (letters, digits and `_`) or a mapping from a name to its default value, found the number 3',
    ]);
  });
});

describe('timeline', () => {
  const scope = scopeOf(`timeline:
  - date: 2024-07-01
    versions: {v2: effective, v1: warn, next: draft}
  - date: 2024-09-01
    versions: {v2: effective, next: draft}
  - date: 2024-03-01
    versions: {v1: effective}
  - date: 2024-07-01
    versions: {v1: deprecated}
  - date: not a date
    versions: {v1: effective}
`);

  test('periods follow the dates, not the file order; of two entries with one date the first counts', () => {
    expect(timelinePeriods(scope.timeline).map((period) => [period.from, period.until, period.entry.index])).toEqual([
      ['2024-03-01', '2024-07-01', 2],
      ['2024-07-01', '2024-09-01', 0],
      ['2024-09-01', undefined, 1],
    ]);
  });

  test('a version is deprecated before the first entry and wherever it is not listed', () => {
    expect(validityOn(scope.timeline, 'v1', '2024-02-29')).toBe('deprecated');
    expect(validityOn(scope.timeline, 'v1', '2024-03-01')).toBe('effective');
    expect(validityOn(scope.timeline, 'v1', '2024-06-30')).toBe('effective');
    expect(validityOn(scope.timeline, 'v1', '2024-07-01')).toBe('warn');
    expect(validityOn(scope.timeline, 'v1', '2030-01-01')).toBe('deprecated');
    expect(validityOn(scope.timeline, 'unknown', '2024-08-01')).toBe('deprecated');
  });

  test('periods of one validity are joined, and the certifiable span runs from the first to the end of the last', () => {
    const v1 = validityPeriods(scope.timeline, 'v1');
    expect(v1).toEqual([
      { from: '2024-03-01', until: '2024-07-01', validity: 'effective' },
      { from: '2024-07-01', until: '2024-09-01', validity: 'warn' },
      { from: '2024-09-01', until: undefined, validity: 'deprecated' },
    ]);
    expect(certifiableSpan(v1)).toEqual({ from: '2024-03-01', until: '2024-09-01' });
    const v2 = validityPeriods(scope.timeline, 'v2');
    expect(v2).toEqual([
      { from: '2024-03-01', until: '2024-07-01', validity: 'deprecated' },
      { from: '2024-07-01', until: undefined, validity: 'effective' },
    ]);
    expect(certifiableSpan(v2)).toEqual({ from: '2024-07-01', until: undefined });
    expect(certifiableSpan(validityPeriods(scope.timeline, 'next'))).toBeUndefined();
  });

  test('validities change on the dates of the entries that change one, sorted and each once', () => {
    expect(validityChangeDates(scope.timeline, ['v1', 'v2', 'next'])).toEqual(['2024-03-01', '2024-07-01', '2024-09-01']);
    expect(validityChangeDates(scope.timeline, ['v2'])).toEqual(['2024-07-01']);
    expect(validityChangeDates(scope.timeline, ['next', 'unknown'])).toEqual(['2024-07-01']);
    expect(validityChangeDates(scope.timeline, ['unknown'])).toEqual([]);
    const repeated = scopeOf('timeline:\n  - date: 2024-01-01\n    versions: {v1: effective, v0: deprecated}\n  - date: 2024-06-01\n    versions: {v1: effective}\n');
    expect(validityChangeDates(repeated.timeline, ['v1', 'v0'])).toEqual(['2024-01-01']);
  });

  test('validities and marks stay the same on every day between two change dates', () => {
    const day = fc.integer({ min: 0, max: 40 }).map((offset) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const validity = fc.constantFrom('effective', 'warn', 'draft', 'deprecated', undefined);
    const entry = fc.record({ date: day, a: validity, b: validity });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), day, day, (entries, today, other) => {
        const yaml = entries.map((item) => `  - date: ${item.date}\n    versions: {${[item.a && `a: ${item.a}`, item.b && `b: ${item.b}`].filter(Boolean).join(', ')}}\n`).join('');
        const timeline = scopeOf(`timeline:\n${yaml || '  []\n'}`).timeline;
        const { from, until } = periodAround(validityChangeDates(timeline, ['a', 'b']), today);
        if ((from !== undefined && other < from) || (until !== undefined && other >= until)) return;
        for (const version of ['a', 'b']) {
          const periods = validityPeriods(timeline, version);
          expect(validityOn(timeline, version, other)).toBe(validityOn(timeline, version, today));
          expect(certificationFuture(periods, other)).toEqual(certificationFuture(periods, today));
        }
      }),
    );
  });

  test.each([
    ['v1', '2024-02-29', ['effective', 'deprecated']],
    ['v1', '2024-03-01', ['deprecated']],
    ['v1', '2024-07-01', ['deprecated']],
    ['v1', '2024-09-01', []],
    ['v2', '2024-06-30', ['effective']],
    ['v2', '2024-07-01', []],
    ['next', '2024-08-01', []],
  ])('%s on %s has the marks %j', (version, date, marks) => {
    expect(certificationFuture(validityPeriods(scope.timeline, version), date)).toEqual(marks);
  });
});

/** The states of the scs profile, as the index reads them. */
const reader = versionLayout(loadProfile('scs').profile).reader;

describe('document state on a date (rule book §5), as scopes use it', () => {
  const state = (fields: Record<string, string>, date: string) =>
    documentState(reader, StandardDocument.fromText('/r/scs-0100-v1-a.md', 'scs-0100-v1-a.md', 'scs-0100-v1-a.md', frontMatter({ title: 'A', type: 'Standard', track: 'IaaS', ...fields })), date);

  test.each([
    [{ status: 'Draft' }, '2024-01-01', { state: 'draft', future: [] }],
    [{ status: 'Rejected', rejected_at: '2023-01-01' }, '2024-01-01', { state: 'rejected', future: [] }],
    [{ status: 'Stable', stabilized_at: '2023-01-01' }, '2024-01-01', { state: 'effective', future: [] }],
    [{ status: 'Stable', stabilized_at: '2024-01-01' }, '2024-01-01', { state: 'effective', future: [] }],
    [{ status: 'Stable', stabilized_at: '2024-06-01' }, '2024-01-01', { state: 'effective', future: ['effective'] }],
    [{ status: 'Deprecated', stabilized_at: '2023-01-01', deprecated_at: '2024-06-01' }, '2024-01-01', { state: 'effective', future: ['deprecated'] }],
    [{ status: 'Deprecated', stabilized_at: '2023-01-01', deprecated_at: '2024-01-01' }, '2024-01-01', { state: 'deprecated', future: [] }],
    [{ status: 'Deprecated', deprecated_at: '2023-06-01' }, '2024-01-01', { state: 'deprecated', future: [] }],
    [{ status: 'Stable', stabilized_at: '2023-02-30' }, '2024-01-01', { state: 'draft', future: [] }],
  ])('%j on %s', (fields, date, expected) => {
    expect(state(fields, date)).toEqual(expected);
  });
});

describe('scope summary', () => {
  test('versions with their validity, periods, modules and the standards they require on a date', () => {
    const summary = summarizeScope(exampleScope(), exampleCorpus(), '2024-08-01', reader);
    expect(summary).toMatchObject({ relPath: 'Tests/scs-x.yaml', name: 'SCS-compatible IaaS', uuid: '7f0c1f9e-3b1a-4c52-9d0e-2a6b5c4d3e21', date: '2024-08-01' });
    expect(summary.versions.map((version) => [version.name, version.stabilizedAt, version.validity, version.future, version.certifiable])).toEqual([
      ['next', undefined, 'draft', [], undefined],
      ['v2', '2024-06-15', 'effective', [], { from: '2024-07-01', until: undefined }],
      ['v1', '2024-02-20', 'warn', ['deprecated'], { from: '2024-03-01', until: '2024-09-01' }],
    ]);
    const v1 = summary.versions[2];
    expect(v1?.periods).toEqual([
      { from: '2024-03-01', until: '2024-07-01', validity: 'effective' },
      { from: '2024-07-01', until: '2024-09-01', validity: 'warn' },
      { from: '2024-09-01', until: undefined, validity: 'deprecated' },
    ]);
    expect(v1?.modules.map((module) => [module.id, module.standard, module.targets])).toEqual([
      ['scs-0100-v1', 'scs-0100-v1', ['main']],
      ['smoke-test', undefined, []],
    ]);
    expect(v1?.standards).toEqual([
      {
        id: 'scs-0100-v1',
        modules: ['scs-0100-v1'],
        targets: ['main'],
        document: {
          fileName: 'scs-0100-v1-flavor-naming.md',
          relPath: 'Standards/scs-0100-v1-flavor-naming.md',
          title: 'Flavor Naming',
          status: 'Deprecated',
          dates: { stabilized_at: '2022-11-01', deprecated_at: '2024-09-01' },
          state: { state: 'effective', future: ['deprecated'] },
        },
      },
    ]);
    const v2 = summary.versions[1];
    expect(v2?.standards.map((standard) => [standard.id, standard.modules, standard.targets, standard.document?.state.state])).toEqual([
      ['scs-0100-v2', ['scs-0100-v2.1'], ['main'], 'effective'],
      ['scs-0101-v1', ['scs-0101-v1'], ['main', 'recommended'], 'effective'],
      ['scs-0102-v1', ['scs-0102-v1-1'], ['preview'], 'effective'],
    ]);
    expect(v2?.modules.find((module) => module.id === 'scs-0102-v1-1')?.parameters).toEqual({ image_spec: 'https://example.org/images.yaml' });
    expect(JSON.parse(JSON.stringify(summary))).toMatchObject({ versions: [{ name: 'next' }, { name: 'v2' }, { name: 'v1' }] });
  });

  test('on another date the validities and states follow', () => {
    const summary = summarizeScope(exampleScope(), exampleCorpus(), '2024-09-01', reader);
    expect(summary.versions.map((version) => version.validity)).toEqual(['draft', 'effective', 'deprecated']);
    expect(summary.versions[2]?.standards[0]?.document?.state.state).toBe('deprecated');
  });

  test('a standard without a document is listed without one', () => {
    const scope = scopeOf('modules:\n  - id: scs-0199-v1\nversions:\n  - version: v1\n    include: [scs-0199-v1, unknown-module]\ntimeline: []\n');
    const summary = summarizeScope(scope, exampleCorpus(), '2024-01-01', reader);
    expect(summary.versions[0]?.standards).toEqual([{ id: 'scs-0199-v1', modules: ['scs-0199-v1'], targets: [], document: undefined }]);
    expect(summary.versions[0]?.modules.map((module) => module.id)).toEqual(['scs-0199-v1']);
    expect(summary.versions[0]?.validity).toBe('deprecated');
  });
});
