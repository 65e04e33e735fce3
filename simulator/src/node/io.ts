/** The CLI's process-bound I/O (Node only): files, standard streams, Ctrl-C. */
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { CliError, type CliIo, type OutputStream } from '../cli/io.js';

/** A writable with backpressure; a closed pipe (`| head`) ends the output quietly. */
function streamOutput(stream: Writable, name: string, closeStream: boolean): OutputStream {
  let failure: Error | null = null;
  let broken = false;
  // Writers waiting for 'drain'; an error wakes them too (the next write reports it).
  let waiting: Array<() => void> = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  stream.on('drain', wake);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') broken = true;
    else failure = new CliError(`cannot write ${name}: ${err.message}`, 1);
    wake();
  });
  return {
    get gone() {
      return broken;
    },
    write(data) {
      if (failure) return Promise.reject(failure);
      if (broken) return Promise.resolve();
      if (stream.write(data)) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      if (failure) return Promise.reject(failure);
      if (!closeStream || broken) return Promise.resolve();
      return new Promise((resolve, reject) => {
        stream.end(() => (failure ? reject(failure) : resolve()));
      });
    },
  };
}

export const nodeIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTty: Boolean(process.stderr.isTTY),
  readFile: async (path) => readFileSync(path, 'utf8'),
  isFile: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  openOutput: (target) =>
    target === '-'
      ? streamOutput(process.stdout, 'standard output', false)
      : streamOutput(createWriteStream(target), target, true),
  now: () => performance.now(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
};
