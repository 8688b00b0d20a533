import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Plugin, Preset } from 'unified';
import type { VFile } from 'vfile';
import { ConfigError, findRoot, loadConfig, toRelative, type ResolvedConfig } from '../engine/config.js';
import { checkCorpus, type InternalFailure } from '../engine/lint.js';
import { applySuppressions, DEFAULT_SUPPRESSIONS_FILE, loadSuppressions, type Suppressions } from '../engine/suppressions.js';
import { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { isStandardsFileName } from '../model/filename.js';
import { bodyFactsFromTree } from '../model/markdown.js';
import { rules, rulesById } from '../rules/index.js';
import { isDocumentRule, ruleUrl } from '../rules/rule.js';

/** The `source` of every message, as `remark-lint` is the source of its own rules' messages. */
export const SOURCE = 'scs-standards';

/** The rules that look at one document alone: the only ones a per-file pipeline can run. */
const documentRules = rules.filter((rule) => isDocumentRule(rule) && rule.meta.scope === 'document');

/**
 * Checks each standards document (`scs-*.md`) that passes through a remark pipeline with the
 * per-document rules, as `scs-standards lint` does: the same model, the configuration of the
 * repository the file is in (its severities and overrides), its suppressions file (errors
 * counted there are not shown, as CI does not fail on them), the same inline comments, and
 * one message per finding with the
 * rule's id, the finding's range, `source: 'scs-standards'` and the rule's doc page as `url`.
 * Errors are fatal messages (remark exits 1), warnings are not, like remark-lint's severities.
 *
 * It reuses the tree remark parsed, so the parser must know GFM and YAML front matter; the
 * preset below brings both.
 */
const remarkScsStandards: Plugin<[], Root> = function () {
  return (tree, file) => {
    lintFile(tree, file);
  };
};

/** `scs-standards/remark`: the parser syntax the rules expect, and the rules. */
const preset: Preset = {
  plugins: [remarkGfm, [remarkFrontmatter, ['yaml']], remarkScsStandards],
};

export default preset;

function lintFile(tree: Root, file: VFile): void {
  if (!file.path) return; // a document without a file name cannot be checked (for example stdin)
  const path = resolve(file.cwd, file.path);
  const fileName = basename(path);
  if (!fileName.endsWith('.md')) return;
  let settings: RootSettings;
  try {
    // The repository the file is in, found from the file's path as `lint` finds it from its
    // working folder; paths in configuration messages are relative to its root.
    settings = settingsFor(findRoot(dirname(path)).root);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Which files are documents is the configuration's profile's to say: without it, the default's.
    if (!isStandardsFileName(fileName)) return;
    file.message(`Invalid scs-standards configuration: ${error.message}`, { source: SOURCE }).fatal = true;
    return;
  }
  const { config, suppressions } = settings;
  if (!config.process.isDocumentFileName(fileName)) return;
  const relPath = toRelative(config.root, path);
  if (config.isIgnored(relPath)) return;
  const doc = StandardDocument.fromBytes(path, relPath, fileName, documentBytes(file, path), config.maxFileSize, config.process.naming);
  if (doc.isTemplate) return;
  if (!doc.readProblem && treeFitsDocument(tree, doc)) doc.setBody(bodyFactsFromTree(tree));
  const failures: InternalFailure[] = [];
  // Errors counted in the suppressions file are held back as `lint` holds them back; whether a
  // count is unused is for a full `lint` run to say, which sees every rule and document.
  const [result] = applySuppressions(checkCorpus(new Corpus(dirname(path), [doc]), [doc], config, documentRules, failures), suppressions, () => false).results;
  for (const finding of result?.messages ?? []) {
    const message = file.message(finding.message, {
      place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      ruleId: finding.ruleId,
      source: SOURCE,
    });
    message.fatal = finding.severity === 2;
    message.url = ruleUrl(finding.ruleId);
  }
}

/** What a repository root gives every file under it: its configuration and its suppressions. */
interface RootSettings {
  config: ResolvedConfig;
  suppressions: Suppressions;
  /** Size and modification time of the configuration and suppressions files when they were read. */
  stamp: string;
}

/**
 * The settings of each repository root, read once and read again only when the configuration
 * or the suppressions file changes (an editor's language server keeps the preset loaded while
 * both are edited).
 */
const byRoot = new Map<string, RootSettings>();

function settingsFor(root: string): RootSettings {
  const suppressionsFile = join(root, DEFAULT_SUPPRESSIONS_FILE);
  const configFile = findRoot(root).configFile;
  const stamp = [configFile, suppressionsFile].map((candidate) => (candidate === undefined ? '-' : fileStamp(candidate))).join('|');
  const cached = byRoot.get(root);
  if (cached && cached.stamp === stamp) return cached;
  const config = loadConfig(root, rulesById);
  const suppressions = loadSuppressions(suppressionsFile, DEFAULT_SUPPRESSIONS_FILE);
  const settings = { config, suppressions, stamp };
  byRoot.set(root, settings);
  return settings;
}

function fileStamp(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return 'none';
  }
}

/**
 * The file's bytes, as `lint` reads them from disk. unified-engine hands over text decoded as
 * UTF-8, where invalid bytes have become U+FFFD: then the file is read again, so that
 * `file-content` reports the first invalid byte as `lint` does (an editor's unsaved text, which
 * differs from the file, is taken as it is).
 */
function documentBytes(file: VFile, path: string): Uint8Array {
  const value = file.value ?? '';
  if (typeof value !== 'string') return value;
  if (value.includes('\ufffd')) {
    try {
      const bytes = readFileSync(path);
      if (bytes.toString('utf8') === value) return bytes;
    } catch {
      // the text is all there is
    }
  }
  return Buffer.from(value, 'utf8');
}

/**
 * Whether remark's tree was parsed from this document's text with front matter support: its
 * offsets then are offsets in the text (a byte order mark is skipped by the parser, as by the
 * model). Otherwise the model parses the text itself.
 */
function treeFitsDocument(tree: Root, doc: StandardDocument): boolean {
  if (tree.type !== 'root' || tree.position?.end.offset !== doc.source.text.length) return false;
  return !doc.frontMatter.present || tree.children[0]?.type === 'yaml';
}
