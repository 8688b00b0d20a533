import type { StandardDocument } from '../model/document.js';
import { normalizeHeading } from '../model/profile.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A Standard that becomes Stable documents its conformance tests, in a *Conformance Tests* section or in a supplement.',
    severity: 'warn',
    scope: 'change',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    if (doc.type !== 'Standard' || doc.status !== 'Stable') return;
    const before = change.base?.status;
    if (before === 'Stable' || before === 'Deprecated') return;
    if (hasTestSection(doc)) return;
    const supplements = corpus.documents.filter((other) => other.references('supplements').some((reference) => reference.name === doc.fileName));
    if (supplements.some(mentionsTests)) return;
    report({
      message: 'Missing conformance tests for a Standard that becomes Stable: describe them in a `## Conformance Tests` section with content, or in a supplement about its tests',
      range: doc.field('status')?.range,
    });
  },
});

/** A level-2 *Conformance Tests* section with some text in it. */
function hasTestSection(doc: StandardDocument): boolean {
  const headings = doc.body.headings;
  for (const [index, heading] of headings.entries()) {
    if (heading.depth !== 2 || !heading.topLevel || normalizeHeading(heading.text) !== 'conformance tests') continue;
    const next = headings.slice(index + 1).find((other) => other.depth <= 2 && other.topLevel);
    const content = doc.source.text.slice(heading.range.end, next?.range.start ?? doc.source.text.length);
    if (content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') return true;
  }
  return false;
}

function mentionsTests(supplement: StandardDocument): boolean {
  const texts = [supplement.name?.slug ?? '', supplement.title ?? '', ...supplement.body.headings.map((heading) => heading.text)];
  return texts.some((text) => /\btest/i.test(text.replace(/-/g, ' ')));
}
