import { defineRule } from './rule.js';

interface Options {
  /** How many new documents (supplements not counted) one change may add. */
  max: number;
}

export default defineRule<Options>({
  meta: {
    description: 'A change adds at most one new document (documents of a type whose `fileKind` is `supplement` not counted; the number is configurable), so that each proposal is reviewed on its own.',
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
  check({ doc, change, options, process, report }) {
    const supplement = (other: typeof doc): boolean => other.name?.letter === 'w' || process.type(other.type)?.fileKind === 'supplement';
    if (change?.kind !== 'added' || supplement(doc)) return;
    const added = change.change.added
      .map((entry) => entry.head)
      .filter((other) => other !== undefined && !other.isTemplate && !supplement(other));
    if (added.length <= options.max) return;
    const others = added.filter((other) => other !== doc).map((other) => `\`${other?.fileName ?? ''}\``);
    report({
      message: `This change adds ${added.length} new documents (this one and ${others.join(', ')}), expected at most ${options.max}: propose each document in a change of its own`,
    });
  },
});
