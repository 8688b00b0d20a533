// Floor 1: read every scs-*.md file of a folder (or those starting with the prefix given second)
// and parse its front matter with `yaml`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const folder = process.argv[2];
const prefix = process.argv[3] ?? 'scs-';
let keys = 0;
for (const name of readdirSync(folder)) {
  if (!name.startsWith(prefix) || !name.endsWith('.md')) continue;
  const text = readFileSync(join(folder, name), 'utf8').replace(/^\ufeff/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) continue;
  const doc = parseDocument(match[1]);
  keys += doc.contents?.items?.length ?? 0;
}
if (keys < 0) console.log(keys);
