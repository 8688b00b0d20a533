import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import { precompiled } from './precompiled-validators.js';
import { SCHEMA_FORMATS } from './schema-formats.js';

/** The one set of options every schema of the toolkit is compiled with. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true };

/** An Ajv instance that knows our annotation keyword (`errorMessage`) and formats. */
export function newAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: ['string', 'object'] });
  ajv.addFormat('date', SCHEMA_FORMATS.date);
  return ajv;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of a schema with an `$id`: compiled ahead of time in the bundle, else once on
 * first use (with `verbose`, so that errors carry the failing schema object itself).
 */
export function validatorFor(schema: { $id: string }): ValidateFunction {
  const ready = precompiled[schema.$id] ?? compiled.get(schema.$id);
  if (ready) return ready;
  ajv ??= newAjv({ verbose: true });
  const validate = ajv.compile(schema);
  compiled.set(schema.$id, validate);
  return validate;
}

/** A validator for a schema without an `$id` (rule options), compiled on use. */
export function compileValidator(schema: Record<string, unknown>): ValidateFunction {
  ajv ??= newAjv({ verbose: true });
  return ajv.compile(schema);
}
