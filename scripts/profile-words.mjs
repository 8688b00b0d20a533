#!/usr/bin/env node
// Where tools/ still hard-codes a profile: every string literal in tools/**/*.ts that holds a
// word of a shipped profile (profiles/*/profile.json): its tracks, types, categories, statuses,
// section titles, date and reference fields, approval groups, and the literal start of its file
// names (`scs-`, `eip-`). Comments, the tool's own name and the ids of its rules are not
// searched. The list is the work left for moving the engine onto the profile (docs/profiles.md);
// test/profile-words.test.ts keeps it from growing and fails until its baseline is shrunk with it.
//
//   node scripts/profile-words.mjs [--format text|markdown|json] [--profile NAME]
//
// Exit code 0 (the list is information, not a verdict); 2 on bad usage.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { format: { type: 'string', default: 'text' }, profile: { type: 'string', multiple: true } },
  strict: true,
});
if (!['text', 'markdown', 'json'].includes(values.format)) {
  process.stderr.write('profile-words: --format is text, markdown or json\n');
  process.exit(2);
}

const profiles = readdirSync(join(ROOT, 'profiles'))
  .filter((name) => !values.profile || values.profile.includes(name))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(ROOT, 'profiles', name, 'profile.json'), 'utf8')));

/** The words of a profile that the engine must not know. */
function wordsOf(profile) {
  const words = new Set();
  const add = (word) => typeof word === 'string' && word.length > 1 && words.add(word);
  profile.tracks?.values.forEach((track) => add(track.name));
  profile.types.values.forEach((type) => {
    add(type.name);
    for (const list of ['required', 'recommended', 'optional', 'order']) type.sections?.[list]?.forEach(add);
  });
  profile.categories?.values.forEach((category) => add(category.name));
  profile.statuses.values.forEach((status) => add(status.name));
  profile.sections?.framing?.forEach(add);
  profile.dates?.forEach((date) => add(date.field));
  profile.references.forEach((reference) => add(reference.field));
  Object.values(profile.review.approvals.groups).flat().forEach(add);
  for (const kind of profile.fileNames.kinds) add(/^[^{]*?-/.exec(kind.pattern)?.[0]);
  return [...words];
}

const words = new Map();
for (const profile of profiles) for (const word of wordsOf(profile)) words.set(word, [...(words.get(word) ?? []), profile.name]);
const escaped = [...words.keys()].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
// A word stands alone (`Stable`, not `StableDocument`); a file-name start such as `scs-` may be
// followed by anything but must not follow a letter (so `scs-` in `run-scs-` counts, `docs-` does not).
const WORD = new RegExp(`(?<![A-Za-z0-9_])(?:${escaped.join('|')})(?![A-Za-z0-9_])|(?<![A-Za-z])(?:${escaped.filter((word) => word.endsWith('-')).join('|') || '(?!)'})`, 'g');
const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
// The tool's own name is no profile word, and neither are the ids of its rules (the names of
// the files of tools/rules/, as the registry and the configuration write them).
const RULE_IDS = readdirSync(join(ROOT, 'tools', 'rules'))
  .filter((name) => name.endsWith('.ts') && name.includes('-'))
  .map((name) => name.slice(0, -3))
  .sort((a, b) => b.length - a.length);
const OWN_NAME = new RegExp(`scs-standards|(?<![A-Za-z0-9-])(?:${RULE_IDS.join('|')})(?![A-Za-z0-9-])`, 'g');

function sources(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

const hits = [];
for (const file of sources(join(ROOT, 'tools')).sort()) {
  const text = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineOf = (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const code = withoutComments(text);
  const found = new Map();
  for (const literal of code.matchAll(STRING)) {
    const content = literal[0].replace(OWN_NAME, (match) => ' '.repeat(match.length));
    for (const word of content.matchAll(WORD)) {
      const line = lineOf(literal.index + word.index);
      const entry = found.get(line) ?? new Set();
      entry.add(word[0]);
      found.set(line, entry);
    }
  }
  for (const [line, set] of [...found].sort((a, b) => a[0] - b[0])) hits.push({ file: relative(ROOT, file), line, words: [...set].sort() });
}

/** The text with comments blanked out (same length, so offsets and lines stay), strings kept. */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (match) =>
    match.startsWith('/') ? match.replace(/[^\n]/g, ' ') : match,
  );
}

const perFile = new Map();
for (const hit of hits) perFile.set(hit.file, (perFile.get(hit.file) ?? 0) + 1);
if (values.format === 'json') {
  process.stdout.write(`${JSON.stringify({ profiles: profiles.map((profile) => profile.name), lines: hits.length, files: perFile.size, hits }, null, 2)}\n`);
} else if (values.format === 'markdown') {
  const lines = [`${hits.length} lines in ${perFile.size} files of tools/ hold a word of the profiles ${profiles.map((profile) => `\`${profile.name}\``).join(', ')}.`, ''];
  if (hits.length > 0) lines.push('| file | lines | words |', '| --- | --- | --- |');
  for (const [file, count] of [...perFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const fileHits = hits.filter((hit) => hit.file === file);
    const fileWords = [...new Set(fileHits.flatMap((hit) => hit.words))].sort();
    lines.push(`| \`${file}\` | ${count}: ${fileHits.map((hit) => hit.line).join(', ')} | ${fileWords.map((word) => `\`${word}\``).join(', ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} else {
  for (const hit of hits) process.stdout.write(`${hit.file}:${hit.line} ${hit.words.join(', ')}\n`);
  process.stderr.write(`profile-words: ${hits.length} lines in ${perFile.size} files\n`);
}
