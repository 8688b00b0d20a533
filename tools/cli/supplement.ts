import { planSupplement } from '../authoring/supplement.js';
import { requiredString, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) =>
    planSupplement(ws, { documents: args.positionals, title: requiredString(args, 'title'), slug: stringValue(args, 'slug') }),
  );
}
