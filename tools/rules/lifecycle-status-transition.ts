import { checkTransition } from '../model/lifecycle.js';
import { STATUSES, type Status } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A change moves a status only along the lifecycle: new documents enter as Draft (Decision Records may enter as Stable), Draft becomes Stable or Rejected, Stable becomes Deprecated.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const status = doc.field('status');
    if (!status || typeof status.value !== 'string' || !isStatus(status.value)) return;
    const before = change.base?.status;
    let from: Status | 'new';
    if (change.base === undefined) from = 'new';
    else if (before !== undefined && isStatus(before)) from = before;
    else return; // the base had no valid status: nothing to compare with
    const result = checkTransition(from, status.value, doc.type);
    if (result.ok) return;
    const was = from === 'new' ? 'new document' : `\`${from}\` in the base`;
    report({ message: `Unexpected status \`${status.value}\` (${was}): ${result.reason.charAt(0).toLowerCase()}${result.reason.slice(1)}`, range: status.range });
  },
});

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}
