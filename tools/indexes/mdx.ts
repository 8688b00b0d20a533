import { mdxText, urlSegment } from './escape.js';
import { DOCS_ROUTE, GENERATED_NOTICE } from './output.js';

/** The building blocks of the Markdown/MDX pages of the index; every value they take is escaped. */

/** The front matter of a generated page: the notice, and no "edit this page" link. */
export function frontMatter(): string {
  return `---\n# ${GENERATED_NOTICE}\ncustom_edit_url: null\n---\n\n`;
}

export function link(text: string, target: string): string {
  return `[${mdxText(text)}](${target})`;
}

/** A link to a page of the docs site by its Docusaurus document id (`iaas/scs-0100`, `scs-0100-v3-flavor-naming`). */
export function docLink(text: string, id: string): string {
  return link(text, `${DOCS_ROUTE}/${id.split('/').map(urlSegment).join('/')}`);
}

export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function header(names: readonly string[]): string {
  return `${row(names)}\n${row(names.map(() => '---'))}\n`;
}

/** A date cell: the date, or `-` for none. */
export function date(value: string | null): string {
  return value === null ? '-' : mdxText(value);
}
