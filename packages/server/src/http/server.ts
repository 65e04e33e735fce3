/**
 * The HTTP side: GET /health, /snapshot, /stream (SSE), /ws (WebSocket) and the built console. Read-only
 * by construction: there is no route that takes data in, every other method gets 405, and WebSocket
 * clients may only ping and resume. Data endpoints need a token when a tokens file is given, and answer
 * browsers only from allowed origins.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { CorsPolicy } from '../access/cors.js';
import { type HostPolicy, isLoopbackHost } from '../access/hosts.js';
import { ALL, type Grants, MAX_TOKEN_LENGTH, type TokenTable } from '../access/tokens.js';
import type { StreamHub } from '../stream/hub.js';
import { ViewRegistry } from '../stream/view.js';
import { ClientConnection } from './client.js';
import { SseTransport } from './sse.js';
import type { StaticFiles } from './static.js';
import { parseClientMessage, RateLimiter, WsTransport } from './ws.js';

export interface HttpOptions {
  host: string;
  port: number;
  tokens?: TokenTable;
  cors: CorsPolicy;
  /** The DNS-rebinding guard (absent: no Host check). */
  hosts?: HostPolicy;
  files: StaticFiles;
  /** Bytes a client may have unsent before it skips frames (default 4 MiB). */
  maxBufferBytes: number;
  /** A client behind for this long is disconnected. */
  stallTimeoutMs: number;
  /** SSE comment / WebSocket ping interval. */
  heartbeatMs: number;
  maxClients: number;
  /** What a WebSocket client may send: bytes per message, messages a second, burst. */
  wsMaxMessageBytes: number;
  wsRatePerSec: number;
  wsBurst: number;
}

export interface Health {
  ok: boolean;
  [key: string]: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface Access {
  grants: Grants;
  requested: ReadonlySet<string> | null;
  mode: 'delta' | 'full';
  since: number | undefined;
  stream: string | undefined;
}

const MAX_REQUESTED_SCOPES = 500;

export class FeedServer {
  readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly views = new ViewRegistry();
  private readonly clients = new Set<ClientConnection>();
  private readonly sweep: ReturnType<typeof setInterval>;
  private totals = { connections: 0, rejected: 0, stalled: 0 };

