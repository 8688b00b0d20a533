import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { isIsoDate } from './dates.js';
import schema from '../../schemas/front-matter.schema.json' with { type: 'json' };

/** A schema violation, with the front matter path it concerns and a message a person understands. */
export interface SchemaViolation {
  message: string;
  /** Path of the offending node (`['replaces', 0]`); empty for the mapping itself. */
  path: (string | number)[];
  /** Whether the whole mapping is meant (a missing field). */
  missing: boolean;
}

type SchemaObject = Record<string, unknown>;

let validator: ValidateFunction | undefined;

/** Compiles the schema once, on first use. */
function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: ['string', 'object'] });
    ajv.addFormat('date', { type: 'string', validate: isIsoDate });
    validator = ajv.compile(schema);
  }
  return validator;
}

export function validateFrontMatter(data: Record<string, unknown>): SchemaViolation[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const violation = toViolation(error, data);
    if (!violation) continue;
    const key = `${violation.path.join('/')}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function toViolation(error: ErrorObject, data: Record<string, unknown>): SchemaViolation | undefined {
  if (error.keyword === 'if') return undefined;
  const path = parsePointer(error.instancePath);
  let field = lastName(path);
  let missing = false;
  if (error.keyword === 'required') {
    const property = (error.params as { missingProperty?: string }).missingProperty ?? '';
    field = property;
    missing = true;
  } else if (error.keyword === 'false schema') {
    field = lastName(path);
  }
  const template = findMessage(error.schemaPath, field) ?? defaultMessage(error, field);
  const value = missing ? undefined : valueAt(data, path);
  const message = template
    .replaceAll('{field}', field)
    .replaceAll('{value}', describeValue(value))
    .replaceAll('{type}', String(data.type ?? ''))
    .replaceAll('{status}', String(data.status ?? ''));
  return { message, path: missing ? [] : path, missing };
}

/** Walks the schema along the error's schema path and takes the deepest `errorMessage` that fits. */
function findMessage(schemaPath: string, field: string): string | undefined {
  const segments = parsePointer(schemaPath.replace(/^#/, ''));
  const chain: SchemaObject[] = [];
  let node: unknown = schema;
  for (const segment of segments) {
    if (typeof node === 'object' && node !== null) {
      chain.push(node as SchemaObject);
      node = (node as SchemaObject)[String(segment)];
    } else break;
  }
  for (let index = chain.length - 1; index >= 0; index--) {
    const message = chain[index]?.errorMessage;
    if (typeof message === 'string') return message;
    if (typeof message === 'object' && message !== null) {
      const specific = (message as Record<string, unknown>)[field];
      if (typeof specific === 'string') return specific;
    }
  }
  return undefined;
}

function defaultMessage(error: ErrorObject, field: string): string {
  switch (error.keyword) {
    case 'required':
      return 'Missing required field `{field}`';
    case 'false schema':
      return 'Unexpected field `{field}` here';
    case 'enum':
      return `Unexpected \`{field}\` {value}, expected one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
    default:
      return field ? `Invalid \`${field}\`: {value} ${error.message ?? ''}`.trim() : `Invalid front matter: ${error.message ?? ''}`;
  }
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

function lastName(path: (string | number)[]): string {
  for (let index = path.length - 1; index >= 0; index--) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Renders a found value for a message: `text`, a number 3, a list, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'an empty text' : `\`${truncate(value)}\``;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a mapping';
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
