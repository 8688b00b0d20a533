// Generates a git repository with a long standards history, fast (one `git fast-import`):
// `commits` commits on the main line, touching a folder `Standards/` of documents that are
// proposed, accepted (renamed to a number), edited, stabilized, deprecated, given supplements,
// and now and then renamed; every tenth commit is a merged pull request (a merge commit with a
// branch commit). Deterministic for a given count and seed.
//
//   node bench/generate-history.mjs <commits> <folder> [seed]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { random } from './generate.mjs';

const TRACKS = ['Global', 'IaaS', 'KaaS', 'IAM', 'Ops'];
const PARAGRAPH = 'A compliant cloud offers this feature as described here, and the conformance tests check every requirement of this standard on every release. ';

function text(doc) {
  const lines = ['---', `title: ${doc.title}`, `type: ${doc.supplements ? 'Supplement' : 'Standard'}`];
  if (!doc.supplements) lines.push(`status: ${doc.status}`);
  lines.push(`track: ${doc.track}`);
  if (doc.stabilized) lines.push(`stabilized_at: ${doc.stabilized}`);
  if (doc.deprecated) lines.push(`deprecated_at: ${doc.deprecated}`);
  if (doc.supplements) lines.push('supplements:', `  - ${doc.supplements}`);
  lines.push('---', '', `# ${doc.title}`, '', '## Introduction', '');
  for (let index = 0; index < doc.edits + 3; index++) lines.push(`${PARAGRAPH}(${index})`, '');
  return `${lines.join('\n')}\n`;
}

export function generateHistory(commits, folder, seed = 17) {
  const rand = random(seed);
  mkdirSync(folder, { recursive: true });
  const init = spawnSync('git', ['init', '-q', '-b', 'main', folder]);
  if (init.status !== 0) throw new Error(String(init.stderr));
  const docs = [];
  let next = 100;
  let stream = '';
  let mark = 0;
  let time = Date.UTC(2022, 0, 1) / 1000;
  let head;
  const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
  const blob = (doc) => {
    const data = Buffer.from(text(doc));
    return `M 100644 inline Standards/${doc.name}\ndata ${data.length}\n${data}\n`;
  };
  const commit = (ref, message, body, parents) => {
    mark++;
    stream += `commit ${ref}\nmark :${mark}\ncommitter Bench <bench@example.org> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    for (const [index, parent] of parents.entries()) stream += `${index === 0 ? 'from' : 'merge'} ${parent}\n`;
    stream += body;
    return `:${mark}`;
  };
  for (let index = 0; index < commits; index++) {
    time += 3600 * (6 + Math.floor(rand() * 60));
    const live = docs.filter((doc) => !doc.supplements);
    const pick = () => live[Math.floor(rand() * live.length)];
    const roll = rand();
    let body = '';
    let message;
    if (live.length < 8 || roll < 0.08) {
      const doc = { name: `scs-xxxx-v1-topic-${docs.length}.md`, title: `Topic ${docs.length}`, track: TRACKS[docs.length % TRACKS.length], status: 'Draft', edits: 0 };
      docs.push(doc);
      body = blob(doc);
      message = `Propose topic ${docs.length - 1} (#${index + 1})`;
    } else if (roll < 0.16 && live.some((doc) => doc.name.startsWith('scs-xxxx'))) {
      const doc = live.find((candidate) => candidate.name.startsWith('scs-xxxx'));
      const name = `scs-${String(next++).padStart(4, '0')}-v1-${doc.name.slice('scs-xxxx-v1-'.length)}`;
      body = `R Standards/${doc.name} Standards/${name}\n`;
      doc.name = name;
      message = `Accept ${name.slice(0, 11)} (#${index + 1})`;
    } else if (roll < 0.22) {
      const doc = pick();
      if (doc.status === 'Draft' && !doc.name.startsWith('scs-xxxx')) {
        doc.status = 'Stable';
        doc.stabilized = day(time - 86400 * Math.floor(rand() * 20));
      } else if (doc.status === 'Stable') {
        doc.status = 'Deprecated';
        doc.deprecated = day(time + 86400 * 90);
      }
      doc.edits++;
      body = blob(doc);
      message = `Lifecycle step of ${doc.name.slice(0, 11)} (#${index + 1})`;
    } else if (roll < 0.25) {
      const doc = pick();
      if (!doc.name.startsWith('scs-xxxx')) {
        const supplement = { name: `${doc.name.slice(0, 9)}w1-notes-${docs.length}.md`, title: 'Implementation Notes', track: doc.track, supplements: doc.name, edits: 0 };
        docs.push(supplement);
        body = blob(supplement);
      } else body = blob(doc);
      message = `Add implementation notes (#${index + 1})`;
    } else if (roll < 0.27) {
      const doc = pick();
      const name = doc.name.replace(/\.md$/, '-renamed.md');
      body = `R Standards/${doc.name} Standards/${name}\n`;
      doc.name = name;
      message = `Better slug (#${index + 1})`;
    } else {
      const doc = pick();
      doc.edits++;
      body = blob(doc);
      message = `Edit ${doc.name.slice(0, 11)} (#${index + 1})`;
    }
    if (index % 10 === 9 && head) {
      // A pull request merged with a merge commit: the change on a branch, then the merge.
      const branch = commit('refs/heads/topic', `${message.replace(/ \(#\d+\)$/, '')}`, body, [head]);
      time += 60;
      // fast-import starts a commit from its first parent's tree: the merge makes the branch's change again.
      head = commit('refs/heads/main', `Merge pull request #${index + 1} from someone/topic`, body, [head, branch]);
    } else head = commit('refs/heads/main', message, body, head ? [head] : []);
  }
  const result = spawnSync('git', ['fast-import', '--quiet'], { cwd: folder, input: stream });
  if (result.status !== 0) throw new Error(String(result.stderr));
  spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: folder });
  spawnSync('git', ['branch', '-q', '-D', 'topic'], { cwd: folder });
  return { commits: mark };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count = '1000', folder = 'history-repo', seed = '17'] = process.argv.slice(2);
  const { commits } = generateHistory(Number(count), folder, Number(seed));
  console.log(`${folder}: ${commits} commits`);
}
