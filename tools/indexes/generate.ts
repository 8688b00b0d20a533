import { compareStrings } from '../model/corpus.js';
import { TRACKS } from '../model/profile.js';
import { INDEX_SCHEMA_ID } from './build.js';
import { PROFILE_INDEX_SCHEMA_ID } from './profile-index.js';
import { SCOPES_FOLDER, trackSlug } from './labels.js';
import type { VersionIndex } from './model.js';
import { GENERATED_MARK, type OutputFile } from './output.js';
import { renderHtmlFile, type HtmlOptions } from './render-html.js';
import { JSON_FILE, renderJsonFile } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderScopePages } from './render-scope-pages.js';
import { renderSidebar } from './render-sidebar.js';

/** Every file of the index for an output folder, sorted by path. */
export function generateOutputs(index: VersionIndex, options: HtmlOptions = {}): OutputFile[] {
  return [...renderMarkdown(index), ...renderScopePages(index), renderSidebar(index), renderJsonFile(index), renderHtmlFile(index, options)].sort((a, b) => compareStrings(a.path, b.path));
}

/**
 * Paths of the output folder that the index may have written earlier: the page of a track, a
 * standard or a certificate scope that no longer exists is removed (or, with `--check`,
 * reported) only if it is one.
 */
export const OWNED_PAGE = new RegExp(`^(?:(?:${TRACKS.map(trackSlug).join('|')})/(?:index|scs-[0-9]{4})|${SCOPES_FOLDER}/[a-z0-9]+(?:-[a-z0-9]+)*)\\.mdx?$`);

/** Whether a file's content shows that the index wrote it (so that it may be replaced or removed). */
export function isGeneratedContent(path: string, content: string): boolean {
  const head = content.slice(0, 400);
  if (path === JSON_FILE) return [INDEX_SCHEMA_ID, PROFILE_INDEX_SCHEMA_ID].some((id) => head.includes(`"$schema": ${JSON.stringify(id)}`));
  return head.includes(GENERATED_MARK);
}
