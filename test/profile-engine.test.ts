import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { isStandardsFileName, normalizeDocumentRef, parseFileName, trackOfName } from '../tools/model/filename.js';
import { parseFrontMatter } from '../tools/model/frontmatter.js';
import { checkTransition } from './helpers/scs-lifecycle.js';
import { nextNumber } from '../tools/model/numbers.js';
import { STATUSES, TRACK_BY_DIGIT, TRACKS, TYPES } from './helpers/scs-rulebook.js';
import { fileNamesOf } from '../tools/profile/filenames.js';
import { checkProfileTransition } from '../tools/profile/lifecycle.js';
import { loadProfile, ProfileError, shippedProfileFile } from '../tools/profile/load.js';
import { profileState, profileStatePeriod, type ProfileStateInput } from '../tools/profile/state.js';
import { nextNumberOf, trackOfNumber } from '../tools/profile/tracks.js';
import { settings } from './fuzz/support.js';
import { scsState, scsStatePeriod, type ScsStateInput } from './helpers/scs-state.js';

const scs = loadProfile('scs').profile;
const eip = loadProfile('eip').profile;
const EIP_FIXTURES = join(import.meta.dirname, 'fixtures', 'profiles', 'eip');

describe('loadProfile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'profile-load-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Writes a variant of the shipped scs profile (with its schema path made absolute) and loads it. */
  function loadVariant(name: string, change: (profile: Record<string, unknown>) => void): unknown {
    const profile = JSON.parse(readFileSync(shippedProfileFile('scs'), 'utf8')) as Record<string, unknown>;
    profile.frontMatter = { schema: join(import.meta.dirname, '..', 'schemas', 'front-matter.schema.json') };
    change(profile);
    const file = join(folder, `${name}.json`);
    writeFileSync(file, JSON.stringify(profile));
    try {
      return loadProfile(file);
    } catch (error) {
      return error;
    }
  }

  function problemsOf(result: unknown): readonly string[] {
    expect(result).toBeInstanceOf(ProfileError);
    return result instanceof ProfileError ? result.problems : [];
  }

  test('loads the shipped profiles by name, with their front matter schemas', () => {
    expect(loadProfile('scs').frontMatterSchema.$id).toBe('https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/front-matter.schema.json');
    expect(loadProfile('eip').frontMatterSchema.$id).toBe('https://github.com/SovereignCloudStack/scs-standards/raw/main/profiles/eip/front-matter.schema.json');
    expect(loadVariant('same', () => {})).toMatchObject({ profile: { name: 'scs' } });
  });

  test('reports every schema violation with its JSON pointer', () => {
    const problems = problemsOf(
      loadVariant('schema', (profile) => {
        profile.numbers = { location: 'title', format: '^[0-9]+$' };
        delete profile.review;
      }),
    );
    expect(problems).toEqual([
      '/: Missing required field `review`',
      '/numbers/location: Unexpected `location` `title`, expected one of file-name, front-matter, both',
    ]);
  });

  test('says on which line and column of the profile file each problem is', () => {
    const text = `${JSON.stringify({ ...scs, numbers: { ...scs.numbers, location: 'title' } }, null, 2)}\n`;
    const file = join(folder, 'placed.json');
    writeFileSync(file, text.replace('"schema": "../../schemas/front-matter.schema.json"', `"schema": ${JSON.stringify(join(import.meta.dirname, '..', 'schemas', 'front-matter.schema.json'))}`));
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((entry) => entry.includes('"location": "title"')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('"title"') + 1;
    expect(line).toBeGreaterThan(1);
    expect(() => loadProfile(file)).toThrow(`${file}:${line}:${column}: /numbers/location: Unexpected \`location\` \`title\``);
    writeFileSync(file, '{\n  "name": "x",\n  "title" "y"\n}\n');
    expect(() => loadProfile(file)).toThrow(`${file}:3:11: is no JSON: `);
  });

  test('reports names the profile does not declare, unreachable and terminal statuses, and bad patterns', () => {
    const problems = problemsOf(
      loadVariant('consistency', (profile) => {
        const transitions = profile.transitions as { from: string; to: string; sets: string[] }[];
        transitions.push({ from: 'Deprecated', to: 'Draft', sets: ['revived_at'] });
        transitions.splice(3, 1); // Draft -> Rejected: Rejected can no longer be reached
        const statuses = profile.statuses as { values: { name: string; dateReasons?: Record<string, string> }[] };
        const draft = statuses.values.find((status) => status.name === 'Draft');
        if (draft) draft.dateReasons = { revived_at: 'a Draft was never revived' };
        const fileNames = profile.fileNames as { kinds: { kind: string; pattern: string }[]; parts: Record<string, { pattern: string }> };
        fileNames.kinds.push({ kind: 'document', pattern: 'scs-{serial}.md' });
        fileNames.parts.slug = { pattern: '(' };
        const index = profile.index as { states: { state: string; label: string; when?: unknown }[] };
        index.states.push({ state: 'archived', label: 'Archived', when: { status: ['Archived'] } });
      }),
    );
    expect(problems).toEqual([
      '/transitions/4/sets/0: unknown date field `revived_at`, expected one of stabilized_at, deprecated_at, rejected_at',
      '/statuses/values/0/dateReasons/revived_at: unknown date field `revived_at`, expected one of stabilized_at, deprecated_at, rejected_at',
      '/index/states/3: only the last state may have no condition (the states after it could never hold)',
      '/index/states/4/when/status/0: unknown status `Archived`, expected one of Draft, Stable, Deprecated, Rejected',
      '/index/states/4/when: the last state has no condition (it is what a document is when no other state holds)',
      '/transitions/4/from: `Deprecated` is terminal, no transition starts from it',
      '/statuses/values/3: no transitions lead from `new` to `Rejected`',
      '/fileNames/kinds/6/pattern: unknown part `serial`, expected one of number, version, supplement, slug',
      '/fileNames/parts/slug/pattern: no regular expression: Invalid regular expression: /(/: Unterminated group',
    ]);
  });

  test('reports sections, approvals, groups, tracks and insertion places that do not fit together, and transitions listed twice', () => {
    const problems = problemsOf(
      loadVariant('fit', (profile) => {
        const transitions = profile.transitions as unknown[];
        transitions.push(transitions[0]);
        const types = profile.types as { values: { name: string; sections?: Record<string, unknown> }[] };
        const standard = types.values.find((type) => type.name === 'Standard');
        if (standard) standard.sections = { ...standard.sections, recommended: ['Terminology', 'Motivation'], order: ['Introduction'] };
        profile.review = { approvals: { by: ['track', 'owner'], groups: { IaaS: ['IaaS team'], Marketing: ['Board'] } } };
        profile.index = { ...(profile.index as object), groupBy: ['area'] };
        const numbers = profile.numbers as { tracks: { byDigit: { digits: Record<string, string> } } };
        numbers.tracks.byDigit.digits['6'] = 'Storage';
        (profile.frontMatter as Record<string, unknown>).order = { fields: ['title', 'type', 'status'], insertAfter: { owner: ['title'], status: ['kind', 'type'], type: ['title'] } };
      }),
    );
    expect(problems).toEqual([
      '/frontMatter/order/insertAfter/owner: `owner` missing from the order',
      '/frontMatter/order/insertAfter/status: `kind` missing from the order',
      '/transitions/5: `new` to `Draft` is listed twice',
      '/types/values/1/sections: `Motivation` named in more than one of required, recommended and optional',
      '/types/values/1/sections/order: `Motivation`, `Conformance Tests`, `Terminology`, `Design Considerations`, `Open Questions`, `Related Documents` missing from the order',
      '/review/approvals/by/1: `owner` is no field of types, tracks or categories (type, track)',
      '/index/groupBy/0: `area` is no field of types, tracks or categories (type, track)',
      '/review/approvals/groups/Marketing: `Marketing` is no value of track or owner',
      '/numbers/tracks/byDigit/digits/6: unknown track `Storage`',
    ]);
  });

  test('reports a file that is missing, no JSON, or a name that is not shipped', () => {
    writeFileSync(join(folder, 'broken.json'), '{ "name": ');
    expect(() => loadProfile(join(folder, 'broken.json'))).toThrow(/broken\.json:\d+:\d+: is no JSON: /);
    expect(() => loadProfile(join(folder, 'absent.json'))).toThrow(/absent\.json: cannot be read/);
    expect(() => loadProfile('iso')).toThrow('iso: no profile `iso` is shipped (give a path to a profile file instead)');
    expect(() => loadProfile(folder)).toThrow(/not a regular file/);
  });
});

