import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { ResolvedConfig } from '../../tools/engine/config.js';
import { checkScopes, type InternalFailure } from '../../tools/engine/lint.js';
import { Corpus } from '../../tools/model/corpus.js';
import { StandardDocument } from '../../tools/model/document.js';
import { CertificateScope } from '../../tools/model/scope.js';
import { rules, rulesById } from '../../tools/rules/index.js';
import { collectFiles, count, deterministic, expectFindingsInside, FIXTURES, mutate, mutations, reportCounts, scopeData, settings, timeout, yamlish } from './support.js';

/**
 * Property tests over the certificate-scope parser and every scope rule, with a standards
 * folder beside the scope file (the rules that cross-check modules read it).
 */

const config = new ResolvedConfig('/repo', undefined, {}, rulesById);
const STANDARDS = join(FIXTURES, 'index', 'corpus', 'Standards');
const corpus = new Corpus(
  '/repo/Standards',
  collectFiles(STANDARDS, /^scs-.*\.md$/).map((path) => {
    const name = path.split('/').pop() ?? '';
    return StandardDocument.fromBytes(`/repo/Standards/${name}`, `Standards/${name}`, name, readFileSync(path));
  }),
);

function checkScope(property: string, bytes: Uint8Array): void {
  count(property);
  const run = (): { results: ReturnType<typeof checkScopes>; failures: InternalFailure[]; text: string } => {
    const scope = CertificateScope.fromBytes('/repo/Tests/scs-fuzz.yaml', 'Tests/scs-fuzz.yaml', 'scs-fuzz.yaml', bytes);
    const failures: InternalFailure[] = [];
    // Every view of the scope is read, as the index and the rules read them.
    void [scope.testCases, scope.modules, scope.versions, scope.timeline];
    return { results: checkScopes([scope], corpus, config, rules, failures), failures, text: scope.source.text };
  };
  const { results, failures, text } = deterministic(run);
  expect(failures.map((failure) => `${failure.ruleId}: ${String(failure.error)}`)).toEqual([]);
  expect(results).toHaveLength(1);
  for (const result of results) expectFindingsInside(result, text);
}

const encoder = new TextEncoder();

afterAll(() => reportCounts('scope'));

describe('fuzz: scope files never crash the scope rules or get findings outside the file', () => {
  test('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkScope('scope arbitrary bytes', bytes)), settings());
  }, timeout());

  test('arbitrary YAML-like text', () => {
    fc.assert(fc.property(yamlish, fc.boolean(), (text, crlf) => checkScope('scope yaml-like text', encoder.encode(crlf ? text.replaceAll('\n', '\r\n') : text))), settings());
  }, timeout());

  test('structured scope files with hostile names and dangling references', () => {
    fc.assert(
      fc.property(scopeData, fc.constantFrom('block', 'flow'), (data, style) => {
        const text = stringify(data, style === 'flow' ? { collectionStyle: 'flow' } : {});
        checkScope('scope structured', encoder.encode(text));
      }),
      settings(),
    );
  }, timeout());

  test('mutated real scope files', () => {
    const fixtures = collectFiles(FIXTURES, /\.ya?ml$/);
    expect(fixtures.length).toBeGreaterThan(10);
    fc.assert(fc.property(fc.constantFrom(...fixtures), mutations, (path, changes) => checkScope('scope mutated fixtures', mutate(readFileSync(path), changes))), settings());
  }, timeout());
});
