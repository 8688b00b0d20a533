import type { Process } from '../profile/process.js';
import { loadConfig, type ResolvedConfig } from '../engine/config.js';
import { checkCorpus, type InternalFailure } from '../engine/lint.js';
import { recount, type FileResult, type Finding } from '../engine/result.js';
import type { LintOptions } from '../engine/run.js';
import { isTouched, type Change, type DocumentChange } from '../model/change.js';
import { compareStrings, type Corpus } from '../model/corpus.js';
import type { StandardDocument } from '../model/document.js';
import { rules as allRules, rulesById } from '../rules/index.js';
import type { ChangeContext, Rule } from '../rules/rule.js';
import { loadChange, type ChangeRefs, type LoadedChange } from './load.js';

export interface ChangeLintRun {
  config: ResolvedConfig;
  loaded: LoadedChange;
  results: FileResult[];
  failures: InternalFailure[];
  /**
   * Findings that the base version of their document already had: in documents the change did
   * not touch, and in touched documents (matched by rule and message, as a multiset) unless the
   * change makes them Stable. `relaxUntouched` turns them into warnings marked pre-existing
   * (after suppressions, which count errors, have been applied).
   */
  legacy: Set<Finding>;
  /** Paths of the documents that every rule checked (the others got the front matter rules only). */
  fullyChecked: Set<string>;
  /**
   * Paths of the documents that become Stable in the change (from another status, or added as
   * Stable): they must meet every rule, so nothing of theirs is pre-existing or suppressed.
   */
  stabilized: Set<string>;
}

/**
 * `lint --base`: lints the head of a change with every rule, change-scope rules included, and
 * reports deleted documents on their old paths. Untouched documents are checked as usual, and
 * their findings that already existed in the base are marked as legacy.
 */
export async function runChangeLint(options: LintOptions & ChangeRefs): Promise<ChangeLintRun> {
  const config = loadConfig(options.cwd, rulesById, options.configFile);
  return lintChangeWithConfig(config, options);
}

export async function lintChangeWithConfig(config: ResolvedConfig, options: LintOptions & ChangeRefs): Promise<ChangeLintRun> {
  const loaded = await loadChange(config, options.cwd, options.paths, { base: options.base, head: options.head });
  const rules = options.rules ?? allRules;
  const failures: InternalFailure[] = [];
  const results: FileResult[] = [];
  const legacy = new Set<Finding>();
  const fullyChecked = new Set<string>();
  const stabilized = new Set<string>();
  for (const folder of loaded.folders) {
    const checked = checkChange(folder.change, folder.targets, folder.deletedTargets, config, rules, failures, options.cache, options.keepSource);
    results.push(...checked.results);
    for (const finding of checked.legacy) legacy.add(finding);
    for (const path of checked.fullyChecked) fullyChecked.add(path);
    for (const entry of folder.change.documents) if (entry.head && becomesFrozen(entry, config.process)) stabilized.add(entry.head.relPath);
  }
  results.sort((a, b) => compareStrings(a.relPath, b.relPath));
  return { config, loaded, results, failures, legacy, fullyChecked, stabilized };
}

/**
 * Whether a change gives a document a `frozen` status of the profile (the SCS Stable): from
 * another status, or by adding it so. Such a document must meet every rule.
 */
export function becomesFrozen(entry: DocumentChange, process: Process): boolean {
  const frozen = (status: string | undefined): boolean => process.status(status)?.frozen === true;
  return frozen(entry.head?.status) && entry.head?.status !== entry.base?.status;
}

/**
 * The pure part of `lint --base` for one standards folder. Documents the change touched get
 * every rule (change-scope rules with their change context); the others only the rules that
 * read front matter and file names: their bodies are not read (their findings predate the
 * change), unless they mention a document the change renamed or deleted (a link it may have
 * broken). Deleted documents get the change-scope rules on their old paths. Findings that
 * already existed in the base are returned as legacy: those of untouched documents, and those
 * of fully checked documents that their base version (under its base path) had too, unless
 * the change makes the document Stable.
 */
export function checkChange(
  change: Change,
  targets: readonly StandardDocument[],
  deletedTargets: readonly StandardDocument[],
  config: ResolvedConfig,
  rules: readonly Rule[],
  failures: InternalFailure[],
  cache?: LintOptions['cache'],
  keepSource?: boolean,
): { results: FileResult[]; legacy: Set<Finding>; fullyChecked: Set<string> } {
  const legacy = new Set<Finding>();
  const context = contextFor(change);
  const vanished = vanishedNames(change);
  const fully = (doc: StandardDocument): boolean => isTouched(change.of(doc)) || (vanished.length > 0 && vanished.some((name) => doc.source.text.includes(name)));
  const touched = targets.filter(fully);
  const untouched = targets.filter((doc) => !fully(doc));
  const results = checkCorpus(change.head, touched, config, rules, failures, { change: context, cache, keepSource });
  for (const [index, result] of results.entries()) {
    const entry = touched[index] ? change.of(touched[index]) : undefined;
    if (entry) markPreExisting(entry, result, change, config, rules, legacy);
  }
  const untouchedResults = checkCorpus(change.head, untouched, config, rules, failures, { change: context, frontMatterOnly: true, keepSource });
  for (const [index, result] of untouchedResults.entries()) {
    const doc = untouched[index];
    if (doc) markLegacy(doc, result, change, config, rules, legacy);
  }
  results.push(...untouchedResults);
  results.push(...checkCorpus(change.head, deletedTargets, config, rules, failures, { scopes: new Set(['change']), change: context, keepSource }));
  return { results, legacy, fullyChecked: new Set(touched.map((doc) => doc.relPath)) };
}

