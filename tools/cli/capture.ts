import { Writable } from 'node:stream';

/**
 * An output stream that keeps what is written to it, for running the command inside another
 * program (the GitHub Action, tests). `isTTY` says whether it stands for a terminal: the command
 * colours and shapes its output by it.
 */
export class CapturedOutput extends Writable {
  text = '';
  readonly isTTY: boolean;

  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}
