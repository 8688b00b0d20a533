#!/usr/bin/env node
// Compares the two ways of getting a document's body facts on a folder of Markdown files:
//   node bench/scan.mjs <folder> [--runs N]
// Prints MB/s of the remark parse and of the fast scanner (with its fallbacks to remark), the
// share of documents the scanner answers, the reasons it refused, and checks on every file that
// the scanner's answer equals remark's. Times are the median of N runs (remark: at most 3) after
// a warm-up, in this process.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('--'));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
if (!folder) {
  console.error('usage: node bench/scan.mjs <folder> [--runs N]');
  process.exit(2);
}

// The model is TypeScript: bundle the two entry points into a temporary module.
const scratch = mkdtempSync(join(tmpdir(), 'scs-scan-bench-'));
const entry = join(scratch, 'entry.ts');
const root = new URL('..', import.meta.url).pathname;
writeFileSync(entry, `export { collectBodyFacts, parseBodyFacts } from ${JSON.stringify(join(root, 'tools/model/markdown.ts'))};\nexport { explainScan } from ${JSON.stringify(join(root, 'tools/model/scan.ts'))};\n`);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(scratch, 'model.mjs'), logLevel: 'warning', absWorkingDir: root });
const { collectBodyFacts, parseBodyFacts, explainScan } = await import(pathToFileURL(join(scratch, 'model.mjs')).href);
rmSync(scratch, { recursive: true, force: true });

function markdownFiles(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((entry) => (entry.startsWith('.') || entry === 'node_modules' ? [] : markdownFiles(join(path, entry)))).filter((file) => file.endsWith('.md'));
}
const texts = markdownFiles(folder).map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') }));
const megabytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) / 1e6;

function median(fn, count = runs) {
  for (let warm = 0; warm < Math.min(count, 3); warm++) fn();
  const times = [];
  for (let run = 0; run < count; run++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] / 1000;
}

// The scanner first: remark leaves much garbage behind that would slow whatever runs next.
const combined = median(() => texts.forEach(({ text }) => collectBodyFacts(text)));
const reasons = new Map();
let answered = 0;
let mismatches = 0;
const fastTexts = [];
for (const { file, text } of texts) {
  const outcome = explainScan(text);
  if (outcome.refusal !== undefined) {
    reasons.set(outcome.refusal, (reasons.get(outcome.refusal) ?? 0) + 1);
    continue;
  }
  answered++;
  fastTexts.push(text);
  if (!isDeepStrictEqual(outcome.facts, parseBodyFacts(text))) {
    mismatches++;
    console.error(`MISMATCH ${file}`);
  }
}
const scanOnly = median(() => fastTexts.forEach((text) => explainScan(text)));
const remarkRuns = Math.min(runs, 3);
const remark = median(() => texts.forEach(({ text }) => parseBodyFacts(text)), remarkRuns);
const fastMegabytes = fastTexts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

const rate = (mb, seconds) => `${(mb / seconds).toFixed(1).padStart(7)} MB/s  (${(seconds * 1000).toFixed(0)} ms)`;
console.log(`${texts.length} documents, ${megabytes.toFixed(2)} MB, median of ${runs} runs (remark: ${remarkRuns}) after a warm-up`);
console.log(`remark parse (reference)        ${rate(megabytes, remark)}`);
console.log(`scanner, answered documents     ${rate(fastMegabytes, scanOnly)}`);
console.log(`scanner with remark fallback    ${rate(megabytes, combined)}   ${(remark / combined).toFixed(1)}x faster than remark`);
console.log(`fast path: ${answered} of ${texts.length} documents (${((100 * answered) / Math.max(texts.length, 1)).toFixed(1)}%), fallback ${texts.length - answered}; mismatches: ${mismatches}`);
for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  refused ${String(count).padStart(5)}  ${reason}`);
process.exitCode = mismatches > 0 ? 1 : 0;