/**
 * A fully checked document's findings that its base version had too, within the base corpus:
 * the same rule and the same message apart from positions, counted (two alike in the base and
 * three in the head leave one new). Change-scope findings compare the two versions, so they
 * are always new; so is everything of a document that the change makes Stable.
 */
function markPreExisting(entry: DocumentChange, result: FileResult, change: Change, config: ResolvedConfig, rules: readonly Rule[], legacy: Set<Finding>): void {
  const baseDoc = entry.base;
  if (!baseDoc || becomesFrozen(entry, config.process)) return;
  const candidates = result.messages.filter((finding) => rulesById.get(finding.ruleId)?.meta.scope !== 'change');
  if (candidates.length === 0) return;
  markFoundInBase(candidates, baseDoc, change, config, rules, looseKey, legacy);
}

/**
 * Adds to `legacy` the findings that the same rules also report on the base version within the
 * base corpus, compared by `keyOf` and counted (two alike in the base mark two in the head).
 * Failures of the base check are not the change's: a rule that throws there is reported on the head.
 */
function markFoundInBase(
  findings: readonly Finding[],
  baseDoc: StandardDocument,
  change: Change,
  config: ResolvedConfig,
  rules: readonly Rule[],
  keyOf: (finding: Finding) => string,
  legacy: Set<Finding>,
): void {
  const ruleIds = new Set(findings.map((finding) => finding.ruleId));
  const baseRules = rules.filter((rule) => ruleIds.has(rule.id));
  const [before] = checkCorpus(change.base as Corpus, [baseDoc], config, baseRules, [], {});
  const seen = new Map<string, number>();
  for (const finding of before?.messages ?? []) seen.set(keyOf(finding), (seen.get(keyOf(finding)) ?? 0) + 1);
  for (const finding of findings) {
    const count = seen.get(keyOf(finding)) ?? 0;
    if (count > 0) {
      legacy.add(finding);
      seen.set(keyOf(finding), count - 1);
    }
  }
}

/** A finding without its positions: rule and message, line numbers in the message left out. */
function looseKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message.replace(/\bline \d+/g, 'line #').replace(/\b\d+:\d+\b/g, '#:#')}`;
}

/** File names of the base that the head no longer has: renamed or deleted documents. */
function vanishedNames(change: Change): string[] {
  return change.base.documents.filter((doc) => !change.head.byFileName(doc.fileName)).map((doc) => doc.fileName);
}

function contextFor(change: Change): (doc: StandardDocument) => ChangeContext | undefined {
  return (doc) => {
    const entry = change.of(doc);
    if (!entry) return undefined;
    return { kind: entry.kind, base: entry.base, baseCorpus: change.base, change };
  };
}

/**
 * An untouched document has the same text in the base, so its document-scope findings are the
 * base's. A corpus-scope finding is legacy only if the same rule reports the same thing on the
 * base version within the base corpus; otherwise the change caused it (say, by deleting a
 * document that this one names) and it stays as strict as the rule says.
 */
function markLegacy(doc: StandardDocument, result: FileResult, change: Change, config: ResolvedConfig, rules: readonly Rule[], legacy: Set<Finding>): void {
  const corpusFindings = result.messages.filter((finding) => rulesById.get(finding.ruleId)?.meta.scope === 'corpus');
  for (const finding of result.messages) {
    if (rulesById.get(finding.ruleId)?.meta.scope !== 'corpus') legacy.add(finding);
  }
  if (corpusFindings.length === 0) return;
  const baseDoc = change.of(doc)?.base;
  if (!baseDoc) return;
  if (doc.hasBody && !baseDoc.hasBody) baseDoc.setBody(doc.body);
  markFoundInBase(corpusFindings, baseDoc, change, config, rules, key, legacy);
}

function key(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.range.start}\u0000${finding.range.end}\u0000${finding.message}`;
}

/**
 * Marks every finding as pre-existing (legacy) or new, and turns the legacy errors into
 * warnings: a change is failed only for what it introduces.
 */
export function relaxUntouched(results: readonly FileResult[], legacy: ReadonlySet<Finding>): FileResult[] {
  return results.map((result) => {
    const messages = result.messages.map((finding): Finding => (legacy.has(finding) ? { ...finding, severity: 1, preExisting: true } : { ...finding, preExisting: false }));
    const suppressedMessages = result.suppressedMessages.map((finding): Finding => ({ ...finding, preExisting: legacy.has(finding) }));
    return recount(result, messages, suppressedMessages);
  });
}
