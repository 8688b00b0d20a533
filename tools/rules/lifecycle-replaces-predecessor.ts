import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A new major version names in `replaces` the latest earlier version of its number, and every document it names exists in the base.',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, change, report }) {
    if (change?.kind !== 'added') return;
    const name = doc.name;
    const version = name?.version;
    if (!name || name.numeric === undefined || name.letter !== 'v' || version === undefined || version <= 1) return;
    const references = doc.references('replaces');
    // A missing `replaces` is reported by `replaces-required`.
    if (references.length === 0) return;
    const earlier = change.baseCorpus
      .byNumber(name.number)
      .filter((other) => other.name?.letter === 'v' && other.name.version !== undefined && other.name.version < version)
      .sort((a, b) => (b.name?.version ?? 0) - (a.name?.version ?? 0));
    const predecessor = earlier[0];
    const field = doc.field('replaces');
    if (!predecessor) {
      report({
        message: `No earlier version of \`scs-${name.number}\` exists in the base: a new major version replaces a document that exists before the change`,
        range: field?.range,
      });
      return;
    }
    for (const reference of references) {
      if (change.baseCorpus.byFileName(reference.name)) continue;
      report({
        message: `\`replaces\` names \`${reference.name}\`, which is not in the base: a new version replaces documents that exist before the change (the latest is \`${predecessor.fileName}\`)`,
        range: reference.range,
      });
    }
    if (!references.some((reference) => reference.name === predecessor.fileName)) {
      report({
        message: `\`replaces\` does not name \`${predecessor.fileName}\`, the latest earlier version in the base: a new major version replaces its direct predecessor`,
        range: field?.range,
      });
    }
  },
});
