import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StandardDocument } from '../model/document.js';
import type { FactsCache } from './cache.js';
import type { FactsRequest, FactsResponse } from './facts-worker.js';

/** `--concurrency`: `auto`, `off`, or a number of worker threads. */
export type Concurrency = 'auto' | 'off' | number;

/** Below this many bytes to parse, threads cost more to start than they save. */
export const AUTO_MIN_BYTES = 512 * 1024 * 1024;
const BATCH = 32;

export interface PrefetchReport {
  cached: number;
  threads: number;
  parsed: number;
}

/**
 * Gets the Markdown facts of the documents a run reports on before the rules run: from the cache
 * where their content is unchanged, and, when there is enough left to parse, in worker threads on
 * every core. What is not prefetched is parsed when a rule first asks for it, as before. Each
 * document's whole text is let go again, so that a large corpus never sits in memory at once.
 */
export async function prefetchBodies(
  docs: readonly StandardDocument[],
  options: { cache?: FactsCache | undefined; concurrency: Concurrency; maxFileSize: number | undefined },
): Promise<PrefetchReport> {
  // Without threads there is nothing to do ahead: cached facts are read, and the others
  // parsed, as each document is checked, so that only one document's facts are held at a time.
  const candidates = docs.filter((doc) => !doc.hasBody);
  // A warm cache leaves little to parse, and finding out what would cost a read of every file.
  const warm = options.cache !== undefined && options.cache.status === 'used';
  const threads = warm && options.concurrency === 'auto' ? 0 : threadCount(options.concurrency, candidates);
  const script = threads > 0 ? workerScript() : undefined;
  if (!script) return { cached: 0, threads: 0, parsed: 0 };
  let cached = 0;
  const missing: StandardDocument[] = [];
  for (const doc of candidates) {
    if (options.cache?.has(doc)) cached++;
    else missing.push(doc);
    doc.release();
  }
  if (missing.length === 0) return { cached, threads: 0, parsed: 0 };
  const bodies = await inWorkers(script, threads, missing, options.maxFileSize);
  let parsed = 0;
  for (const [index, doc] of missing.entries()) {
    const body = bodies[index];
    if (body) {
      doc.setBody(body);
      parsed++;
    }
  }
  return { cached, threads, parsed };
}

function threadCount(concurrency: Concurrency, docs: readonly StandardDocument[]): number {
  if (concurrency === 'off') return 0;
  if (typeof concurrency === 'number') return concurrency;
  let bytes = 0;
  for (const doc of docs) bytes += doc.size;
  return bytes >= AUTO_MIN_BYTES ? Math.min(availableParallelism(), 4) : 0;
}

/** The bundled worker script, next to the command (none when run from the sources). */
function workerScript(): string | undefined {
  for (const relative of ['./facts-worker.js', '../facts-worker.js']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (path.endsWith('.js') && existsSync(path) && !import.meta.url.endsWith('.ts')) return path;
  }
  return undefined;
}

async function inWorkers(script: string, threads: number, docs: readonly StandardDocument[], maxFileSize: number | undefined): Promise<(FactsResponse['bodies'][number])[]> {
  const bodies: FactsResponse['bodies'] = new Array(docs.length);
  const batches: { id: number; start: number; paths: string[] }[] = [];
  for (let start = 0; start < docs.length; start += BATCH) {
    batches.push({ id: batches.length, start, paths: docs.slice(start, start + BATCH).map((doc) => doc.path) });
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              const batch = batches[next++];
              if (!batch) {
                resolve();
                return;
              }
              const request: FactsRequest = { id: batch.id, paths: batch.paths, maxFileSize };
              worker.postMessage(request);
            };
            worker.on('message', (response: FactsResponse) => {
              const batch = batches[response.id];
              if (batch) response.bodies.forEach((body, index) => (bodies[batch.start + index] = body));
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a worker thread stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return bodies;
}
