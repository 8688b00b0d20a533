import { sameFolderTarget } from '../model/references.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    description: 'Relative links to other documents (file names that match the profile\'s `fileNames.documents`) point to documents that exist in the folder.',
    severity: 'error',
    scope: 'corpus',
    needsBody: true,
    defaultOptions: undefined,
  },
  check({ doc, corpus, process, report }) {
    for (const link of doc.body.links) {
      const fileName = sameFolderTarget(link.url);
      if (fileName === undefined) continue;
      if (!process.isDocumentFileName(fileName) || corpus.byFileName(fileName) || fileName === doc.fileName) continue;
      if (corpus.templates.some((template) => template.fileName === fileName)) continue;
      report({ message: `Link to \`${fileName}\`, which is not a document in this folder`, range: link.range });
    }
  },
});
