import { compareStrings, type Corpus } from '../model/corpus.js';
import type { Range } from '../model/positions.js';
import type { CertificateScope, DataPath } from '../model/scope.js';
import { summarizeScope, type ScopeStandardUse, type ScopeVersionSummary } from '../model/scope-summary.js';
import { validityChangeDates } from '../model/scope-timeline.js';
import { scopeSlug } from './labels.js';
import type { VersionLayout } from './layout.js';
import type { IndexNote, IndexScope, IndexScopeStandard, IndexScopeVersion } from './model.js';

export interface BuiltScopes {
  scopes: IndexScope[];
  notes: IndexNote[];
  /** The days on which the validity of some scope version changes (dates of timeline entries). */
  changeDates: string[];
}

/** Slugs no scope may take: the overview page of the scopes is `index`. */
const RESERVED_SLUGS = new Set(['index']);

/**
 * The certificate scopes of the index: per scope, its versions with their validity on `today`,
 * their periods, and the standards they require with the state of each document (from the
 * scope summary). A scope file that cannot be read is left out with a note; so are timeline
 * entries without a valid date and includes of unknown modules, each noted where it is written.
 */
export function buildScopes(given: readonly CertificateScope[], corpus: Corpus, layout: VersionLayout, today: string): BuiltScopes {
  const dateField = layout.scopeDate;
  const notes: IndexNote[] = [];
  const scopes: IndexScope[] = [];
  const changeDates: string[] = [];
  const taken = new Set(RESERVED_SLUGS);
  for (const scope of [...given].sort((a, b) => compareStrings(a.relPath, b.relPath))) {
    const problem = scope.readProblem ?? (scope.usable ? undefined : scope.problems[0]);
    if (problem) {
      notes.push(note(scope, problem.range, `Not indexed: ${problem.message}`));
      continue;
    }
    describeSkipped(scope, dateField, notes);
    changeDates.push(...validityChangeDates(scope.timeline, scope.versions.map((version) => version.name)));
    const summary = summarizeScope(scope, corpus, today, layout.reader);
    scopes.push({
      slug: uniqueSlug(scopeSlug(scope.fileName), taken),
      file: scope.relPath,
      name: summary.name ?? null,
      uuid: summary.uuid ?? null,
      url: summary.url ?? null,
      versions: summary.versions.map((version) => versionEntry(version, dateField, layout)),
    });
  }
  return { scopes, notes, changeDates };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
  taken.add(slug);
  return slug;
}

function versionEntry(version: ScopeVersionSummary, dateField: string, layout: VersionLayout): IndexScopeVersion {
  return {
    version: version.name,
    [dateField]: version.stabilizedAt ?? null,
    validity: version.validity,
    future: version.future,
    periods: version.periods.map((period) => ({ from: period.from, until: period.until ?? null, validity: period.validity })),
    certifiable: version.certifiable ? { from: version.certifiable.from, until: version.certifiable.until ?? null } : null,
    standards: version.standards.map((use) => standardEntry(use, layout)),
    modules: version.modules.map((module) => ({
      id: module.id,
      name: module.name ?? null,
      url: module.url ?? null,
      standard: module.standard ?? null,
      targets: module.targets,
      parameters: module.parameters ?? null,
    })),
  };
}

function standardEntry(use: ScopeStandardUse, layout: VersionLayout): IndexScopeStandard {
  const doc = use.document;
  return {
    id: use.id,
    modules: use.modules,
    targets: use.targets,
    document: doc
      ? {
          file_name: doc.fileName,
          title: doc.title ?? null,
          status: doc.status ?? null,
          ...Object.fromEntries(layout.stateDates.map(({ field }) => [field, (Object.hasOwn(doc.dates, field) ? doc.dates[field] : undefined) ?? null])),
          state: doc.state.state,
          future: doc.state.future,
        }
      : null,
  };
}

/** What the scope file says that the index cannot use: dates that are not dates, includes of unknown modules. */
function describeSkipped(scope: CertificateScope, dateField: string, notes: IndexNote[]): void {
  for (const entry of scope.timeline) {
    if (entry.date !== undefined) continue;
    const value = valueAt(scope.data, [...entry.path, 'date']);
    const message = value === undefined ? 'A timeline entry without `date`: the index leaves it out' : `\`date\`: ${shown(value)} is not a date (YYYY-MM-DD) that exists; the index leaves this timeline entry out`;
    notes.push(note(scope, entry.dateRange, message));
  }
  for (const version of scope.versions) {
    if (version.stabilizedAtRange !== undefined && version.stabilizedAt === undefined) {
      const value = valueAt(scope.data, [...version.path, dateField]);
      notes.push(note(scope, version.stabilizedAtRange, `\`${dateField}\` of version \`${version.name}\`: ${shown(value)} is not a date (YYYY-MM-DD) that exists; the index treats it as missing`));
    }
    for (const include of version.include) {
      if (scope.module(include.moduleId)) continue;
      notes.push(note(scope, include.range, `Version \`${version.name}\` includes \`${include.moduleId}\`, which is not a module of the scope; the index leaves it out`));
    }
  }
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : 'the value';
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function note(scope: CertificateScope, range: Range, message: string): IndexNote {
  const point = scope.source.lines.point(range.start);
  return { relPath: scope.relPath, line: point.line, column: point.column, message };
}
