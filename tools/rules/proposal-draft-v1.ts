import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A proposal (a file name of the kind `proposal`, without its number yet) has the version and the status that `lifecycle.proposal` gives.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, process, report }) {
    const name = doc.name;
    if (!name || name.kind !== 'proposal') return;
    const proposal = process.profile.lifecycle?.proposal;
    if (name.letter === 'w') {
      report({
        message: `Unexpected proposal number in supplement \`${doc.fileName}\`: a supplement uses the number of the document it extends`,
      });
    } else if (proposal?.version !== undefined && name.version !== undefined && name.version !== proposal.version) {
      report({
        message: `Unexpected version \`v${name.versionText}\` for a proposal, expected \`v${proposal.version}\`: a proposal starts a new document (a new major version keeps its number)`,
      });
    }
    const status = doc.field(process.profile.statuses.field);
    const expected = proposal?.status;
    if (expected !== undefined && status && typeof status.value === 'string' && status.value !== expected) {
      report({
        message: `Unexpected status \`${status.value}\` for a proposal, expected \`${expected}\`: a proposal stays a ${expected} until it is accepted and gets its number`,
        range: status.range,
      });
    }
  },
});
