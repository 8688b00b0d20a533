import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import type { TemplateTexts } from '../model/placeholders.js';
import type { Directive } from '../model/markdown-facts.js';
import type { CertificateScope } from '../model/scope.js';
import { isDocumentRule, isScopeRule, type ChangeContext, type HistoryContext, type Rule, type TextEdit } from '../rules/rule.js';
import type { ResolvedConfig } from './config.js';
import type { FactsCache } from './cache.js';
import { MessageControl } from './directives.js';
import { MemoryGuard } from './memory.js';
import { loadTemplateTexts } from './templates.js';
import { summarize, type DeprecatedRuleUse, type FileResult, type Finding, type Suppression } from './result.js';

export interface CheckOptions {
  /** Rule scopes to run; all when omitted. */
  scopes?: ReadonlySet<string>;
  /**
   * The change a document is part of (`lint --base`). Without it, `change`-scope rules do not
   * run; with it, they run on every document it gives a context for.
   */
  change?: ((doc: StandardDocument) => ChangeContext | undefined) | undefined;
  /** The history of a document (`lint --history`). Without it, `history`-scope rules do not run. */
  history?: ((doc: StandardDocument) => HistoryContext | undefined) | undefined;
  /** Cached Markdown facts, used instead of parsing when a document's content is unchanged. */
  cache?: FactsCache | undefined;
  /**
   * Run only the rules that read the front matter and file names (no rule with `needsBody`):
   * for documents a change did not touch, whose bodies are not read at all.
   */
  frontMatterOnly?: boolean;
  /**
   * The templates' placeholder texts (or how to get them), asked for when a rule needs them;
   * without it they are read from the templates of the corpus's folder.
   */
  templates?: TemplateTexts | (() => TemplateTexts) | undefined;
  /** Keep the text of each file with findings in its result (`source`, for `--format json`). */
  keepSource?: boolean | undefined;
}

/** The suppression of a finding that a lint comment turned off, with the reason the comment gives. */
function directiveSuppression(directive: Directive): Suppression {
  return { kind: 'directive', justification: directive.justification ?? '' };
}

/** The text as the file has it, byte order mark included, as ESLint's `source`. */
function sourceText(source: { text: string; bom: boolean }): string {
  return (source.bom ? '\ufeff' : '') + source.text;
}

/** Raised when a rule throws: the run ends with exit code 2 after reporting what it could. */
export interface InternalFailure {
  ruleId: string;
  file: string;
  error: unknown;
}

/**
 * Runs the enabled document rules on each target document of a corpus and returns one result per
 * target. Rules are pure: they see the parsed documents and report through the context.
 */
