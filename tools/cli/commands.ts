import { CONFIG_FLAG, DRY_RUN_FLAG, type Command, type Flag } from './flags.js';

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
      { name: 'quiet-untouched', type: 'boolean', description: 'With --base: report only errors in documents the change does not touch' },
      { name: 'max-warnings', type: 'number', value: 'N', description: 'Exit with 1 when there are more than N warnings' },
      CONFIG_FLAG,
      { name: 'rule', type: 'strings', value: 'ID[:SEVERITY]', description: 'Run only these rules (repeatable), optionally with a severity' },
      { name: 'color', type: 'boolean', description: 'Force colour output (default: only on a terminal)' },
      { name: 'no-color', type: 'boolean', description: 'Disable colour output' },
      { name: 'fix', type: 'boolean', description: 'Apply the certain fixes of fixable rules, then report what remains' },
      { name: 'fix-dry-run', type: 'boolean', description: 'Print the fixes as a unified diff and write nothing' },
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
    name: 'index',
    summary: 'Build the version index of standards and scopes: docs-site pages, JSON data and an HTML page',
    usage: 'scs-standards index [options] [folder]',
    flags: [
      { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Write every output to this folder (pages, sidebar, index.json, index.html)' },
      { name: 'today', type: 'string', value: 'YYYY-MM-DD', description: 'Compute the states and scope validities for this day (default: today, in UTC)' },
      { name: 'check', type: 'boolean', description: 'Write nothing; exit 1 with a diff when --out differs from what would be written' },
      { name: 'format', short: 'f', type: 'string', value: 'NAME', description: 'json: print the index data to standard output instead' },
      CONFIG_FLAG,
    ],
    load: () => import('./index-command.js'),
  },
  {
    name: 'new',
    summary: 'Create a proposal scs-xxxx-v1-<slug>.md from the template of its type',
    usage: 'scs-standards new --type TYPE --track TRACK --title TITLE [options]',
    flags: [
      { name: 'type', type: 'string', value: 'TYPE', description: 'Procedural, Standard or Decision Record' },
      { name: 'track', type: 'string', value: 'TRACK', description: 'Global, IaaS, KaaS, IAM, Ops or Scopes' },
      { name: 'title', type: 'string', value: 'TITLE', description: 'The title; the slug of the file name is made from it' },
      { name: 'slug', type: 'string', value: 'SLUG', description: 'Use this slug instead of the one made from the title' },
      DRY_RUN_FLAG,
      CONFIG_FLAG,
    ],
    load: () => import('./new.js'),
  },
  {
    name: 'accept',
    summary: 'Give a proposal the next unused number of its track and update every reference to it',
    usage: 'scs-standards accept <proposal> [options]',
    flags: [
      { name: 'number', type: 'string', value: 'NNNN', description: 'Assign this number (checked: in the track, unused) instead of the next one' },
      { name: 'base', type: 'string', value: 'REF', description: 'Also treat the numbers used in this git ref (the base branch, such as origin/main) as taken' },
      DRY_RUN_FLAG,
      CONFIG_FLAG,
    ],
    load: () => import('./accept.js'),
  },
  {
    name: 'stabilize',
    summary: 'Make a Draft document Stable, with stabilized_at',
    usage: 'scs-standards stabilize <document> [options]',
    flags: [{ name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'The date it became Stable (default: today, UTC)' }, DRY_RUN_FLAG, CONFIG_FLAG],
    load: () => import('./stabilize.js'),
  },
  {
    name: 'deprecate',
    summary: 'Make a Stable document Deprecated, with deprecated_at and replaced_by',
    usage: 'scs-standards deprecate <document> --date YYYY-MM-DD [options]',
    flags: [
      { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'The date it is deprecated from (may lie in the future)' },
      { name: 'replaced-by', type: 'strings', value: 'DOCUMENT', description: 'A document that replaces it (repeatable); gets the matching replaces' },
      DRY_RUN_FLAG,
      CONFIG_FLAG,
    ],
    load: () => import('./deprecate.js'),
  },
  {
    name: 'reject',
    summary: 'Make a Draft document Rejected, with rejected_at and replaced_by',
    usage: 'scs-standards reject <document> [options]',
    flags: [
      { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'The date it was rejected (default: today, UTC)' },
      { name: 'replaced-by', type: 'strings', value: 'DOCUMENT', description: 'A document that replaces it (repeatable)' },
      DRY_RUN_FLAG,
      CONFIG_FLAG,
    ],
    load: () => import('./reject.js'),
  },
  {
    name: 'bump',
    summary: 'Start the next major version as a Draft copy that replaces the given version',
    usage: 'scs-standards bump <document> [options]',
    flags: [{ name: 'slug', type: 'string', value: 'SLUG', description: 'The slug of the new version (default: the old one)' }, DRY_RUN_FLAG, CONFIG_FLAG],
    load: () => import('./bump.js'),
  },
  {
    name: 'supplement',
    summary: 'Create the next supplement scs-NNNN-wM-<slug>.md of a document',
    usage: 'scs-standards supplement <document>... --title TITLE [options]',
    flags: [
      { name: 'title', type: 'string', value: 'TITLE', description: 'The title; the slug of the file name is made from it' },
      { name: 'slug', type: 'string', value: 'SLUG', description: 'Use this slug instead of the one made from the title' },
      DRY_RUN_FLAG,
      CONFIG_FLAG,
    ],
    load: () => import('./supplement.js'),
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
