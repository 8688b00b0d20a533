import { planBump } from '../authoring/bump.js';
import { onePositional, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) => planBump(ws, { document: onePositional(args, 'document'), slug: stringValue(args, 'slug') }));
}
