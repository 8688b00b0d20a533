import { planAccept } from '../authoring/accept.js';
import { onePositional, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  const base = stringValue(args, 'base');
  return runAuthoring(args, async (ws) => {
    // Numbers the base branch gave away since this branch started are taken too (its documents read as the profile names them).
    const alsoUsed = base === undefined ? undefined : await (await import('../lifecycle/load.js')).numbersAt(ws.folder, base, ws.config.process);
    return planAccept(ws, { document: onePositional(args, 'proposal'), number: stringValue(args, 'number'), alsoUsed });
  });
}
