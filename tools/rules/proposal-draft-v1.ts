import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A proposal (`scs-xxxx-...`) is version 1 of a document and has status Draft.',
    severity: 'error',
    scope: 'document',
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const name = doc.name;
    if (!name || name.kind !== 'proposal') return;
    if (name.letter === 'w') {
      report({
        message: `Unexpected proposal number in supplement \`${doc.fileName}\`: a supplement uses the number of the document it extends`,
      });
    } else if (name.version !== undefined && name.version !== 1) {
      report({
        message: `Unexpected version \`v${name.versionText}\` for a proposal, expected \`v1\`: a proposal starts a new document (a new major version keeps its number)`,
      });
    }
    const status = doc.field('status');
    if (status && typeof status.value === 'string' && status.value !== 'Draft') {
      report({
        message: `Unexpected status \`${status.value}\` for a proposal, expected \`Draft\`: a proposal stays a Draft until it is accepted and gets its number`,
        range: status.range,
      });
    }
  },
});
