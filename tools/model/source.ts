import { isUtf8 } from 'node:buffer';
import { LineIndex, type Range } from './positions.js';

/** Limits on what is read at all. */
export const SOURCE_LIMITS = {
  /** Files above this many bytes are reported, not parsed. */
  maxFileSize: 2 * 1024 * 1024,
};

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** The file name alone. */
  fileName: string;
  /** The text without a byte order mark. */
  text: string;
  /** Whether the file began with a UTF-8 byte order mark. */
  bom: boolean;
  /** Whether the file uses CRLF line endings. */
  crlf: boolean;
  lines: LineIndex;
}

export interface SourceProblem {
  message: string;
  range: Range;
}

export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; problem: SourceProblem; text: string; bom: boolean };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes a file's bytes as UTF-8. Binary content (a NUL byte) and invalid UTF-8 are
 * problems positioned at the first offending character; the text up to that point is kept
 * so that the position can be expressed as line and column.
 */
export function decodeSource(bytes: Uint8Array, maxFileSize = SOURCE_LIMITS.maxFileSize, kind = 'a Markdown document'): DecodeResult {
  if (bytes.length > maxFileSize) {
    return {
      ok: false,
      text: '',
      bom: false,
      problem: { message: tooLargeMessage(bytes.length, maxFileSize), range: { start: 0, end: 0 } },
    };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  // The native check is fast; the position of a bad byte is only looked for when there is one.
  const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (nul !== -1 && (invalid === -1 || nul <= invalid)) {
    const prefix = decoder.decode(body.subarray(0, nul));
    return {
      ok: false,
      text: prefix,
      bom,
      problem: { message: `File contains binary content (a NUL byte): not ${kind}`, range: { start: prefix.length, end: prefix.length } },
    };
  }
  if (invalid !== -1) {
    const prefix = decoder.decode(body.subarray(0, invalid));
    const byte = body[invalid] ?? 0;
    return {
      ok: false,
      text: prefix,
      bom,
      problem: {
        message: `File is not valid UTF-8: unexpected byte 0x${byte.toString(16).padStart(2, '0')}; save the file as UTF-8`,
        range: { start: prefix.length, end: prefix.length + 1 },
      },
    };
  }
  return { ok: true, text: decoder.decode(body), bom };
}

/** A file a loader refused to read, with the whole message for the person (a read problem). */
export class ReadRefusal extends Error {}

export function tooLargeMessage(size: number, limit: number): string {
  return `File is ${size} bytes, over the limit of ${limit} bytes: not parsed (raise \`maxFileSize\` in the configuration if this is intended)`;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else return index;
    let code = byte & (0x3f >> needed);
    for (let k = 1; k <= needed; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += needed + 1;
  }
  return -1;
}

/** The lines of an empty text (shared: a line index never changes). */
const NO_LINES = new LineIndex('');

export function makeSource(path: string, fileName: string, text: string, bom: boolean): SourceFile {
  return { path, fileName, text, bom, crlf: text.includes('\r\n'), lines: text === '' ? NO_LINES : new LineIndex(text) };
}
