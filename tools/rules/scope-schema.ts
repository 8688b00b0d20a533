import { isMap, type Node } from 'yaml';
import { validateScope } from '../model/scope-schema.js';
import type { Range } from '../model/positions.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'A certificate-scope file satisfies `schemas/certificate-scope.schema.json`: required keys, no unknown keys, allowed values, ISO dates.',
    severity: 'error',
    scope: 'document',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, report }) {
    if (!scope.usable) return;
    for (const violation of validateScope(scope.data)) {
      let range: Range;
      if (violation.key) range = scope.locateKey(violation.path);
      else if (violation.missing && violation.path.length === 0) range = firstKey(scope.root) ?? scope.locate([]);
      else range = scope.locate(violation.path);
      report({ message: violation.message, range });
    }
  },
});

/** Where a key missing from the top-level mapping is reported: its first key (not the whole file). */
function firstKey(root: Node | undefined): Range | undefined {
  if (!isMap(root)) return undefined;
  const range = (root.items[0]?.key as Node | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}
