import scopeSchema from '../../schemas/certificate-scope.schema.json' with { type: 'json' };
import { SchemaChecker, type SchemaViolation } from './schema.js';

const checker = new SchemaChecker(scopeSchema);

/** Validates the data of a certificate-scope file against `schemas/certificate-scope.schema.json`. */
export function validateScope(data: Record<string, unknown>): SchemaViolation[] {
  return checker.validate(data);
}
