import { _ } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import frontMatterSchema from '../../schemas/front-matter.schema.json' with { type: 'json' };
import { newAjv } from '../model/validators.js';

/**
 * The source of a module that exports the schemas' validators compiled ahead of time, in the
 * shape of tools/model/precompiled-validators.ts. `formatsModule` is the import path of
 * tools/model/schema-formats.ts as the generated module sees it.
 */
export function generateValidators(formatsModule: string): string {
  const ajv = newAjv({ code: { source: true, esm: true, lines: false, formats: _`SCS_FORMATS` } });
  // Only schemas whose error paths lead back into the schema from its root: the certificate-scope
  // schema reuses definitions that Ajv compiles as functions of their own, whose errors carry paths
  // relative to the definition, so its messages need the schema objects themselves (it is
  // compiled at run time, and only when scope files are linted).
  const schemas = [frontMatterSchema, configSchema];
  for (const schema of schemas) ajv.addSchema(schema);
  const names = Object.fromEntries(schemas.map((schema, index) => [`validator${index}`, schema.$id]));
  const code = (standaloneCode as unknown as (ajv: unknown, refs: Record<string, string>) => string)(ajv, names);
  const entries = schemas.map((schema, index) => `  ${JSON.stringify(schema.$id)}: validator${index},`).join('\n');
  return `import { SCHEMA_FORMATS as SCS_FORMATS } from ${JSON.stringify(formatsModule)};\n${code}\nexport const precompiled = {\n${entries}\n};\n`;
}
