import type { VersionIndex } from './model.js';
import type { OutputFile } from './output.js';

export const JSON_FILE = 'index.json';

/**
 * The index as JSON: keys in a fixed order, two-space indent, a final newline. Characters a
 * terminal would act on (C1 controls, bidirectional overrides) and the line separators are
 * written as `\u` escapes: the data is the same, and printing it is safe.
 */
export function renderJson(index: VersionIndex): string {
  const text = JSON.stringify(index, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

export function renderJsonFile(index: VersionIndex): OutputFile {
  return { path: JSON_FILE, content: renderJson(index) };
}
