import type { BlobFacts } from '../history/facts.js';
import { describeCommit, documentName, type HistoryVersion } from '../history/model.js';
import { epochDay, isIsoDate } from '../model/dates.js';
import { datesEntering } from '../profile/stages.js';
import { defineRule } from './rule.js';

interface Options {
  /** How many days a transition date may lie before the commit that made the transition. */
  days: number;
}

export default defineRule<Options>({
  meta: {
    description: 'The date a transition sets (`transitions[].sets`) lies no more than a configurable number of days (30) before the commit that made the transition; later dates are allowed (a planned date).',
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
  check({ history, options, process, report }) {
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
      if (!changed || status === undefined || !process.status(status)) continue;
      for (const field of datesEntering(process.profile, status)) check(version, status, field);
    }
    function check(version: HistoryVersion, status: string, field: string): void {
      const date = dateFact(version.facts, field);
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

/** The value a version's front matter gives a date field, when the history read it. */
function dateFact(facts: BlobFacts, field: string): string | undefined {
  const value = Object.entries(facts).find(([key]) => key === field)?.[1];
  return typeof value === 'string' ? value : undefined;
}
