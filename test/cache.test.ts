import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FactsCache } from '../tools/engine/cache.js';
import { ResolvedConfig } from '../tools/engine/config.js';
import { checkPlan, lintWithConfig, planLint } from '../tools/engine/run.js';
import { rulesById } from '../tools/rules/index.js';
import { runMain, temporaryRepos } from './helpers/cli.js';
import { standard, supplement } from './helpers/documents.js';
import { goldenLines } from './helpers/lint.js';

const temporaryRepo = temporaryRepos();

function repo(): string {
  return temporaryRepo({
    'Standards/scs-0100-v1-flavor-naming.md': standard({}),
    'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy' }).replace('## Terminology', '## Glossary') + '\nSee [x](#nowhere) and [y](scs-0199-v1-gone.md).\n',
    'Standards/scs-0102-v1-image-metadata.md': `${standard({ title: 'Image Metadata' })}\n<!-- lint ignore link-fragment-exists -->\nSee [x](#nowhere).\n`,
  });
}

const OLD = new Date('2020-01-01T00:00:00Z');

/** The repository with every document last modified long ago: the cache may trust their times. */
function oldRepo(): { root: string; paths: string[] } {
  const root = repo();
  const paths = ['scs-0100-v1-flavor-naming.md', 'scs-0101-v1-entropy.md', 'scs-0102-v1-image-metadata.md'].map((name) => join(root, 'Standards', name));
  for (const path of paths) utimesSync(path, OLD, OLD);
  return { root, paths };
}

function lintWithCache(root: string): { lines: string; cache: FactsCache } {
  const config = new ResolvedConfig(root, undefined, {}, rulesById);
  const cache = FactsCache.load(join(root, '.scs-standards-cache'), 'test', config);
  const run = lintWithConfig(config, { cwd: root, paths: [], cache });
  cache.save();
  return { lines: goldenLines(run.results), cache };
}

/**
 * The entries of a cache file, each as its fields (path, hash, size, time, inode, time recorded,
 * problem, data, references, front matter, facts): the index with the data it points to, then the
 * appended lines.
 */
function readCacheFile(file: string): string[][] {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf('\n');
  const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as { index: number; data: number };
  const dataStart = headerEnd + 1 + header.index;
  const entries: string[][] = [];
  for (const line of bytes.toString('utf8', headerEnd + 1, dataStart).split('\n').filter(Boolean)) {
    const fields = line.split('\t');
    const length = Number(fields.pop());
    const offset = Number(fields.pop());
    entries.push([...fields, ...bytes.toString('utf8', dataStart + offset, dataStart + offset + length).split('\t')]);
  }
  for (const line of bytes.toString('utf8', dataStart + header.data).split('\n').filter(Boolean)) entries.push(line.split('\t'));
  return entries;
}

