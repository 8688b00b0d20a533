import type { Heading as MdastHeading, Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { bodyStart } from './frontmatter.js';
import { anchorsIn, parseDirective } from './html-facts.js';
import type { BodyFacts } from './markdown-facts.js';
import { blockKeys } from './placeholders.js';
import type { Range } from './positions.js';
import { scanBodyFacts } from './scan.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses a document's text (front matter included) with the syntax the rules expect: GFM and YAML front matter. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * The body facts of a document: from the fast scanner when it can tell them exactly, else from
 * the remark parse (`parseBodyFacts`, the reference the scanner is tested against).
 */
export function collectBodyFacts(text: string): BodyFacts {
  return scanBodyFacts(text) ?? parseBodyFacts(text);
}

/** The body facts of a document's text, with the keys of its blocks (what a document keeps, and a cache). */
export function documentFacts(text: string): BodyFacts {
  return { ...collectBodyFacts(text), blocks: blockKeys(text, bodyStart(text)) };
}

/** The body facts from a full remark parse (remark-parse, remark-gfm, remark-frontmatter). */
export function parseBodyFacts(text: string): BodyFacts {
  return bodyFactsFromTree(parseMarkdown(text));
}

/**
 * The facts of a tree that was already parsed from the document's text with the same syntax as
 * `parseMarkdown` (a remark pipeline with GFM and YAML front matter), so that a document is not
 * parsed twice. Offsets in the tree must be offsets in the text without a byte order mark.
 */
export function bodyFactsFromTree(tree: Root): BodyFacts {
  const facts: BodyFacts = { headings: [], links: [], directives: [], anchors: [] };
  visit(tree, facts, true);
  return facts;
}

function visit(parent: Parent, facts: BodyFacts, isRoot: boolean): void {
  let atTop = isRoot;
  const children = parent.children as Nodes[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (!node) continue;
    const range = rangeOf(node);
    switch (node.type) {
      case 'yaml':
        continue;
      case 'heading':
        facts.headings.push({ depth: (node as MdastHeading).depth, text: toString(node), range, topLevel: isRoot });
        break;
      case 'link':
      case 'image':
        facts.links.push({ url: node.url, kind: node.type, range });
        break;
      case 'definition':
        facts.links.push({ url: node.url, kind: 'definition', range });
        break;
      case 'html': {
        const directive = parseDirective(node.value);
        if (directive) {
          const next = children[index + 1];
          facts.directives.push({ ...directive, range, target: next ? rangeOf(next) : undefined, atTop });
          continue;
        }
        anchorsIn(node.value, facts.anchors);
        break;
      }
      default:
        break;
    }
    atTop = false;
    if ('children' in node) visit(node, facts, false);
  }
}

function rangeOf(node: Nodes): Range {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}
