// Floor 2: read every scs-*.md file of a folder, parse it with remark-parse and
// remark-frontmatter, and parse the front matter with `yaml`: what any remark-based tool that
// parses everything must do at least.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

const folder = process.argv[2];
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
for (const name of readdirSync(folder)) {
  if (!name.startsWith('scs-') || !name.endsWith('.md')) continue;
  const text = readFileSync(join(folder, name), 'utf8');
  const tree = processor.parse(text);
  const yaml = tree.children.find((node) => node.type === 'yaml');
  if (yaml) parseDocument(yaml.value);
  nodes += tree.children.length;
}
if (nodes < 0) console.log(nodes);