/** Writes entries as `readCacheFile` gives them back into the file, under its header. */
function writeCacheFile(file: string, entries: readonly string[][]): void {
  const text = readFileSync(file, 'utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as Record<string, unknown>;
  let index = '';
  let data = '';
  for (const fields of entries) {
    const record = fields.slice(9).join('\t');
    index += `${fields.slice(0, 9).join('\t')}\t${Buffer.byteLength(data)}\t${Buffer.byteLength(record)}\n`;
    data += `${record}\n`;
  }
  writeFileSync(file, `${JSON.stringify({ ...header, index: Buffer.byteLength(index), data: Buffer.byteLength(data) })}\n${index}${data}`);
}

describe('--cache', () => {
  test('a warm run uses the cached facts and reports exactly what a cold run reports', () => {
    const root = repo();
    const cold = lintWithCache(root);
    expect(cold.cache.status).toBe('absent');
    expect(cold.cache.misses).toBe(3);
    const warm = lintWithCache(root);
    expect(warm.cache.status).toBe('used');
    expect(warm.cache.hits).toBe(3);
    expect(warm.cache.misses).toBe(0);
    expect(warm.lines).toBe(cold.lines);
    expect(warm.lines).toContain('link-fragment-exists');
    expect(warm.lines).not.toContain('scs-0102-v1-image-metadata.md');
  });

  test('an edited document is parsed again; the others come from the cache', () => {
    const root = repo();
    lintWithCache(root);
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('## Conformance Tests', '## Tests'));
    const warm = lintWithCache(root);
    expect(warm.cache.hits).toBe(2);
    expect(warm.cache.misses).toBe(1);
    expect(warm.lines).toContain('scs-0100-v1-flavor-naming.md:1:1-1:1 error sections-required Missing section `## Conformance Tests`');
  });

  test.each([
    ['not JSON', () => 'not json {', 'ignored: not a cache file'],
    ['another version', (text: string) => text.replace('"tool":"test"', '"tool":"0.0.1"'), 'ignored: written by version 0.0.1'],
    ['another format', (text: string) => text.replace(/"format":\d+/, '"format":0'), 'ignored: written in another format'],
    ['another configuration', (text: string) => text.replace(/"config":"[^"]*"/, '"config":"x"'), 'ignored: written with another configuration'],
    ['a line without its fields', (text: string) => `${text}broken\tline\n`, 'ignored: line 8 is malformed'],
    ['an index longer than the file', (text: string) => text.replace(/"index":\d+/, '"index":99999999'), 'ignored: not a cache file'],
  ])('a cache file with %s is ignored, never trusted', (_name, corrupt, status) => {
    const root = repo();
    const cold = lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
    const again = lintWithCache(root);
    expect(again.cache.status).toContain(status);
    expect(again.cache.hits).toBe(0);
    expect(again.lines).toBe(cold.lines);
  });

  test.each([
    ['facts of the wrong shape', 10, (json: string) => json.replace('"headings":[', '"headings":[{"depth":"two"},')],
    ['facts that are not JSON', 10, () => '{"headings":['],
    ['a size that is not a number', 2, () => 'many'],
    ['front matter of the wrong shape', 9, (json: string) => json.replace('"entries":[', '"entries":[7,')],
    ['data that are not a mapping', 7, () => '[1]'],
    ['references of the wrong shape', 8, () => '[["replaces",7,0,1,0]]'],
    ['references that are not JSON', 8, () => '[['],
  ])('an entry with %s is not trusted: the document is parsed again and its entry replaced', (_name, field, corrupt) => {
    // Old files: the cache is asked for their front matter too, as they need not be read.
    const { root } = oldRepo();
    const cold = lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    const entries = readCacheFile(file);
    const fields = entries[0] ?? [];
    fields[field] = corrupt(fields[field] ?? '');
    writeCacheFile(file, entries);
    const again = lintWithCache(root);
    expect(again.cache.status).toBe('used');
    expect(again.cache.hits).toBe(2);
    expect(again.cache.misses).toBe(1);
    expect(again.lines).toBe(cold.lines);
    expect(lintWithCache(root).cache.hits).toBe(3);
  });

  test('entries a run does not use are written back byte for byte', () => {
    const root = repo();
    lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    const before = readCacheFile(file);
    // Only the first document is linted (and changed): the lines of the others are kept as read.
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nOne more paragraph.\n`);
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const cache = FactsCache.load(file, 'test', config);
    lintWithConfig(config, { cwd: root, paths: [path], cache });
    cache.retainExisting();
    cache.save();
    // The document removed from the folder: the file is written again, without its line.
    rmSync(join(root, 'Standards', 'scs-0102-v1-image-metadata.md'));
    const again = FactsCache.load(file, 'test', config);
    lintWithConfig(config, { cwd: root, paths: [path], cache: again });
    again.retainExisting();
    again.save();
    const after = readCacheFile(file);
    expect(after.length).toBe(before.length - 1);
    const line = (entries: string[][], name: string): string | undefined => entries.find((fields) => fields[0] === `Standards/${name}`)?.join('\t');
    expect(line(after, 'scs-0100-v1-flavor-naming.md')).not.toBe(line(before, 'scs-0100-v1-flavor-naming.md'));
    expect(line(after, 'scs-0101-v1-entropy.md')).toBe(line(before, 'scs-0101-v1-entropy.md'));
    expect(line(after, 'scs-0102-v1-image-metadata.md')).toBeUndefined();
    expect(lintWithCache(root).cache.hits).toBe(2);
  });

  test('a run that changes a few entries appends their lines; a later line of a path replaces an earlier one', () => {
    const root = repo();
    lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    const before = readFileSync(file);
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('## Conformance Tests', '## Tests'));
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const cache = FactsCache.load(file, 'test', config);
    const edited = goldenLines(lintWithConfig(config, { cwd: root, paths: [path], cache }).results);
    cache.retainExisting();
    cache.save();
    // The file read is kept byte for byte, the changed entry's line after it.
    const after = readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const appended = after.subarray(before.length).toString('utf8').split('\n');
    expect(appended.length).toBe(2);
    expect(appended[0]?.startsWith('Standards/scs-0100-v1-flavor-naming.md\t')).toBe(true);
    // The appended line is the one used: the edited document's facts, the others' as they were.
    const warm = lintWithCache(root);
    expect(warm.cache.hits).toBe(3);
    expect(warm.lines).toContain('scs-0100-v1-flavor-naming.md:1:1-1:1 error sections-required Missing section `## Conformance Tests`');
    const cold = lintWithConfig(config, { cwd: root, paths: [path] });
    expect(goldenLines(cold.results)).toBe(edited);
  });

  test('appended lines are written together again once they pile up', () => {
    const root = repo();
    lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    const path = join(root, 'Standards', 'scs-0101-v1-entropy.md');
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const lineCount = (): number => readFileSync(file, 'utf8').split('\n').length;
    expect(readCacheFile(file).length).toBe(3);
    const start = lineCount();
    let most = start;
    for (let edit = 1; edit <= 70; edit++) {
      writeFileSync(path, `${readFileSync(path, 'utf8')}\nEdit ${edit}.\n`);
      const cache = FactsCache.load(file, 'test', config);
      lintWithConfig(config, { cwd: root, paths: [path], cache });
      cache.save();
      most = Math.max(most, lineCount());
    }
    expect(most).toBeGreaterThan(start + 32);
    expect(lineCount()).toBeLessThan(most);
    expect(lintWithCache(root).cache.hits).toBe(3);
    const paths = readCacheFile(file).map((fields) => fields[0]);
    expect(new Set(paths).size).toBe(3);
    expect(paths.length).toBeLessThan(3 + 32);
  });

  test('an unfinished last line (an append that stopped) is not used, and the file is written whole again', () => {
    const root = repo();
    const cold = lintWithCache(root);
    const file = join(root, '.scs-standards-cache');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const last = lines[lines.length - 2] ?? '';
    // Half of a line for the first document, as a run stopped while appending leaves it.
    const first = lines[1] ?? '';
    writeFileSync(file, `${text}${first.slice(0, Math.floor(first.length / 2))}`);
    const again = lintWithCache(root);
    expect(again.cache.status).toBe('used');
    expect(again.cache.hits).toBe(3);
    expect(again.lines).toBe(cold.lines);
    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten.endsWith('\n')).toBe(true);
    expect(rewritten.split('\n').length).toBe(lines.length);
    expect(rewritten).toContain(last);
  });

  test('the command: --cache and --cache-location, a corrupt cache is said and rebuilt', async () => {
    const root = repo();
    const cold = await runMain(['lint'], root);
    const first = await runMain(['lint', '--cache', '--cache-location', 'cache.json'], root);
    expect(first).toEqual(cold);
    const format = /^\{"format":(\d+),/.exec(readFileSync(join(root, 'cache.json'), 'utf8'))?.[1];
    expect(format).toMatch(/^[1-9]\d*$/);
    const warm = await runMain(['lint', '--cache', '--cache-location', 'cache.json'], root);
    expect(warm).toEqual(cold);
    writeFileSync(join(root, 'cache.json'), `{"format":${format ?? ''},"files":[]`);
    const corrupt = await runMain(['lint', '--cache', '--cache-location', 'cache.json'], root);
    expect(corrupt.stdout).toBe(cold.stdout);
    expect(corrupt.stderr).toContain('the cache cache.json was ignored: not a cache file; it is rebuilt');
    const rebuilt = await runMain(['lint', '--cache', '--cache-location', 'cache.json'], root);
    expect(rebuilt).toEqual(cold);
  });
});

describe('--cache and text beyond ASCII', () => {
  test('front matter and file names beyond ASCII are read back exactly from the index, the data and appended lines', () => {
    const names = ['scs-0100-v1-größe.md', 'scs-0100-v2-größe.md', 'scs-0101-v1-entropy.md'];
    const root = temporaryRepo({
      [`Standards/${names[0]}`]: standard({ title: '"Größe — „Flavor“ 😀"', status: 'Deprecated', stabilized_at: '2023-01-10', deprecated_at: '2024-02-01' }),
      [`Standards/${names[1]}`]: standard({ title: 'Größe', replaces: ['scs-0100-v1-größe.md'] }),
      [`Standards/${names[2]}`]: `${standard({ title: 'Entropy', replaces: ['scs-0100-v2-größe.md'] })}\nSee [Größe](scs-0100-v2-größe.md#überblick).\n`,
    });
    for (const name of names) utimesSync(join(root, 'Standards', name), OLD, OLD);
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const file = join(root, '.scs-standards-cache');
    const cold = lintWithCache(root);
    expect(cold.lines).toContain('größe');
    expect(readFileSync(file, 'utf8')).toContain('„Flavor“ 😀');
    const oneFile = (name: string): void => {
      const path = join(root, 'Standards', name);
      const expected = lintWithConfig(config, { cwd: root, paths: [path] }).results;
      const cache = FactsCache.load(file, 'test', config);
      const plan = planLint(config, { cwd: root, paths: [path], cache });
      expect(checkPlan(plan, config, { cwd: root, paths: [path], cache }).results).toEqual(expected);
      expect(cache.hits).toBe(1);
      cache.save();
    };
    for (const name of names) oneFile(name);
    expect(lintWithCache(root).lines).toBe(cold.lines);
    // An edit of the first document: its line, beyond ASCII, is appended and read from there.
    const edited = join(root, 'Standards', names[0] ?? '');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nÄnderung.\n`);
    const before = readFileSync(file);
    const afterEdit = lintWithCache(root);
    expect(readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
    expect(readFileSync(file, 'utf8').slice(before.toString('utf8').length)).toContain('„Flavor“ 😀');
    expect(afterEdit.lines).toBe(goldenLines(lintWithConfig(config, { cwd: root, paths: [] }).results));
    utimesSync(edited, OLD, OLD);
    for (const name of names) oneFile(name);
    // A document removed: the file is written whole again, the other lines byte for byte.
    const kept = readCacheFile(file).filter((fields) => fields[0] !== `Standards/${names[2]}`);
    rmSync(join(root, 'Standards', names[2] ?? ''));
    const cache = FactsCache.load(file, 'test', config);
    const rewritten = goldenLines(lintWithConfig(config, { cwd: root, paths: [], cache }).results);
    expect(cache.hits).toBe(2);
    cache.retainExisting();
    cache.save();
    const lineOf = (entries: string[][], name: string): string | undefined => entries.filter((fields) => fields[0] === `Standards/${name}`).pop()?.join('\t');
    const after = readCacheFile(file);
    expect(after.length).toBe(2);
    for (const name of names.slice(0, 2)) expect(lineOf(after, name)).toBe(lineOf(kept, name));
    expect(lintWithCache(root).lines).toBe(rewritten);
  });
});

describe('--cache forgets only what is gone', () => {
  test('entries of a folder this run does not look at are kept while their files exist, and dropped once they are gone', () => {
    const root = temporaryRepo({
      'Standards/scs-0100-v1-flavor-naming.md': standard({}),
      'Standards/scs-0101-v1-entropy.md': standard({ title: 'Entropy' }),
      'Drafts/scs-0102-v1-image-metadata.md': standard({ title: 'Image Metadata' }),
    });
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const file = join(root, '.scs-standards-cache');
    const run = (paths: string[]): void => {
      const cache = FactsCache.load(file, 'test', config);
      lintWithConfig(config, { cwd: root, paths, cache });
      cache.retainExisting();
      cache.save();
    };
    const paths = (): string[] => readCacheFile(file).map((fields) => fields[0] ?? '').sort();
    run(['.']);
    const all = ['Drafts/scs-0102-v1-image-metadata.md', 'Standards/scs-0100-v1-flavor-naming.md', 'Standards/scs-0101-v1-entropy.md'];
    expect(paths()).toEqual(all);
    // Only Standards/ is looked at: the entry of Drafts/ stays, its file being there.
    run(['Standards']);
    expect(paths()).toEqual(all);
    run(['Standards/scs-0100-v1-flavor-naming.md']);
    expect(paths()).toEqual(all);
    rmSync(join(root, 'Standards', 'scs-0101-v1-entropy.md'));
    rmSync(join(root, 'Drafts', 'scs-0102-v1-image-metadata.md'));
    run(['Standards/scs-0100-v1-flavor-naming.md']);
    expect(paths()).toEqual(['Standards/scs-0100-v1-flavor-naming.md']);
  });
});

describe('--cache and the file system', () => {
  test('an old file whose size, time and inode are unchanged is not read again; a recent one is', () => {
    const { root, paths } = oldRepo();
    const cold = lintWithCache(root);
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const cache = FactsCache.load(join(root, '.scs-standards-cache'), 'test', config);
    const plan = planLint(config, { cwd: root, paths: [] });
    const docs = plan.folders.flatMap((folder) => folder.targets);
    for (const doc of docs) expect(cache.lookup(doc)).toBeDefined();
    // Their facts and read problems came from the cache: not one of them was read whole.
    expect(docs.map((doc) => doc.isComplete)).toEqual([false, false, false]);
    expect(goldenLines(checkPlan(plan, config, { cwd: root, paths: [], cache }).results)).toBe(cold.lines);

    // A file modified just now is read and its content compared, whatever its size and time say.
    const recent = paths[0] ?? '';
    const text = readFileSync(recent, 'utf8');
    writeFileSync(recent, text.replace('## Conformance Tests', '## Conformance Tasks'));
    const stat = statSync(recent);
    const again = FactsCache.load(join(root, '.scs-standards-cache'), 'test', config);
    const replanned = planLint(config, { cwd: root, paths: [] });
    const doc = replanned.folders.flatMap((folder) => folder.targets).find((candidate) => candidate.path === recent);
    expect(doc?.fileStat?.mtimeMs).toBe(stat.mtimeMs);
    expect(doc && again.lookup(doc)).toBeUndefined();
    expect(doc?.isComplete).toBe(true);
  });
});

describe('--cache keeps the front matter of unchanged files', () => {
  test('a warm run reads no file it does not report on, and only the findings it places', () => {
    const { root, paths } = oldRepo();
    const cold = lintWithCache(root);
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const cache = FactsCache.load(join(root, '.scs-standards-cache'), 'test', config);
    // Another title of the same length, with the old time and inode: only a read would notice.
    const other = paths[2] ?? '';
    const text = readFileSync(other, 'utf8');
    writeFileSync(other, text.replace('title: Image Metadata', 'title: Image Matadeta'));
    utimesSync(other, OLD, OLD);
    const plan = planLint(config, { cwd: root, paths: [], cache });
    const docs = plan.folders.flatMap((folder) => folder.targets);
    expect(docs.find((doc) => doc.path === other)?.title).toBe('Image Metadata');
    const run = checkPlan(plan, config, { cwd: root, paths: [], cache });
    expect(goldenLines(run.results)).toBe(cold.lines);
    expect(cache.hits).toBe(3);
  });
});

describe('--cache and one file, as a pre-commit hook lints it', () => {
  /** Documents whose findings come from the other documents, all last modified long ago. */
  function related(): { root: string; names: string[] } {
    const names = ['scs-0100-v1-flavor-naming.md', 'scs-0100-v2-flavor-naming.md', 'scs-0100-w1-flavor-naming-notes.md', 'scs-0101-v1-entropy.md'];
    const root = temporaryRepo({
      [`Standards/${names[0]}`]: standard({ status: 'Deprecated', stabilized_at: '2023-01-10', deprecated_at: '2024-02-01' }),
      [`Standards/${names[1]}`]: standard({ track: 'KaaS', replaces: ['scs-0100-v1-flavor-naming.md'], replaced_by: 'scs-0100-v1-flavor-naming.md' }),
      [`Standards/${names[2]}`]: supplement({ supplements: ['scs-0100-v1-flavor-naming.md', 'scs-0199-v1-gone.md'] }),
      [`Standards/${names[3]}`]: standard({ title: 'Entropy', replaces: ['scs-0100-v2-flavor-naming.md'] }),
    });
    for (const name of names) utimesSync(join(root, 'Standards', name), OLD, OLD);
    return { root, names };
  }

  test('a warm run of one file reports exactly what a cold one reports, fixes included', async () => {
    const { root, names } = related();
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const file = join(root, '.scs-standards-cache');
    const full = FactsCache.load(file, 'test', config);
    lintWithConfig(config, { cwd: root, paths: [], cache: full });
    full.save();
    await runMain(['lint', '--cache', '--cache-location', 'command-cache'], root);
    for (const name of names) {
      const path = join(root, 'Standards', name);
      const cold = lintWithConfig(config, { cwd: root, paths: [path] });
      const cache = FactsCache.load(file, 'test', config);
      const plan = planLint(config, { cwd: root, paths: [path], cache });
      const warm = checkPlan(plan, config, { cwd: root, paths: [path], cache });
      expect(cache.hits).toBe(1);
      // No document was read, the one reported on included: all came from the cache.
      expect(plan.folders.flatMap((folder) => folder.corpus.documents).filter((doc) => doc.isComplete)).toEqual([]);
      expect(cold.results[0]?.messages.length ?? 0).toBeGreaterThan(0);
      expect(warm.results).toEqual(cold.results);
      // The same through the command, in every format the hook could use.
      for (const format of ['stylish', 'json']) {
        const coldOutput = await runMain(['lint', '--format', format, `Standards/${name}`], root);
        const warmArgs = ['lint', '--format', format, '--cache', '--cache-location', 'command-cache', `Standards/${name}`];
        expect(await runMain(warmArgs, root)).toEqual(coldOutput);
        expect(await runMain(warmArgs, root)).toEqual(coldOutput);
      }
    }
  });

  test('a warm run of one file follows edits, new and removed documents around it, and a changed configuration', () => {
    const { root, names } = related();
    const file = join(root, '.scs-standards-cache');
    const warmUp = (config: ResolvedConfig): void => {
      const cache = FactsCache.load(file, 'test', config);
      lintWithConfig(config, { cwd: root, paths: [], cache });
      cache.retainExisting();
      cache.save();
    };
    /** The findings of one file from the cache, which must be a cold run's; the cache is saved as a hook's run saves it. */
    const oneFile = (config: ResolvedConfig, name: string): { findings: string[]; cache: FactsCache } => {
      const path = join(root, 'Standards', name);
      const cold = lintWithConfig(config, { cwd: root, paths: [path] }).results;
      const cache = FactsCache.load(file, 'test', config);
      const warm = checkPlan(planLint(config, { cwd: root, paths: [path], cache }), config, { cwd: root, paths: [path], cache }).results;
      expect(warm).toEqual(cold);
      cache.retainExisting();
      cache.save();
      return { findings: warm.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)), cache };
    };
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    warmUp(config);
    const [v1 = '', v2 = '', , entropy = ''] = names;
    const before = oneFile(config, v1).findings;
    expect(before.length).toBeGreaterThan(0);
    // Another document that names the one file is edited: it no longer does.
    writeFileSync(join(root, 'Standards', v2), standard({ track: 'KaaS' }));
    const edited = oneFile(config, v1);
    expect(edited.cache.hits).toBe(1);
    expect(edited.findings).not.toEqual(before);
    // A new document names it.
    writeFileSync(join(root, 'Standards', 'scs-0100-v3-flavor-naming.md'), standard({ replaces: ['scs-0100-v1-flavor-naming.md'], replaced_by: 'scs-0100-v1-flavor-naming.md' }));
    const added = oneFile(config, v1).findings;
    expect(added).not.toEqual(edited.findings);
    // A document that the one file names is removed.
    expect(oneFile(config, entropy).findings.some((finding) => finding.startsWith('reference-exists'))).toBe(false);
    rmSync(join(root, 'Standards', v2));
    expect(oneFile(config, entropy).findings.some((finding) => finding.startsWith('reference-exists'))).toBe(true);
    // Another configuration: the cache is not used, and the rule turned off reports nothing.
    writeFileSync(join(root, '.scs-standards.json'), '{"rules": {"replaces-reciprocal": "off"}}\n');
    const changed = new ResolvedConfig(root, undefined, { rules: { 'replaces-reciprocal': 'off' } }, rulesById);
    const other = oneFile(changed, v1);
    expect(other.cache.status).toBe('ignored: written with another configuration');
    expect(other.findings.some((finding) => finding.startsWith('replaces-reciprocal'))).toBe(false);
    expect(added.some((finding) => finding.startsWith('replaces-reciprocal'))).toBe(true);
  });

  test.each([
    ['data that are not a mapping', 7, '[1]'],
    ['references of the wrong shape', 8, '[["replaces",7,0,1,0]]'],
    ['references that are not JSON', 8, '[['],
    ['a front matter that is not JSON', 9, '{'],
  ])('another document whose entry has %s is read from its file: the findings are a cold run\'s', (_name, field, corrupt) => {
    const { root, names } = related();
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const file = join(root, '.scs-standards-cache');
    const full = FactsCache.load(file, 'test', config);
    lintWithConfig(config, { cwd: root, paths: [], cache: full });
    full.save();
    // The entry of v2, which names v1 (in `replaces` and `replaced_by`) and differs in `track`.
    const entries = readCacheFile(file);
    const fields = entries.find((entry) => entry[0] === `Standards/${names[1] ?? ''}`) ?? [];
    fields[field] = corrupt;
    writeCacheFile(file, entries);
    const path = join(root, 'Standards', names[0] ?? '');
    const cold = lintWithConfig(config, { cwd: root, paths: [path] });
    const cache = FactsCache.load(file, 'test', config);
    const plan = planLint(config, { cwd: root, paths: [path], cache });
    const warm = checkPlan(plan, config, { cwd: root, paths: [path], cache });
    expect(cold.results[0]?.messages.length ?? 0).toBeGreaterThan(0);
    expect(warm.results).toEqual(cold.results);
    // Its entry is never trusted: the next run that reports on it makes it again.
    cache.save();
    expect(lintWithCache(root).cache.misses).toBe(1);
    expect(lintWithCache(root).cache.misses).toBe(0);
  });
});

describe('--cache and template-placeholder', () => {
  test('a warm run reads only the documents whose blocks may be template text, and reports what a cold run reports', () => {
    const template = `---\ntitle: Template\ntype: Standard\nstatus: Draft\ntrack: Global\n---\n\n# Template\n\n## Introduction\n\n_Say here what the standard is about._\n`;
    const clean = standard({});
    const leftover = clean.replace('## Motivation', '## Introduction\n\n_Say here   what the standard\nis about._\n\n## Motivation');
    expect(leftover).not.toBe(clean);
    const root = temporaryRepo({
      'Standards/scs-XXXX-vN-standard-template.md': template,
      'Standards/scs-0100-v1-flavor-naming.md': clean,
      'Standards/scs-0101-v1-entropy.md': leftover.replaceAll('Flavor Naming', 'Entropy'),
    });
    for (const name of ['scs-0100-v1-flavor-naming.md', 'scs-0101-v1-entropy.md']) utimesSync(join(root, 'Standards', name), OLD, OLD);
    const config = new ResolvedConfig(root, undefined, {}, rulesById);
    const file = join(root, '.scs-standards-cache');
    const cold = lintWithConfig(config, { cwd: root, paths: [], cache: FactsCache.load(file, 'test', config) });
    expect(cold.results.flatMap((result) => result.messages.filter((finding) => finding.ruleId === 'template-placeholder').map(() => result.relPath))).toEqual(['Standards/scs-0101-v1-entropy.md']);
    const cache = FactsCache.load(file, 'test', config);
    lintWithConfig(config, { cwd: root, paths: [], cache }).results;
    cache.save();
    const again = FactsCache.load(file, 'test', config);
    const plan = planLint(config, { cwd: root, paths: [], cache: again });
    const warm = checkPlan(plan, config, { cwd: root, paths: [], cache: again });
    expect(again.hits).toBe(2);
    expect(warm.results).toEqual(cold.results);
    // The clean document is not read again: its text changes behind the cache's back (same size,
    // inode and time) to one with the placeholder, and a warm run still reports nothing there.
    const path = join(root, 'Standards', 'scs-0100-v1-flavor-naming.md');
    const tail = '\n\n_Say here what the standard is about._\n';
    const changed = clean.slice(0, clean.length - tail.length) + tail;
    expect(changed.length).toBe(clean.length);
    writeFileSync(path, changed);
    utimesSync(path, OLD, OLD);
    expect(lintWithConfig(config, { cwd: root, paths: [path] }).results[0]?.messages.map((finding) => finding.ruleId)).toContain('template-placeholder');
    const trusted = FactsCache.load(file, 'test', config);
    const behind = checkPlan(planLint(config, { cwd: root, paths: [], cache: trusted }), config, { cwd: root, paths: [], cache: trusted });
    expect(behind.results).toEqual(cold.results);
  });
});
