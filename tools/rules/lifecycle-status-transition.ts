import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A change moves a status only along the transitions of the profile (`transitions`): a new document enters in a status a transition from `new` allows, and a status changes only to one a transition from it allows for the document\'s type.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, process, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const status = doc.field(process.profile.statuses.field);
    if (!status || typeof status.value !== 'string' || !process.status(status.value)) return;
    const before = change.base?.status;
    let from: string;
    if (change.base === undefined) from = 'new';
    else if (before !== undefined && process.status(before)) from = before;
    else return; // the base had no valid status: nothing to compare with
    const result = process.checkTransition(from, status.value, doc.type);
    if (result.ok) return;
    const was = from === 'new' ? 'new document' : `\`${from}\` in the base`;
    report({ message: `Unexpected status \`${status.value}\` (${was}): ${result.reason.charAt(0).toLowerCase()}${result.reason.slice(1)}`, range: status.range });
  },
});
