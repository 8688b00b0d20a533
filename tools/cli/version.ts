import { readFileSync } from 'node:fs';

declare const __SCS_STANDARDS_VERSION__: string | undefined;

/** The package version: built into the bundle, read from package.json when run from source. */
export function version(): string {
  if (typeof __SCS_STANDARDS_VERSION__ === 'string') return __SCS_STANDARDS_VERSION__;
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
