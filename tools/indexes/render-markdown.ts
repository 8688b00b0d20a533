import { mdxText } from './escape.js';
import { dateOf, docId, futureMarks, namesOf, pluralOf, standardPageId, standardTitle, supplementTitle, trackPageId, versionLabel } from './labels.js';
import type { IndexState, VersionLayout } from './layout.js';
import type { IndexEntryBase, IndexStandard, IndexSupplement, IndexTrack, VersionIndex } from './model.js';
import { date, docLink, frontMatter, header, row } from './mdx.js';
import type { OutputFile } from './output.js';

/**
 * The pages of the docs site (Docusaurus, which reads `.md` as MDX): the overview of every
 * standard, one page per track and one per standard, laid out as in the docs site's
 * `standards/` folder. Links use Docusaurus document ids, as the docs site does. The states,
 * their labels and marks, the date and reference columns and the words for supplements and
 * tracks are the profile's (`layout`).
 */
export function renderMarkdown(index: VersionIndex, layout: VersionLayout): OutputFile[] {
  const pages = new Pages(index, layout);
  const files: OutputFile[] = [{ path: 'standards/overview.mdx', content: pages.overview() }];
  for (const track of index.tracks) {
    const standards = track.standards.map((number) => index.standards.find((standard) => standard.number === number)).filter(isDefined);
    if (standards.length === 0) continue;
    files.push({ path: `${trackPageId(index, track.name)}.md`, content: pages.trackPage(track, standards) });
    for (const standard of standards) files.push({ path: `${standardPageId(index, standard)}.md`, content: pages.standardPage(standard) });
  }
  return files;
}

class Pages {
  readonly #index: VersionIndex;
  readonly #layout: VersionLayout;
  readonly #symbols: ReadonlyMap<string, string>;

  constructor(index: VersionIndex, layout: VersionLayout) {
    this.#index = index;
    this.#layout = layout;
    this.#symbols = new Map(layout.marks.map((mark) => [mark.mark, mark.symbol]));
  }

