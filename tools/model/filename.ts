import { NAME_PREFIX, TRACK_BY_DIGIT, type Track } from './profile.js';

export type FileNameKind = 'document' | 'supplement' | 'proposal' | 'template';

/** The parts of a standards file name such as `scs-0100-v3-flavor-naming.md`. */
export interface FileName {
  fileName: string;
  kind: FileNameKind;
  /** The number as written: `0100`, `xxxx`, `01xx`, `XXXX`. */
  number: string;
  /** The number as an integer, when it is four digits. */
  numeric: number | undefined;
  /** The track the number names (its second digit), when that digit is a digit. */
  trackDigit: string | undefined;
  /** `v` for a document version, `w` for a supplement. */
  letter: 'v' | 'w';
  /** The major version (or supplement number); undefined for a template's `N`. */
  version: number | undefined;
  versionText: string;
  slug: string;
  /** `scs-0100-v3`: the number and version, which are unique in a corpus. */
  id: string;
}

/** The default profile's names as the detailed reader takes them apart: `<prefix><number>-<version>-<slug>.md`. */
const P = NAME_PREFIX.length;
const SHAPE = new RegExp(`^${NAME_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^-]*)-([^-]*)-(.*)\\.md$`);
const EXPECTED = `${NAME_PREFIX}NNNN-vM-slug.md`;
const PROPOSAL_NUMBER = /^[0-9]{0,3}[xX]+$/;

export type FileNameResult =
  | { ok: true; name: FileName; problems: string[] }
  | { ok: false; problems: string[] };

/**
 * Reads a file name into its parts, with the problems a name that has the overall shape still
 * has: `parseFileName` for the default process, or one a profile's patterns make.
 */
export type Naming = (fileName: string) => FileNameResult;

/**
 * Parses a file name. A name that has the overall shape but breaks a rule of §1 still yields
 * its parts (so that other rules can work with it) together with the problems found.
 */
export function parseFileName(fileName: string): FileNameResult {
  return parseWellFormed(fileName) ?? parseFileNameByPattern(fileName);
}

/**
 * The name of a document or supplement with a four-digit number, a version from 1 and a slug
 * (`scs-0100-v3-flavor-naming.md`), read character by character: every document of a corpus
 * is named so, and this takes a fraction of the time of the patterns. Undefined for any other
 * name (`parseFileNameByPattern` then reads it, and says what is wrong).
 */
function parseWellFormed(fileName: string): FileNameResult | undefined {
  const length = fileName.length;
  // The prefix, four digits, `-`, `v` or `w`, a digit from 1, `-`, a slug, `.md`.
  if (length < P + 12 || !fileName.startsWith(NAME_PREFIX) || !fileName.endsWith('.md')) return undefined;
  for (let index = P; index < P + 4; index++) if (!isDigit(fileName.charCodeAt(index))) return undefined;
  const letter = fileName.charAt(P + 5);
  if (fileName.charCodeAt(P + 4) !== HYPHEN || (letter !== 'v' && letter !== 'w')) return undefined;
  const first = fileName.charCodeAt(P + 6);
  if (!isDigit(first) || first === ZERO) return undefined;
  let end = P + 7;
  while (end < length && isDigit(fileName.charCodeAt(end))) end++;
  if (fileName.charCodeAt(end) !== HYPHEN) return undefined;
  const slug = fileName.slice(end + 1, length - 3);
  // A slug is any text but a line break (what `.` of the pattern takes), and not empty.
  if (slug === '' || LINE_BREAK.test(slug)) return undefined;
  const number = fileName.slice(P, P + 4);
  const versionText = fileName.slice(P + 6, end);
  return {
    ok: true,
    problems: [],
    name: {
      fileName,
      kind: letter === 'w' ? 'supplement' : 'document',
      number,
      numeric: Number(number),
      trackDigit: number.charAt(1),
      letter,
      version: Number(versionText),
      versionText,
      slug,
      id: `${NAME_PREFIX}${number}-${letter}${versionText}`,
    },
  };
}

const HYPHEN = 0x2d;
const ZERO = 0x30;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 0x39;
}

