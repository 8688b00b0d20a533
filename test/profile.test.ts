import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonLanguageService from 'vscode-json-languageservice';
import { isScalar } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { ResolvedConfig } from '../tools/engine/config.js';
import { versionLayout } from '../tools/indexes/layout.js';
import { normalizeDocumentRef, parseFileName } from '../tools/model/filename.js';
import { findPair, parseFrontMatter } from '../tools/model/frontmatter.js';
import { TRANSITIONS } from './helpers/scs-lifecycle.js';
import { nextNumber, trackRange } from '../tools/model/numbers.js';
import * as engineTables from '../tools/model/profile.js';
import { DATE_FIELDS, FRAMING_SECTIONS, REFERENCE_FIELDS, SECTIONS, STATUSES, TRACK_BY_DIGIT, TRACKS, TYPES } from './helpers/scs-rulebook.js';
import { SchemaChecker } from '../tools/model/schema.js';
import { fileNamesOf } from '../tools/profile/filenames.js';
import { checkProfile } from '../tools/profile/load.js';
import type { Profile } from '../tools/profile/types.js';
import { newAjv } from '../tools/model/validators.js';
import { rules, rulesById } from '../tools/rules/index.js';
import { lintFolder } from './helpers/lint.js';

const ROOT = join(import.meta.dirname, '..');
const PROFILES = join(ROOT, 'profiles');
const PROFILE_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'profile.schema.json'), 'utf8')) as Record<string, unknown> & { $id: string };
const EIP_FIXTURES = join(import.meta.dirname, 'fixtures', 'profiles', 'eip');

const profileNames = readdirSync(PROFILES).filter((name) => existsSync(join(PROFILES, name, 'profile.json'))).sort();

function loadProfile(name: string): Profile {
  return JSON.parse(readFileSync(join(PROFILES, name, 'profile.json'), 'utf8')) as Profile;
}

function profilePath(name: string, path: string): string {
  return resolve(PROFILES, name, path);
}

/** The front matter schema a profile names, parsed. */
function frontMatterSchema(name: string): Record<string, unknown> & { $id: string } {
  return JSON.parse(readFileSync(profilePath(name, loadProfile(name).frontMatter.schema), 'utf8')) as Record<string, unknown> & { $id: string };
}

/** The values a front matter schema's property allows (`enum`), if it lists them. */
function enumOf(schema: Record<string, unknown>, field: string): unknown {
  const properties = schema.properties as Record<string, { enum?: unknown[] }> | undefined;
  return properties?.[field]?.enum;
}