  #versionLink(entry: IndexEntryBase, text: string): string {
    return docLink(text, docId(entry));
  }

  #standardLink(standard: IndexStandard): string {
    return docLink(standard.id, standardPageId(this.#index, standard));
  }

  #labels(): string[] {
    return this.#layout.states.map((state) => state.label);
  }

  /** The cells of a row, one per state. */
  #stateCells(entries: readonly IndexEntryBase[]): string[] {
    return this.#layout.states.map(({ state }) => {
      const inState = entries.filter((entry) => entry.state === state);
      if (inState.length === 0) return '-';
      return inState.map((entry) => this.#versionLink(entry, versionLabel(entry)) + mdxText(futureMarks(entry, this.#symbols))).join(', ');
    });
  }

  /** What the rows of a supplement start with: its type (`Supplement: Implementation Notes`). */
  #supplementCell(standard: IndexStandard, supplement: IndexSupplement): string {
    const title = mdxText(supplementTitle(standard, supplement));
    return this.#layout.supplementType === undefined ? title : `${mdxText(this.#layout.supplementType)}: ${title}`;
  }

  #legend(): string {
    return `**Legend.** States are computed from each version's dates for the day the index was built.\n\n${this.#layout.states.map((state) => this.#legendLine(state)).join('')}`;
  }

  #legendLine({ label, role }: IndexState): string {
    const layout = this.#layout;
    const code = (field: string): string => `\`${field}\``;
    switch (role) {
      case 'not-yet': {
        const without = layout.start === undefined ? '' : ` (no ${code(layout.start)})`;
        return `- **${label}**: not stabilized yet${without}; the document may still change.\n`;
      }
      case 'in-force': {
        const ahead = [
          layout.startMark && `a version marked ${mdxText(layout.startMark.symbol)} is stabilized on a day still ahead and takes effect then`,
          layout.endMark && `a version marked ${mdxText(layout.endMark.symbol)} has a deprecation date still ahead and stays in force until then`,
        ].filter((line): line is string => typeof line === 'string');
        const marks = ahead.length === 0 ? '' : `  ${ahead.map((line, position) => (position === 0 ? `${line.charAt(0).toUpperCase()}${line.slice(1)}` : line)).join(';\n  ')}.\n`;
        return `- **${label}**: stabilized and not deprecated: the version is in force.\n${marks}`;
      }
      case 'ended':
        return `- **${label}**: its ${layout.end === undefined ? 'end' : code(layout.end)} date has come: no longer in force.\n`;
      case 'status':
        return `- **${label}**: the document was ${layout.statusParticiple ?? label} and never took effect.\n`;
    }
  }

  overview(): string {
    const layout = this.#layout;
    let out = `${frontMatter()}# Overview\n\n`;
    const said = [
      layout.trackDigit === undefined ? undefined : `The ${layout.trackDigit} digit of a document number names its track`,
      layout.supplementType === undefined ? undefined : `${pluralOf(layout.supplementType.toLowerCase())} (informative notes that extend a document) are listed below the document they extend`,
    ].filter((sentence): sentence is string => sentence !== undefined);
    out += `Every SCS standard with its versions by state.${said.length === 0 ? '' : ` ${said.join('; ')}.`}\n\n`;
    out += header([this.#layout.numberLabel, 'Track', 'Description', ...this.#labels()]);
    for (const standard of this.#index.standards) {
      out += `${row([this.#standardLink(standard), mdxText(standard.track), mdxText(standardTitle(standard)), ...this.#stateCells(standard.versions)])}\n`;
      for (const supplement of standard.supplements) {
        out += `${row(['', '', this.#supplementCell(standard, supplement), ...this.#stateCells(supplement.versions)])}\n`;
      }
    }
    return `${out}\n${this.#legend()}`;
  }

  trackPage(track: IndexTrack, standards: readonly IndexStandard[]): string {
    let out = `${frontMatter()}# ${mdxText(track.name)} Standards\n\n`;
    const digit = this.#layout.trackDigit === undefined || track.digit === '' ? '' : `: their numbers have ${track.digit} as ${this.#layout.trackDigit} digit`;
    out += `The documents of the ${mdxText(track.name)} track${digit}.\n\n`;
    out += header([this.#layout.numberLabel, 'Description', ...this.#labels()]);
    for (const standard of standards) {
      out += `${row([this.#standardLink(standard), mdxText(standardTitle(standard)), ...this.#stateCells(standard.versions)])}\n`;
      for (const supplement of standard.supplements) {
        out += `${row(['', this.#supplementCell(standard, supplement), ...this.#stateCells(supplement.versions)])}\n`;
      }
    }
    return `${out}\n${this.#legend()}`;
  }

  #stateCell(entry: IndexEntryBase): string {
    return `${this.#layout.label(entry.state)}${mdxText(futureMarks(entry, this.#symbols))}`;
  }

  standardPage(standard: IndexStandard): string {
    const layout = this.#layout;
    let out = `${frontMatter()}# ${mdxText(standard.id)}: ${mdxText(standardTitle(standard))}\n\n`;
    if (standard.description !== null) out += `${mdxText(standard.description)}\n\n`;
    if (standard.versions.length > 0) {
      out += header(['Version', 'Type', 'Status', 'State', ...layout.dates.map((field) => field.label)]);
      for (const version of standard.versions) {
        out += `${row([
          this.#versionLink(version, version.id),
          version.type === null ? '-' : mdxText(version.type),
          version.status === null ? '-' : mdxText(version.status),
          this.#stateCell(version),
          ...layout.dates.map(({ field }) => date(dateOf(version, field))),
        ])}\n`;
      }
    }
    const extended = layout.extended;
    for (const supplement of standard.supplements) {
      out += `\n## ${this.#supplementCell(standard, supplement)}\n\n`;
      out += header(['Version', 'State', ...layout.stateDates.map((field) => field.label), ...(extended ? [extended.label] : [])]);
      for (const version of supplement.versions) {
        const supplemented = namesOf(version, extended?.field).map((fileName) => {
          const target = standard.versions.find((candidate) => candidate.file_name === fileName);
          return target ? this.#versionLink(target, versionLabel(target)) : mdxText(fileName);
        });
        out += `${row([
          this.#versionLink(version, version.id),
          this.#stateCell(version),
          ...layout.stateDates.map(({ field }) => date(dateOf(version, field))),
          ...(extended ? [supplemented.length > 0 ? supplemented.join(', ') : '-'] : []),
        ])}\n`;
      }
    }
    return `${out}\n${this.#legend()}`;
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
