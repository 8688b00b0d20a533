import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import { applySuppressions, DEFAULT_SUPPRESSIONS_FILE, loadSuppressions, withoutFiles } from '../engine/suppressions.js';
import { lintChangeWithConfig, relaxUntouched } from '../lifecycle/lint.js';
import { githubDefaultBase } from '../lifecycle/load.js';
import { approvalTable, buildReview } from '../lifecycle/review.js';
import { formatReviewMarkdown } from '../reporters/review-markdown.js';
import { sanitizeForTerminal, terminalSafeJson } from '../reporters/sanitize.js';
import { rulesById } from '../rules/index.js';
import { EXIT } from './exit.js';
import type { ParsedArgs } from './flags.js';
import { messageLines } from './output.js';

/**
 * `review --base REF`: what a change does to the standards, for reviewers. Prints Markdown (or
 * JSON with `--format json`); in GitHub Actions, also appends the Markdown to the job summary.
 * The findings are those of `lint --base`; the exit code is 0 unless the review cannot be made.
 */
export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    args.stderr.write(`scs-standards review: unknown format \`${format}\`, expected markdown or json\n`);
    return EXIT.failure;
  }
  try {
    const base = typeof args.values.base === 'string' ? args.values.base : await githubDefaultBase(args.cwd, args.env);
    if (base === undefined) throw new UsageError('review needs --base REF (in GitHub Actions, the pull request base is the default)');
    const head = typeof args.values.head === 'string' ? args.values.head : undefined;
    const config = loadConfig(args.cwd, rulesById, args.values.config as string | undefined);
    const run = await lintChangeWithConfig(config, { cwd: args.cwd, paths: args.positionals, base, head });
    for (const failure of run.failures) {
      const detail = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      args.stderr.write(`scs-standards: internal error in rule ${failure.ruleId} on ${sanitizeForTerminal(failure.file)}:\n${detail.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
    }
    const given = typeof args.values['suppressions-location'] === 'string' ? args.values['suppressions-location'] : undefined;
    const location = given !== undefined ? resolve(args.cwd, given) : resolve(config.root, DEFAULT_SUPPRESSIONS_FILE);
    const suppressions = loadSuppressions(location, given ?? DEFAULT_SUPPRESSIONS_FILE);
    // As `lint --base` applies them: a document the change makes Stable meets every rule.
    const applied = applySuppressions(run.results, withoutFiles(suppressions, run.stabilized), () => false);
    const results = relaxUntouched(applied.results, run.legacy);
    const review = buildReview(run.loaded, results, approvalTable(config.raw.approvals, config.process), config.process);
    const markdown = formatReviewMarkdown(review);
    args.stdout.write(format === 'json' ? `${terminalSafeJson(review, 2)}\n` : markdown);
    const summary = args.env.GITHUB_STEP_SUMMARY;
    if (summary !== undefined && summary !== '') appendFileSync(summary, `${markdown}\n`);
    return run.failures.length > 0 ? EXIT.failure : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error instanceof Error && error.name === 'GitProblem')) {
      args.stderr.write(messageLines('scs-standards review', error.message));
      return EXIT.failure;
    }
    throw error;
  }
}
