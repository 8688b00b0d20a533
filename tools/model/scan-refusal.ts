/**
 * Thrown by the fast scanner (scan.ts) when it meets something it does not model exactly; the
 * caller then falls back to the remark parser. The reason is for debugging and the benchmark.
 */
export class Refusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Refusal';
  }
}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}
