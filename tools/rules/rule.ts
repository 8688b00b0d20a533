import type { Change, ChangeKind } from '../lifecycle/change.js';
import type { Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import type { Range } from '../model/positions.js';

export type Severity = 'error' | 'warn';

/**
 * What a rule looks at:
 * - `document`: one document alone (its file name, front matter and body);
 * - `corpus`: one document within the whole folder (other documents' names and front matter);
 * - `change`: one document compared with the base of a change (lifecycle rules).
 */
export type RuleScope = 'document' | 'corpus' | 'change';

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

export interface RuleContext<Options> {
  doc: StandardDocument;
  corpus: Corpus;
  options: Options;
  /** The ids of every registered rule (for rules that check rule ids written in documents). */
  ruleIds: ReadonlySet<string>;
  /** The change being checked; undefined without a base (change-scope rules then do not run). */
  change?: ChangeContext | undefined;
  report(report: Report): void;
}

export interface RuleMeta<Options> {
  description: string;
  severity: Severity;
  scope: RuleScope;
  /** Whether the rule reads the Markdown body (sections, links). */
  needsBody?: boolean;
  /** Whether the rule offers fixes for `lint --fix`. */
  fixable?: boolean;
  /** Defaults of the rule's options. */
  defaultOptions: Options;
  /** JSON Schema of the options a configuration may set. */
  optionsSchema?: Record<string, unknown>;
}

export interface RuleDefinition<Options> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** A rule with its id, as the registry holds it. The id is the rule's file name. */
export interface Rule<Options = unknown> extends RuleDefinition<Options> {
  id: string;
}

/**
 * Declares a rule. The registry gives it its id (the file name), so rules never write it.
 * The options type is checked inside the rule; the registry holds rules of every option type,
 * and the engine passes each rule the defaults or the options validated by its schema.
 */
export function defineRule<Options = undefined>(definition: RuleDefinition<Options>): RuleDefinition<unknown> {
  return definition as unknown as RuleDefinition<unknown>;
}

/** The doc page of a rule, relative to the repository. */
export function rulePagePath(id: string): string {
  return `docs/rules/${id}.md`;
}

export const RULE_DOCS_BASE = 'https://github.com/SovereignCloudStack/scs-standards/blob/main/docs/rules/';

export function ruleUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
