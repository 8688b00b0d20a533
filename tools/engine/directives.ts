import type { StandardDocument } from '../model/document.js';
import type { Directive } from '../model/markdown-facts.js';

/**
 * Inline control comments, as in remark-lint:
 * - `<!-- lint disable id... -->` turns rules off from here on (all rules without ids);
 * - `<!-- lint enable id... -->` turns them on again;
 * - `<!-- lint ignore id... -->` ignores findings in the next node only;
 * - text after ` -- ` in any of them is the reason (ESLint's justification).
 * A comment at the top of the body (before any content) also covers the front matter and the
 * findings about the whole file, which no later comment could precede.
 */
export class MessageControl {
  readonly #doc: StandardDocument;
  #directives: readonly Directive[] | undefined;

  /** The comments are looked for only when a finding is reported: a clean document is not read further. */
  constructor(doc: StandardDocument) {
    this.#doc = doc;
  }

  get #all(): readonly Directive[] {
    if (this.#directives === undefined) {
      const doc = this.#doc;
      // Only a document with a comment can hold a directive: skip the Markdown parse otherwise.
      this.#directives = doc.hasBody || doc.source.text.includes('<!--') ? doc.body.directives : [];
    }
    return this.#directives;
  }

  /** The comment that turns a finding of this rule at this offset off, if one does. */
  suppressedBy(ruleId: string, offset: number): Directive | undefined {
    let disabledBy: Directive | undefined;
    const frontMatterEnd = this.#doc.frontMatter.range.end;
    for (const directive of this.#all) {
      if (directive.kind === 'unknown' || !applies(directive, ruleId)) continue;
      const start = directive.atTop ? 0 : directive.range.start;
      if (directive.kind === 'ignore') {
        const target = directive.target;
        if (target && offset >= target.start && offset < Math.max(target.end, target.start + 1)) return directive;
        if (directive.atTop && offset < frontMatterEnd) return directive;
        if (directive.atTop && offset === 0) return directive;
        continue;
      }
      if (start <= offset) disabledBy = directive.kind === 'enable' ? undefined : directive;
    }
    return disabledBy;
  }
}

function applies(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}
