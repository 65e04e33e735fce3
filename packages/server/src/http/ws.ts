/**
 * WebSocket: the same messages as SSE. Clients may send only a small vocabulary, as JSON text:
 *   {"type":"ping"}                               -> {"type":"pong"}
 *   {"type":"resume","since":N,"stream":"S"}      -> the frames after N (or the whole state)
 * Anything else (binary, not JSON, another type, over `maxMessageBytes`, faster than the rate limit)
 * closes the connection with 1008 (policy) or 1009 (too big): clients can never send events.
 */
import type { WebSocket } from 'ws';
import type { Encoded } from '../stream/view.js';
import type { Transport } from './client.js';

export class WsTransport implements Transport {
  readonly kind = 'ws';
  constructor(private readonly ws: WebSocket) {}

  send(msg: Encoded, done: () => void): void {
    if (this.ws.readyState !== this.ws.OPEN) {
      done();
      return;
    }
    this.ws.send(msg.text, { binary: false }, () => done());
  }

  close(reason: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(1001, reason.slice(0, 100));
    // close() waits for the peer's close frame; a peer that stopped reading never sends it.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }
}

/** A token bucket: `ratePerSec` messages a second on average, bursts up to `burst`. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens--;
    return true;
  }
}

export type ClientMessage = { type: 'ping' } | { type: 'resume'; since: number; stream?: string };

/** Parses a client's message; a string saying what is wrong when it is not in the vocabulary. */
export function parseClientMessage(text: string): ClientMessage | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'messages must be JSON';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'messages must be JSON objects';
  const m = v as Record<string, unknown>;
  const keys = Object.keys(m);
  if (m.type === 'ping' && keys.length === 1) return { type: 'ping' };
  if (m.type === 'resume') {
    if (!Number.isSafeInteger(m.since) || (m.since as number) < 0)
      return 'resume needs "since": a sequence number';
    if (m.stream !== undefined && (typeof m.stream !== 'string' || m.stream.length > 64))
      return 'resume: "stream" must be a stream id';
    if (keys.some((k) => k !== 'type' && k !== 'since' && k !== 'stream')) return 'resume: unknown field';
    return { type: 'resume', since: m.since as number, stream: m.stream as string | undefined };
  }
  return 'only "ping" and "resume" messages are accepted';
}
