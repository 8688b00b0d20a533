import { isStandardsFileName } from '../model/filename.js';
import { defineRule } from './rule.js';

/** A relative link to a file in the same folder: `scs-0100-v3-flavor-naming.md`, `./scs-...md#part`. */
const SAME_FOLDER = /^(?:\.\/)?([^/?#:\\]+)(?:[?#].*)?$/;

export default defineRule({
  meta: {
    description: 'Relative links to other standards documents (`scs-...md`) point to documents that exist in the folder.',
    severity: 'error',
    scope: 'corpus',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, report }) {
    for (const link of doc.body.links) {
      const match = SAME_FOLDER.exec(link.url);
      const target = match?.[1];
      if (!target) continue;
      let fileName: string;
      try {
        fileName = decodeURIComponent(target);
      } catch {
        fileName = target;
      }
      if (!isStandardsFileName(fileName) || corpus.byFileName(fileName) || fileName === doc.fileName) continue;
      if (corpus.templates.some((template) => template.fileName === fileName)) continue;
      report({ message: `Link to \`${fileName}\`, which is not a document in this folder`, range: link.range });
    }
  },
});
