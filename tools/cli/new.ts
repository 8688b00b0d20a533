import { planNew } from '../authoring/new.js';
import { noPositionals, requiredString, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) => {
    noPositionals(args);
    return planNew(ws, {
      type: requiredString(args, 'type'),
      track: requiredString(args, 'track'),
      title: requiredString(args, 'title'),
      slug: stringValue(args, 'slug'),
    });
  });
}
