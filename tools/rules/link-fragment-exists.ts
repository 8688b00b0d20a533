import GithubSlugger from 'github-slugger';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Links to a part of the same document (`#motivation`) point to a heading or anchor that exists.',
    severity: 'warn',
    scope: 'document',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, report }) {
    const links = doc.body.links.filter((link) => link.url.startsWith('#') && link.url.length > 1);
    if (links.length === 0) return;
    const slugger = new GithubSlugger();
    const targets = new Set<string>(doc.body.anchors);
    for (const heading of doc.body.headings) targets.add(slugger.slug(heading.text));
    for (const link of links) {
      let fragment = link.url.slice(1);
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        // keep the fragment as written
      }
      if (targets.has(fragment) || targets.has(fragment.toLowerCase())) continue;
      report({ message: `Link to \`#${fragment}\`, which is no heading or anchor in this document`, range: link.range });
    }
  },
});
