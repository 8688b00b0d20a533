import { compareStrings } from '../model/corpus.js';
import type { Process } from '../profile/process.js';
import { INDEX_SCHEMA_ID } from './build.js';
import { PROFILE_INDEX_SCHEMA_ID } from './profile-index.js';
import { SCOPES_FOLDER } from './labels.js';
import { versionLayout } from './layout.js';
import type { VersionIndex } from './model.js';
import { GENERATED_MARK, type OutputFile } from './output.js';
import { renderHtmlFile, type HtmlOptions } from './render-html.js';
import { JSON_FILE, renderJsonFile } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderScopePages } from './render-scope-pages.js';
import { renderSidebar } from './render-sidebar.js';

/** Every file of the index for an output folder, sorted by path; the process gives the words, marks and fields of the pages. */
export function generateOutputs(index: VersionIndex, process: Process, options: HtmlOptions = {}): OutputFile[] {
  const layout = versionLayout(process.profile);
  return [...renderMarkdown(index, layout), ...renderScopePages(index, layout), renderSidebar(index), renderJsonFile(index), renderHtmlFile(index, layout, options)].sort((a, b) =>
    compareStrings(a.path, b.path),
  );
}

/**
 * Paths of the output folder that the index may have written earlier: the page of a track, a
 * standard or a certificate scope that no longer exists is removed (or, with `--check`,
 * reported) only if it is one. A track's folder is its slug, a standard's page its number's id.
 */
export function ownedPage(process: Process): RegExp {
  const layout = versionLayout(process.profile);
  const tracks = layout.tracks.map((track) => track.slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)';
  return new RegExp(`^(?:(?:${tracks})/(?:index|${layout.numberIdPattern})|${SCOPES_FOLDER}/[a-z0-9]+(?:-[a-z0-9]+)*)\\.mdx?$`);
}

/** Whether a file's content shows that the index wrote it (so that it may be replaced or removed). */
export function isGeneratedContent(path: string, content: string): boolean {
  const head = content.slice(0, 400);
  if (path === JSON_FILE) return [INDEX_SCHEMA_ID, PROFILE_INDEX_SCHEMA_ID].some((id) => head.includes(`"$schema": ${JSON.stringify(id)}`));
  return head.includes(GENERATED_MARK);
}
