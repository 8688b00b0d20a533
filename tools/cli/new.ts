import { planNew, planProfileNew } from '../authoring/new.js';
import { noPositionals, requiredString, runAuthoring, stringValue } from './authoring.js';
import type { ParsedArgs } from './flags.js';
import { AuthoringError } from '../authoring/workspace.js';

export async function run(args: ParsedArgs): Promise<number> {
  return runAuthoring(args, (ws) => {
    noPositionals(args);
    if (!ws.config.process.builtIn) {
      return planProfileNew(ws, {
        type: stringValue(args, 'type'),
        category: stringValue(args, 'category'),
        track: stringValue(args, 'track'),
        title: requiredString(args, 'title'),
        slug: stringValue(args, 'slug'),
      });
    }
    if (stringValue(args, 'category') !== undefined) throw new AuthoringError('--category: the documents of this profile have no category');
    return planNew(ws, {
      type: stringValue(args, 'type'),
      track: stringValue(args, 'track'),
      title: requiredString(args, 'title'),
      slug: stringValue(args, 'slug'),
    });
  });
}
