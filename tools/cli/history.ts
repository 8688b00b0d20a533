import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';
import { Git } from '../lifecycle/git.js';
import { DEFAULT_HISTORY_CACHE_FILE, historyOf, readHistoryLog } from '../history/load.js';
import type { DocumentHistory } from '../history/model.js';
import { toJson, toText } from '../history/render.js';
import { selectDocuments, withinWindow } from '../history/select.js';
import { idExamples } from '../profile/written-names.js';
import { sanitizeForTerminal, terminalSafeJson } from '../reporters/sanitize.js';
import { rulesById } from '../rules/index.js';
import { EXIT } from './exit.js';
import type { ParsedArgs } from './flags.js';
import { version } from './version.js';

/**
 * `history [paths...]`: the life of every document of the standards folder (or of the ones
 * named), read from the first-parent history of HEAD: additions, status changes, renames,
 * supplements, deletions, each with its commit.
 */
export async function run(args: ParsedArgs): Promise<number> {
  const format = typeof args.values.format === 'string' ? args.values.format : 'text';
  if (format !== 'text' && format !== 'json') {
    args.stderr.write(`scs-standards history: unknown format \`${format}\`, expected text or json\n`);
    return EXIT.failure;
  }
  try {
    const config = loadConfig(args.cwd, rulesById, args.values.config as string | undefined);
    const git = await Git.open(config.root);
    const head = await git.resolveCommit('HEAD', 'head');
    const since = typeof args.values.since === 'string' ? await git.dateSeconds(args.values.since, '--since') : undefined;
    const until = typeof args.values.until === 'string' ? await git.dateSeconds(args.values.until, '--until') : undefined;
    let folder = join(config.root, config.standards);
    const names: string[] = [];
    for (const positional of args.positionals) {
      const absolute = resolve(args.cwd, positional);
      if (existsSync(absolute) && statSync(absolute).isDirectory()) folder = absolute;
      else names.push(positional);
    }
    const cacheFile = args.values.cache === true ? resolve(config.root, DEFAULT_HISTORY_CACHE_FILE) : undefined;
    const log = await readHistoryLog(git, { head, cacheFile, tool: version(), process: config.process, maxFileSize: config.maxFileSize });
    const history = historyOf(log, git.toRepoPath(folder), config.process);
    let documents: DocumentHistory[] = history.documents;
    if (names.length > 0) {
      const picked = new Set<DocumentHistory>();
      for (const name of names) {
        const absolute = resolve(args.cwd, name);
        const matches = selectDocuments(history.documents, name, git.toRepoPath(absolute), config.process);
        if (!matches) {
          const example = idExamples(config.process.profile, config.process.names)[0];
          throw new UsageError(`No document \`${name}\` in the history of ${history.folder || '.'} (name it by path, file name or id${example === undefined ? '' : `, such as ${example}`})`);
        }
        for (const match of matches) picked.add(match);
      }
      documents = history.documents.filter((doc) => picked.has(doc));
    }
    documents = documents.map((doc) => withinWindow(doc, since, until));
    if (since !== undefined || until !== undefined) documents = documents.filter((doc) => doc.events.length > 0);
    const window = { since: since === undefined ? null : new Date(since * 1000).toISOString(), until: until === undefined ? null : new Date(until * 1000).toISOString() };
    args.stdout.write(format === 'json' ? `${terminalSafeJson(toJson(history, documents, window, config.process), 2)}\n` : toText(documents, config.process));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error instanceof Error && error.name === 'GitProblem')) {
      args.stderr.write(`scs-standards history: ${sanitizeForTerminal(error.message)}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