/** The fields a front matter lacks by the schema (its `missing` violations). */
function missingFields(checker: SchemaChecker, data: Record<string, unknown>): string[] {
  return checker
    .validate(data)
    .filter((violation) => violation.missing)
    .map((violation) => /`([^`]+)`/.exec(violation.message)?.[1] ?? violation.message)
    .sort();
}

/** Where the tests find a profile's templates: its own, else the folder of this repository it names. */
function templateFolder(name: string): string {
  const templates = loadProfile(name).templates;
  if (templates?.shipped !== undefined) return profilePath(name, templates.shipped);
  return join(ROOT, templates?.folder ?? '');
}

/** The front matter of a template, as data, with the number a document gets when the profile writes it there. */
function templateData(name: string, type: string): Record<string, unknown> {
  const profile = loadProfile(name);
  const templates = profile.templates;
  if (!templates) throw new Error(`${name} has no templates`);
  const file = templates.byType[type];
  if (file === undefined) throw new Error(`${name} has no template for ${type}`);
  const data = { ...parseFrontMatter(readFileSync(join(templateFolder(name), file), 'utf8')).data };
  if (profile.numbers.location !== 'file-name' && profile.numbers.field) data[profile.numbers.field] = 1;
  return data;
}

describe('the tables the engine reads from profiles/scs/profile.json (tools/model/profile.ts)', () => {
  test('are those of the rule book', () => {
    expect(engineTables.TRACKS).toEqual([...TRACKS]);
    expect(engineTables.TRACK_BY_DIGIT).toEqual({ ...TRACK_BY_DIGIT });
    expect(engineTables.TYPES).toEqual([...TYPES]);
    expect(engineTables.STATUSES).toEqual([...STATUSES]);
    expect(engineTables.REFERENCE_FIELDS).toEqual([...REFERENCE_FIELDS]);
    expect(engineTables.DATE_FIELDS).toEqual([...DATE_FIELDS]);
    expect(engineTables.SECTIONS).toEqual(SECTIONS);
    expect(Object.keys(engineTables.SECTIONS)).toEqual(Object.keys(SECTIONS));
    expect(engineTables.FRAMING_SECTIONS).toEqual([...FRAMING_SECTIONS]);
    expect(engineTables.digitOfTrack('KaaS')).toBe('2');
    expect(engineTables.digitOfTrack('Nowhere')).toBeUndefined();
  });
});

describe('the profile schema', () => {
  test('is JSON Schema 2020-12 with an $id and compiles with the toolkit\'s Ajv', () => {
    expect(PROFILE_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(PROFILE_SCHEMA.$id).toBe('https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/profile.schema.json');
    expect(() => newAjv().compile(PROFILE_SCHEMA)).not.toThrow();
  });

  test('rejects what is no profile, with the place of each mistake', () => {
    const validate = newAjv().compile(PROFILE_SCHEMA);
    const broken = { ...loadProfile('scs'), statuses: { field: 'status', values: [{ name: 'Draft', colour: 'grey' }] }, numbers: { location: 'title', format: '^[0-9]+$' } };
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`).sort()).toEqual([
      '/numbers/location enum',
      '/statuses/values/0 additionalProperties',
    ]);
  });
});

describe('every shipped profile', () => {
  test('is found', () => {
    expect(profileNames).toEqual(expect.arrayContaining(['eip', 'scs']));
  });

  describe.each(profileNames)('%s', (name) => {
    const profile = loadProfile(name);
    const statusNames = profile.statuses.values.map((status) => status.name);
    const typeNames = profile.types.values.map((type) => type.name);

    test('is valid by the profile schema, and named like its folder', () => {
      const validate = newAjv().compile(PROFILE_SCHEMA);
      expect(validate(profile), JSON.stringify(validate.errors, null, 2)).toBe(true);
      expect(profile.name).toBe(name);
      expect(JSON.parse(readFileSync(join(PROFILES, name, 'profile.json'), 'utf8')).$schema).toBe('../../schemas/profile.schema.json');
    });

    test('is consistent: it names only what it declares, reaches every status, and so on (checkProfile)', () => {
      expect(checkProfile(profile)).toEqual([]);
    });

    test('has file-name patterns whose examples are of their own kind', () => {
      const names = fileNamesOf(profile);
      for (const kind of profile.fileNames.kinds) {
        if (kind.example !== undefined) expect(names.parse(kind.example)?.kind, kind.example).toBe(kind.kind);
      }
    });

    test('sets default severities of registered rules only', () => {
      expect(Object.keys(profile.rules ?? {}).filter((id) => !rulesById.has(id))).toEqual([]);
    });

    test('names a front matter schema that compiles and allows exactly its statuses, types, tracks and categories', () => {
      const schema = frontMatterSchema(name);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => newAjv().compile(schema)).not.toThrow();
      expect(enumOf(schema, profile.statuses.field)).toEqual(statusNames);
      expect(enumOf(schema, profile.types.field)).toEqual(typeNames);
      if (profile.tracks) expect(enumOf(schema, profile.tracks.field)).toEqual(profile.tracks.values.map((track) => track.name));
      if (profile.categories) expect(enumOf(schema, profile.categories.field)).toEqual(profile.categories.values.map((category) => category.name));
    });

    test('requires of each status exactly the fields its front matter schema requires', () => {
      const checker = new SchemaChecker(frontMatterSchema(name));
      const type = profile.types.values.find((candidate) => candidate.hasStatus !== false && profile.templates?.byType[candidate.name] !== undefined);
      expect(type).toBeDefined();
      const data = templateData(name, type?.name ?? '');
      expect(checker.validate(data), 'the template is valid as it is').toEqual([]);
      for (const status of profile.statuses.values) {
        if (status.stub) continue;
        expect(missingFields(checker, { ...data, [profile.statuses.field]: status.name }), status.name).toEqual([...(status.requires ?? [])].sort());
      }
    });

    test('has templates that exist and are of their type', () => {
      const templates = profile.templates;
      if (!templates) return;
      for (const [type, file] of Object.entries(templates.byType)) {
        const path = join(templateFolder(name), file);
        expect(statSync(path).isFile(), path).toBe(true);
        const frontMatter = parseFrontMatter(readFileSync(path, 'utf8'));
        const value = findPair(frontMatter, profile.types.field)?.value;
        const alternatives = isScalar(value) && value.comment ? value.comment.split('|').map((part) => part.trim()) : [];
        expect([frontMatter.data[profile.types.field], ...alternatives], `${file} is a template for ${type}`).toContain(type);
      }
    });
  });
});

