/** A half-open range of UTF-16 offsets into a document's text (BOM removed). */
export interface Range {
  start: number;
  end: number;
}

/** A 1-based line and column, as editors and ESLint show them. */
export interface Point {
  line: number;
  column: number;
}

export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Maps offsets to lines and columns. A line ends at `\n`; a `\r` before it belongs to the line,
 * so CRLF files get the same line numbers as LF files.
 */
export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.#starts = starts;
    this.#length = text.length;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1] ?? 0;
  }

  point(offset: number): Point {
    const clamped = Math.min(Math.max(offset, 0), this.#length);
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.#starts[low] ?? 0) + 1 };
  }

  place(range: Range): Place {
    const start = this.point(range.start);
    const end = this.point(Math.max(range.end, range.start));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}