export function checkCorpus(
  corpus: Corpus,
  targets: readonly StandardDocument[],
  config: ResolvedConfig,
  rules: readonly Rule[],
  failures: InternalFailure[],
  options: CheckOptions = {},
): FileResult[] {
  const ruleIds = new Set(config.rules.keys());
  const active = rules
    .filter(isDocumentRule)
    .filter(
      (rule) =>
        config.mayRun(rule) &&
        (!options.scopes || options.scopes.has(rule.meta.scope)) &&
        (rule.meta.scope !== 'change' || options.change !== undefined) &&
        (rule.meta.scope !== 'history' || options.history !== undefined) &&
        (!options.frontMatterOnly || rule.meta.needsBody !== true),
    );
  const deprecatedRules = active.filter((rule) => rule.meta.deprecated !== undefined);
  const results: FileResult[] = [];
  let templates: TemplateTexts | undefined;
  if (targets.length > 0 && active.some((rule) => rule.meta.needsTemplates === true)) {
    const given = options.templates;
    templates = typeof given === 'function' ? given() : (given ?? loadTemplateTexts(config, corpus.folder));
  }
  const memory = targets.length > 256 ? new MemoryGuard() : undefined;
  for (const doc of targets) {
    memory?.tick();
    const findings: Finding[] = [];
    const suppressed: Finding[] = [];
    const cache = options.cache;
    if (cache && !doc.hasBody) {
      const body = cache.lookup(doc);
      if (body) doc.setBody(body);
    }
    const control = new MessageControl(doc);
    // A status the profile marks `warnOnly` (the EIP Stagnant and Withdrawn) turns every finding into a warning.
    const warnOnly = config.process.status(doc.status)?.warnOnly === true;
    const change = options.change?.(doc);
    const history = options.history?.(doc);
    for (const rule of active) {
      if (rule.meta.scope === 'change' && change === undefined) continue;
      if (rule.meta.scope === 'history' && history === undefined) continue;
      const setting = config.settingFor(rule, doc);
      if (setting.severity === 'off') continue;
      const severity = setting.severity === 'error' && !warnOnly ? 2 : 1;
      try {
        rule.check({
          doc,
          corpus,
          options: setting.options,
          ruleIds,
          process: config.process,
          change,
          templates,
          history,
          report(report) {
            const range = report.range ?? { start: 0, end: 0 };
            const finding: Finding = {
              ruleId: rule.id,
              severity: report.severity === 'warn' ? 1 : severity,
              message: report.message,
              ...doc.source.lines.place(range),
              range,
            };
            if (report.fix) finding.fix = report.fix as TextEdit[];
            if (report.fatal) finding.fatal = true;
            const directive = control.suppressedBy(rule.id, range.start);
            if (directive) suppressed.push({ ...finding, suppressions: [directiveSuppression(directive)] });
            else findings.push(finding);
          },
        });
      } catch (error) {
        failures.push({ ruleId: rule.id, file: doc.relPath, error });
        findings.push({
          ruleId: rule.id,
          severity: 2,
          message: `Internal error in rule \`${rule.id}\`: ${error instanceof Error ? error.message : String(error)}`,
          ...doc.source.lines.place({ start: 0, end: 0 }),
          range: { start: 0, end: 0 },
        });
      }
    }
    if (cache && doc.hasBody) cache.store(doc, doc.body);
    const result = summarize(doc.path, doc.relPath, findings, suppressed);
    const deprecated = deprecatedInUse(deprecatedRules, (rule) => config.settingFor(rule, doc).severity !== 'off' && (rule.meta.scope !== 'change' || change !== undefined));
    if (deprecated.length > 0) result.usedDeprecatedRules = deprecated;
    // An undecodable file has no text to show (only what came before its first bad byte).
    if (options.keepSource && (findings.length > 0 || suppressed.length > 0) && !doc.readProblem) result.source = sourceText(doc.source);
    results.push(result);
    // The whole text is read again only if something asks for it: a large corpus never sits in memory at once.
    doc.release(true);
  }
  return results;
}

/**
 * Runs the enabled scope rules on each certificate-scope file, together with the standards folder
 * its modules refer to, and returns one result per file.
 */
export function checkScopes(
  scopes: readonly CertificateScope[],
  corpus: Corpus,
  config: ResolvedConfig,
  rules: readonly Rule[],
  failures: InternalFailure[],
  options: { keepSource?: boolean | undefined } = {},
): FileResult[] {
  const ruleIds = new Set(config.rules.keys());
  const active = rules.filter(isScopeRule).filter((rule) => config.mayRun(rule));
  const deprecatedRules = active.filter((rule) => rule.meta.deprecated !== undefined);
  const results: FileResult[] = [];
  for (const scope of scopes) {
    const findings: Finding[] = [];
    const finding = (ruleId: string, severity: 1 | 2, message: string, range = { start: 0, end: 0 }): Finding => ({
      ruleId,
      severity,
      message,
      ...scope.source.lines.place(range),
      range,
    });
    for (const rule of active) {
      const setting = config.settingFor(rule, scope);
      if (setting.severity === 'off') continue;
      const severity = setting.severity === 'error' ? 2 : 1;
      try {
        rule.check({
          scope,
          corpus,
          options: setting.options,
          ruleIds,
          process: config.process,
          report(report) {
            const found = finding(rule.id, severity, report.message, report.range);
            if (report.fix) found.fix = report.fix as TextEdit[];
            if (report.fatal) found.fatal = true;
            findings.push(found);
          },
        });
      } catch (error) {
        failures.push({ ruleId: rule.id, file: scope.relPath, error });
        findings.push(finding(rule.id, 2, `Internal error in rule \`${rule.id}\`: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    const result = summarize(scope.source.path, scope.relPath, findings);
    const deprecated = deprecatedInUse(deprecatedRules, (rule) => config.settingFor(rule, scope).severity !== 'off');
    if (deprecated.length > 0) result.usedDeprecatedRules = deprecated;
    if (options.keepSource && findings.length > 0 && !scope.readProblem) result.source = sourceText(scope.source);
    results.push(result);
  }
  return results;
}

/** The deprecated rules that were on for a file, as ESLint lists them per file. */
function deprecatedInUse(deprecatedRules: readonly Rule[], on: (rule: Rule) => boolean): DeprecatedRuleUse[] {
  const uses: DeprecatedRuleUse[] = [];
  for (const rule of deprecatedRules) {
    const deprecated = rule.meta.deprecated;
    if (deprecated && on(rule)) uses.push({ ruleId: rule.id, replacedBy: deprecated.replacedBy });
  }
  return uses;
}
