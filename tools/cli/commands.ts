import { CONFIG_FLAG, type Command, type Flag } from './flags.js';

const BASE_FLAG: Flag = {
  name: 'base',
  type: 'string',
  value: 'REF',
  description: 'Compare with this git ref: lifecycle rules run, untouched documents only warn (GitHub Actions: the pull request base)',
};

const HEAD_FLAG: Flag = { name: 'head', type: 'string', value: 'REF', description: 'With --base: check this commit instead of the working tree' };

/** Every command of the CLI; each loads its implementation lazily. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'lint',
    summary: 'Check standards documents against the rule book',
    usage: 'scs-standards lint [options] [paths...]',
    flags: [
      { name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'Output format: stylish (default), json, sarif or github' },
      { name: 'quiet', short: 'q', type: 'boolean', description: 'Report errors only' },
      { name: 'max-warnings', type: 'number', value: 'N', description: 'Exit with 1 when there are more than N warnings' },
      CONFIG_FLAG,
      { name: 'rule', type: 'strings', value: 'ID[:SEVERITY]', description: 'Run only these rules (repeatable), optionally with a severity' },
      { name: 'color', type: 'boolean', description: 'Force colour output (default: only on a terminal)' },
      { name: 'no-color', type: 'boolean', description: 'Disable colour output' },
      BASE_FLAG,
      HEAD_FLAG,
      { name: 'suppress-all', type: 'boolean', description: 'Record every current error in the suppressions file' },
      { name: 'suppress-rule', type: 'strings', value: 'ID', description: 'Record the current errors of this rule in the suppressions file (repeatable)' },
      { name: 'prune-suppressions', type: 'boolean', description: 'Remove counts that match no error any more from the suppressions file' },
      { name: 'pass-on-unpruned-suppressions', type: 'boolean', description: 'Do not fail because the suppressions file has unused counts' },
      { name: 'suppressions-location', type: 'string', value: 'FILE', description: 'The suppressions file (default: scs-standards-suppressions.json at the repository root)' },
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
    name: 'review',
    summary: 'Summarize a change for reviewers: transitions, new and renamed documents, findings, approvals',
    usage: 'scs-standards review --base REF [options] [paths...]',
    flags: [
      BASE_FLAG,
      HEAD_FLAG,
      { name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'Output format: markdown (default) or json' },
      CONFIG_FLAG,
    ],
    load: () => import('./review.js'),
  },
];
