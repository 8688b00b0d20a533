#!/usr/bin/env node
// Writes a synthetic corpus of standards documents for the Markdown scanner benchmark:
//   node bench/scan-corpus.mjs <count> <folder> [seed]
// Each document has real front matter and 5 to 40 KB of body made of the constructs the
// standards use (sections, paragraphs with inline and reference links, bare URLs, lists,
// nested lists, tables, code blocks, block quotes, footnotes, HTML anchors, lint comments),
// with the mix of types, statuses, supplements and major versions of a real standards folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [countArgument, folder, seedArgument] = process.argv.slice(2);
if (!countArgument || !folder) {
  console.error('usage: node bench/scan-corpus.mjs <count> <folder> [seed]');
  process.exit(2);
}
const count = Number(countArgument);
let seed = Number(seedArgument ?? 7) >>> 0;
/** A small deterministic generator (mulberry32), so that corpora can be compared across runs. */
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const WORDS = `the cloud provider must offer flavors with at least two vCPUs and the operator should document
its storage classes so that users can rely on the naming scheme across all regions of the Sovereign Cloud
Stack deployments while the conformance tests check every requirement of this standard automatically and
report the results to the certification body which publishes them for each compliant cloud`.split(/\s+/);
const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops'];
const TYPES = ['Standard', 'Standard', 'Standard', 'Decision Record', 'Procedural'];
const STATUSES = ['Draft', 'Stable', 'Stable', 'Deprecated'];

function sentence() {
  const words = Array.from({ length: between(6, 18) }, () => pick(WORDS));
  const text = words.join(' ');
  const decorations = [
    () => `${text} (see [the flavor naming standard](scs-0100-v${between(1, 3)}-flavor-naming.md#motivation))`,
    () => `${text}, as described in <https://docs.scs.community/standards/scs-0${between(100, 499)}>`,
    () => `${text} at https://github.com/SovereignCloudStack/standards/issues/${between(1, 900)}.`,
    () => `${text} using \`openstack flavor list --long\` and the [OpenStack docs][openstack]`,
    () => `${text} *with emphasis* and **strong words** for clarity`,
    () => `${text}[^${between(1, 3)}]`,
    () => `${text} and www.scs.community`,
    () => text,
    () => text,
  ];
  return `${pick(decorations)()}.`;
}

const paragraph = () => Array.from({ length: between(2, 6) }, sentence).join(' ').replace(/(.{60,90}?) /g, '$1\n');

function list() {
  const ordered = random() < 0.3;
  return Array.from({ length: between(2, 7) }, (_, index) => {
    const marker = ordered ? `${index + 1}.` : '-';
    const item = `${marker} ${sentence()}`;
    return random() < 0.2 ? `${item}\n${' '.repeat(marker.length + 1)}- ${sentence()}\n${' '.repeat(marker.length + 1)}- [nested link](#${pick(['introduction', 'motivation', 'design-considerations'])})` : item;
  }).join('\n');
}

function table() {
  const rows = Array.from({ length: between(2, 8) }, () => `| \`SCS-${between(1, 64)}V-${between(1, 512)}\` | ${pick(WORDS)} ${pick(WORDS)} | [link](https://example.org/${between(1, 99)}) |`);
  return ['| Name | Meaning | Reference |', '| ---- | :------ | --------: |', ...rows].join('\n');
}

const code = () => ['```yaml', 'flavors:', `  - name: SCS-${between(1, 16)}V-${between(2, 64)}`, '    cpus: 4  # [not a link](x)', '```'].join('\n');
const quote = () => `> ${sentence()}\n> ${sentence()}`;

function section(depth, title) {
  const blocks = [`${'#'.repeat(depth)} ${title}`];
  if (random() < 0.1) blocks.push(`<a name="${title.toLowerCase().replace(/\W+/g, '-')}-anchor"></a>`);
  const parts = between(2, 6);
  for (let part = 0; part < parts; part++) {
    const roll = random();
    if (roll < 0.5) blocks.push(paragraph());
    else if (roll < 0.7) blocks.push(list());
    else if (roll < 0.8) blocks.push(table());
    else if (roll < 0.9) blocks.push(code());
    else blocks.push(quote());
  }
  return blocks.join('\n\n');
}

function document(index) {
  const type = pick(TYPES);
  const status = pick(STATUSES);
  const track = pick(TRACKS);
  const version = between(1, 3);
  const number = String(100 + index).padStart(4, '0');
  const matter = [
    '---',
    `title: Synthetic document ${index}`,
    `type: ${type}`,
    `status: ${status}`,
    `track: ${track}`,
    ...(status !== 'Draft' ? ['stabilized_at: 2024-03-01'] : []),
    ...(status === 'Deprecated' ? ['deprecated_at: 2025-01-15', `replaced_by:\n  - scs-${number}-v${version + 1}-synthetic.md`] : []),
    ...(version > 1 ? [`replaces:\n  - scs-${number}-v${version - 1}-synthetic.md`] : []),
    `description: |\n  A synthetic ${type.toLowerCase()} for benchmarks.`,
    '---',
  ].join('\n');
  const target = between(5_000, 40_000);
  const sections = [];
  if (random() < 0.05) sections.push('<!-- lint disable sections-recommended -->');
  const titles = ['Introduction', 'Motivation', 'Design Considerations', 'Standard', 'Decision', 'Related Documents', 'Conformance Tests', 'Open Questions'];
  let length = 0;
  for (let index = 0; length < target; index++) {
    const text = section(index === 0 ? 2 : pick([2, 2, 3, 4]), `${titles[index % titles.length]}${index >= titles.length ? ` ${index}` : ''}`);
    sections.push(text);
    length += text.length;
  }
  sections.push('[openstack]: https://docs.openstack.org/ "OpenStack"\n\n[^1]: A footnote with a [link](https://example.com).\n[^2]: Another one.\n[^3]: And a third.');
  return { name: `scs-${number}-v${version}-synthetic.md`, text: `${matter}\n\n${sections.join('\n\n')}\n` };
}

mkdirSync(folder, { recursive: true });
let bytes = 0;
for (let index = 0; index < count; index++) {
  const { name, text } = document(index);
  writeFileSync(join(folder, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(`${count} documents, ${(bytes / 1e6).toFixed(1)} MB in ${folder}`);
