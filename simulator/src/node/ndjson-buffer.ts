/**
 * Collects NDJSON lines as UTF-8 in a reused Buffer (Node only). Encoding each line straight into one
 * buffer is much cheaper than joining millions of small strings into large ones before writing.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import { simNdjsonLine } from '../ndjson.js';

const CAPACITY = 1 << 21;

export class NdjsonBuffer {
  private buf = Buffer.allocUnsafe(CAPACITY);
  private off = 0;
  private done: Buffer[] = [];
  private doneBytes = 0;

  /** Bytes waiting to be taken. */
  get size(): number {
    return this.doneBytes + this.off;
  }

  add(e: WallboardEvent): void {
    const line = simNdjsonLine(e);
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (this.off + line.length * 3 > CAPACITY) this.seal();
    if (line.length * 3 > CAPACITY) {
      this.done.push(Buffer.from(line, 'utf8'));
      this.doneBytes += this.done[this.done.length - 1].length;
      return;
    }
    this.off += this.buf.write(line, this.off, 'utf8');
  }

  /** Everything added so far, as one Buffer (a copy: the internal buffer is reused). */
  take(): Buffer {
    this.seal();
    const out = this.done.length === 1 ? this.done[0] : Buffer.concat(this.done, this.doneBytes);
    this.done = [];
    this.doneBytes = 0;
    return out;
  }

  private seal(): void {
    if (this.off === 0) return;
    this.done.push(Buffer.from(this.buf.subarray(0, this.off)));
    this.doneBytes += this.off;
    this.off = 0;
  }
}
