import { planReject } from '../authoring/status.js';
import { onePositional, runAuthoring, stringsValue, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) =>
    planReject(ws, { document: onePositional(args, 'document'), date: stringValue(args, 'date'), replacedBy: stringsValue(args, 'replaced-by') }),
  );
}
