/**
 * Server-Sent Events: one `message` event per state or frame, `id:` = its seq, so a browser's own
 * reconnect sends `Last-Event-ID` and resumes. A comment line every `heartbeatMs` keeps proxies from
 * closing an idle connection; `retry:` sets the browser's reconnect delay for clients that rely on it.
 */
import type { ServerResponse } from 'node:http';
import type { Encoded } from '../stream/view.js';
import type { Transport } from './client.js';

export class SseTransport implements Transport {
  readonly kind = 'sse';
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly res: ServerResponse,
    heartbeatMs: number,
    retryMs = 2000,
  ) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx: do not buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${retryMs}\n\n`);
    this.heartbeat = setInterval(() => {
      if (res.writableLength === 0) res.write(': hb\n\n');
    }, heartbeatMs);
    res.on('close', () => clearInterval(this.heartbeat));
  }

  send(msg: Encoded, done: () => void): void {
    if (this.res.destroyed) {
      done();
      return;
    }
    this.res.write(msg.sse, () => done());
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.res.end();
    // A client that stopped reading never takes the end: do not keep its socket.
    this.res.destroy();
  }
}