  constructor(
    private readonly hub: StreamHub,
    private readonly options: HttpOptions,
    private readonly health: () => Health | Promise<Health>,
  ) {
    this.http = createServer((req, res) => this.onRequest(req, res));
    // Keep-alive sockets of finished requests must not hold the process open at shutdown.
    this.http.keepAliveTimeout = 5000;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.wsMaxMessageBytes,
      perMessageDeflate: false,
    });
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
    this.sweep = setInterval(() => {
      const now = Date.now();
      for (const c of this.clients) c.checkStall(now);
    }, 1000);
    this.sweep.unref();
  }

  listen(): Promise<{ port: number; url: string }> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', reject);
        const { port } = this.http.address() as AddressInfo;
        const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
        resolve({ port, url: `http://${host}:${port}` });
      });
    });
  }

  /** Closes every client and the listener. */
  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const c of [...this.clients]) c.close('server shutting down');
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  stats() {
    let sse = 0;
    let ws = 0;
    let behind = 0;
    let resyncs = 0;
    let dropped = 0;
    for (const c of this.clients) {
      if (c.kind === 'sse') sse++;
      else ws++;
      if (c.isBehind) behind++;
      resyncs += c.stats.resyncs;
      dropped += c.stats.dropped;
    }
    return { sse, ws, behind, views: this.views.size, resyncs, dropped, ...this.totals };
  }

  /** Buffered bytes of each client, for tests of the slow-client bound. */
  clientBuffers(): number[] {
    return [...this.clients].map((c) => c.buffered);
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    const cors = this.options.cors.headers(origin);
    try {
      this.checkHost(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'OPTIONS') {
        if (!this.options.cors.allows(origin, req.headers.host))
          throw new HttpError(403, 'origin not allowed');
        res.writeHead(204, cors);
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new HttpError(405, 'this server is read-only: GET only', { Allow: 'GET, HEAD, OPTIONS' });
      const head = req.method === 'HEAD';
      switch (url.pathname) {
        case '/health': {
          const detail = this.healthDetail(req, url);
          Promise.resolve(this.health()).then(
            (h) => {
              const body = { ...(detail ? h : redactHealth(h)), detail, clients: this.stats() };
              sendJson(res, h.ok ? 200 : 503, JSON.stringify(body), cors, head);
            },
            (err: Error) => sendJson(res, 500, JSON.stringify({ ok: false, error: err.message }), cors, head),
          );
          return;
        }
        case '/snapshot': {
          const access = this.authorize(req, url);
          const state = this.hub.state;
          if (!state) throw new HttpError(503, 'no snapshot yet: the source has not produced one');
          const view = this.views.acquire(access.grants, access.requested);
          try {
            sendJson(res, 200, view.snapshot(state).json, cors, head);
          } finally {
            this.views.release(view);
          }
          return;
        }
        case '/stream': {
          const access = this.authorize(req, url);
          this.admit();
          if (head) {
            res.writeHead(200, { 'Content-Type': 'text/event-stream', ...cors });
            res.end();
            return;
          }
          for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
          const transport = new SseTransport(res, this.options.heartbeatMs);
          const client = this.connect(access, transport);
          res.on('close', () => client.disposed());
          client.resume(access.since, access.stream);
          return;
        }
        case '/ws':
          throw new HttpError(426, 'connect with a WebSocket upgrade', { Upgrade: 'websocket' });
        default:
          if (!this.options.files.serve(url.pathname, res, head)) throw new HttpError(404, 'not found');
      }
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(400, 'bad request');
      if (e.status === 401 || e.status === 403 || e.status === 421) this.totals.rejected++;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, e.status, JSON.stringify({ error: e.message }), { ...cors, ...e.headers }, false);
    }
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let access: Access;
    try {
      this.checkHost(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/ws') throw new HttpError(404, 'not found');
      access = this.authorize(req, url);
      this.admit();
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(400, 'bad request');
      if (e.status === 401 || e.status === 403 || e.status === 421) this.totals.rejected++;
      const body = JSON.stringify({ error: e.message });
      socket.end(
        `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status] ?? 'Error'}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onWebSocket(ws, access));
  }

  private onWebSocket(ws: WebSocket, access: Access): void {
    const client = this.connect(access, new WsTransport(ws));
    const limiter = new RateLimiter(this.options.wsRatePerSec, this.options.wsBurst);
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, this.options.heartbeatMs * 2);
    ws.on('pong', () => {
      alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (!limiter.take()) {
        client.close('rate limit: too many messages');
        return;
      }
      if (isBinary) {
        ws.close(1003, 'text messages only');
        return;
      }
      const msg = parseClientMessage(data.toString());
      if (typeof msg === 'string') {
        ws.close(1008, msg.slice(0, 100));
        return;
      }
      if (msg.type === 'ping') ws.send('{"type":"pong"}');
      else client.resume(msg.since, msg.stream);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(ping);
      client.disposed();
    });
    client.resume(access.since, access.stream);
  }

  private connect(access: Access, transport: SseTransport | WsTransport): ClientConnection {
    this.totals.connections++;
    const view = this.views.acquire(access.grants, access.requested);
    const client = new ClientConnection(
      this.hub,
      view,
      transport,
      {
        mode: access.mode,
        maxBufferBytes: this.options.maxBufferBytes,
        stallTimeoutMs: this.options.stallTimeoutMs,
      },
      (c) => {
        if (!this.clients.delete(c)) return;
        this.views.release(c.view);
        if (c.isBehind) this.totals.stalled++;
      },
    );
    this.clients.add(client);
    return client;
  }

  private admit(): void {
    if (this.clients.size >= this.options.maxClients)
      throw new HttpError(503, 'too many clients on this instance', { 'Retry-After': '5' });
  }

  /** Refuses a request addressed to a name that is not this server's (DNS rebinding): 421. */
  private checkHost(req: IncomingMessage): void {
    const hosts = this.options.hosts;
    if (hosts && !hosts.allows(req.headers.host))
      throw new HttpError(
        421,
        `this server answers to ${hosts.allowedNames.join(', ')} only (add a name with --origins, or see --host)`,
      );
  }

  /**
   * Whether /health may show details (the latest bad lines, which start with raw source text and so
   * may hold callers' numbers): with --tokens, for a token granted `*`; without, for `?detail=1` from
   * this machine, addressed to a loopback name (a page DNS-rebound to 127.0.0.1, or a proxy on this
   * machine forwarding an outside request, names another host). Everyone else gets counts and reasons
   * only (a load balancer's check needs no token).
   */
  private healthDetail(req: IncomingMessage, url: URL): boolean {
    if (this.options.tokens) return this.tokenGrants(req, url).grants?.includes('*') === true;
    const asked = url.searchParams.get('detail');
    return (
      (asked === '1' || asked === 'true') &&
      isLoopbackAddress(req.socket.remoteAddress) &&
      isLoopbackHost(req.headers.host)
    );
  }

  /** The token a request presents (if any) and its grants (undefined for none or an unknown one). */
  private tokenGrants(req: IncomingMessage, url: URL): { token?: string; grants?: Grants } {
    const token = presentedToken(req, url);
    if (!token || !this.options.tokens || token.length > MAX_TOKEN_LENGTH) return { token };
    return { token, grants: this.options.tokens.lookup(token) };
  }

  /** Checks origin and token; reads the stream parameters. Throws HttpError 401/403/400. */
  private authorize(req: IncomingMessage, url: URL): Access {
    if (!this.options.cors.allows(req.headers.origin, req.headers.host))
      throw new HttpError(403, 'origin not allowed (see --origins)');
    let grants: Grants = ALL;
    if (this.options.tokens) {
      const presented = this.tokenGrants(req, url);
      if (!presented.token)
        throw new HttpError(401, 'a token is required (Authorization: Bearer T, or ?token=T)', {
          'WWW-Authenticate': 'Bearer realm="wallboard"',
        });
      if (!presented.grants) throw new HttpError(403, 'unknown token');
      grants = presented.grants;
    }
    const scopesParam = url.searchParams.get('scopes');
    let requested: Set<string> | null = null;
    if (scopesParam !== null) {
      const list = scopesParam.split(',').filter((s) => s !== '');
      if (list.length > MAX_REQUESTED_SCOPES || list.some((s) => s.length > 200))
        throw new HttpError(400, `scopes: at most ${MAX_REQUESTED_SCOPES} keys of at most 200 characters`);
      requested = new Set(list);
    }
    const sinceRaw = url.searchParams.get('since') ?? req.headers['last-event-id'];
    let since: number | undefined;
    if (typeof sinceRaw === 'string' && sinceRaw !== '') {
      since = Number(sinceRaw);
      if (!Number.isSafeInteger(since) || since < 0)
        throw new HttpError(400, 'since / Last-Event-ID must be a sequence number');
    }
    const stream = url.searchParams.get('stream') ?? undefined;
    if (stream !== undefined && stream.length > 64) throw new HttpError(400, 'stream: not a stream id');
    const delta = url.searchParams.get('delta');
    return { grants, requested, mode: delta === '1' || delta === 'true' ? 'delta' : 'full', since, stream };
  }
}

/** The token a request presents: `Authorization: Bearer T`, else `?token=T`. */
function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? url.searchParams.get('token') ?? undefined;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\./.test(a);
}

/** Keys of health reports that carry source text (SourceStatus.recentBad, the engine's `recent`). */
const DETAIL_KEYS = new Set(['recentBad', 'recent']);

/**
 * A health report without details: the same counts and reasons, minus the latest bad lines, at any
 * depth (a subscriber's report holds its publisher's).
 */
export function redactHealth<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactHealth) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!DETAIL_KEYS.has(k)) out[k] = redactHealth(v);
  return out as T;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
  head: boolean,
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(head ? undefined : body);
}
