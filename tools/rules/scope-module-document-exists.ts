import { standardIdOfModule } from '../model/scope.js';
import { defineScopeRule } from './rule.js';

export default defineScopeRule({
  meta: {
    description: 'Every module whose id names a standard version (a document id, also with a suffix such as `.1` or `-2` after the version) has that document in the standards folder.',
    severity: 'error',
    scope: 'corpus',
    input: 'scope',
    defaultOptions: undefined,
  },
  check({ scope, corpus, report }) {
    for (const module of scope.modules) {
      const id = standardIdOfModule(module.id);
      if (id === undefined || corpus.byId(id).length > 0) continue;
      const number = id.slice(4, 8);
      const versions = corpus
        .byNumber(number)
        .map((doc) => doc.name)
        .filter((name) => name?.letter === 'v')
        .map((name) => `\`${name?.id ?? ''}\``);
      const known = versions.length > 0 ? ` (it has ${versions.join(', ')})` : ` (it has no document numbered ${number})`;
      report({ message: `Module \`${module.id}\` names standard version \`${id}\`, which is not a document in the standards folder${known}`, range: module.idRange });
    }
  },
});
