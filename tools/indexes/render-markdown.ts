import type { State } from '../model/state.js';
import { mdxText } from './escape.js';
import {
  docId,
  FUTURE_DEPRECATED_MARK,
  FUTURE_EFFECTIVE_MARK,
  futureMarks,
  STATE_LABELS,
  standardPageId,
  standardTitle,
  supplementTitle,
  trackPageId,
  versionLabel,
} from './labels.js';
import type { IndexEntryBase, IndexStandard, IndexTrack, VersionIndex } from './model.js';
import { date, docLink, frontMatter, header, row } from './mdx.js';
import type { OutputFile } from './output.js';

/**
 * The pages of the docs site (Docusaurus, which reads `.md` as MDX): the overview of every
 * standard, one page per track and one per standard, laid out as in the docs site's
 * `standards/` folder. Links use Docusaurus document ids, as the docs site does.
 */
export function renderMarkdown(index: VersionIndex): OutputFile[] {
  const files: OutputFile[] = [{ path: 'standards/overview.mdx', content: overview(index) }];
  for (const track of index.tracks) {
    const standards = track.standards.map((number) => index.standards.find((standard) => standard.number === number)).filter(isDefined);
    if (standards.length === 0) continue;
    files.push({ path: `${trackPageId(track.name)}.md`, content: trackPage(track, standards) });
    for (const standard of standards) files.push({ path: `${standardPageId(standard)}.md`, content: standardPage(standard) });
  }
  return files;
}

const COLUMNS: readonly State[] = ['draft', 'effective', 'deprecated', 'rejected'];

function versionLink(entry: IndexEntryBase, text: string): string {
  return docLink(text, docId(entry));
}

function standardLink(standard: IndexStandard): string {
  return docLink(standard.id, standardPageId(standard));
}

/** The Draft, Effective, Deprecated and Rejected cells of a row. */
function stateCells(entries: readonly IndexEntryBase[]): string[] {
  return COLUMNS.map((state) => {
    const inState = entries.filter((entry) => entry.state === state);
    if (inState.length === 0) return '-';
    return inState.map((entry) => versionLink(entry, versionLabel(entry)) + mdxText(futureMarks(entry))).join(', ');
  });
}

function legend(): string {
  return (
    `**Legend.** States are computed from each version's dates for the day the index was built.\n\n` +
    `- **${STATE_LABELS.draft}**: not stabilized yet (no \`stabilized_at\`); the document may still change.\n` +
    `- **${STATE_LABELS.effective}**: stabilized and not deprecated: the version is in force.\n` +
    `  A version marked ${mdxText(FUTURE_EFFECTIVE_MARK)} is stabilized on a day still ahead and takes effect then;\n` +
    `  a version marked ${FUTURE_DEPRECATED_MARK} has a deprecation date still ahead and stays in force until then.\n` +
    `- **${STATE_LABELS.deprecated}**: its \`deprecated_at\` date has come: no longer in force.\n` +
    `- **${STATE_LABELS.rejected}**: the document was rejected and never took effect.\n`
  );
}

function overview(index: VersionIndex): string {
  let out = `${frontMatter()}# Overview\n\n`;
  out +=
    'Every SCS standard with its versions by state. The second digit of a document number names its track; ' +
    'supplements (informative notes that extend a document) are listed below the document they extend.\n\n';
  out += header(['Standard', 'Track', 'Description', ...COLUMNS.map((state) => STATE_LABELS[state])]);
  for (const standard of index.standards) {
    out += `${row([standardLink(standard), mdxText(standard.track), mdxText(standardTitle(standard)), ...stateCells(standard.versions)])}\n`;
    for (const supplement of standard.supplements) {
      out += `${row(['', '', `Supplement: ${mdxText(supplementTitle(standard, supplement))}`, ...stateCells(supplement.versions)])}\n`;
    }
  }
  return `${out}\n${legend()}`;
}

function trackPage(track: IndexTrack, standards: readonly IndexStandard[]): string {
  let out = `${frontMatter()}# ${mdxText(track.name)} Standards\n\n`;
  out += `The documents of the ${mdxText(track.name)} track: their numbers have ${track.digit} as second digit.\n\n`;
  out += header(['Standard', 'Description', ...COLUMNS.map((state) => STATE_LABELS[state])]);
  for (const standard of standards) {
    out += `${row([standardLink(standard), mdxText(standardTitle(standard)), ...stateCells(standard.versions)])}\n`;
    for (const supplement of standard.supplements) {
      out += `${row(['', `Supplement: ${mdxText(supplementTitle(standard, supplement))}`, ...stateCells(supplement.versions)])}\n`;
    }
  }
  return `${out}\n${legend()}`;
}

function stateCell(entry: IndexEntryBase): string {
  return `${STATE_LABELS[entry.state]}${mdxText(futureMarks(entry))}`;
}

function standardPage(standard: IndexStandard): string {
  let out = `${frontMatter()}# ${mdxText(standard.id)}: ${mdxText(standardTitle(standard))}\n\n`;
  if (standard.description !== null) out += `${mdxText(standard.description)}\n\n`;
  if (standard.versions.length > 0) {
    out += header(['Version', 'Type', 'Status', 'State', 'Stabilized', 'Deprecated', 'Rejected']);
    for (const version of standard.versions) {
      out += `${row([
        versionLink(version, version.id),
        version.type === null ? '-' : mdxText(version.type),
        version.status === null ? '-' : mdxText(version.status),
        stateCell(version),
        date(version.stabilized_at),
        date(version.deprecated_at),
        date(version.rejected_at),
      ])}\n`;
    }
  }
  for (const supplement of standard.supplements) {
    out += `\n## Supplement: ${mdxText(supplementTitle(standard, supplement))}\n\n`;
    out += header(['Version', 'State', 'Stabilized', 'Deprecated', 'Supplements']);
    for (const version of supplement.versions) {
      const supplemented = version.supplements.map((fileName) => {
        const target = standard.versions.find((candidate) => candidate.file_name === fileName);
        return target ? versionLink(target, versionLabel(target)) : mdxText(fileName);
      });
      out += `${row([
        versionLink(version, version.id),
        stateCell(version),
        date(version.stabilized_at),
        date(version.deprecated_at),
        supplemented.length > 0 ? supplemented.join(', ') : '-',
      ])}\n`;
    }
  }
  return `${out}\n${legend()}`;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
