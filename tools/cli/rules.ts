import { processFor } from '../profile/process.js';
import { rules } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { ruleUrl } from '../rules/rule.js';
import type { ParsedArgs } from './flags.js';
import { EXIT } from './exit.js';

export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'text';
  if (format === 'json') {
    const data = rules.map((rule) => ({
      id: rule.id,
      severity: rule.meta.severity,
      profiles: Object.fromEntries(SHIPPED.map((name) => [name, severityIn(name, rule)])),
      scope: rule.meta.scope,
      input: rule.meta.input ?? 'document',
      fixable: rule.meta.fixable === true,
      description: rule.meta.description,
      url: ruleUrl(rule.id),
    }));
    args.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } else if (format === 'markdown') {
    args.stdout.write(rulesTable());
  } else if (format === 'text') {
    const width = Math.max(...rules.map((rule) => rule.id.length));
    args.stdout.write(`${'rule'.padEnd(width)}  ${SHIPPED.map((name) => name.padEnd(5)).join('  ')}  what it checks\n`);
    for (const rule of rules) args.stdout.write(`${rule.id.padEnd(width)}  ${SHIPPED.map((name) => severityIn(name, rule).padEnd(5)).join('  ')}  ${rule.meta.description}\n`);
  } else {
    args.stderr.write(`scs-standards rules: unknown format \`${format}\`, expected text, json or markdown\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

/** The profiles shipped with the package, whose default severities the listing shows. */
const SHIPPED = ['scs', 'eip'] as const;

/** A rule's default severity under a shipped profile (`off` when the profile does not list it). */
function severityIn(name: string, rule: Rule): string {
  return processFor(name).ruleSeverity(rule.id) ?? rule.meta.severity;
}

/** The rule table of the README, generated from the registry: the default severity under each shipped profile. */
export function rulesTable(): string {
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${SHIPPED.map((name) => severityIn(name, rule)).join(' | ')} | ${rule.meta.scope} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description.replaceAll('|', '\\|')} |`,
  );
  return `| rule | ${SHIPPED.join(' | ')} | scope | fix | what it checks |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}
