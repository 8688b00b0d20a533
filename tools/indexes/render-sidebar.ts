import { oneLine, scriptJson } from './escape.js';
import { docId, SCOPES_PAGE_ID, scopePageId, standardPageId, trackPageId, versionLabel } from './labels.js';
import type { IndexEntryBase, VersionIndex } from './model.js';
import { GENERATED_NOTICE, type OutputFile } from './output.js';

export interface SidebarDoc {
  type: 'doc';
  label: string;
  id: string;
}

export interface SidebarCategory {
  type: 'category';
  label: string;
  link: { type: 'doc'; id: string };
  items: (SidebarCategory | SidebarDoc)[];
}

export const SIDEBAR_FILE = 'sidebarsStandardsItems.js';

/**
 * The Docusaurus sidebar items of the standards: a category per track (linking its page), in
 * it a category per standard (linking its page) with every version and supplement version
 * (labelled `v3`, `w1`, as the pages spell them);
 * then, when there are certificate scopes, a category of them (linking their overview).
 * Written as a CommonJS module, as the docs site's `sidebarsStandards.js` requires it.
 */
export function sidebarItems(index: VersionIndex): SidebarCategory[] {
  const doc = (entry: IndexEntryBase): SidebarDoc => ({ type: 'doc', label: versionLabel(entry), id: docId(entry) });
  const tracks: SidebarCategory[] = index.tracks
    .filter((track) => track.standards.length > 0)
    .map((track) => ({
      type: 'category',
      label: track.name,
      link: { type: 'doc', id: trackPageId(index, track.name) },
      items: index.standards
        .filter((standard) => track.standards.includes(standard.number))
        .map((standard) => ({
          type: 'category',
          label: standard.id,
          link: { type: 'doc', id: standardPageId(index, standard) },
          items: [...standard.versions.map(doc), ...standard.supplements.flatMap((supplement) => supplement.versions.map(doc))],
        })),
    }));
  if (index.scopes.length === 0) return tracks;
  const scopes: SidebarCategory = {
    type: 'category',
    label: 'Certificate scopes',
    link: { type: 'doc', id: SCOPES_PAGE_ID },
    items: index.scopes.map((scope) => ({ type: 'doc', label: oneLine(scope.name ?? scope.file), id: scopePageId(scope) })),
  };
  return [...tracks, scopes];
}

export function renderSidebar(index: VersionIndex): OutputFile {
  return { path: SIDEBAR_FILE, content: `// ${GENERATED_NOTICE}\nmodule.exports = ${scriptJson(sidebarItems(index), 2)};\n` };
}
