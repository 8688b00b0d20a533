// Preloaded into every measured process (`node --import ./maxrss.mjs`): appends the peak
// resident set size in KiB to the file named by BENCH_RSS_FILE when the process exits.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
