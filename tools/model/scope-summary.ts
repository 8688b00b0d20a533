import type { Corpus } from './corpus.js';
import { stateInput, type ComputedState, type FutureMark, type StateReader } from './state.js';
import { standardIdOfModule, type CertificateScope, type Validity } from './scope.js';
import { certifiableSpan, certificationFuture, validityOn, validityPeriods, type ValidityPeriod } from './scope-timeline.js';

/**
 * What a certificate scope requires, per version, on a date: the data the scope indexes are
 * built from. Plain data (JSON-serialisable), computed from a parsed scope file and the
 * standards folder its modules refer to; no input or output.
 */

export interface ScopeSummary {
  /** The scope file, relative to the repository root. */
  relPath: string;
  name: string | undefined;
  uuid: string | undefined;
  url: string | undefined;
  /** The date (`YYYY-MM-DD`) the validities and document states are computed for. */
  date: string;
  /** The versions in file order. */
  versions: ScopeVersionSummary[];
}

export interface ScopeVersionSummary {
  name: string;
  /** `stabilized_at`, when a valid date; undefined for a version that is not stable. */
  stabilizedAt: string | undefined;
  /** The version's validity on the date. */
  validity: Validity;
  /** Changes ahead of the date: becomes certifiable (`effective`), stops being so (`deprecated`). */
  future: FutureMark[];
  /** The version's validity over time, earliest first, from the first timeline entry on. */
  periods: ValidityPeriod[];
  /** When the version can be certified against (undefined if never); `until` is the first day it cannot, undefined without end. */
  certifiable: { from: string; until: string | undefined } | undefined;
  /** The included modules, in include order (unknown module ids are left out). */
  modules: ScopeModuleUse[];
  /** The standard versions the included modules name, in include order, each once. */
  standards: ScopeStandardUse[];
}

export interface ScopeModuleUse {
  id: string;
  name: string | undefined;
  url: string | undefined;
  /** The standard version the module id names (`scs-0100-v3`), if any. */
  standard: string | undefined;
  /** The module's target names (`main`, `recommended`, `preview`, ...), in file order. */
  targets: string[];
  /** Parameter values the version assigns; undefined when it assigns none. */
  parameters: Record<string, unknown> | undefined;
}

export interface ScopeStandardUse {
  /** `scs-0100-v3`. */
  id: string;
  /** The modules of the version that name it. */
  modules: string[];
  /** The target names through which those modules test it, in first-seen order. */
  targets: string[];
  /** The document, when exactly one in the standards folder has the id. */
  document: ScopeStandardDocument | undefined;
}

export interface ScopeStandardDocument {
  fileName: string;
  relPath: string;
  title: string | undefined;
  status: string | undefined;
  /** The date fields its state reads (`StateReader.dateFields`), valid ISO dates only. */
  dates: Readonly<Record<string, string | undefined>>;
  /** The document's state on the date (rule book §5). */
  state: ComputedState;
}

/**
 * Summarises a certificate scope for a date: each version's validity, periods, modules and
 * standards, with the state of each standard's document as the reader (the profile's states) decides it.
 */
export function summarizeScope(scope: CertificateScope, corpus: Corpus, date: string, reader: StateReader): ScopeSummary {
  const versions = scope.versions.map((version): ScopeVersionSummary => {
    const periods = validityPeriods(scope.timeline, version.name);
    const modules: ScopeModuleUse[] = [];
    const standards = new Map<string, ScopeStandardUse>();
    for (const include of version.include) {
      const module = scope.module(include.moduleId);
      if (!module) continue;
      const standard = standardIdOfModule(module.id);
      const targets = module.targets.map((target) => target.name);
      modules.push({ id: module.id, name: module.name, url: module.url, standard, targets, parameters: include.parameters });
      if (standard === undefined) continue;
      let use = standards.get(standard);
      if (!use) {
        use = { id: standard, modules: [], targets: [], document: describeDocument(corpus, standard, date, reader) };
        standards.set(standard, use);
      }
      use.modules.push(module.id);
      for (const target of targets) if (!use.targets.includes(target)) use.targets.push(target);
    }
    return {
      name: version.name,
      stabilizedAt: version.stabilizedAt,
      validity: validityOn(scope.timeline, version.name, date),
      future: certificationFuture(periods, date),
      periods,
      certifiable: certifiableSpan(periods),
      modules,
      standards: [...standards.values()],
    };
  });
  return { relPath: scope.relPath, name: scope.name, uuid: scope.uuid, url: scope.url, date, versions };
}

function describeDocument(corpus: Corpus, id: string, date: string, reader: StateReader): ScopeStandardDocument | undefined {
  const docs = corpus.byId(id);
  const doc = docs.length === 1 ? docs[0] : undefined;
  if (!doc) return undefined;
  const input = stateInput(reader, doc);
  return {
    fileName: doc.fileName,
    relPath: doc.relPath,
    title: doc.title,
    status: input.status,
    dates: input.dates,
    state: reader.decide(input, date),
  };
}
