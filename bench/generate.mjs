// Generates a synthetic standards corpus from the repository's own templates, documents and
// fixtures: realistic sizes (5 to 40 KB), the real mix of types and statuses, supplements, and
// major versions linked by `replaces`/`replaced_by`. Deterministic for a given size and seed.
//
//   node bench/generate.mjs <count> <folder> [seed]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops', 'Scopes'];
const WORDS = ['flavor', 'image', 'volume', 'network', 'cluster', 'identity', 'metering', 'backup', 'registry', 'entropy', 'storage', 'policy', 'federation', 'encryption', 'monitoring', 'availability', 'upgrade', 'scheduling', 'dns', 'secrets'];

/** A small seeded generator (mulberry32), so that a corpus is the same for the same seed. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs and list blocks of the repository's own Markdown, used as body material. */
function material() {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  for (const folder of ['Standards', 'templates', 'docs', 'test/fixtures/rules']) walk(join(ROOT, folder));
  const blocks = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const block of text.split(/\n\s*\n/)) {
      const trimmed = block.trim();
      // Whole paragraphs and lists only: no headings, code fences, comments, links or tables cut apart.
      if (trimmed.length < 60 || /^(#|<!--|\||---)/.test(trimmed) || /```|~~~|\]\(|\r/.test(trimmed)) continue;
      blocks.push(trimmed);
    }
  }
  return blocks;
}

export function generate(count, folder, seed = 1) {
  const rand = random(seed * 7919 + count);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const blocks = material();
  mkdirSync(folder, { recursive: true });
  const documents = [];
  const used = new Set();
  let made = 0;
  const nextNumber = (track) => {
    for (;;) {
      const number = `${Math.floor(rand() * 10)}${track}${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
      if (!used.has(number)) {
        used.add(number);
        return number;
      }
    }
  };
  while (made < count) {
    const trackDigit = Math.floor(rand() * TRACKS.length);
    const track = TRACKS[trackDigit];
    const roll = rand();
    const type = roll < 0.5 ? 'Standard' : roll < 0.85 ? 'Decision Record' : 'Procedural';
    const proposal = rand() < 0.03;
    const number = proposal ? 'xxxx' : nextNumber(trackDigit);
    const versions = proposal ? 1 : rand() < 0.7 ? 1 : rand() < 0.7 ? 2 : 3;
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const slug = [...new Set(words)].join('-') + (proposal ? `-${made}` : '');
    const title = [...new Set(words)].map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
    const names = [];
    for (let version = 1; version <= versions && made < count; version++) {
      names.push(`scs-${number}-v${version}-${slug}.md`);
      made++;
    }
    let year = 2021 + Math.floor(rand() * 3);
    for (let index = 0; index < names.length; index++) {
      const last = index === names.length - 1;
      const fields = { title, type, track };
      if (proposal) fields.status = 'Draft';
      else if (!last) {
        fields.status = 'Deprecated';
        fields.stabilized_at = date(year, rand);
        year += 1;
        fields.deprecated_at = date(year, rand);
        fields.replaced_by = [names[index + 1]];
      } else {
        const state = rand();
        if (state < 0.45) fields.status = 'Draft';
        else if (state < 0.92) {
          fields.status = 'Stable';
          fields.stabilized_at = date(year, rand);
        } else {
          fields.status = 'Rejected';
          fields.rejected_at = date(year, rand);
        }
      }
      if (index > 0) fields.replaces = [names[index - 1]];
      if (rand() < 0.5) fields.description = `|\n  ${pick(blocks).split('\n')[0].slice(0, 90)}`;
      documents.push({ name: names[index], fields, title, type });
    }
    if (!proposal && made < count && rand() < 0.35) {
      const supplemented = names.filter((_, index) => index === names.length - 1 || rand() < 0.5);
      const name = `scs-${number}-w1-${slug}-implementation.md`;
      documents.push({ name, fields: { title: `"${title}: Implementation Notes"`, type: 'Supplement', track, supplements: supplemented }, title, type: 'Supplement' });
      made++;
    }
  }
  const allNames = documents.map((doc) => doc.name).filter((name) => !name.includes('xxxx'));
  for (const doc of documents) {
    const target = 5000 + Math.floor(rand() ** 3 * 35000);
    writeFileSync(join(folder, doc.name), frontMatter(doc.fields) + body(doc, target, blocks, allNames, pick));
  }
  return documents.length;
}

function date(year, rand) {
  return `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
}

function frontMatter(fields) {
  let out = '---\n';
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) out += `${key}:\n${value.map((item) => `  - ${item}`).join('\n')}\n`;
    else out += `${key}: ${value}\n`;
  }
  return `${out}---\n`;
}

const SECTIONS = {
  Standard: ['Introduction', 'Terminology', 'Motivation', 'Design Considerations', 'Requirements', 'Related Documents', 'Conformance Tests'],
  'Decision Record': ['Abstract', 'Terminology', 'Context', 'Decision', 'Consequences', 'Related Documents'],
  Procedural: ['Introduction', 'Motivation', 'Procedure', 'Related Documents'],
  Supplement: ['Implementation Notes', 'Automated Tests', 'Manual Tests'],
};

function body(doc, target, blocks, names, pick) {
  const sections = SECTIONS[doc.type];
  let out = `\n# ${doc.title.replaceAll('"', '')}\n`;
  let index = 0;
  while (out.length < target || index < sections.length) {
    const heading = index < sections.length ? sections[index] : `${pick(WORDS)} details ${index}`;
    out += `\n## ${heading}\n\n`;
    // About as many headings and links per kilobyte as the real SCS documents have.
    const paragraphs = 4 + (index % 4);
    for (let p = 0; p < paragraphs; p++) out += `${pick(blocks)}\n\n`;
    if (index % 4 === 1) out += `See [${heading.toLowerCase()}](#${heading.toLowerCase().replaceAll(' ', '-')}) and [a related standard](${pick(names)}).\n\n`;
    if (index % 4 === 2) out += `| property | value |\n| --- | --- |\n| ${pick(WORDS)} | required |\n| ${pick(WORDS)} | optional |\n\n`;
    if (index % 5 === 3) out += `- ${pick(WORDS)}: recommended\n- ${pick(WORDS)}: mandatory\n\n\`\`\`yaml\nname: ${pick(WORDS)}\nvalue: 1\n\`\`\`\n\n`;
    index++;
    if (index > 200) break;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, folder, seed] = process.argv.slice(2);
  if (!count || !folder) {
    console.error('usage: node bench/generate.mjs <count> <folder> [seed]');
    process.exit(2);
  }
  console.log(generate(Number(count), folder, Number(seed ?? 1)));
}
