import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonLanguageService from 'vscode-json-languageservice';
import { describe, expect, test } from 'vitest';

const SCHEMAS = join(import.meta.dirname, '..', 'schemas');
const ID_BASE = 'https://github.com/SovereignCloudStack/scs-standards/raw/main/schemas/';

type Schema = boolean | { [keyword: string]: unknown };

/** Keywords whose subschemas only constrain (`if` a type is ..., `then` a field is forbidden): they declare nothing an editor shows. */
const CONDITIONS = new Set(['if', 'then', 'else', 'not']);

/**
 * JSON pointers of the schemas an editor shows to a person that have no description: every
 * property, every item schema that declares properties, every shared definition.
 */
function undescribed(schema: Schema, pointer = '#', mustDescribe = false): string[] {
  if (typeof schema !== 'object') return [];
  const missing: string[] = [];
  const description = schema.description;
  if (mustDescribe && (typeof description !== 'string' || description.trim() === '')) missing.push(pointer);
  for (const [keyword, value] of Object.entries(schema)) {
    if (CONDITIONS.has(keyword) || typeof value !== 'object' || value === null) continue;
    const at = `${pointer}/${keyword}`;
    if (keyword === 'properties' || keyword === '$defs') {
      for (const [name, sub] of Object.entries(value)) missing.push(...undescribed(sub as Schema, `${at}/${name}`, true));
    } else if (keyword === 'items' || keyword === 'additionalProperties') {
      const sub = value as Schema;
      missing.push(...undescribed(sub, at, typeof sub === 'object' && 'properties' in sub));
    } else if (Array.isArray(value) && ['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(keyword)) {
      value.forEach((sub, index) => missing.push(...undescribed(sub as Schema, `${at}/${index}`, false)));
    }
  }
  return missing;
}

/** The schemas of files that people write, which editors use to complete and explain them. */
const EDITOR_SCHEMAS = ['certificate-scope.schema.json', 'config.schema.json', 'front-matter.schema.json', 'profile.schema.json'];

describe('schemas for editors', () => {
  test('are published in schemas/', () => {
    expect(readdirSync(SCHEMAS)).toEqual(expect.arrayContaining(EDITOR_SCHEMAS));
  });

  describe.each(EDITOR_SCHEMAS)('%s', (name) => {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;

    test('has a JSON Schema 2020-12 $schema, a resolvable $id, a title and a description', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${ID_BASE}${name}`);
      expect(typeof schema.title).toBe('string');
      expect(typeof schema.description).toBe('string');
    });

    test('every property, item and definition has a description', () => {
      expect(undescribed(schema)).toEqual([]);
    });
  });

  test('the walk finds what lacks a description, and skips conditions', () => {
    const schema = {
      properties: {
        a: { description: 'A', type: 'object', properties: { b: { type: 'string' } } },
        c: { type: 'array', items: { type: 'object', properties: { d: { description: 'D' } } } },
      },
      $defs: { e: { type: 'string' } },
      allOf: [{ if: { properties: { a: { const: 1 } } }, then: { properties: { c: false } } }],
    };
    expect(undescribed(schema)).toEqual(['#/properties/a/properties/b', '#/properties/c', '#/properties/c/items', '#/$defs/e']);
  });
});

describe("VS Code's JSON language service", () => {
  const { getLanguageService, TextDocument } = jsonLanguageService;
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
  });
  service.configure({ validate: true, allowComments: false });

  /** A JSON file in the repository root that names its schema with `$schema`, as the README shows. */
  async function open(fileName: string, text: string) {
    const document = TextDocument.create(pathToFileURL(join(SCHEMAS, '..', fileName)).href, 'json', 1, text);
    const json = service.parseJSONDocument(document);
    return { document, json, diagnostics: await service.doValidation(document, json) };
  }

  test('validates, explains and completes .scs-standards.json through its $schema', async () => {
    const text = '{\n  "$schema": "./schemas/config.schema.json",\n  "rulez": {},\n  "maxFileSize": 10,\n  "rules": { "file-content": "loud" }\n}\n';
    const { document, json, diagnostics } = await open('.scs-standards.json', text);
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]).sort()).toEqual([
      [2, 'Property rulez is not allowed.'],
      [4, 'Value is not accepted. Valid values: "off", "warn", "error", 0, 1, 2.'],
    ]);
    const hover = await service.doHover(document, { line: 3, character: 5 }, json);
    expect(JSON.stringify(hover?.contents)).toContain('Files larger than this many bytes');
    const completion = await service.doComplete(document, { line: 2, character: 2 }, json);
    expect(completion?.items.map((item) => item.label).sort()).toEqual(['approvals', 'commitUrl', 'history', 'ignores', 'index', 'overrides', 'profile', 'scopes', 'standards', 'templates']);
  });

  test('validates and explains front matter written as JSON with the front matter schema', async () => {
    const text = '{\n  "$schema": "./schemas/front-matter.schema.json",\n  "type": "Standard",\n  "status": "Stable",\n  "track": "IaaS"\n}\n';
    const { document, json, diagnostics } = await open('front-matter.json', text);
    expect(diagnostics.map((diagnostic) => diagnostic.message).sort()).toEqual(['Missing property "stabilized_at".', 'Missing property "title".']);
    const hover = await service.doHover(document, { line: 3, character: 5 }, json);
    expect(JSON.stringify(hover?.contents)).toContain('Where the document is in its lifecycle');
  });
});
