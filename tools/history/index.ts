import type { IndexHistoryEvent, IndexStandard, VersionIndex } from '../indexes/model.js';
import type { History } from './model.js';
import { jsonEvent } from './render.js';

export const DEFAULT_COMMIT_URL = 'https://github.com/SovereignCloudStack/standards/commit/';

/**
 * The index with each version's history (`index --history`): the events of the document that
 * HEAD has under the version's file name, each with the address of its commit. A version
 * without one (not committed yet) gets an empty history.
 */
export function withHistory(index: VersionIndex, history: History, commitUrl: string): VersionIndex {
  const prefix = history.folder === '' ? '' : `${history.folder}/`;
  const live = new Map(history.documents.filter((doc) => doc.exists).map((doc) => [doc.path, doc]));
  const eventsOf = (fileName: string): IndexHistoryEvent[] =>
    (live.get(`${prefix}${fileName}`)?.events ?? []).map((event) => ({ ...jsonEvent(event), url: `${commitUrl}${event.commit.hash}` }));
  const standards = index.standards.map(
    (standard): IndexStandard => ({
      ...standard,
      versions: standard.versions.map((version) => ({ ...version, history: eventsOf(version.file_name) })),
      supplements: standard.supplements.map((supplement) => ({
        ...supplement,
        versions: supplement.versions.map((version) => ({ ...version, history: eventsOf(version.file_name) })),
      })),
    }),
  );
  return { ...index, standards };
}
