import { addDays } from '../model/dates.js';
import { mdxText } from './escape.js';
import { dateOf, futureMarks, SCOPES_PAGE_ID, scopeDocumentId, scopePageId, shownPeriods, VALIDITY_LABELS, VALIDITY_ORDER } from './labels.js';
import type { VersionLayout } from './layout.js';
import { date, docLink, frontMatter, header, row } from './mdx.js';
import type { IndexScope, IndexScopeModule, IndexScopeStandard, IndexScopeVersion, VersionIndex } from './model.js';
import type { OutputFile } from './output.js';

/**
 * The pages of the certificate scopes for the docs site: an overview of every scope with its
 * versions by validity, and a page per scope with its versions, their periods and the standards
 * each requires. Written only when there are scopes. The field of a version's date, the states
 * of the standards and the symbols of the marks are the profile's (`layout`).
 */
export function renderScopePages(index: VersionIndex, layout: VersionLayout): OutputFile[] {
  if (index.scopes.length === 0) return [];
  return [
    { path: `${SCOPES_PAGE_ID}.md`, content: overview(index.scopes, layout) },
    ...index.scopes.map((scope) => ({ path: `${scopePageId(scope)}.md`, content: scopePage(scope, layout) })),
  ];
}

function scopeTitle(scope: IndexScope): string {
  return scope.name ?? scope.file;
}

function versionName(version: IndexScopeVersion, layout: VersionLayout): string {
  return mdxText(version.version) + mdxText(futureMarks(version, layout.scopeSymbols));
}

function overview(scopes: readonly IndexScope[], layout: VersionLayout): string {
  let out = `${frontMatter()}# Certificate scopes\n\n`;
  out +=
    'A certificate scope lists, version by version, the standards that a certificate needs; its timeline says ' +
    'from when to when each version can be certified against. Each scope is one YAML file.\n\n';
  out += header(['Scope', 'File', ...VALIDITY_ORDER.map((validity) => VALIDITY_LABELS[validity])]);
  for (const scope of scopes) {
    const cells = VALIDITY_ORDER.map((validity) => {
      const versions = scope.versions.filter((version) => version.validity === validity);
      return versions.length === 0 ? '-' : versions.map((version) => versionName(version, layout)).join(', ');
    });
    out += `${row([docLink(scopeTitle(scope), scopePageId(scope)), mdxText(scope.file), ...cells])}\n`;
  }
  return `${out}\n${legend(layout)}`;
}

function scopePage(scope: IndexScope, layout: VersionLayout): string {
  const dateField = layout.scopeDate;
  let out = `${frontMatter()}# ${mdxText(scopeTitle(scope))}\n\n`;
  out += `- File: ${mdxText(scope.file)}\n`;
  if (scope.url !== null) out += `- Published at: ${mdxText(scope.url)}\n`;
  if (scope.uuid !== null) out += `- UUID: ${mdxText(scope.uuid)}\n`;
  out += '\n## Versions\n\n';
  if (scope.versions.length === 0) out += 'The scope has no versions.\n';
  else {
    out += header(['Version', layout.dates.find((field) => field.field === dateField)?.label ?? dateField, 'Validity', 'Can be certified against', 'Requires']);
    for (const version of scope.versions) {
      const required = version.standards.map((standard) => standardLink(standard)).join(', ');
      out += `${row([mdxText(version.version), date(dateOf(version, dateField)), validityCell(version, layout), certifiable(version), required === '' ? '-' : required])}\n`;
    }
  }
  for (const version of scope.versions) out += versionSection(version, layout);
  return `${out}\n${legend(layout)}`;
}

function validityCell(version: IndexScopeVersion, layout: VersionLayout): string {
  return VALIDITY_LABELS[version.validity] + mdxText(futureMarks(version, layout.scopeSymbols));
}

function certifiable(version: IndexScopeVersion): string {
  const span = version.certifiable;
  if (span === null) return '-';
  if (span.until === null) return `from ${mdxText(span.from)}`;
  return `${mdxText(span.from)} to ${mdxText(addDays(span.until, -1))}`;
}

