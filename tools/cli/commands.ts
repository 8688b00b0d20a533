import { CONFIG_FLAG, type Command } from './flags.js';

/** Every command of the CLI; each loads its implementation lazily. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'lint',
    summary: 'Check standards documents against the rule book',
    usage: 'scs-standards lint [options] [paths...]',
    flags: [
      { name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'Output format: stylish (default) or json' },
      { name: 'quiet', short: 'q', type: 'boolean', description: 'Report errors only' },
      { name: 'max-warnings', type: 'number', value: 'N', description: 'Exit with 1 when there are more than N warnings' },
      CONFIG_FLAG,
      { name: 'rule', type: 'strings', value: 'ID[:SEVERITY]', description: 'Run only these rules (repeatable), optionally with a severity' },
      { name: 'color', type: 'boolean', description: 'Force colour output (default: only on a terminal)' },
      { name: 'no-color', type: 'boolean', description: 'Disable colour output' },
    ],
    load: () => import('./lint.js'),
  },
  {
    name: 'rules',
    summary: 'List the rules with their default severity and description',
    usage: 'scs-standards rules [options]',
    flags: [{ name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'Output format: text (default), json or markdown' }],
    load: () => import('./rules.js'),
  },
  {
    name: 'index',
    summary: 'Build the version index: docs-site pages and sidebar, JSON data and an HTML page',
    usage: 'scs-standards index [options] [folder]',
    flags: [
      { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Write every output to this folder (pages, sidebar, index.json, index.html)' },
      { name: 'today', type: 'string', value: 'YYYY-MM-DD', description: 'Compute the states for this day (default: today, in UTC)' },
      { name: 'check', type: 'boolean', description: 'Write nothing; exit 1 with a diff when --out differs from what would be written' },
      { name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'json: print the index data to standard output instead' },
      CONFIG_FLAG,
    ],
    load: () => import('./index-command.js'),
  },
];
