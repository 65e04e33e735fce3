/**
 * NDJSON output: one event per line. Key order is fixed by how the core builds each event, so the same
 * scenario and seed give byte-identical text, run after run and in every JavaScript engine.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import { map, type OperatorFunction } from 'rxjs';

export function toNdjsonLine(e: WallboardEvent): string {
  return `${JSON.stringify(e)}\n`;
}

/** Maps events to NDJSON lines (each ending in "\n"). */
export function ndjson(): OperatorFunction<WallboardEvent, string> {
  return map(toNdjsonLine);
}

/**
 * Collects NDJSON text in chunks of about `chunkChars`, for writers that prefer few large writes.
 * `push` returns a full chunk when one is ready; `end` returns what is left.
 */
export class NdjsonChunker {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly chunkChars = 1 << 20) {}

  push(e: WallboardEvent): string | null {
    const line = toNdjsonLine(e);
    this.parts.push(line);
    this.size += line.length;
    if (this.size < this.chunkChars) return null;
    return this.take();
  }

  end(): string {
    return this.take();
  }

  private take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return s;
  }
}
