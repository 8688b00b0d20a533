import { basename } from 'node:path';
import { ChangeSet, fileText } from '../edits/change-set.js';
import { applyEdits, editsConflict } from '../edits/text-edits.js';
import { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule, TextEdit } from '../rules/rule.js';
import { toRelative, type ResolvedConfig } from './config.js';
import { discover, listDocuments } from './discover.js';
import { checkCorpus, type InternalFailure } from './lint.js';
import { readDocument } from './load.js';

/** Passes of fixing before giving up on fixes that keep producing fixes. */
export const MAX_FIX_PASSES = 10;

export interface FixPlan {
  set: ChangeSet;
  /** Passes run (the last one found nothing more to fix, unless the limit was reached). */
  passes: number;
  /** Findings whose fix was applied, over all passes. */
  fixed: number;
  /** Documents changed. */
  files: number;
  failures: InternalFailure[];
}

/**
 * The fixes of the fixable rules, as a change set. Each pass lints the documents (with the
 * fixes so far applied in memory), applies every fix that does not touch another fix of the same
 * document, and repeats until a pass finds nothing to fix or the pass limit is reached. Only
 * documents with a fix are changed.
 */
export function planFixes(config: ResolvedConfig, options: { cwd: string; paths: readonly string[]; rules?: readonly Rule[] | undefined }): FixPlan {
  const { folders, targets } = discover(options.cwd, options.paths, config);
  const rules = (options.rules ?? allRules).filter((rule) => rule.meta.fixable === true);
  const failures: InternalFailure[] = [];
  const originals = new Map<string, StandardDocument>();
  const current = new Map<string, StandardDocument>();
  const set = new ChangeSet(config.root);
  let passes = 0;
  let fixedCount = 0;
  while (passes < MAX_FIX_PASSES && rules.length > 0) {
    passes++;
    let fixed = false;
    for (const folder of folders) {
      const docs = listDocuments(folder, (fileName) => config.process.isDocumentFileName(fileName)).map((path) => {
        let doc = current.get(path);
        if (!doc) {
          doc = readDocument(path, config.root, config.maxFileSize, config.process.naming);
          current.set(path, doc);
          originals.set(path, doc);
        }
        return doc;
      });
      const corpus = new Corpus(folder, docs);
      const targetDocs = corpus.documents.filter((doc) => targets.has(doc.path));
      const results = checkCorpus(corpus, targetDocs, config, rules, failures);
      for (const [index, result] of results.entries()) {
        const doc = targetDocs[index];
        if (!doc) continue;
        const { edits, count } = chooseFixes(result.messages.flatMap((message) => (message.fix ? [message.fix] : [])));
        if (edits.length === 0) continue;
        const text = applyEdits(doc.source.text, edits);
        if (text === doc.source.text) continue;
        fixedCount += count;
        const next = StandardDocument.fromText(doc.source.path, toRelative(config.root, doc.source.path), basename(doc.source.path), (doc.source.bom ? '\ufeff' : '') + text, config.process.naming);
        current.set(doc.source.path, next);
        fixed = true;
      }
    }
    if (failures.length > 0 || !fixed) break;
  }
  let files = 0;
  for (const [path, doc] of current) {
    const original = originals.get(path);
    if (original && doc !== original) {
      set.edit(original, fileText(doc));
      files++;
    }
  }
  return { set, passes, failures, fixed: fixedCount, files };
}

/** Fixes in order of position, each taken only if none of its edits touches one already taken. */
function chooseFixes(fixes: readonly TextEdit[][]): { edits: TextEdit[]; count: number } {
  const sorted = [...fixes].sort((a, b) => (a[0]?.range.start ?? 0) - (b[0]?.range.start ?? 0));
  const taken: TextEdit[] = [];
  let count = 0;
  for (const fix of sorted) {
    if (fix.some((edit) => taken.some((other) => editsConflict(edit, other)))) continue;
    if (fix.some((edit, index) => fix.some((other, at) => at !== index && editsConflict(edit, other)))) continue;
    taken.push(...fix);
    count++;
  }
  return { edits: taken, count };
}
