import { standardIdOfModule } from '../model/scope.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'The names in a scope file resolve: included modules exist and get their parameters, targets name defined test cases, the timeline names defined versions.',
    severity: 'error',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, report }) {
    const moduleIds = new Set(scope.modules.map((module) => module.id));
    for (const version of scope.versions) {
      for (const include of version.include) {
        const module = scope.module(include.moduleId);
        if (!module) {
          report({ message: `Version \`${version.name}\` includes module \`${include.moduleId}\`, which is not defined in \`modules\`${hint(include.moduleId, moduleIds)}`, range: include.range });
          continue;
        }
        const declared = module.parameters ?? [];
        const assigned = include.parameters ?? {};
        const missing = declared.filter((name) => !(name in assigned));
        if (missing.length > 0) {
          const names = missing.map((name) => `\`${name}\``).join(', ');
          report({
            message: `Version \`${version.name}\` includes module \`${module.id}\` without a value for its parameter${missing.length === 1 ? '' : 's'} ${names}: include it as \`ref: ${module.id}\` with \`parameters\``,
            range: include.range,
          });
        }
        for (const name of Object.keys(assigned)) {
          if (declared.includes(name)) continue;
          const known = declared.length > 0 ? `it declares ${declared.map((item) => `\`${item}\``).join(', ')}` : 'it declares none';
          report({ message: `Version \`${version.name}\` assigns parameter \`${name}\`, which module \`${module.id}\` does not declare (${known})`, range: scope.locateKey([...include.path, 'parameters', name]) });
        }
      }
    }
    const testCaseIds = new Set(scope.testCases.map((testCase) => testCase.id));
    for (const module of scope.modules) {
      for (const target of module.targets) {
        for (const entry of target.testCases) {
          if (testCaseIds.has(entry.id)) continue;
          report({ message: `Target \`${target.name}\` of module \`${module.id}\` names test case \`${entry.id}\`, which no script in \`scripts\` defines`, range: entry.range });
        }
      }
    }
    const versionNames = new Set(scope.versions.map((version) => version.name));
    for (const entry of scope.timeline) {
      for (const item of entry.versions) {
        if (versionNames.has(item.version)) continue;
        const when = entry.date ? `of ${entry.date}` : `number ${entry.index + 1}`;
        report({ message: `The timeline entry ${when} lists version \`${item.version}\`, which is not defined in \`versions\``, range: item.keyRange });
      }
    }
  },
});

/** Suggests the module of the same standard version when exactly one exists. */
function hint(moduleId: string, moduleIds: ReadonlySet<string>): string {
  const standard = standardIdOfModule(moduleId);
  if (standard === undefined) return '';
  const candidates = [...moduleIds].filter((id) => standardIdOfModule(id) === standard);
  return candidates.length === 1 ? `; did you mean \`${candidates[0] ?? ''}\`?` : '';
}
