import { structuredPatch } from 'diff';

/** One file of a change, as `git diff` shows it; paths are relative with `/` separators. */
export interface DiffFile {
  /** The path before; undefined for a new file. */
  from: string | undefined;
  to: string;
  before: string;
  after: string;
}

const CONTEXT = 3;

/**
 * A unified diff in the format of `git diff` (renames and new files included), which
 * `git apply` accepts. Lines keep their exact characters, carriage returns included.
 */
export function unifiedDiff(files: readonly DiffFile[]): string {
  let out = '';
  for (const file of files) {
    const from = file.from ?? file.to;
    const renamed = file.from !== undefined && file.from !== file.to;
    if (!renamed && file.from !== undefined && file.before === file.after) continue;
    out += `diff --git a/${from} b/${file.to}\n`;
    if (file.from === undefined) out += 'new file mode 100644\n';
    if (renamed) out += `rename from ${file.from}\nrename to ${file.to}\n`;
    if (file.before === file.after && file.from !== undefined) continue;
    out += `--- ${file.from === undefined ? '/dev/null' : `a/${from}`}\n+++ b/${file.to}\n`;
    const patch = structuredPatch(from, file.to, file.before, file.after, '', '', { context: CONTEXT });
    for (const hunk of patch.hunks) {
      out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
      for (const line of hunk.lines) out += `${line}\n`;
    }
  }
  return out;
}

/** A hunk range as unified diffs write it: an empty range names the line before it. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${Math.max(start - 1, 0)},0`;
  return lines === 1 ? String(start) : `${start},${lines}`;
}