/** File names built from the pieces SCS names are made of, valid or not, and a few of each kind. */
const scsFileName = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('scs-', 'scs-', 'scs-', 'scs-', 'scs-', 'eip-', 'Scs-', ''),
      fc.constantFrom('0100', '2001', '0000', 'xxxx', '01xx', 'XXXX', 'xXxX', '100', '01x0', 'abcd', ''),
      fc.constantFrom('-', '-', '-', '_'),
      fc.constantFrom('v', 'v', 'w', 'x', ''),
      fc.constantFrom('1', '3', '12', '1', '0', '03', 'N', ''),
      fc.constantFrom('-', '-', '-', '_', ''),
      fc.constantFrom('flavor-naming', 'a', 'a-b-c', 'standard-template', '', '-x'),
      fc.constantFrom('.md', '.md', '.md', '.MD', '.txt', ''),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('scs-0100-v3-flavor-naming.md', 'scs-0100-w2-tests.md', 'scs-xxxx-v1-gpu.md', 'scs-03xx-w1-notes.md', 'scs-XXXX-vN-standard-template.md', 'scs-XXXX-wN-supplement-template.md'),
);

describe('the scs profile computes what tools/model hard-codes', () => {
  const names = fileNamesOf(scs);

  test('file names: the same kind and id as parseFileName, and no kind for a name it finds fault with', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(scsFileName, (fileName) => {
        const parsed = parseFileName(fileName);
        const expected = parsed.ok && parsed.problems.length === 0 ? parsed.name : undefined;
        const found = names.parse(fileName);
        kinds.add(found?.kind ?? 'none');
        expect(found?.kind).toBe(expected?.kind);
        if (found && expected && expected.kind !== 'template') expect(found.id).toBe(expected.id);
        expect(names.isDocumentFileName(fileName)).toBe(isStandardsFileName(fileName));
        if (found && expected) expect(trackOfNumber(scs, found.parts.number ?? '')).toBe(trackOfName(expected));
      }),
      settings(20),
    );
    expect([...kinds].sort()).toEqual(['document', 'none', 'proposal', 'supplement', 'template']);
  });

  test('ids users type: the same as normalizeDocumentRef', () => {
    const ref = fc.tuple(fc.constantFrom('scs-', '', 'eip-'), fc.constantFrom('0100', 'xxxx', '01XX', '100', 'abcd'), fc.constantFrom('-'), fc.constantFrom('v', 'w', 'x'), fc.constantFrom('3', '03', '12', '')).map((parts) => parts.join(''));
    fc.assert(
      fc.property(ref, (typed) => {
        const expected = normalizeDocumentRef(typed);
        expect(names.idOfRef(typed)).toBe(expected && 'id' in expected ? expected.id : undefined);
      }),
      settings(10),
    );
  });

  test('tracks of numbers and the next number of a track: the same as TRACK_BY_DIGIT and nextNumber', () => {
    const number = fc.integer({ min: 0, max: 9999 }).map((value) => String(value).padStart(4, '0'));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(TRACK_BY_DIGIT)), fc.array(number, { maxLength: 40 }), (digit, taken) => {
        const track = TRACK_BY_DIGIT[digit] ?? '';
        for (const taken1 of taken) expect(trackOfNumber(scs, taken1)).toBe(TRACK_BY_DIGIT[taken1.charAt(1)]);
        expect(nextNumberOf(scs, track, taken)).toBe(nextNumber(digit, taken));
      }),
      settings(10),
    );
    const full = Array.from({ length: 10000 }, (_, value) => String(value).padStart(4, '0'));
    expect(nextNumberOf(scs, 'IaaS', full)).toBe(nextNumber('1', full));
    expect(nextNumberOf(scs, 'IaaS', ['0199'])).toBe('1100');
    expect(nextNumberOf(scs, 'Unknown', [])).toBeUndefined();
  });

  test('transitions: the same decision, transition and reason as checkTransition, for every pair of statuses and every type', () => {
    const froms = ['new', ...STATUSES] as const;
    for (const from of froms) {
      for (const to of [...STATUSES, 'Moved', 'new']) {
        for (const type of [...TYPES, undefined, 'Memo']) {
          const found = checkProfileTransition(scs, from, to, type);
          // The profile also names the command that makes a transition; the engine's table does not.
          const withoutCommand = found.ok && found.transition ? { ok: true, transition: { ...found.transition, command: undefined } } : found;
          expect(withoutCommand, `${from} -> ${to} (${type ?? 'no type'})`).toEqual(checkTransition(from, to, type));
        }
      }
    }
  });

  test('states on a day, their marks, and the period they hold for: the same as the rule book (test/helpers/scs-state.ts)', () => {
    const date = fc.integer({ min: 0, max: 40 }).map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));
    const input = fc.record({
      status: fc.constantFrom(...STATUSES, undefined, 'Proposed'),
      stabilizedAt: fc.option(date, { nil: undefined }),
      deprecatedAt: fc.option(date, { nil: undefined }),
    });
    const toProfile = (state: ScsStateInput): ProfileStateInput => ({ status: state.status, dates: { stabilized_at: state.stabilizedAt, deprecated_at: state.deprecatedAt } });
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 6 }), date, (inputs, today) => {
        for (const state of inputs) expect(profileState(scs, toProfile(state), today)).toEqual(scsState(state, today));
        expect(profileStatePeriod(scs, inputs.map(toProfile), today)).toEqual(scsStatePeriod(inputs, today));
      }),
      settings(20),
    );
  });

  test('the tracks the profile lists are the tracks its digits name', () => {
    expect(Object.values(TRACK_BY_DIGIT)).toEqual([...TRACKS]);
    expect(scs.tracks?.values.map((track) => track.name)).toEqual([...TRACKS]);
  });
});

