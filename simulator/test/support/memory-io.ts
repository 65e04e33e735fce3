import { readFileSync, statSync } from 'node:fs';
import type { CliIo, OutputStream } from '../../src/cli/io.js';

/** In-memory CLI I/O: captures stdout, stderr and written files; reads real files. */
export class MemoryIo implements CliIo {
  out = '';
  err = '';
  files = new Map<string, string>();
  stderrIsTty = false;

  stdout(s: string) {
    this.out += s;
  }

  stderr(s: string) {
    this.err += s;
  }

  async readFile(path: string) {
    return readFileSync(path, 'utf8');
  }

  isFile(path: string) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }

  openOutput(target: string): OutputStream {
    const io = this;
    if (target !== '-') this.files.set(target, '');
    return {
      gone: false,
      async write(data: string | Uint8Array) {
        const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
        if (target === '-') io.out += text;
        else io.files.set(target, (io.files.get(target) ?? '') + text);
      },
      async close() {},
    };
  }

  now() {
    return performance.now();
  }

  onInterrupt() {
    return () => {};
  }
}
