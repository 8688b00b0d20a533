import type { Range } from '../model/positions.js';
import type { CertificateScope, ScopeInclude, ScopeModule } from '../model/scope.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'Test-case ids, module ids and version names are unique in a scope file, and the test cases of the modules a version includes are pairwise different.',
    severity: 'error',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, report }) {
    const line = (range: Range): number => scope.source.lines.point(range.start).line;
    const firstTestCase = new Map<string, Range>();
    for (const testCase of scope.testCases) {
      const first = firstTestCase.get(testCase.id);
      if (first) report({ message: `Duplicate test-case id \`${testCase.id}\`: first defined on line ${line(first)}; results are reported by id`, range: testCase.range });
      else firstTestCase.set(testCase.id, testCase.range);
    }
    const firstModule = new Map<string, Range>();
    for (const module of scope.modules) {
      const first = firstModule.get(module.id);
      if (first) report({ message: `Duplicate module id \`${module.id}\`: first defined on line ${line(first)}; an include of it would be ambiguous`, range: module.idRange });
      else firstModule.set(module.id, module.idRange);
      reportRepeatedTargets(module, report);
    }
    const firstVersion = new Map<string, Range>();
    for (const version of scope.versions) {
      const first = firstVersion.get(version.name);
      if (first) report({ message: `Duplicate version \`${version.name}\`: first defined on line ${line(first)}; the timeline names versions`, range: version.nameRange });
      else firstVersion.set(version.name, version.nameRange);
      checkVersionTestCases(scope, version.name, version.include, line, report);
    }
  },
});

type Reporter = (report: { message: string; range: Range }) => void;

/** A test case listed twice in one module's targets. */
function reportRepeatedTargets(module: ScopeModule, report: Reporter): void {
  const seen = new Map<string, string>();
  for (const target of module.targets) {
    for (const entry of target.testCases) {
      const earlier = seen.get(entry.id);
      if (earlier === undefined) {
        seen.set(entry.id, target.name);
        continue;
      }
      const where = earlier === target.name ? `twice in target \`${target.name}\`` : `in targets \`${earlier}\` and \`${target.name}\``;
      report({ message: `Test case \`${entry.id}\` is listed ${where} of module \`${module.id}\`: a test case belongs to one target`, range: entry.range });
    }
  }
}

/**
 * Within a version, each module is included once and no test case is reached through two
 * included modules.
 */
function checkVersionTestCases(
  scope: CertificateScope,
  version: string,
  include: readonly ScopeInclude[],
  line: (range: Range) => number,
  report: Reporter,
): void {
  const included = new Map<string, Range>();
  const reachedThrough = new Map<string, string>();
  for (const entry of include) {
    const first = included.get(entry.moduleId);
    if (first) {
      report({ message: `Module \`${entry.moduleId}\` is included twice in version \`${version}\` (first on line ${line(first)})`, range: entry.range });
      continue;
    }
    included.set(entry.moduleId, entry.range);
    const module = scope.module(entry.moduleId);
    if (!module) continue;
    const repeated = new Map<string, string[]>();
    for (const target of module.targets) {
      for (const testCase of target.testCases) {
        const other = reachedThrough.get(testCase.id);
        if (other === undefined) reachedThrough.set(testCase.id, module.id);
        else if (other !== module.id) repeated.set(other, [...(repeated.get(other) ?? []), testCase.id]);
      }
    }
    for (const [other, ids] of repeated) {
      const list = ids.map((id) => `\`${id}\``).join(', ');
      report({
        message: `In version \`${version}\`, module \`${module.id}\` repeats test case${ids.length === 1 ? '' : 's'} ${list} of module \`${other}\`: the test cases of a version's modules are pairwise different`,
        range: entry.range,
      });
    }
  }
}
