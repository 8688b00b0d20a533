import { createHash } from 'node:crypto';
import { epochDay } from '../model/dates.js';
import type { State } from '../model/state.js';
import { htmlText, oneLine, scriptJson, urlSegment } from './escape.js';
import { hasHistory, historySection } from './render-history.js';
import { dateOf, docId, futureMarks, pluralOf, scopeDocumentId, shownPeriods, standardPageId, standardTitle, supplementTitle, VALIDITY_LABELS, versionLabel } from './labels.js';
import type { StateRole, VersionLayout } from './layout.js';
import type { IndexEntryBase, IndexScope, IndexScopeStandard, IndexScopeVersion, IndexStandard, IndexVersion, VersionIndex } from './model.js';
import { DOCS_ROUTE, GENERATED_NOTICE, type OutputFile } from './output.js';

export const HTML_FILE = 'index.html';

export interface HtmlOptions {
  /**
   * Where standards and versions link to: their pages are the base followed by their document
   * id (`<base>/scs-0100-v3-flavor-naming`, `<base>/iaas/scs-0100`). Default: the docs site's
   * paths (`/standards`), as the MDX pages link them.
   */
  baseUrl?: string | undefined;
}

/** The address of a docs-site page by its Docusaurus document id, under a base. */
function pageUrl(base: string, id: string): string {
  return `${base.endsWith('/') ? base.slice(0, -1) : base}/${id.split('/').map(urlSegment).join('/')}`;
}

/** The time scale of every timeline: whole years around all dates of the index, in epoch days. */
export interface Axis {
  start: number;
  end: number;
  years: { year: number; day: number }[];
}

/** Geometry of one timeline (in SVG user units); the page's script uses the same numbers. */
const GUTTER = 28;
const PLOT = 300;
const LANE = 16;
const AXIS_HEIGHT = 16;

/**
 * One self-contained HTML page (inline CSS and script, no network): the overview with
 * colour-coded states, filters by track and state, and a timeline per standard that draws each
 * version from stabilization to deprecation; then the certificate scopes, each version with its
 * validity, the standards it requires in the colours of their states and its periods on the
 * same time scale. A Content Security Policy allows only the page's own style and script, by
 * hash. Today's line is drawn by the script at viewing time, so the file stays the same for
 * every day of the index's period. Every standard and version links to its page; on a narrow
 * screen the tables scroll sideways in their own box, the page itself does not. The states, their
 * labels and marks, the dates the timelines draw and the words for supplements are the
 * profile's (`layout`).
 */
export function renderHtml(index: VersionIndex, layout: VersionLayout, options: HtmlOptions = {}): string {
  const base = options.baseUrl ?? DOCS_ROUTE;
  const link = (id: string): string => pageUrl(base, id);
  const axis = axisOf(index, layout);
  const counts = layout.states.map(({ state }): StateCount => ({
    state,
    versions: index.standards.flatMap((standard) => standard.versions).filter((entry) => entry.state === state).length,
    supplements: index.standards.flatMap((standard) => standard.supplements.flatMap((supplement) => supplement.versions)).filter((entry) => entry.state === state).length,
  }));
  const data = scriptJson({ axis: axis ? { start: axis.start, end: axis.end, gutter: GUTTER, plot: PLOT } : null, index }, 2);
  const csp = `default-src 'none'; style-src '${sha256(STYLE)}'; script-src '${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  let body = '';
  body += '<header>\n<h1>SCS standards: versions and their states</h1>\n';
  body += `<p class="period">${periodText(index)} <span id="today-note"></span></p>\n`;
  body += `<p class="totals">${totalsText(index, layout)}</p>\n`;
  if (index.scopes.length > 0) body += `<p class="jump">Standards below; <a href="#scopes">certificate scopes</a> after them (${index.scopes.length}).</p>\n`;
  body += '<p id="stale" class="stale" hidden></p>\n</header>\n';
  body += filters(index, counts, layout);
  body += `<div class="scroll">\n<table id="standards">\n<thead>\n<tr><th scope="col">${htmlText(layout.numberLabel)}</th><th scope="col">Track</th><th scope="col">Title</th>`;
  for (const { state, label } of layout.states) body += `<th scope="col" class="${state}">${label}</th>`;
  body += `<th scope="col" class="timeline">Timeline${axis ? `<br>${axisSvg(axis)}` : ''}</th></tr>\n</thead>\n<tbody>\n`;
  for (const standard of index.standards) body += standardRows(index, standard, axis, link, layout);
  body += '</tbody>\n</table>\n</div>\n';
  body += '<p id="empty" class="empty" hidden>No standard matches the filters.</p>\n';
  if (hasHistory(index)) body += historySection(index);
  if (index.scopes.length > 0) body += scopesSection(index.scopes, axis, link, layout);
  body += legend(index.scopes.length > 0, layout);
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<!-- ${GENERATED_NOTICE} -->\n` +
    `<meta http-equiv="Content-Security-Policy" content="${htmlText(csp)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<title>SCS standards: version index</title>\n' +
    `<style>${STYLE}</style>\n</head>\n<body>\n${body}` +
    `<script type="application/json" id="index-data">${data}</script>\n` +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}

export function renderHtmlFile(index: VersionIndex, layout: VersionLayout, options: HtmlOptions = {}): OutputFile {
  return { path: HTML_FILE, content: renderHtml(index, layout, options) };
}

interface StateCount {
  state: State;
  /** Versions of standards in the state. */
  versions: number;
  /** Versions of supplements in the state, counted apart. */
  supplements: number;
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : pluralOf(word)}`;
}

