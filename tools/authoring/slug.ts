import { join } from 'node:path';
import { Corpus } from '../model/corpus.js';
import { StandardDocument } from '../model/document.js';
import { rulesById } from '../rules/index.js';
import { isDocumentRule } from '../rules/rule.js';
import { AuthoringError, shown, type Workspace } from './workspace.js';

/** Letters that Unicode does not decompose into a base letter and marks. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};

/**
 * A slug made from a title: lower-case ASCII letters and digits joined by single hyphens.
 * Accented letters lose their accents (`é` becomes `e`), a few letters are spelled out (`ß`
 * becomes `ss`), and whatever else is not a letter or digit separates words.
 */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\u0000-\u007f]/g, (char) => TRANSLITERATIONS[char] ?? ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The rules that judge a file name, and so a slug. */
const NAME_RULES = ['file-name-pattern', 'file-name-slug', 'file-name-slug-style'] as const;

/**
 * Checks a new file name with the linter's own file-name rules, at the severities the
 * configuration gives them: a command never creates a name that the linter reports.
 */
export function checkFileName(ws: Workspace, fileName: string, how: string): void {
  if (/[\\/\u0000]/.test(fileName)) throw new AuthoringError(`The file name \`${fileName}\` (${how}) is not allowed: it contains a path separator`);
  const path = join(ws.folder, fileName);
  const doc = StandardDocument.fromText(path, shown(ws, path), fileName, '', ws.config.process.naming);
  const corpus = new Corpus(ws.folder, [doc]);
  const messages: string[] = [];
  for (const id of NAME_RULES) {
    const rule = rulesById.get(id);
    if (!rule || !isDocumentRule(rule) || ws.config.settingFor(rule, doc).severity === 'off') continue;
    rule.check({
      doc,
      corpus,
      options: rule.meta.defaultOptions,
      ruleIds: new Set(rulesById.keys()),
      process: ws.config.process,
      report: (report) => messages.push(`${report.message} (${id})`),
    });
  }
  if (messages.length > 0) throw new AuthoringError(`The file name \`${fileName}\` (${how}) is not allowed: ${messages.join('; ')}`);
}

/** The slug for a new document: `--slug` as given, or made from the title. */
export function chooseSlug(title: string, slug: string | undefined): { slug: string; how: string } {
  if (slug !== undefined) return { slug, how: 'from --slug' };
  const made = slugify(title);
  if (made === '') throw new AuthoringError(`The title \`${title}\` has no letters or digits to make a slug from: give one with --slug`);
  return { slug: made, how: 'slug made from the title; give another with --slug' };
}
