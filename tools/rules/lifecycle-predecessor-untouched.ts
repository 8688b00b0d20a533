import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A change that adds a new major version leaves the previous versions alone; they are deprecated in a later change, once the new version is Stable.',
    severity: 'warn',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, report }) {
    if (!change || (change.kind !== 'modified' && change.kind !== 'renamed')) return;
    const name = doc.name;
    const version = name?.version;
    if (!name || name.numeric === undefined || name.letter !== 'v' || version === undefined) return;
    const successors = corpus
      .byNumber(name.number)
      .filter((other) => other.name?.letter === 'v' && (other.name.version ?? 0) > version && change.change.of(other)?.kind === 'added');
    if (successors.length === 0) return;
    const list = successors.map((other) => `\`${other.fileName}\``).join(', ');
    report({
      message: `This change adds ${list} and also modifies its predecessor: leave \`${doc.fileName}\` as it is, and deprecate it in a later change, once its successor is Stable`,
    });
  },
});
