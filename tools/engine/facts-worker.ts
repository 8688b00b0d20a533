import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { BodyFacts } from '../model/markdown-facts.js';
import { documentFacts } from '../model/markdown.js';
import { decodeSource } from '../model/source.js';

/** A batch of documents to read and scan, by absolute path. */
export interface FactsRequest {
  id: number;
  paths: string[];
  maxFileSize: number | undefined;
}

/** The facts of each path of a request (undefined where the file could not be read: the main thread says why). */
export interface FactsResponse {
  id: number;
  bodies: (BodyFacts | undefined)[];
}

/**
 * The work of one worker thread: read documents and compute their Markdown facts exactly as the
 * main thread would (`StandardDocument.body`: empty facts for a file that cannot be decoded).
 */
export function factsOf(path: string, maxFileSize: number | undefined): BodyFacts | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const decoded = decodeSource(bytes, maxFileSize);
  return decoded.ok ? documentFacts(decoded.text) : { headings: [], links: [], directives: [], anchors: [] };
}

parentPort?.on('message', (request: FactsRequest) => {
  const response: FactsResponse = { id: request.id, bodies: request.paths.map((path) => factsOf(path, request.maxFileSize)) };
  parentPort?.postMessage(response);
});
