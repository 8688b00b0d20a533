import { terminalSafeJson } from '../reporters/sanitize.js';
import type { VersionIndex } from './model.js';
import type { OutputFile } from './output.js';

export const JSON_FILE = 'index.json';

/**
 * The index as JSON: keys in a fixed order, two-space indent, a final newline. Characters a
 * terminal would act on (C1 controls, bidirectional overrides) and the line separators are
 * written as `\u` escapes: the data is the same, and printing it is safe.
 */
export function renderJson(index: VersionIndex): string {
  return `${terminalSafeJson(index, 2)}\n`;
}

export function renderJsonFile(index: VersionIndex): OutputFile {
  return { path: JSON_FILE, content: renderJson(index) };
}
