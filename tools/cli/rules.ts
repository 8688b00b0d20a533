import { rules } from '../rules/index.js';
import { ruleUrl } from '../rules/rule.js';
import type { ParsedArgs } from './flags.js';
import { EXIT } from './exit.js';

export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'text';
  if (format === 'json') {
    const data = rules.map((rule) => ({
      id: rule.id,
      severity: rule.meta.severity,
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
    for (const rule of rules) args.stdout.write(`${rule.id.padEnd(width)}  ${rule.meta.severity.padEnd(5)}  ${rule.meta.description}\n`);
  } else {
    args.stderr.write(`scs-standards rules: unknown format \`${format}\`, expected text, json or markdown\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

/** The rule table of the README, generated from the registry. */
export function rulesTable(): string {
  const rows = rules.map(
    (rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.meta.severity} | ${rule.meta.scope} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description.replaceAll('|', '\\|')} |`,
  );
  return `| rule | severity | scope | fix | what it checks |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}
