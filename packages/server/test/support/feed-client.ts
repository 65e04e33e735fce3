/**
 * A Node client of the feed protocol for tests: SSE (raw HTTP, so the test controls Last-Event-ID) or
 * WebSocket; keeps the state by applying deltas exactly as the browser client does, records every
 * message, and reconnects (round-robin over `urls`) with the last stream and seq when asked to.
 */
import { type ClientRequest, get, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { applyPatch, type JsonObject } from '../../src/stream/patch.js';

export interface ClientState {
  stream: string;
  seq: number;
  t: number;
  scopes: Record<string, JsonObject>;
}

export interface Message {
  type: 'snapshot' | 'delta';
  stream: string;
  seq: number;
  base?: number;
  at: number;
  receivedAt: number;
  scopes: Record<string, JsonObject>;
  replaced?: string[];
  removed?: string[];
}

export interface FeedClientOptions {
  urls: string[];
  transport: 'sse' | 'ws';
  token?: string;
  scopes?: string[];
  delta?: boolean;
  reconnect?: boolean;
  /** Resume from here on the first connection (a whole ClientState also becomes the starting state). */
  since?: { stream: string; seq: number } | ClientState;
  /** Send the seq as the Last-Event-ID header (SSE) instead of query parameters. */
  lastEventIdHeader?: boolean;
}

export class FeedClient {
  state: ClientState | undefined;
  readonly messages: Message[] = [];
  /** Deltas that did not follow the state (must stay 0). */
  protocolErrors = 0;
  connects = 0;
  status: number | undefined;
  private req: ClientRequest | undefined;
  private ws: WebSocket | undefined;
  private closed = false;
  private urlIndex = 0;

  constructor(readonly options: FeedClientOptions) {
    if (options.since && 'scopes' in options.since) this.state = options.since;
  }

  start(): this {
    this.connect();
    return this;
  }

  close(): void {
    this.closed = true;
    this.req?.destroy();
    this.ws?.terminate();
  }

  /** Drops the connection as a network failure would (the client reconnects if it is set to). */
  drop(): void {
    this.req?.destroy();
    this.ws?.terminate();
  }

  async waitFor(what: string, pred: () => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private url(): string {
    const base = this.options.urls[this.urlIndex % this.options.urls.length];
    const q = new URLSearchParams();
    if (this.options.token) q.set('token', this.options.token);
    if (this.options.scopes) q.set('scopes', this.options.scopes.join(','));
    if (this.options.delta !== false) q.set('delta', '1');
    const from = this.state ?? this.options.since;
    if (from && !this.options.lastEventIdHeader) {
      q.set('since', String(from.seq));
      q.set('stream', from.stream);
    }
    const path = this.options.transport === 'ws' ? '/ws' : '/stream';
    const url = `${base}${path}?${q}`;
    return this.options.transport === 'ws' ? url.replace(/^http/, 'ws') : url;
  }

  private retry(): void {
    if (this.closed || !this.options.reconnect) return;
    this.urlIndex++;
    setTimeout(() => this.connect(), 100);
  }

  private connect(): void {
    if (this.closed) return;
    this.connects++;
    if (this.options.transport === 'ws') this.connectWs();
    else this.connectSse();
  }

  private connectSse(): void {
    const headers: Record<string, string> = {};
    const from = this.state ?? this.options.since;
    if (from && this.options.lastEventIdHeader) headers['Last-Event-ID'] = String(from.seq);
    const req = get(this.url(), { headers }, (res: IncomingMessage) => {
      this.status = res.statusCode;
      if (res.statusCode !== 200) {
        res.resume();
        res.on('end', () => this.retry());
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) this.onMessage(data);
          i = buf.indexOf('\n\n');
        }
      });
      res.on('close', () => this.retry());
    });
    req.on('error', () => this.retry());
    this.req = req;
  }

  private connectWs(): void {
    const ws = new WebSocket(this.url());
    this.ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      this.status = res.statusCode;
      res.resume();
    });
    ws.on('open', () => {
      this.status = 101;
    });
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('error', () => {});
    ws.on('close', () => this.retry());
  }

  private onMessage(data: string): void {
    const m = JSON.parse(data) as Message;
    if (m.type !== 'snapshot' && m.type !== 'delta') return;
    m.receivedAt = Date.now();
    this.messages.push(m);
    if (m.type === 'snapshot') {
      this.state = { stream: m.stream, seq: m.seq, t: (m as unknown as { t: number }).t, scopes: m.scopes };
      return;
    }
    const s = this.state;
    if (!s || s.stream !== m.stream || s.seq !== m.base) {
      this.protocolErrors++;
      return;
    }
    const scopes = { ...s.scopes };
    for (const k of m.removed ?? []) delete scopes[k];
    const replaced = new Set(m.replaced ?? []);
    for (const k in m.scopes) scopes[k] = replaced.has(k) ? m.scopes[k] : applyPatch(scopes[k], m.scopes[k]);
    this.state = { stream: m.stream, seq: m.seq, t: (m as unknown as { t: number }).t, scopes };
  }
}
