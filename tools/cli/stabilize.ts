import { planStabilize } from '../authoring/status.js';
import { onePositional, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) => planStabilize(ws, { document: onePositional(args, 'document'), date: stringValue(args, 'date') }));
}
