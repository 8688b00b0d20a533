import type { StandardDocument } from '../model/document.js';
import type { SectionStyle } from '../model/sections.js';
import type { Profile, ProfileEntering } from '../profile/types.js';
import { statusesAfter } from '../profile/stages.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'A document that enters a status its type names in `entering` has the sections with text that the entry asks for, or a supplement that matches its `orSupplementMatching`.',
    severity: 'warn',
    scope: 'change',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, change, process, report }) {
    if (!change || change.kind === 'deleted' || change.kind === 'unchanged') return;
    const status = doc.status;
    const entering = process.type(doc.type)?.entering;
    const needs = status !== undefined && entering && Object.hasOwn(entering, status) ? entering[status] : undefined;
    if (!needs || status === undefined) return;
    // A document that had the status, or one the status leads to, does not enter it now.
    const before = change.base?.status;
    if (before !== undefined && (before === status || statusesAfter(process.profile, [status]).includes(before))) return;
    const style = process.sectionStyle;
    const missing = (needs.sections ?? []).filter((title) => !hasSection(doc, title, style));
    if (missing.length === 0) return;
    const pattern = needs.orSupplementMatching === undefined ? undefined : new RegExp(needs.orSupplementMatching, 'i');
    if (pattern && supplementsOf(process.profile, doc, corpus.documents).some((supplement) => mentions(supplement, pattern))) return;
    report({
      message: `Missing ${missing.map((title) => title.toLowerCase()).join(' and ')} for a ${doc.type ?? ''} that becomes ${status}: describe them in ${where(missing, style)} with content${pattern ? `, or in a supplement ${about(needs)}` : ''}`,
      range: doc.field(process.profile.statuses.field)?.range,
    });
  },
});

/** A section of the profile's level with this title and some text in it. */
function hasSection(doc: StandardDocument, title: string, style: SectionStyle): boolean {
  const headings = doc.body.headings;
  const key = style.key(title);
  for (const [index, heading] of headings.entries()) {
    if (heading.depth !== style.level || !heading.topLevel || style.key(heading.text) !== key) continue;
    const next = headings.slice(index + 1).find((other) => other.depth <= style.level && other.topLevel);
    const content = doc.source.text.slice(heading.range.end, next?.range.start ?? doc.source.text.length);
    if (content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') return true;
  }
  return false;
}

function where(titles: readonly string[], style: SectionStyle): string {
  const marks = '#'.repeat(style.level);
  const named = titles.map((title) => `\`${marks} ${title}\``);
  return named.length === 1 ? `a ${named.join('')} section` : `${named.join(' and ')} sections`;
}

function about(needs: ProfileEntering): string {
  return needs.supplementAbout === undefined ? `whose slug, title or a heading matches \`${needs.orSupplementMatching ?? ''}\`` : `about ${needs.supplementAbout}`;
}

/** The documents that extend this one through the field of a type that `extends` others. */
function supplementsOf(profile: Profile, doc: StandardDocument, documents: readonly StandardDocument[]): StandardDocument[] {
  const fields = profile.types.values.flatMap((type) => (type.extends === undefined ? [] : [type.extends]));
  return documents.filter((other) => fields.some((field) => other.references(field).some((reference) => reference.name === doc.fileName)));
}

function mentions(supplement: StandardDocument, pattern: RegExp): boolean {
  const texts = [supplement.name?.slug ?? '', supplement.title ?? '', ...supplement.body.headings.map((heading) => heading.text)];
  return texts.some((text) => pattern.test(text.replace(/-/g, ' ')));
}
