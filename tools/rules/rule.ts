import type { DocumentHistory, History } from '../history/model.js';
import type { Change, ChangeKind } from '../model/change.js';
import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import type { FileName } from '../model/filename.js';
import type { TemplateTexts } from '../model/placeholders.js';
import type { Range } from '../model/positions.js';
import type { CertificateScope } from '../model/scope.js';
import type { Process } from '../profile/process.js';

export type Severity = 'error' | 'warn';

/**
 * The kind of file a rule checks:
 * - `document`: a standards document (`Standards/scs-*.md`);
 * - `scope`: a certificate-scope file (`Tests/scs-*.yaml`).
 */
export type RuleInput = 'document' | 'scope';

/**
 * What a rule looks at:
 * - `document`: one file alone (a document's file name, front matter and body; a scope file);
 * - `corpus`: one file within the whole standards folder (other documents' names and front matter);
 * - `change`: one document compared with the base of a change (lifecycle rules);
 * - `history`: one document's whole life in git, within the folder's history (`lint --history`).
 */
export type RuleScope = 'document' | 'corpus' | 'change' | 'history';

/** A text replacement, in offsets of the document text. */
export interface TextEdit {
  range: Range;
  text: string;
}

export interface Report {
  message: string;
  /** Where the finding is; omitted for a finding about the whole file (reported at 1:1). */
  range?: Range | undefined;
  /** A certain fix, applied by `lint --fix`. */
  fix?: TextEdit[] | undefined;
  /**
   * `warn` lowers this finding to a warning when the rule is set to `error` (a rule whose
   * strictness depends on the document, such as its status); a rule set to `warn` stays a warning.
   */
  severity?: 'warn' | undefined;
  /**
   * The file or its front matter could not be read or parsed, so other rules saw only part of
   * it: a fatal error in ESLint's JSON output (`fatal: true`, counted in `fatalErrorCount`).
   */
  fatal?: true | undefined;
}

/**
 * What a `change`-scope rule knows about the change that is checked (`lint --base`). For a
 * deleted document, `doc` is its base version and `kind` is `deleted`; its findings are reported
 * on the deleted path, at line 1.
 */
export interface ChangeContext {
  kind: ChangeKind;
  /** The document's version in the base, following renames; undefined for a new document. */
  base: StandardDocument | undefined;
  /** Every document of the folder in the base. */
  baseCorpus: Corpus;
  /** The change as a whole: each document with its counterpart, and the deleted ones. */
  change: Change;
}

/**
 * The names before and after a rename of an accepted document (numbered, with a valid name in
 * the base), or undefined for any other change: a base name that broke the naming rules may be
 * corrected freely.
 */
export function acceptedRename(doc: StandardDocument, change: ChangeContext | undefined): { before: FileName; after: FileName; base: StandardDocument } | undefined {
  if (change?.kind !== 'renamed' || !change.base) return undefined;
  const before = change.base.name;
  const after = doc.name;
  if (!before || !after || before.numeric === undefined || change.base.nameProblems.length > 0) return undefined;
  return { before, after, base: change.base };
}

/**
 * What a `history`-scope rule knows (`lint --history`): the life of the document in the
 * first-parent history of HEAD, and the history of its whole folder. For a document that HEAD
 * no longer has (deleted), `doc` is its last version and the finding lands on its old path.
 */
export interface HistoryContext {
  /** The document's life; undefined for a document HEAD does not have (new, uncommitted). */
  life: DocumentHistory | undefined;
  /** Every document the folder ever had. */
  history: History;
}

export interface RuleContext<Options> {
  doc: StandardDocument;
  corpus: Corpus;
  options: Options;
  /** The ids of every registered rule (for rules that check rule ids written in documents). */
  ruleIds: ReadonlySet<string>;
  /** The standards process of the configuration (its profile): what the rules check documents against. */
  process: Process;
  /** The change being checked; undefined without a base (change-scope rules then do not run). */
  change?: ChangeContext | undefined;
  /**
   * The placeholder texts of the template of each document type, for rules with
   * `needsTemplates` (read by the engine from the templates `new` uses).
   */
  templates?: TemplateTexts | undefined;
  /** The document's history; undefined without `--history` (history-scope rules then do not run). */
  history?: HistoryContext | undefined;
  report(report: Report): void;
}

/** The context of a rule that checks a certificate-scope file. */
export interface ScopeRuleContext<Options> {
  scope: CertificateScope;
  /** The standards folder the scope's modules refer to (the configured `standards` folder). */
  corpus: Corpus;
  options: Options;
  ruleIds: ReadonlySet<string>;
  /** The standards process of the configuration (its profile): which statuses a scope may include, its fields. */
  process: Process;
  report(report: Report): void;
}

interface CommonMeta<Options> {
  description: string;
  severity: Severity;
  scope: RuleScope;
  /** Whether the rule reads the Markdown body or the whole text (sections, links, encoding). */
  needsBody?: boolean;
  /** Whether the rule offers fixes for `lint --fix`. */
  fixable?: boolean;
  /** Whether the rule reads the templates' placeholder texts (`templates` in its context). */
  needsTemplates?: boolean;
  /** A rule kept for old configurations, with the rules that replace it (ESLint's `usedDeprecatedRules`). */
  deprecated?: { replacedBy: readonly string[] };
  /** Defaults of the rule's options. */
  defaultOptions: Options;
  /** JSON Schema of the options a configuration may set. */
  optionsSchema?: Record<string, unknown>;
}

/** The metadata of a rule that checks documents; `input` may be omitted. */
export interface RuleMeta<Options> extends CommonMeta<Options> {
  input?: 'document';
}

/** The metadata of a rule that checks certificate-scope files. */
export interface ScopeRuleMeta<Options> extends CommonMeta<Options> {
  input: 'scope';
}

export interface RuleDefinition<Options> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

export interface ScopeRuleDefinition<Options> {
  meta: ScopeRuleMeta<Options>;
  check(context: ScopeRuleContext<Options>): void;
}

/** A rule that checks documents, with its id (its file name). */
export interface DocumentRule<Options = unknown> extends RuleDefinition<Options> {
  id: string;
}

/** A rule that checks certificate-scope files, with its id (its file name). */
export interface ScopeRule<Options = unknown> extends ScopeRuleDefinition<Options> {
  id: string;
}

/** A rule as the registry holds it: `meta.input` tells which kind of file it checks. */
export type Rule = DocumentRule | ScopeRule;

export function isScopeRule(rule: Rule): rule is ScopeRule {
  return rule.meta.input === 'scope';
}

export function isDocumentRule(rule: Rule): rule is DocumentRule {
  return rule.meta.input !== 'scope';
}

/**
 * Declares a rule. The registry gives it its id (the file name), so rules never write it.
 * The options type is checked inside the rule; the registry holds rules of every option type,
 * and the engine passes each rule the defaults or the options validated by its schema.
 */
export function defineRule<Options = undefined>(definition: RuleDefinition<Options>): RuleDefinition<unknown> {
  return definition as unknown as RuleDefinition<unknown>;
}

/** Declares a rule that checks certificate-scope files (`meta.input: 'scope'`). */
export function defineScopeRule<Options = undefined>(definition: ScopeRuleDefinition<Options>): ScopeRuleDefinition<unknown> {
  return definition as unknown as ScopeRuleDefinition<unknown>;
}

/** The doc page of a rule, relative to the repository. */
export function rulePagePath(id: string): string {
  return `docs/rules/${id}.md`;
}

export const RULE_DOCS_BASE = 'https://github.com/SovereignCloudStack/scs-standards/blob/main/docs/rules/';

export function ruleUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
