import { ResolvedConfig } from '../../tools/engine/config.js';
import { checkCorpus, type InternalFailure } from '../../tools/engine/lint.js';
import type { FileResult } from '../../tools/engine/result.js';
import { Corpus } from '../../tools/model/corpus.js';
import { StandardDocument } from '../../tools/model/document.js';
import { rules, rulesById } from '../../tools/rules/index.js';

const config = new ResolvedConfig('/repo', undefined, {}, rulesById);

export interface MemoryLint {
  results: FileResult[];
  failures: InternalFailure[];
  documents: StandardDocument[];
}

/** Lints files held in memory (name -> bytes) as one corpus, with every rule, without I/O. */
export function lintInMemory(files: ReadonlyMap<string, Uint8Array>): MemoryLint {
  const documents = [...files].map(([name, bytes]) => StandardDocument.fromBytes(`/repo/Standards/${name}`, `Standards/${name}`, name, bytes));
  const corpus = new Corpus('/repo/Standards', documents);
  const failures: InternalFailure[] = [];
  const results = checkCorpus(corpus, corpus.documents, config, rules, failures);
  return { results, failures, documents };
}
