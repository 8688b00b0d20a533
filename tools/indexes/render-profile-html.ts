import { createHash } from 'node:crypto';
import { htmlText, urlSegment } from './escape.js';
import { GENERATED_MARK, type OutputFile } from './output.js';
import type { ProfileIndex, ProfileIndexDocument } from './profile-index.js';

export const PROFILE_HTML_FILE = 'index.html';

export interface ProfileHtmlOptions {
  /** Where a document links to: the base followed by its id (`<base>/eip-1559`). Default: the file, beside the page. */
  baseUrl?: string | undefined;
}

/** The palette the states take, in the order of the profile's states (the last colour repeats). */
const PALETTE = ['#e6e6e6', '#fadcdc', '#d9f2e1', '#dce8fa', '#ece0f5', '#ffe0c2', '#fff3c4', '#fffbea'];

/**
 * One self-contained HTML page of a profile's index (inline CSS, no script, no network): the
 * counts of documents per state, then a table per group (`index.groupBy`) with each document's
 * number, title and description, status and state. A Content Security Policy allows only the
 * page's own style, by hash. On a narrow screen the tables scroll sideways in their own box.
 */
export function renderProfileHtml(index: ProfileIndex, options: ProfileHtmlOptions = {}): string {
  const link = (doc: ProfileIndexDocument): string =>
    options.baseUrl === undefined ? urlSegment(doc.file_name) : `${options.baseUrl.endsWith('/') ? options.baseUrl.slice(0, -1) : options.baseUrl}/${urlSegment(doc.id)}`;
  const stateClass = new Map(index.states.map((state, position) => [state.state, `s${position}`]));
  const style = STYLE + index.states.map((_, position) => `.s${position} { background: ${PALETTE[Math.min(position, PALETTE.length - 1)] ?? '#fff'}; }`).join('\n') + '\n';
  const csp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'`;
  const byId = new Map(index.documents.map((doc) => [doc.id, doc]));
  const title = `${index.profile.title}: index`;
  let body = `<header>\n<h1>${htmlText(title)}</h1>\n`;
  body += `<p class="period">${htmlText(periodText(index))}</p>\n`;
  body += `<ul class="counts">${index.states
    .filter((state) => state.count > 0)
    .map((state) => `<li class="chip ${stateClass.get(state.state) ?? ''}">${htmlText(state.label)}: ${state.count}</li>`)
    .join('')}</ul>\n`;
  body += `<nav><ul class="groups">${index.groups.map((group) => `<li><a href="#${htmlText(group.slug)}">${htmlText(group.name)}</a> (${group.documents.length})</li>`).join('')}</ul></nav>\n</header>\n`;
  for (const group of index.groups) {
    body += `<section id="${htmlText(group.slug)}">\n<h2>${htmlText(group.name)}</h2>\n<div class="scroll">\n<table>\n<thead><tr><th scope="col">Number</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Type</th></tr></thead>\n<tbody>\n`;
    for (const id of group.documents) {
      const doc = byId.get(id);
      if (!doc) continue;
      const label = index.states.find((state) => state.state === doc.state)?.label ?? doc.state;
      body += `<tr><th scope="row"><a href="${htmlText(link(doc))}">${htmlText(doc.number)}</a></th>`;
      body += `<td class="title">${htmlText(doc.title ?? doc.file_name)}${doc.description ? `<br><span class="description">${htmlText(doc.description)}</span>` : ''}</td>`;
      body += `<td><span class="chip ${stateClass.get(doc.state) ?? ''}">${htmlText(label)}</span></td><td>${htmlText(doc.type ?? '')}</td></tr>\n`;
    }
    body += '</tbody>\n</table>\n</div>\n</section>\n';
  }
  if (index.documents.length === 0) body += '<p class="empty">No document to index.</p>\n';
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<!-- ${GENERATED_MARK} from the front matter of the documents: do not edit. -->\n` +
    `<meta http-equiv="Content-Security-Policy" content="${htmlText(csp)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${htmlText(title)}</title>\n` +
    `<style>${style}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`
  );
}

export function renderProfileHtmlFile(index: ProfileIndex, options: ProfileHtmlOptions = {}): OutputFile {
  return { path: PROFILE_HTML_FILE, content: renderProfileHtml(index, options) };
}

function periodText(index: ProfileIndex): string {
  const total = index.documents.length;
  const documents = `${total} ${total === 1 ? 'document' : 'documents'}`;
  if (index.valid_from === null && index.valid_until === null) return `${documents}; their states do not depend on the day.`;
  return `${documents}; states as from ${index.valid_from ?? 'the start'} until ${index.valid_until ?? 'further notice'}.`;
}

const STYLE = `
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 1.5rem 2rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
.period { margin: 0 0 0.75rem; color: #444; }
ul.counts, ul.groups { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; margin: 0 0 0.75rem; }
.chip { display: inline-block; padding: 0 0.4rem; border: 1px solid #888; border-radius: 4px; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #f6f6f7; border-bottom: 2px solid #bbb; }
tbody th { white-space: nowrap; font-weight: 600; font-variant-numeric: tabular-nums; }
td.title { min-width: 14rem; }
.description { color: #555; }
.empty { color: #555; }
a { color: #1f5fd1; }
`;
