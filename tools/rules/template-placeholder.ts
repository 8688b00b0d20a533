import { bodyBlocks, findPlaceholders, type Block, type Placeholder } from '../model/placeholders.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document keeps no placeholder text of the template it was made from (an error once its status is `frozen`; a document in a `terminal` status, no longer edited, is not checked).',
    severity: 'error',
    scope: 'document',
    needsBody: true,
    needsTemplates: true,
    defaultOptions: undefined,
  },
  check({ doc, templates, process, report }) {
    const type = doc.type;
    if (type === undefined || templates === undefined || doc.isTemplate || doc.readProblem) return;
    const status = process.status(doc.status);
    // A document that is no longer edited keeps its leftovers.
    if (status?.terminal === true) return;
    const template = templates.get(type);
    if (!template || template.placeholders.length === 0) return;
    const start = doc.frontMatter.present ? doc.frontMatter.range.end : 0;
    // The keys of the body's blocks (kept by the cache) tell when no block can be a placeholder,
    // without reading the document again.
    const known = doc.body.blocks;
    if (known?.from === start && !known.keys.some((key) => template.keys.has(key))) return;
    const text = doc.source.text;
    const frozen = status?.frozen === true;
    for (const { block, placeholder } of findPlaceholders(bodyBlocks(text, start), template.placeholders)) {
      report({
        message: `${describe(block, placeholder)} is left unchanged from the template ${template.template}: ${advice(block)}`,
        range: block.range,
        ...(frozen ? {} : { severity: 'warn' as const }),
      });
    }
  },
});

function describe(block: Block, placeholder: Placeholder): string {
  const quoted = `\`${shorten(block.text)}\``;
  if (block.kind === 'comment') return `The hint comment ${quoted}`;
  if (block.kind === 'heading') return placeholder.whileFollowedBy === undefined ? `The placeholder heading ${quoted}` : `The heading ${quoted} (the template asks to adjust it)`;
  return `The placeholder text ${quoted}`;
}

function advice(block: Block): string {
  if (block.kind === 'comment') return 'remove it';
  if (block.kind === 'heading') return 'give the section its own title';
  return "replace it with the document's own text (or remove it)";
}

function shorten(text: string): string {
  const clean = text.replaceAll('`', "'");
  return clean.length > 60 ? `${clean.slice(0, 57).trimEnd()}...` : clean;
}
