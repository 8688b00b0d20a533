import type { ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Validators compiled ahead of time, by schema `$id`. Empty here: the schemas are compiled on
 * first use. The bundle replaces this module with the validators that `npm run build` generates
 * (see build.mjs), so that the command does not spend its start compiling schemas.
 */
export const precompiled: Readonly<Partial<Record<string, ValidateFunction>>> = {};
