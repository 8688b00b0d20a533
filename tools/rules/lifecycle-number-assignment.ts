import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import { nextNumber, trackRange } from '../model/numbers.js';
import { digitOfTrack, TRACK_BY_DIGIT, TRACKS } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A newly assigned document number is unused in the base and in the head, and lies in the range of the document\'s track (where the profile\'s numbers name tracks).',
    severity: 'error',
    scope: 'change',
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, process, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged' || change.kind === 'modified') return;
    const name = doc.name;
    if (!name || name.numeric === undefined || name.letter !== 'v' || name.version !== 1) return;
    const before = change.base?.name;
    // The number is new for this document: a new document, an accepted proposal, a renumbering.
    if (before && before.number === name.number) return;
    // Versions and supplements linked to this document by `replaces` or `supplements` (in the
    // head, transitively) are its own family, not other users of the number.
    // The fields by which a later version or a supplement links to the document it follows or extends.
    const linking = process.profile.references.filter((reference) => reference.target === 'file-name' && (reference.direction === 'earlier' || reference.direction === 'extended')).map((reference) => reference.field);
    const family = familyOf(doc, corpus, linking);
    const users = [
      ...change.baseCorpus.byNumber(name.number).filter((other) => other !== change.base && !family.has(other.fileName)),
      ...corpus.byNumber(name.number).filter((other) => {
        if (other === doc || other.name?.letter !== 'v' || family.has(other.fileName)) return false;
        const entry = change.change.of(other);
        return entry?.kind === 'added' || (entry?.kind === 'renamed' && entry.base?.name?.number !== name.number);
      }),
    ];
    if (users.length > 0) {
      const list = [...new Set(users.map((other) => `\`${other.fileName}\``))].join(', ');
      report({
        message: `Number \`${name.number}\` is already used by ${list}: a new document gets the next unused number of its track${suggest(doc, change.baseCorpus, corpus)}`,
      });
    }
    const track = doc.track;
    const expected = track === undefined ? undefined : digitOfTrack(track);
    if (track !== undefined && expected !== undefined && name.trackDigit !== expected) {
      const range = name.trackDigit === undefined ? 'no track' : `the ${TRACK_BY_DIGIT[name.trackDigit] ?? 'unknown'} range (\`${trackRange(name.trackDigit)}\`)`;
      report({
        message: `Number \`${name.number}\` lies in ${range}, but the document's track is ${track} (\`${trackRange(expected)}\`)${suggest(doc, change.baseCorpus, corpus)}`,
      });
    }
  },
});

/** The file names connected to a document through `replaces` and `supplements` within its number. */
function familyOf(doc: StandardDocument, corpus: Corpus, fields: readonly string[]): Set<string> {
  const members = corpus.byNumber(doc.name?.number ?? '');
  const names = new Set([doc.fileName]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const member of members) {
      const linked = fields.flatMap((field) => member.references(field)).map((reference) => reference.name);
      const added = names.has(member.fileName) ? linked : linked.some((name) => names.has(name)) ? [member.fileName] : [];
      for (const name of added) {
        if (names.has(name)) continue;
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** The next unused number of the document's track, as a hint: the number `accept` would give. */
function suggest(doc: StandardDocument, base: Corpus, head: Corpus): string {
  const track = doc.track;
  if (track === undefined || !(TRACKS as readonly string[]).includes(track)) return '';
  const digit = digitOfTrack(track);
  if (digit === undefined) return '';
  const taken = [...base.numbers(), ...head.numbers().filter((number) => head.byNumber(number).some((other) => other !== doc))];
  const next = nextNumber(digit, taken);
  return next === undefined ? '' : `; the next unused number of ${track} is \`${next}\``;
}
