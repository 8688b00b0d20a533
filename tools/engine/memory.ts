import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long run's memory near what it really holds. Checking a large corpus allocates a
 * little garbage per document (its text, its facts), and V8 on a machine with much memory lets
 * that garbage grow to hundreds of megabytes before it collects, although what the run keeps
 * alive (the corpus's front matter and the results) stays small. A run that checks many
 * documents asks for a full collection whenever the heap has grown well past what was alive
 * after the last one; each takes a few milliseconds.
 */
export class MemoryGuard {
  readonly #collect: (() => void) | undefined;
  #threshold: number;
  #count = 0;

  constructor(private readonly slack = 96 * 1024 * 1024) {
    this.#collect = collector();
    this.#threshold = process.memoryUsage().heapUsed + slack;
  }

  /** Called once per document; looks at the heap every few documents. */
  tick(): void {
    if (!this.#collect || ++this.#count % 64 !== 0) return;
    if (process.memoryUsage().heapUsed < this.#threshold) return;
    this.#collect();
    this.#threshold = process.memoryUsage().heapUsed + this.slack;
  }
}

let cached: (() => void) | undefined | null = null;

/** V8's collector, made callable (it is not exposed by default); undefined where that fails. */
function collector(): (() => void) | undefined {
  if (cached !== null) return cached;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    cached = typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    cached = undefined;
  }
  return cached;
}
