import { defineRule } from './rule.js';

interface Options {
  /** How many new documents (supplements not counted) one change may add. */
  max: number;
}

export default defineRule<Options>({
  meta: {
    description: 'A change adds at most one new document (supplements not counted; the number is configurable), so that each proposal is reviewed on its own.',
    severity: 'error',
    scope: 'change',
    defaultOptions: { max: 1 },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['max'],
      properties: { max: { type: 'integer', minimum: 1, description: 'How many new documents one change may add.' } },
    },
  },
  check({ doc, change, options, report }) {
    if (change?.kind !== 'added' || doc.name?.letter === 'w' || doc.type === 'Supplement') return;
    const added = change.change.added
      .map((entry) => entry.head)
      .filter((other) => other !== undefined && !other.isTemplate && other.name?.letter !== 'w' && other.type !== 'Supplement');
    if (added.length <= options.max) return;
    const others = added.filter((other) => other !== doc).map((other) => `\`${other?.fileName ?? ''}\``);
    report({
      message: `This change adds ${added.length} new documents (this one and ${others.join(', ')}), expected at most ${options.max}: propose each document in a change of its own`,
    });
  },
});