describe('the scs profile holds what tools/ hard-codes', () => {
  const profile = loadProfile('scs');

  test('tracks, and the digit of the number that names them', () => {
    expect(profile.tracks?.field).toBe('track');
    expect(profile.tracks?.values.map((track) => track.name)).toEqual([...TRACKS]);
    const tracks = profile.numbers.tracks;
    const byDigit = tracks && 'byDigit' in tracks ? tracks.byDigit : undefined;
    expect(byDigit?.digits).toEqual({ ...TRACK_BY_DIGIT });
    const position = byDigit?.position ?? -1;
    for (const digit of Object.keys(TRACK_BY_DIGIT)) {
      expect(trackRange(digit).charAt(position)).toBe(digit);
      expect(nextNumber(digit, [])?.charAt(position)).toBe(digit);
      expect(nextNumber(digit, [])).toMatch(new RegExp(profile.numbers.format));
    }
  });

  test('types, statuses, date and reference fields', () => {
    expect(profile.types.values.map((type) => type.name)).toEqual([...TYPES]);
    expect(profile.statuses.values.map((status) => status.name)).toEqual([...STATUSES]);
    expect((profile.dates ?? []).map((date) => date.field)).toEqual([...DATE_FIELDS]);
    expect(profile.references.map((reference) => reference.field)).toEqual([...REFERENCE_FIELDS]);
    expect(profile.review.shows).toEqual([...DATE_FIELDS]);
  });

  test('the sections of each type, and the framing sections', () => {
    const sections = Object.fromEntries(profile.types.values.filter((type) => type.sections).map((type) => [type.name, type.sections]));
    expect(sections).toEqual(SECTIONS);
    expect(profile.sections?.framing).toEqual([...FRAMING_SECTIONS]);
  });

  test('the transitions of the lifecycle', () => {
    const transitions = profile.transitions.map(({ from, to, sets, types }) => ({ from, to, sets, ...(types ? { types } : {}) }));
    expect(transitions).toEqual(TRANSITIONS.map(({ from, to, sets, types }) => ({ from, to, sets: [...sets], ...(types ? { types: [...types] } : {}) })));
  });

  test('the approvals review asks for', () => {
    expect(profile.review.approvals.by).toEqual(['track']);
    // The groups the review of a change names when the configuration names none (they were a constant of tools/lifecycle/review.ts).
    expect(profile.review.approvals.groups).toEqual({
      Global: ['Forum SCS-Standards'],
      IaaS: ['IaaS team'],
      KaaS: ['KaaS team'],
      IAM: ['IAM team'],
      Ops: ['Ops team'],
      Scopes: ['Forum SCS-Standards'],
    });
  });

  test('the index states, their labels, and the marks of what lies ahead: those of schemas/index.schema.json, in its order', () => {
    const indexSchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'index.schema.json'), 'utf8')) as { $defs: { state: { enum: string[] }; future: { items: { enum: string[] } } } };
    const layout = versionLayout(profile);
    // The index's columns: not in force yet, in force, ended, decided by the status.
    expect(layout.states.map((state) => [state.state, state.label, state.role])).toEqual([
      ['draft', 'Draft', 'not-yet'],
      ['effective', 'Effective', 'in-force'],
      ['deprecated', 'Deprecated', 'ended'],
      ['rejected', 'Rejected', 'status'],
    ]);
    expect(layout.states.map((state) => state.state)).toEqual(indexSchema.$defs.state.enum);
    expect((profile.index.future ?? []).map((mark) => [mark.mark, mark.symbol])).toEqual([
      ['effective', '*'],
      ['deprecated', '†'],
    ]);
    expect((profile.index.future ?? []).map((mark) => mark.mark)).toEqual(indexSchema.$defs.future.items.enum);
    expect([layout.start, layout.end, layout.statusDate, layout.startMark?.mark, layout.endMark?.mark]).toEqual(['stabilized_at', 'deprecated_at', 'rejected_at', 'effective', 'deprecated']);
    expect(profile.index.groupBy).toEqual(['track']);
  });

  test('the columns of the version index: every date of a version, the dates of the states for a supplement, the references of each', () => {
    const layout = versionLayout(profile);
    expect(layout.dates).toEqual([
      { field: 'stabilized_at', label: 'Stabilized' },
      { field: 'deprecated_at', label: 'Deprecated' },
      { field: 'rejected_at', label: 'Rejected' },
    ]);
    expect(layout.stateDates.map((date) => date.field)).toEqual(['stabilized_at', 'deprecated_at']);
    expect(layout.versionReferences.map((reference) => reference.field)).toEqual(['replaces', 'replaced_by']);
    expect(layout.supplementReferences.map((reference) => reference.field)).toEqual(['replaces', 'supplements']);
    expect([layout.earlier, layout.extended?.label, layout.supplementType, layout.trackDigit, layout.numberId('0100'), layout.exampleId]).toEqual([
      'replaces',
      'Supplements',
      'Supplement',
      'second',
      'scs-0100',
      'scs-0000-v1',
    ]);
    expect(layout.tracks.map((track) => `${track.digit} ${track.slug}`)).toEqual(['0 global', '1 iaas', '2 kaas', '3 iam', '4 ops', '5 scopes']);
  });

  test('the default folders and scope files', () => {
    expect(profile.folder).toBe('Standards');
    const config = new ResolvedConfig(ROOT, undefined, {}, rulesById);
    expect(profile.folder).toBe(config.standards);
    expect(profile.templates?.folder).toBe(config.templates);
    expect(profile.templates?.shipped).toBeUndefined();
    // The scope files the documents of SCS have always been checked with.
    expect(profile.certificateScopes?.files).toEqual(['Tests/scs-*.yaml']);
    expect(config.scopes).toEqual(profile.certificateScopes?.files);
    expect(profilePath('scs', profile.certificateScopes?.schema ?? '')).toBe(join(ROOT, 'schemas', 'certificate-scope.schema.json'));
    expect(profilePath('scs', profile.frontMatter.schema)).toBe(join(ROOT, 'schemas', 'front-matter.schema.json'));
  });

  test('the date field of a scope version is one the scope schema gives a version', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'certificate-scope.schema.json'), 'utf8')) as { $defs: { version: { properties: Record<string, { $ref?: string }> } } };
    const field = profile.certificateScopes?.versionDate ?? '';
    expect(Object.keys(schema.$defs.version.properties)).toContain(field);
    expect(schema.$defs.version.properties[field]?.$ref).toBe('#/$defs/date');
  });

  test('the default severity of every rule, but those for processes the scs profile does not have', () => {
    // A strict field order, an order of sections, a number kept in two places, references by maturity: none is SCS's.
    const elsewhere = ['front-matter-field-order', 'number-matches-front-matter', 'reference-maturity', 'sections-order'];
    expect(profile.rules).toEqual(Object.fromEntries(rules.filter((rule) => !elsewhere.includes(rule.id)).map((rule) => [rule.id, rule.meta.severity])));
    expect(rules.map((rule) => rule.id).filter((id) => !Object.hasOwn(profile.rules ?? {}, id))).toEqual(elsewhere);
  });

  test('file names: the kind and id of every name parseFileName accepts, and no kind for a name it finds fault with', () => {
    const names = [
      'scs-0100-v3-flavor-naming.md',
      'scs-0100-v1-a-b-c.md',
      'scs-2001-v12-x.md',
      'scs-0100-w1-implementation-notes.md',
      'scs-xxxx-v1-gpu-flavors.md',
      'scs-01xx-v1-gpu-flavors.md',
      'scs-XXXX-v1-upper-case.md',
      'scs-xxxx-w2-tests.md',
      'scs-XXXX-vN-standard-template.md',
      'scs-XXXX-wN-supplement-template.md',
      'scs-0100-v0-zero.md',
      'scs-0100-v03-padded.md',
      'scs-100-v1-short.md',
      'scs-0100-x1-letter.md',
      'scs-0100-v1-.md',
      'scs-xxxx-vN-not-a-template.md',
      'scs-0100-v1-x.txt',
      'README.md',
    ];
    for (const fileName of names) {
      const parsed = parseFileName(fileName);
      const expected = parsed.ok && parsed.problems.length === 0 ? parsed.name : undefined;
      const found = fileNamesOf(profile).parse(fileName);
      expect(found?.kind, fileName).toBe(expected?.kind);
      if (found && expected && expected.kind !== 'template') expect(found.id, fileName).toBe(expected.id);
    }
  });

  test('the short forms of a document id that users type', () => {
    for (const ref of ['0100-v3', 'scs-0100-v3', 'scs-0100-w1', 'xxxx-v1', '0100-v03', 'v3', 'scs-100-v1']) {
      const expected = normalizeDocumentRef(ref);
      expect(fileNamesOf(profile).idOfRef(ref), ref).toBe(expected && 'id' in expected ? expected.id : undefined);
    }
  });

  describe('the dates each status may carry, as front-matter-status-dates reports them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'profile-dates-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    test.each(profile.statuses.values.map((status) => [status.name, status.allowsDates ?? []] as const))('%s', (status, allowed) => {
      const repo = join(folder, status);
      const standards = join(repo, 'Standards');
      rmSync(repo, { recursive: true, force: true });
      mkdirSync(standards, { recursive: true });
      writeFileSync(join(standards, 'scs-0100-v1-dates.md'), [
        '---',
        'title: Dates',
        'type: Procedural',
        `status: ${status}`,
        'track: IaaS',
        ...DATE_FIELDS.map((field) => `${field}: "2024-01-0${DATE_FIELDS.indexOf(field) + 1}"`),
        '---',
        '',
        '# Dates',
        '',
      ].join('\n'));
      const rule = rulesById.get('front-matter-status-dates');
      expect(rule).toBeDefined();
      const messages = lintFolder(repo, rule ? [rule] : []).flatMap((result) => result.messages);
      const reported = messages.map((message) => /^Unexpected `([^`]+)`/.exec(message.message)?.[1]);
      expect(DATE_FIELDS.filter((field) => !reported.includes(field))).toEqual(allowed);
    });
  });
});

describe('the eip profile', () => {
  const profile = loadProfile('eip');
  const checker = new SchemaChecker(frontMatterSchema('eip'));

  function fixtures(kind: 'ok' | 'not-ok'): string[] {
    return readdirSync(join(EIP_FIXTURES, kind)).filter((name) => name.endsWith('.md')).sort();
  }

  function read(kind: 'ok' | 'not-ok', fileName: string) {
    return parseFrontMatter(readFileSync(join(EIP_FIXTURES, kind, fileName), 'utf8'));
  }

  /** The problems of a fixture: schema violations, and a file name that disagrees with its number. */
  function problems(kind: 'ok' | 'not-ok', fileName: string): string[] {
    const frontMatter = read(kind, fileName);
    expect(frontMatter.usable, fileName).toBe(true);
    const found = checker.validate(frontMatter.data).map((violation) => violation.message);
    const name = fileNamesOf(profile).parse(fileName);
    if (!name) found.push(`file name ${fileName} is no ${profile.fileNames.kinds.map((entry) => entry.pattern).join(' or ')}`);
    else if (name.kind === 'document' && String(frontMatter.data[profile.numbers.field ?? '']) !== name.parts.number) {
      found.push(`file name ${fileName} names ${name.parts.number ?? '?'}, the front matter ${String(frontMatter.data[profile.numbers.field ?? ''])}`);
    }
    return found.sort();
  }

  test.each(fixtures('ok'))('ok/%s has a valid preamble and a file name that agrees with it', (fileName) => {
    expect(problems('ok', fileName)).toEqual([]);
  });

  test('the ok fixtures name existing proposals in `requires`, in ascending order', () => {
    const numbers = new Set(fixtures('ok').map((fileName) => String(read('ok', fileName).data.eip)));
    const required = fixtures('ok').flatMap((fileName) => {
      const value = read('ok', fileName).data.requires;
      if (value === undefined) return [];
      const list = String(value).split(', ');
      expect([...list].sort((a, b) => Number(a) - Number(b)), fileName).toEqual(list);
      return list;
    });
    expect(required.length).toBeGreaterThan(1);
    expect(required.filter((number) => !numbers.has(number))).toEqual([]);
  });

  test('the ok fixtures cover every status and type', () => {
    const statuses = new Set(fixtures('ok').map((fileName) => read('ok', fileName).data.status));
    const types = new Set(fixtures('ok').map((fileName) => read('ok', fileName).data.type));
    expect(profile.statuses.values.map((status) => status.name).filter((status) => !statuses.has(status))).toEqual(['Stagnant']);
    expect(profile.types.values.map((type) => type.name).filter((type) => !types.has(type))).toEqual([]);
  });

  const EXPECTED: Record<string, string[]> = {
    'eip-4001.md': [
      'Missing required field `description`: one short sentence that says what the proposal does',
      'Missing required field `discussions-to`: the URL of the discussion thread',
    ],
    'eip-4002.md': [
      'Missing required field `category`: a Standards Track proposal is Core, Networking, Interface or ERC',
    ],
    'eip-4003.md': [
      'Unexpected `category` on a Meta proposal: only Standards Track proposals have a category',
    ],
    'eip-4004.md': [
      'Missing required field `last-call-deadline`: a proposal in Last Call names the day the period ends',
    ],
    'eip-4005.md': [
      'Missing required field `withdrawal-reason`: a Withdrawn proposal says why it was withdrawn',
    ],
    'eip-4006.md': [
      'Unexpected `last-call-deadline` on a Draft proposal: only a proposal in Last Call has one',
      'Unexpected `withdrawal-reason` on a Draft proposal: only a Withdrawn proposal has one',
    ],
    'eip-4007.md': [
      'Unexpected `status` `Accepted`, expected one of Draft, Review, Last Call, Final, Stagnant, Withdrawn, Living or Moved',
      'Unexpected `type` `Process`, expected one of Standards Track, Meta or Informational',
    ],
    'eip-4008.md': [
      '`title` must be a few words (2 to 44 characters, no `:`), found `Example: a title that is far too long to be one`',
    ],
    'eip-4009.md': [
      '`requires` must be proposal numbers separated by `, ` (`155, 1559`), found `3001,3002`',
    ],
    'eip-4010.md': [
      '`created` must be an ISO date (YYYY-MM-DD) that exists in the calendar, found `2023-02-30`',
    ],
    'eip-4011.md': [
      'Unexpected `title` on a Moved stub: the proposal lives on where it moved',
    ],
    'eip-4012.md': [
      'Unexpected `status` Living on a Standards Track proposal: only Meta and Informational proposals are Living',
    ],
    'eip-4013.md': [
      'Unexpected key `updated` here, expected one of eip, title, description, author, discussions-to, status, last-call-deadline, type, category, created, requires, withdrawal-reason',
    ],
    'eip-4014.md': [
      '`author` must list the authors separated by commas, at least one with a GitHub user name in parentheses (`Name (@user)`), found `Bo Sample <bo@example.org>`',
    ],
    'eip-4015.md': [
      'file name eip-4015.md names 4015, the front matter 4016',
    ],
  };

  test.each(fixtures('not-ok'))('not-ok/%s is reported as expected', (fileName) => {
    expect(problems('not-ok', fileName)).toEqual(EXPECTED[fileName]);
  });

  test('every not-ok fixture has its expected problems, and they are not empty', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtures('not-ok'));
    expect(Object.values(EXPECTED).filter((messages) => messages.length === 0)).toEqual([]);
  });

  test('the template, once it has a number, has every section the profile requires, in order', () => {
    const text = readFileSync(join(templateFolder('eip'), 'eip-template.md'), 'utf8');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    const sections = profile.types.values[0]?.sections;
    expect(headings).toEqual(sections?.order);
    expect(sections?.required?.filter((section) => !headings.includes(section))).toEqual([]);
  });

  test('the front matter schema describes every field for editors', () => {
    const schema = frontMatterSchema('eip');
    expect(typeof schema.description).toBe('string');
    const properties = schema.properties as Record<string, { description?: string }>;
    expect(Object.entries(properties).filter(([, property]) => typeof property.description !== 'string').map(([field]) => field)).toEqual([]);
    expect(Object.keys(properties)).toEqual(profile.frontMatter.order?.fields);
  });
});

describe("a profile in VS Code's JSON language service", () => {
  const { getLanguageService, TextDocument } = jsonLanguageService;
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
  });
  service.configure({ validate: true, allowComments: false });

  async function open(path: string, text: string) {
    const document = TextDocument.create(pathToFileURL(path).href, 'json', 1, text);
    const json = service.parseJSONDocument(document);
    return { document, json, diagnostics: await service.doValidation(document, json) };
  }

  test.each(profileNames)('%s: found through its $schema, and valid', async (name) => {
    const path = join(PROFILES, name, 'profile.json');
    const { diagnostics } = await open(path, readFileSync(path, 'utf8'));
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  test('completes, explains and checks what is typed', async () => {
    const text = '{\n  "$schema": "../../schemas/profile.schema.json",\n  "numbers": { "location": "title" },\n  \n}\n';
    const { document, json, diagnostics } = await open(join(PROFILES, 'new', 'profile.json'), text);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toContain('Value is not accepted. Valid values: "file-name", "front-matter", "both".');
    const hover = await service.doHover(document, { line: 2, character: 18 }, json);
    expect(JSON.stringify(hover?.contents)).toContain('Where the number lives');
    const completion = await service.doComplete(document, { line: 3, character: 2 }, json);
    expect(completion?.items.map((item) => item.label)).toEqual(expect.arrayContaining(['statuses', 'transitions', 'references', 'review', 'index', 'fileNames']));
  });
});