/** `parseFileName` by the patterns of §1, for every name (exported for the test that compares the two). */
export function parseFileNameByPattern(fileName: string): FileNameResult {
  const match = SHAPE.exec(fileName);
  if (!match) {
    return { ok: false, problems: [describeShapeProblem(fileName)] };
  }
  const [, number = '', versionPart = '', slug = ''] = match;
  const problems: string[] = [];
  const letterChar = versionPart.charAt(0);
  const versionText = versionPart.slice(1);
  let letter: 'v' | 'w' = 'v';
  if (letterChar === 'v' || letterChar === 'w') letter = letterChar;
  else {
    problems.push(
      `Unexpected version \`${versionPart}\`, expected \`v\` (a document) or \`w\` (a supplement) followed by a number`,
    );
  }

  const isTemplate = number === 'XXXX' && versionText === 'N';
  let kind: FileNameKind;
  let numeric: number | undefined;
  if (/^[0-9]{4}$/.test(number)) {
    kind = letter === 'w' ? 'supplement' : 'document';
    numeric = Number(number);
  } else if (isTemplate) {
    kind = 'template';
  } else if (number.length === 4 && PROPOSAL_NUMBER.test(number)) {
    kind = 'proposal';
  } else {
    kind = letter === 'w' ? 'supplement' : 'document';
    problems.push(
      `Unexpected document number \`${number}\`, expected four digits (\`0100\`) or \`xxxx\` for a proposal`,
    );
  }

  let version: number | undefined;
  if (!isTemplate) {
    if (/^[1-9][0-9]*$/.test(versionText)) version = Number(versionText);
    else if (/^[0-9]+$/.test(versionText)) {
      problems.push(
        `Unexpected version \`${letter}${versionText}\`, expected a positive number without leading zeros (versions start at 1)`,
      );
      version = Number(versionText) || undefined;
    } else if (letterChar === 'v' || letterChar === 'w') {
      problems.push(`Unexpected version \`${versionPart}\`, expected \`${letter}\` followed by a number such as \`${letter}1\``);
    }
  }
  if (slug === '') problems.push(`Missing slug: expected \`${EXPECTED}\``);

  const digit = number.charAt(1);
  const trackDigit = /[0-9]/.test(digit) ? digit : undefined;
  return {
    ok: true,
    problems,
    name: {
      fileName,
      kind,
      number,
      numeric,
      trackDigit,
      letter,
      version,
      versionText,
      slug,
      id: `${NAME_PREFIX}${number}-${letter}${versionText}`,
    },
  };
}

function describeShapeProblem(fileName: string): string {
  if (!fileName.startsWith(NAME_PREFIX)) return `Unexpected file name \`${fileName}\`, expected \`${EXPECTED}\``;
  if (!fileName.endsWith('.md')) return `Unexpected extension in \`${fileName}\`, expected \`.md\``;
  const parts = fileName.slice(P, -3).split('-');
  if (parts.length < 3) {
    return `Unexpected file name \`${fileName}\`, expected \`${EXPECTED}\` (number, version and slug separated by hyphens)`;
  }
  return `Unexpected file name \`${fileName}\`, expected \`${EXPECTED}\``;
}

/** The track a file name's number names, if its second digit is a track digit. */
export function trackOfName(name: FileName): Track | undefined {
  return name.trackDigit === undefined ? undefined : TRACK_BY_DIGIT[name.trackDigit];
}

/** Is this a file that the toolkit treats as a standards document (or template)? */
export function isStandardsFileName(fileName: string): boolean {
  return fileName.startsWith(NAME_PREFIX) && fileName.endsWith('.md');
}

/**
 * Accepts what users type for a document: a path, a file name, `scs-0100-v3` or `0100-v3`.
 * Returns the id (`scs-0100-v3`) or the file name to look up.
 */
const ID_REF = new RegExp(`^(?:${NAME_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?([0-9xX]{4})-([vw][0-9]+)$`);

export function normalizeDocumentRef(ref: string): { fileName: string } | { id: string } | undefined {
  const base = ref.split(/[\\/]/).pop() ?? ref;
  if (base.endsWith('.md')) return { fileName: base };
  const id = ID_REF.exec(base);
  if (id) return { id: `${NAME_PREFIX}${id[1]}-${id[2]}` };
  return undefined;
}