describe('the eip profile, computed', () => {
  const names = fileNamesOf(eip);
  const fixtures = readdirSync(join(EIP_FIXTURES, 'ok')).sort();

  test('file names and ids: eip-N.md is a proposal with number N, a draft has no number yet', () => {
    expect(names.parse('eip-1559.md')).toEqual({ fileName: 'eip-1559.md', kind: 'document', parts: { number: '1559' }, id: 'eip-1559' });
    expect(names.parse('eip-draft_gas_refunds.md')).toMatchObject({ kind: 'proposal', id: undefined });
    for (const name of ['eip-01559.md', 'erc-20.md', 'eip-1559.txt', 'eip-.md', 'EIP-1.md']) expect(names.parse(name), name).toBeUndefined();
    expect(names.isDocumentFileName('eip-1.md')).toBe(true);
    expect(names.isDocumentFileName('scs-0100-v1-x.md')).toBe(false);
    expect(['EIP-1559', 'eip-1559', 'EIP1559', '1559', 'ERC-20'].map((ref) => names.idOfRef(ref))).toEqual(['eip-1559', 'eip-1559', 'eip-1559', 'eip-1559', undefined]);
    expect(trackOfNumber(eip, '1559')).toBeUndefined();
    expect(nextNumberOf(eip, 'Core', ['1'])).toBeUndefined();
  });

  test('the fixtures: their file names carry the number their preamble gives', () => {
    for (const fileName of fixtures) {
      const data = parseFrontMatter(readFileSync(join(EIP_FIXTURES, 'ok', fileName), 'utf8')).data;
      expect(names.parse(fileName)?.parts.number, fileName).toBe(String(data.eip));
    }
  });

  test('transitions follow EIP-1', () => {
    const check = (from: string, to: string, type = 'Standards Track') => checkProfileTransition(eip, from, to, type);
    expect(check('new', 'Draft')).toMatchObject({ ok: true, transition: { sets: ['created'] } });
    expect(check('Review', 'Last Call')).toMatchObject({ ok: true, transition: { sets: ['last-call-deadline'] } });
    expect(check('Last Call', 'Review').ok).toBe(true);
    expect(check('Stagnant', 'Review').ok).toBe(true);
    expect(check('Final', 'Moved').ok).toBe(true);
    expect(check('Draft', 'Final')).toEqual({ ok: false, reason: 'A Draft document cannot become Final: it may only become Review, Stagnant, Withdrawn or Moved' });
    expect(check('Final', 'Draft')).toEqual({ ok: false, reason: 'A Final document cannot become Draft: it may only become Moved' });
    expect(check('Moved', 'Draft')).toEqual({ ok: false, reason: 'A Moved document cannot become Draft: it stays as it is (no way back)' });
    expect(check('Review', 'Living')).toEqual({ ok: false, reason: 'A Review document may become Living only if it is a Meta or Informational, not a Standards Track' });
    expect(check('Review', 'Living', 'Meta').ok).toBe(true);
  });

  test('states come from the status alone; no date changes them', () => {
    const stateOf = (status: string | undefined) => profileState(eip, { status, dates: { created: '2020-01-01', 'last-call-deadline': '2030-01-01' } }, '2026-06-01');
    expect(['Draft', 'Review', 'Last Call', 'Final', 'Stagnant', 'Withdrawn', 'Living', 'Moved', undefined].map((status) => stateOf(status).state)).toEqual([
      'draft',
      'review',
      'last-call',
      'final',
      'stagnant',
      'withdrawn',
      'living',
      'moved',
      'draft',
    ]);
    expect(stateOf('Last Call').future).toEqual([]);
    expect(profileStatePeriod(eip, [{ status: 'Final', dates: { created: '2020-01-01' } }], '2026-06-01')).toEqual({ from: undefined, until: undefined });
  });
});

describe('the words of the profiles in tools/', () => {
  test('tools/profile/ holds none, nor tools/model/profile.ts, which reads its tables from the profile file (scripts/profile-words.mjs)', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'profile-words.mjs'), '--format', 'json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { profiles: string[]; hits: { file: string; line: number; words: string[] }[] };
    expect(report.profiles).toEqual(['eip', 'scs']);
    expect(report.hits.filter((hit) => hit.file.startsWith('tools/profile/'))).toEqual([]);
    expect(report.hits.filter((hit) => hit.file === 'tools/model/profile.ts')).toEqual([]);
  });
});