function standardLink(standard: IndexScopeStandard): string {
  const id = scopeDocumentId(standard);
  return id === undefined ? mdxText(standard.id) : docLink(standard.id, id);
}

function versionSection(version: IndexScopeVersion, layout: VersionLayout): string {
  const symbols = new Map(layout.marks.map((mark) => [mark.mark, mark.symbol]));
  let out = `\n## Version ${mdxText(version.version)}\n\n`;
  const periods = shownPeriods(version);
  if (periods.length === 0) out += 'The timeline does not list this version.\n\n';
  else {
    out += header(['From', 'To', 'Validity']);
    for (const period of periods) {
      out += `${row([mdxText(period.from), period.until === null ? '-' : mdxText(addDays(period.until, -1)), VALIDITY_LABELS[period.validity]])}\n`;
    }
    out += '\n';
  }
  if (version.standards.length === 0) out += 'It needs no standard version.\n';
  else {
    out += 'The standards it needs:\n\n';
    out += header([layout.numberLabel, 'Title', 'Status', 'State', 'Modules', 'Targets']);
    for (const standard of version.standards) {
      const doc = standard.document;
      out += `${row([
        standardLink(standard),
        !doc || doc.title === null ? '-' : mdxText(doc.title),
        !doc || doc.status === null ? '-' : mdxText(doc.status),
        doc ? layout.label(doc.state) + mdxText(futureMarks(doc, symbols)) : 'No document',
        standard.modules.map((id) => moduleCell(version.modules.find((module) => module.id === id), id)).join(', '),
        list(standard.targets),
      ])}\n`;
    }
  }
  const others = version.modules.filter((module) => module.standard === null);
  if (others.length > 0) {
    out += '\nIt also includes modules that name no standard version:\n\n';
    out += header(['Module', 'Name', 'Targets']);
    for (const module of others) out += `${row([moduleCell(module, module.id), module.name === null ? '-' : mdxText(module.name), list(module.targets)])}\n`;
  }
  return out;
}

/** A module's id, with the parameter values the version gives it. */
function moduleCell(module: IndexScopeModule | undefined, id: string): string {
  const parameters = Object.entries(module?.parameters ?? {});
  if (parameters.length === 0) return mdxText(id);
  const values = parameters.map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return `${mdxText(id)} (${mdxText(values.join(', '))})`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '-' : items.map(mdxText).join(', ');
}

function legend(layout: VersionLayout): string {
  const ahead = layout.scopeSymbols.get('effective');
  const until = layout.scopeSymbols.get('deprecated');
  const marks = [
    ahead === undefined ? undefined : `a version marked ${mdxText(ahead)} can be certified against from a day still ahead`,
    until === undefined ? undefined : `a version marked ${mdxText(until)} can be certified against up to a day still ahead`,
  ].filter((line): line is string => line !== undefined);
  return (
    `**Legend.** Validities are what each scope's timeline says for the day the index was built; ` +
    `a version can be certified against while it is ${VALIDITY_LABELS.effective} or ${VALIDITY_LABELS.warn}.\n\n` +
    `- **${VALIDITY_LABELS.effective}**: the version can be certified against.\n` +
    `- **${VALIDITY_LABELS.warn}**: the version can still be certified against, with a warning: its end is near.\n` +
    `- **${VALIDITY_LABELS.draft}**: the version cannot be certified against yet.\n` +
    `- **${VALIDITY_LABELS.deprecated}**: the version cannot be certified against (any more); so is a version that the timeline does not list.\n` +
    (marks.length === 0 ? '' : `- ${marks.map((line, position) => (position === 0 ? `${line.charAt(0).toUpperCase()}${line.slice(1)}` : line)).join(';\n  ')}.\n`) +
    `- The states of the standards (${layout.states.map((state) => state.label).join(', ')}) ` +
    `are those of the version index, with the same marks; *No document* means that the standards folder has no document with that id.\n`
  );
}