/** The word for supplements (the supplement type's name, in lower case). */
function supplementNoun(layout: VersionLayout): string {
  return (layout.supplementType ?? 'supplement').toLowerCase();
}

/** What the page lists: standards and their versions, supplements and theirs apart. */
function totalsText(index: VersionIndex, layout: VersionLayout): string {
  const versions = index.standards.reduce((sum, standard) => sum + standard.versions.length, 0);
  const groups = index.standards.reduce((sum, standard) => sum + standard.supplements.length, 0);
  const groupVersions = index.standards.reduce((sum, standard) => sum + standard.supplements.reduce((inner, group) => inner + group.versions.length, 0), 0);
  const standards = `${plural(versions, 'version')} of ${plural(index.standards.length, 'standard')}`;
  return groups === 0 ? `${standards}.` : `${standards}; ${plural(groupVersions, 'version')} of ${plural(groups, supplementNoun(layout))}.`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function allEntries(standards: readonly IndexStandard[]): IndexEntryBase[] {
  return standards.flatMap((standard) => [...standard.versions, ...standard.supplements.flatMap((supplement) => supplement.versions)]);
}

function periodText(index: VersionIndex): string {
  const what = index.scopes.length > 0 ? 'These states and scope validities' : 'These states';
  const from = index.valid_from === null ? '' : ` from <time>${htmlText(index.valid_from)}</time>`;
  const until = index.valid_until === null ? ' on (no stabilization, deprecation or timeline date lies ahead)' : ` until the day before <time>${htmlText(index.valid_until)}</time>`;
  return `${what} hold${from}${until}.`;
}

function filters(index: VersionIndex, counts: readonly StateCount[], layout: VersionLayout): string {
  let out = '<form id="filters" class="filters" aria-label="Filters">\n<label>Track <select id="filter-track">\n<option value="">All tracks</option>\n';
  for (const track of index.tracks) {
    if (track.standards.length === 0) continue;
    out += `<option value="${htmlText(track.name)}">${htmlText(track.name)} (${plural(track.standards.length, 'standard')})</option>\n`;
  }
  out += '</select></label>\n<fieldset><legend>States</legend>\n';
  for (const { state, versions, supplements: others } of counts) {
    const count = others === 0 ? plural(versions, 'version') : `${plural(versions, 'version')}, ${plural(others, `${supplementNoun(layout)} version`)}`;
    out += `<label class="toggle ${state}"><input type="checkbox" name="state" value="${state}" checked> ${layout.label(state)} <span class="count">(${count})</span></label>\n`;
  }
  out += `</fieldset>\n<output id="shown" for="filter-track">${index.standards.length} of ${index.standards.length} standards</output>\n</form>\n`;
  return out;
}

/** The symbols of the marks of standards' versions, by mark. */
function markSymbols(layout: VersionLayout): Map<string, string> {
  return new Map(layout.marks.map((mark) => [mark.mark, mark.symbol]));
}

function chip(entry: IndexEntryBase, status: string | null, href: string, layout: VersionLayout): string {
  const marks = futureMarks(entry, markSymbols(layout));
  const start = dateOf(entry, layout.start);
  const end = dateOf(entry, layout.end);
  const details = [
    entry.file_name,
    status === null ? undefined : `status ${status}`,
    start === null ? undefined : `stabilized ${start}`,
    end === null ? undefined : `deprecated ${end}`,
    layout.startMark && entry.future.includes(layout.startMark.mark) ? `takes effect on its ${layout.startNoun}` : undefined,
    layout.endMark && entry.future.includes(layout.endMark.mark) ? `${layout.endNoun} ahead` : undefined,
  ].filter((part) => part !== undefined);
  const future = entry.future.length > 0 ? ` future-${entry.future.join(' future-')}` : '';
  return `<a class="chip ${entry.state}${future}" href="${htmlText(href)}" title="${htmlText(oneLine(details.join(' · ')))}">${htmlText(versionLabel(entry))}${marks === '' ? '' : `<sup>${htmlText(marks)}</sup>`}</a>`;
}

function stateCells<T extends IndexEntryBase>(entries: readonly T[], statusOf: (entry: T) => string | null, link: (id: string) => string, layout: VersionLayout): string {
  return layout.states.map(({ state }) => {
    const chips = entries.filter((entry) => entry.state === state).map((entry) => chip(entry, statusOf(entry), link(docId(entry)), layout));
    return `<td class="cell ${state}${chips.length > 0 ? ' filled' : ''}">${chips.join(' ')}</td>`;
  }).join('');
}

function statesOf(entries: readonly IndexEntryBase[], layout: VersionLayout): string {
  return layout.states.filter(({ state }) => entries.some((entry) => entry.state === state)).map(({ state }) => state).join(' ');
}

function standardRows(index: VersionIndex, standard: IndexStandard, axis: Axis | undefined, link: (id: string) => string, layout: VersionLayout): string {
  const supplementEntries = standard.supplements.flatMap((supplement) => supplement.versions);
  const rowspan = standard.supplements.length + 1;
  let out =
    `<tr id="std-${htmlText(standard.number)}" class="standard" data-track="${htmlText(standard.track)}" data-states="${statesOf([...standard.versions, ...supplementEntries], layout)}">` +
    `<th scope="row" rowspan="${rowspan}"><a href="${htmlText(link(standardPageId(index, standard)))}">${htmlText(standard.id)}</a></th><td rowspan="${rowspan}">${htmlText(standard.track)}</td>` +
    `<td class="title">${htmlText(oneLine(standardTitle(standard)))}</td>` +
    stateCells(standard.versions, (version) => version.status, link, layout) +
    `<td class="timeline" rowspan="${rowspan}">${axis ? timelineSvg(standard.versions, axis, layout) : ''}</td></tr>\n`;
  for (const group of standard.supplements) {
    const title = htmlText(oneLine(supplementTitle(standard, group)));
    out +=
      `<tr class="supplement" data-parent="${htmlText(standard.number)}">` +
      `<td class="title">${layout.supplementType === undefined ? title : `${htmlText(layout.supplementType)}: ${title}`}</td>` +
      stateCells(group.versions, () => null, link, layout) +
      '</tr>\n';
  }
  return out;
}

/** Whole years from the earliest to a year past the latest date of the index. */
function axisOf(index: VersionIndex, layout: VersionLayout): Axis | undefined {
  const dates = [
    ...allEntries(index.standards).flatMap((entry) => [dateOf(entry, layout.start), dateOf(entry, layout.end)]),
    ...index.scopes.flatMap((scope) => scope.versions.flatMap((version) => shownPeriods(version).flatMap((period) => [period.from, period.until]))),
  ].filter((date): date is string => date !== null);
  if (index.valid_from !== null) dates.push(index.valid_from);
  if (index.valid_until !== null) dates.push(index.valid_until);
  if (dates.length === 0) return undefined;
  const years = dates.map((date) => Number(date.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years) + 2;
  const ticks: Axis['years'] = [];
  for (let year = first; year <= last; year++) ticks.push({ year, day: epochDay(`${year}-01-01`) });
  return { start: epochDay(`${first}-01-01`), end: epochDay(`${last}-01-01`), years: ticks };
}

function x(axis: Axis, day: number): string {
  return (GUTTER + ((day - axis.start) / (axis.end - axis.start)) * PLOT).toFixed(1);
}

function axisSvg(axis: Axis): string {
  const width = GUTTER + PLOT;
  let out = `<svg class="axis" width="${width}" height="${AXIS_HEIGHT}" viewBox="0 0 ${width} ${AXIS_HEIGHT}" aria-hidden="true">`;
  const step = Math.max(1, Math.ceil(axis.years.length / 8));
  axis.years.forEach((tick, position) => {
    if (position % step !== 0 || tick.day >= axis.end) return;
    out += `<text x="${x(axis, tick.day)}" y="12">${tick.year}</text>`;
  });
  return `${out}<line class="today" x1="0" x2="0" y1="0" y2="${AXIS_HEIGHT}" visibility="hidden"/></svg>`;
}

function timelineSvg(versions: readonly IndexVersion[], axis: Axis, layout: VersionLayout): string {
  const width = GUTTER + PLOT;
  const height = Math.max(1, versions.length) * LANE + 4;
  let out = `<svg class="lanes" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlText(timelineLabel(versions, layout))}">`;
  for (const tick of axis.years) out += `<line class="year" x1="${x(axis, tick.day)}" x2="${x(axis, tick.day)}" y1="0" y2="${height}"/>`;
  versions.forEach((version, lane) => {
    const top = 2 + lane * LANE;
    out += `<text x="2" y="${top + 11}">${htmlText(versionLabel(version))}</text>`;
    const stabilized = dateOf(version, layout.start);
    const deprecated = dateOf(version, layout.end);
    if (version.state === layout.byStatus) {
      const decided = dateOf(version, layout.statusDate);
      const word = htmlText(layout.statusParticiple ?? version.state);
      const kind = htmlText(version.state);
      if (decided === null) {
        out += `<text class="note ${kind}" x="${GUTTER + 4}" y="${top + 10}">${word}</text>`;
        return;
      }
      const at = Number(x(axis, epochDay(decided)));
      const middle = top + LANE / 2;
      out += `<path class="mark ${kind}" d="M${(at - 3).toFixed(1)} ${middle - 3}L${(at + 3).toFixed(1)} ${middle + 3}M${(at + 3).toFixed(1)} ${middle - 3}L${(at - 3).toFixed(1)} ${middle + 3}"/>`;
      out += at > GUTTER + PLOT - 60 ? `<text class="note ${kind}" x="${(at - 6).toFixed(1)}" y="${top + 10}" text-anchor="end">${word}</text>` : `<text class="note ${kind}" x="${(at + 6).toFixed(1)}" y="${top + 10}">${word}</text>`;
      return;
    }
    const ended = htmlText(layout.ended ?? '');
    if (stabilized === null) {
      if (deprecated === null || version.state === layout.notYet) {
        out += `<text class="note ${htmlText(layout.notYet ?? '')}" x="${GUTTER + 4}" y="${top + 10}">${htmlText(layout.notYet ?? '')}, not stabilized</text>`;
        return;
      }
      const from = epochDay(deprecated);
      out += `<rect class="bar ${ended}" x="${x(axis, from)}" y="${top + 6}" width="${(Number(x(axis, axis.end)) - Number(x(axis, from))).toFixed(1)}" height="2"/>`;
      return;
    }
    const start = epochDay(stabilized);
    const end = deprecated === null ? axis.end : epochDay(deprecated);
    const future = layout.startMark && version.future.includes(layout.startMark.mark) ? ' future' : '';
    out += `<rect class="bar ${htmlText(layout.inForce ?? '')}${future}" x="${x(axis, start)}" y="${top + 3}" width="${Math.max(1, Number(x(axis, end)) - Number(x(axis, start))).toFixed(1)}" height="${LANE - 6}"/>`;
    if (deprecated !== null) {
      out += `<rect class="bar ${ended}" x="${x(axis, end)}" y="${top + 6}" width="${(Number(x(axis, axis.end)) - Number(x(axis, end))).toFixed(1)}" height="2"/>`;
    }
  });
  return `${out}<line class="today" x1="0" x2="0" y1="0" y2="${height}" visibility="hidden"/></svg>`;
}

function timelineLabel(versions: readonly IndexVersion[], layout: VersionLayout): string {
  return versions
    .map((version) => {
      const stabilized = dateOf(version, layout.start);
      const deprecated = dateOf(version, layout.end);
      const from = stabilized === null ? 'not stabilized' : `${layout.inForce ?? ''} from ${stabilized}`;
      const until = deprecated === null ? '' : `, ${layout.ended ?? ''} from ${deprecated}`;
      return version.state === layout.byStatus ? `${versionLabel(version)} ${layout.statusParticiple ?? version.state}` : `${versionLabel(version)} ${from}${until}`;
    })
    .join('; ');
}

function legend(withScopes: boolean, layout: VersionLayout): string {
  return (
    '<section class="legend">\n<h2>Legend</h2>\n<ul>\n' +
    layout.states.map(({ state, label, role }) => `<li><span class="chip ${htmlText(state)}">v1</span> ${label}: ${legendText(role, layout)}</li>\n`).join('') +
    '<li>Timeline: a bar from stabilization to deprecation (dashed while the stabilization date is still ahead), a thin red line from deprecation on, × where a version was rejected; a draft has no dates yet. The blue line is today.</li>\n' +
    (withScopes ? scopeLegend(layout) : '') +
    '</ul>\n</section>\n'
  );
}

/** What a state means in the legend, by the part it plays. */
function legendText(role: StateRole, layout: VersionLayout): string {
  switch (role) {
    case 'not-yet':
      return 'not stabilized yet; the document may still change.';
    case 'in-force': {
      const marks = [
        layout.startMark && `<sup>${htmlText(layout.startMark.symbol)}</sup> takes effect on a ${layout.startNoun} still ahead`,
        layout.endMark && `<sup>${htmlText(layout.endMark.symbol)}</sup> has a ${layout.endNoun} still ahead`,
      ].filter((text): text is string => typeof text === 'string');
      return `stabilized and not deprecated, in force.${marks.length === 0 ? '' : ` ${marks.join('; ')}.`}`;
    }
    case 'ended':
      return `its ${layout.endNoun} has come; no longer in force.`;
    case 'status':
      return `${layout.statusParticiple ?? 'decided by its status'}, never in force.`;
  }
}

function scopeLegend(layout: VersionLayout): string {
  const ahead = layout.scopeSymbols.get('effective');
  const until = layout.scopeSymbols.get('deprecated');
  const marks = [
    ahead === undefined ? undefined : `<sup>${htmlText(ahead)}</sup> can be certified against from a day still ahead`,
    until === undefined ? undefined : `<sup>${htmlText(until)}</sup> up to a day still ahead`,
  ].filter((text): text is string => text !== undefined);
  return (
    `<li>Certificate scopes: a version's validity on the day comes from the scope's timeline. ` +
    `<span class="chip validity effective">${VALIDITY_LABELS.effective}</span> and <span class="chip validity warn">${VALIDITY_LABELS.warn}</span> (its end is near) can be certified against; ` +
    `<span class="chip validity draft">${VALIDITY_LABELS.draft}</span> not yet; <span class="chip validity deprecated">${VALIDITY_LABELS.deprecated}</span> not (any more), as every version the timeline does not list.` +
    `${marks.length === 0 ? '' : ` ${marks.join('; ')}.`}</li>\n` +
    `<li>Required standards are coloured by their state, as above; <span class="chip missing">${htmlText(layout.exampleId)}</span> has no document in the standards folder, and <span class="module">module</span> names a module that names no standard. ` +
    'Their timeline: a bar while the version can be certified against (amber while it warns), a dashed bar while it is a draft, a thin red line from its end on.</li>\n'
  );
}

function scopesSection(scopes: readonly IndexScope[], axis: Axis | undefined, link: (id: string) => string, layout: VersionLayout): string {
  let out = '<section id="scopes" class="scopes" aria-labelledby="scopes-title">\n<h2 id="scopes-title">Certificate scopes</h2>\n';
  out += '<p>A certificate scope lists, version by version, the standards that a certificate needs; its timeline says from when to when each version can be certified against.</p>\n';
  for (const scope of scopes) {
    out += `<section class="scope" id="scope-${htmlText(scope.slug)}">\n<h3>${htmlText(oneLine(scope.name ?? scope.file))}</h3>\n`;
    out += `<p class="scope-file">${htmlText(oneLine(scope.file))}${scope.url === null ? '' : ` · ${htmlText(oneLine(scope.url))}`}</p>\n`;
    if (scope.versions.length === 0) {
      out += '<p class="empty">The scope has no versions.</p>\n</section>\n';
      continue;
    }
    const dateLabel = layout.dates.find((field) => field.field === layout.scopeDate)?.label ?? layout.scopeDate;
    out += `<div class="scroll">\n<table class="scope-versions">\n<thead>\n<tr><th scope="col">Version</th><th scope="col">${htmlText(dateLabel)}</th><th scope="col">Validity</th><th scope="col">Required standards</th>`;
    out += `<th scope="col" class="timeline">Timeline${axis ? `<br>${axisSvg(axis)}` : ''}</th></tr>\n</thead>\n<tbody>\n`;
    for (const version of scope.versions) {
      const stabilized = dateOf(version, layout.scopeDate);
      out +=
        `<tr class="scope-version" data-validity="${version.validity}"><th scope="row">${htmlText(oneLine(version.version))}</th>` +
        `<td>${stabilized === null ? '-' : htmlText(stabilized)}</td>` +
        `<td>${validityChip(version, layout)}</td>` +
        `<td class="required">${requiredCell(version, link, layout)}</td>` +
        `<td class="timeline">${axis ? periodsSvg(version, axis) : ''}</td></tr>\n`;
    }
    out += '</tbody>\n</table>\n</div>\n</section>\n';
  }
  return `${out}</section>\n`;
}

function validityChip(version: IndexScopeVersion, layout: VersionLayout): string {
  const marks = futureMarks(version, layout.scopeSymbols);
  const span = version.certifiable;
  const details = span === null ? 'never certifiable so far' : `certifiable from ${span.from}${span.until === null ? '' : `, until the day before ${span.until}`}`;
  const future = version.future.length > 0 ? ` future-${version.future.join(' future-')}` : '';
  return `<span class="chip validity ${version.validity}${future}" title="${htmlText(details)}">${VALIDITY_LABELS[version.validity]}${marks === '' ? '' : `<sup>${htmlText(marks)}</sup>`}</span>`;
}

function requiredCell(version: IndexScopeVersion, link: (id: string) => string, layout: VersionLayout): string {
  const chips = version.standards.map((standard) => standardChip(standard, link, layout));
  const others = version.modules
    .filter((module) => module.standard === null)
    .map((module) => `<span class="module" title="${htmlText(oneLine(module.name ?? module.id))}">${htmlText(oneLine(module.id))}</span>`);
  const all = [...chips, ...others];
  return all.length === 0 ? '-' : all.join(' ');
}

function standardChip(standard: IndexScopeStandard, link: (id: string) => string, layout: VersionLayout): string {
  const doc = standard.document;
  const through = `modules ${standard.modules.join(', ')}${standard.targets.length > 0 ? ` (${standard.targets.join(', ')})` : ''}`;
  if (doc === null) {
    return `<span class="chip missing" title="${htmlText(oneLine(`no document with this id in the standards folder · ${through}`))}">${htmlText(standard.id)}</span>`;
  }
  const marks = futureMarks(doc, markSymbols(layout));
  const details = [
    doc.title ?? doc.file_name,
    doc.status === null ? undefined : `status ${doc.status}`,
    `state ${layout.label(doc.state)}${marks}`,
    through,
  ].filter((part) => part !== undefined);
  const future = doc.future.length > 0 ? ` future-${doc.future.join(' future-')}` : '';
  const id = scopeDocumentId(standard) ?? doc.file_name;
  return `<a class="chip ${doc.state}${future}" href="${htmlText(link(id))}" title="${htmlText(oneLine(details.join(' · ')))}">${htmlText(standard.id)}${marks === '' ? '' : `<sup>${htmlText(marks)}</sup>`}</a>`;
}

function periodsSvg(version: IndexScopeVersion, axis: Axis): string {
  const width = GUTTER + PLOT;
  const height = LANE + 4;
  const periods = shownPeriods(version);
  const label = periods.length === 0 ? 'not in the timeline' : periods.map((period) => `${VALIDITY_LABELS[period.validity]} from ${period.from}`).join(', ');
  let out = `<svg class="lanes" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlText(oneLine(`${version.version}: ${label}`))}">`;
  for (const tick of axis.years) out += `<line class="year" x1="${x(axis, tick.day)}" x2="${x(axis, tick.day)}" y1="0" y2="${height}"/>`;
  const top = 2;
  for (const period of periods) {
    const start = Number(x(axis, epochDay(period.from)));
    const end = Number(x(axis, period.until === null ? axis.end : epochDay(period.until)));
    const span = Math.max(1, end - start).toFixed(1);
    if (period.validity === 'deprecated') out += `<rect class="bar deprecated" x="${start.toFixed(1)}" y="${top + 6}" width="${span}" height="2"/>`;
    else out += `<rect class="bar ${period.validity}" x="${start.toFixed(1)}" y="${top + 3}" width="${span}" height="${LANE - 6}"/>`;
  }
  if (periods.length === 0) out += `<text class="note" x="${GUTTER + 4}" y="${top + 10}">not in the timeline</text>`;
  return `${out}<line class="today" x1="0" x2="0" y1="0" y2="${height}" visibility="hidden"/></svg>`;
}

const STYLE = `
:root { --draft: #fff3c4; --draft-ink: #7a5d00; --effective: #d9f2e1; --effective-ink: #17693a; --warn: #ffe0c2; --warn-ink: #a04a00; --deprecated: #fadcdc; --deprecated-ink: #9c2227; --rejected: #e6e6e6; --rejected-ink: #4d4d4d; --today: #1f5fd1; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 1.5rem 2rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.1rem; }
.period { margin: 0 0 0.75rem; color: #444; }
.stale { background: var(--deprecated); color: var(--deprecated-ink); padding: 0.5rem 0.75rem; border-radius: 4px; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; margin: 0 0 0.75rem; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; min-width: 0; }
.filters legend { float: left; margin-right: 0.5rem; padding: 0; }
.toggle { padding: 0.15rem 0.5rem; border-radius: 999px; border: 1px solid; cursor: pointer; }
.toggle.draft, .chip.draft { background: var(--draft); color: var(--draft-ink); border-color: var(--draft-ink); }
.toggle.effective, .chip.effective { background: var(--effective); color: var(--effective-ink); border-color: var(--effective-ink); }
.toggle.deprecated, .chip.deprecated { background: var(--deprecated); color: var(--deprecated-ink); border-color: var(--deprecated-ink); }
.toggle.rejected, .chip.rejected { background: var(--rejected); color: var(--rejected-ink); border-color: var(--rejected-ink); }
.chip.warn { background: var(--warn); color: var(--warn-ink); border-color: var(--warn-ink); }
.chip.missing { background: #fff; color: var(--rejected-ink); border-color: var(--rejected-ink); border-style: dashed; }
.chip.validity { min-width: 5.5rem; }
#shown { color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f6f6f7; border-bottom: 2px solid #bbb; z-index: 1; }
thead th.draft { box-shadow: inset 0 -4px var(--draft-ink); }
thead th.effective { box-shadow: inset 0 -4px var(--effective-ink); }
thead th.deprecated { box-shadow: inset 0 -4px var(--deprecated-ink); }
thead th.rejected { box-shadow: inset 0 -4px var(--rejected-ink); }
tbody th { white-space: nowrap; font-weight: 600; }
td.title { min-width: 14rem; }
tr.supplement td.title { padding-left: 1.2rem; color: #555; font-style: italic; }
td.cell { white-space: nowrap; }
td.cell.draft.filled { background: #fffbea; }
td.cell.effective.filled { background: #f0faf3; }
td.cell.deprecated.filled { background: #fdf1f1; }
td.cell.rejected.filled { background: #f4f4f4; }
.chip { display: inline-block; min-width: 2rem; text-align: center; padding: 0 0.35rem; margin: 1px 0; border: 1px solid; border-radius: 4px; font-variant-numeric: tabular-nums; }
.chip.future-effective { border-style: dashed; }
.chip sup { font-weight: 700; margin-left: 1px; }
td.timeline, th.timeline { width: 340px; }
svg { display: block; overflow: visible; }
svg text { font-size: 10px; fill: #444; }
svg line.year { stroke: #eee; }
svg line.today { stroke: var(--today); stroke-width: 1.5; }
svg .bar.effective { fill: var(--effective-ink); opacity: 0.75; }
svg .bar.effective.future { fill: none; stroke: var(--effective-ink); stroke-dasharray: 3 2; }
svg .bar.deprecated { fill: var(--deprecated-ink); }
svg .note { font-style: italic; }
svg .note.draft { fill: var(--draft-ink); }
svg .note.rejected { fill: var(--rejected-ink); }
svg .mark.rejected { stroke: var(--rejected-ink); stroke-width: 1.5; }
.jump { margin: 0 0 0.75rem; }
.scopes { margin-top: 2rem; }
.scope h3 { font-size: 1rem; margin: 1.25rem 0 0.1rem; }
.scope-file { margin: 0 0 0.4rem; color: #555; font-size: 0.9em; word-break: break-all; }
table.scope-versions thead th:nth-child(1) { width: 9rem; }
table.scope-versions thead th:nth-child(2) { width: 7rem; }
table.scope-versions thead th:nth-child(3) { width: 8rem; }
table.scope-versions tbody th { white-space: normal; overflow-wrap: anywhere; max-width: 9rem; }
td.required { line-height: 1.7; }
.module { display: inline-block; padding: 0 0.35rem; border: 1px dotted #888; border-radius: 4px; color: #444; background: #f6f6f7; }
svg .bar.warn { fill: var(--warn-ink); opacity: 0.75; }
svg .bar.draft { fill: var(--draft); stroke: var(--draft-ink); stroke-dasharray: 3 2; }
.legend ul { padding-left: 1rem; list-style: none; }
.legend li { margin: 0.25rem 0; }
.empty { color: #666; font-style: italic; }
a { color: #1f5fd1; }
tbody th a { color: inherit; text-decoration-color: #999; }
a.chip { text-decoration: none; }
a.chip:hover, a.chip:focus-visible { text-decoration: underline; }
.totals { margin: 0 0 0.75rem; color: #444; }
.toggle .count { font-size: 0.9em; }
.scroll { overflow-x: auto; max-width: 100%; }
@media (min-width: 1100px) { .scroll { overflow-x: visible; } }
@media (max-width: 640px) {
  body { margin: 0 0.75rem 1.5rem; }
  h1 { font-size: 1.2rem; }
  .filters { gap: 0.5rem; }
  .filters > label, .filters select { max-width: 100%; }
  td.title { min-width: 9rem; }
  tbody tr.standard > th { position: sticky; left: 0; background: #fff; z-index: 1; }
  #standards thead th:first-child { left: 0; z-index: 2; }
}
`;

// The filters read what each row carries (data-track, and in data-states the states of its own
// versions and of its supplements' versions), not the index's fields.
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('index-data').textContent);
  var index = data.index;
  var trackSelect = document.getElementById('filter-track');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[name="state"]'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');

  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.standard'));

  function apply() {
    var track = trackSelect.value;
    var states = {};
    boxes.forEach(function (box) { if (box.checked) states[box.value] = true; });
    var count = 0;
    rows.forEach(function (row) {
      var visible = (track === '' || row.getAttribute('data-track') === track) && row.getAttribute('data-states').split(' ').some(function (state) { return states[state] === true; });
      row.hidden = !visible;
      Array.prototype.forEach.call(document.querySelectorAll('tr[data-parent="' + row.id.slice(4) + '"]'), function (child) { child.hidden = !visible; });
      if (visible) count += 1;
    });
    shown.textContent = count + ' of ' + rows.length + ' standards';
    empty.hidden = count !== 0;
  }

  function iso(date) { return date.toISOString().slice(0, 10); }

  function drawToday() {
    var now = new Date();
    var today = iso(now);
    document.getElementById('today-note').textContent = 'Today is ' + today + '.';
    var stale = (index.valid_from !== null && today < index.valid_from) || (index.valid_until !== null && today >= index.valid_until);
    var warning = document.getElementById('stale');
    if (stale) {
      warning.textContent = 'This page was built for other days than today: some states have changed since. Build it again with scs-standards index.';
      warning.hidden = false;
    }
    var axis = data.axis;
    if (axis === null) return;
    var day = Math.floor(now.getTime() / 86400000);
    var position = axis.gutter + Math.min(Math.max((day - axis.start) / (axis.end - axis.start), 0), 1) * axis.plot;
    Array.prototype.forEach.call(document.querySelectorAll('svg line.today'), function (line) {
      line.setAttribute('x1', position.toFixed(1));
      line.setAttribute('x2', position.toFixed(1));
      line.setAttribute('visibility', 'visible');
    });
  }

  trackSelect.addEventListener('change', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
  drawToday();
})();
`;
