import { planDeprecate } from '../authoring/status.js';
import { onePositional, requiredString, runAuthoring, stringsValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) =>
    planDeprecate(ws, { document: onePositional(args, 'document'), date: requiredString(args, 'date'), replacedBy: stringsValue(args, 'replaced-by') }),
  );
}
