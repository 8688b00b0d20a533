import { htmlText } from './escape.js';
import type { IndexEntryBase, IndexHistoryEvent, VersionIndex } from './model.js';

/** Whether the index carries histories (`index --history`). */
export function hasHistory(index: VersionIndex): boolean {
  return index.standards.some((standard) => standard.versions.some((version) => version.history !== undefined));
}

/** The file name alone when the path is in the same folder as the other, else the whole path. */
function shortPath(path: string, other: string): string {
  const folder = (value: string): string => value.slice(0, Math.max(0, value.lastIndexOf('/')));
  return folder(path) === folder(other) ? path.slice(path.lastIndexOf('/') + 1) : path;
}

function what(event: IndexHistoryEvent): string {
  const text = (value: unknown): string => (typeof value === 'string' ? value : 'no status');
  switch (event.kind) {
    case 'added':
      return typeof event.status === 'string' ? `added as ${event.status}` : 'added without status';
    case 'status':
      return `${text(event.from)} → ${text(event.to)}`;
    case 'renamed':
      return `renamed from ${typeof event.from === 'string' ? shortPath(event.from, event.path) : ''}`;
    case 'supplemented':
      return `supplemented by ${typeof event.supplement === 'string' ? event.supplement.slice(event.supplement.lastIndexOf('/') + 1) : ''}`;
    case 'restored':
      return 'restored';
    default:
      return event.kind;
  }
}

/**
 * The HTML section of the histories: for each version, its transitions with their real dates
 * (the day the commit landed) and a link to each commit. Everything from git is escaped.
 */
export function historySection(index: VersionIndex): string {
  let out = '<section id="history">\n<h2>History</h2>\n<p>When each version really changed, read from the first-parent history of the repository: the day each commit landed, and the commit.</p>\n';
  for (const standard of index.standards) {
    const entries: IndexEntryBase[] = [...standard.versions, ...standard.supplements.flatMap((supplement) => supplement.versions)];
    const shown = entries.filter((entry) => (entry.history ?? []).length > 0);
    if (shown.length === 0) continue;
    out += `<h3 id="history-${htmlText(standard.number)}">${htmlText(standard.id)}</h3>\n<table class="history">\n<thead>\n<tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Commit</th></tr>\n</thead>\n<tbody>\n`;
    for (const entry of shown) {
      for (const event of entry.history ?? []) {
        const pr = event.pull_request === null ? '' : ` (#${event.pull_request})`;
        out +=
          `<tr><th scope="row">${htmlText(entry.id)}</th><td><time>${htmlText(event.date.slice(0, 10))}</time></td><td>${htmlText(what(event))}</td>` +
          `<td><a href="${htmlText(event.url)}" title="${htmlText(event.subject)}">${htmlText(event.commit.slice(0, 8))}</a>${htmlText(pr)}</td></tr>\n`;
      }
    }
    out += '</tbody>\n</table>\n';
  }
  return `${out}</section>\n`;
}
