import { planAccept } from '../authoring/accept.js';
import { onePositional, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) => planAccept(ws, { document: onePositional(args, 'proposal'), number: stringValue(args, 'number') }));
}
