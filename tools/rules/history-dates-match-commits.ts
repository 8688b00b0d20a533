import { describeCommit, documentName, type HistoryVersion } from '../history/model.js';
import { epochDay, isIsoDate } from '../model/dates.js';
import { defineRule } from './rule.js';

interface Options {
  /** How many days a transition date may lie before the commit that made the transition. */
  days: number;
}

const DATE_OF: Readonly<Record<string, 'stabilized_at' | 'deprecated_at' | 'rejected_at'>> = {
  Stable: 'stabilized_at',
  Deprecated: 'deprecated_at',
  Rejected: 'rejected_at',
};

export default defineRule<Options>({
  meta: {
    description: 'The date of a transition (`stabilized_at`, `deprecated_at`, `rejected_at`) lies no more than a configurable number of days (30) before the commit that made the transition; later dates are allowed (a planned date).',
    severity: 'warn',
    scope: 'history',
    defaultOptions: { days: 30 },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['days'],
      properties: { days: { type: 'integer', minimum: 0, description: 'How many days a transition date may lie before the commit that made the transition.' } },
    },
  },
  check({ history, options, report }) {
    const life = history?.life;
    if (!life) return;
    const name = documentName(life.path);
    if (name && name.kind !== 'document' && name.kind !== 'proposal') return;
    // The version of each commit that changed the status (or added the document with it).
    let previous: string | undefined;
    let known = false;
    const added = life.events[0]?.kind === 'added' ? life.events[0] : undefined;
    for (const [index, version] of life.versions.entries()) {
      const facts = version.facts;
      if (!facts.readable) continue;
      const status = facts.status;
      const changed = known ? status !== previous : index === 0 && added?.from === undefined;
      previous = status;
      known = true;
      if (!changed || status === undefined || !Object.hasOwn(DATE_OF, status)) continue;
      const field = DATE_OF[status];
      if (field === undefined) continue;
      check(version, status, field);
    }
    function check(version: HistoryVersion, status: string, field: 'stabilized_at' | 'deprecated_at' | 'rejected_at'): void {
      const date = version.facts[field];
      if (!isIsoDate(date)) return;
      const committed = version.commit.date.slice(0, 10);
      if (!isIsoDate(committed)) return;
      const days = epochDay(committed) - epochDay(date);
      if (days <= options.days) return;
      report({
        message: `\`${field}: ${date}\` lies ${days} days before commit ${describeCommit(version.commit)}, which made the document ${status}: expected at most ${options.days} days before; the date says when the transition happened`,
      });
    }
  },
});
