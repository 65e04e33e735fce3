import { readMetric, type ScopeSnapshot, type Snapshot, type WallboardStore } from '@wallboard/metrics';
import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import { type BackoffOptions, backoffDelay } from './backoff.js';
import { applyPatch, type JsonObject } from './patch.js';

/**
 * `connecting`: no data yet, or reconnecting with data still fresh; `live`: data flowing; `stale`: no new
 * data for `staleAfterMs`; `unauthorized`: the server refused the token (HTTP 401 or 403), retried only at
 * the longest backoff delay until it is accepted; `error`: `src` or `transport` cannot be used (see
 * `error`), nothing is connected; `closed`: `close()` was called.
 */
export type LiveFeedState = 'connecting' | 'live' | 'stale' | 'unauthorized' | 'error' | 'closed';

export interface LiveFeedOptions {
  /** The server's stream URL (`https://host/stream`); for WebSocket `/ws` is used on the same server (a `ws:`/`wss:` URL is taken as it is). */
  src: string;
  /** Read-only token; sent as `?token=` (EventSource and browser WebSockets cannot set headers). */
  token?: string;
  transport?: 'sse' | 'ws';
  /** Only these scopes (the token may narrow them further). */
  scopes?: readonly string[];
  /** No new snapshot for this long (ms) turns the state to `stale`. Default 10 000. */
  staleAfterMs?: number;
  backoff?: BackoffOptions;
  /** Settings to report before the server's first snapshot says what they are. */
  settings?: Partial<WallboardStore['settings']>;
  /** Constructors to use instead of the browser's (tests, other runtimes). */
  EventSource?: typeof EventSource;
  WebSocket?: typeof WebSocket;
  /** Used to ask the server why a connection failed (a `HEAD` of the stream URL: 401/403 or not). */
  fetch?: typeof fetch;
}

const DEFAULT_SETTINGS: WallboardStore['settings'] = {
  slThresholdSec: 20,
  slTarget: 0.8,
  slFormula: 'abandons-count-against',
  shortAbandonSec: 5,
  timeZone: 'UTC',
  intervalMin: 15,
};

interface Wire {
  type: 'snapshot' | 'delta' | 'pong';
  stream: string;
  seq: number;
  base?: number;
  t: number;
  timeZone?: string;
  settings?: WallboardStore['settings'];
  scopes: Record<string, JsonObject>;
  replaced?: string[];
  removed?: string[];
}

const FEED_PROTOCOLS = ['http:', 'https:', 'ws:', 'wss:'];

/** What `feedProblem` calls the two settings in its sentences (an attribute, a URL parameter...). */
export interface FeedSettingNames {
  src: string;
  transport: string;
}

/**
 * Why `src` (with `transport`) cannot be a feed, in one sentence naming the setting; null when it can.
 * A relative address is resolved against the page. Never throws.
 */
export function feedProblem(
  src: string | null | undefined,
  transport?: string | null,
  names: FeedSettingNames = { src: 'src', transport: 'transport' },
): string | null {
  const hint = "give the server's stream address, like https://host/stream";
  if (transport != null && transport !== 'sse' && transport !== 'ws')
    return `${names.transport} must be "sse" or "ws", got "${transport}"`;
  if (src == null || src.trim() === '') return `${names.src} is empty (${hint})`;
  let u: URL;
  try {
    u = new URL(src, typeof location === 'undefined' ? undefined : location.href);
  } catch {
    return `${names.src} "${src}" is not a valid address (${hint})`;
  }
  if (!FEED_PROTOCOLS.includes(u.protocol))
    return `${names.src} "${src}" is not an http(s) or ws(s) address (${hint})`;
  return null;
}

/**
 * The URL to connect to for a transport, with the query the server reads. `sse` takes an http(s) URL as
 * it is (a ws(s) one is turned into its `/stream`); `ws` turns http(s) into ws(s) and `/stream` into `/ws`.
 * Throws on an address that `feedProblem` rejects.
 */
export function feedUrl(
  src: string,
  transport: 'sse' | 'ws',
  query: Record<string, string | undefined>,
): string {
  const problem = feedProblem(src, transport);
  if (problem) throw new TypeError(problem);
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  const u = new URL(src, base);
  const secure = u.protocol === 'https:' || u.protocol === 'wss:';
  if (transport === 'ws') {
    u.protocol = secure ? 'wss:' : 'ws:';
    u.pathname = u.pathname.replace(/\/stream\/?$/, '/ws');
    if (!u.pathname.endsWith('/ws')) u.pathname = `${u.pathname.replace(/\/$/, '')}/ws`;
  } else if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    u.protocol = secure ? 'https:' : 'http:';
    u.pathname = u.pathname.replace(/\/ws\/?$/, '/stream');
  }
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}

/**
 * A `WallboardStore` fed by a wallboard server (`wallboard-server`) over Server-Sent Events or a
 * WebSocket. It receives the whole state once and then patches; each state has a sequence number within a
 * stream, and a state at or below the one it holds is ignored, so nothing is ever counted twice. When the
 * connection drops it reconnects with exponential backoff and jitter and resumes from its last sequence
 * (the server sends what it missed, or the whole state); a patch that does not follow its state makes it
 * resync at once. `state$` says whether the data is live.
 *
 * A connection that fails before it opens is followed by a `HEAD` of the stream URL to learn why (neither
 * EventSource nor WebSocket exposes the HTTP status): 401 or 403 turns the state to `unauthorized`, and the
 * store then asks again only at the longest backoff delay (default 30 s), so a board whose token is fixed
 * on the server recovers by itself without hammering it. An unusable `src` is state `error`, no exception.
 *
 *     const store = new LiveFeedStore({ src: 'https://wall.example.com/stream', token, transport: 'ws' });
 *     board.store = store;
 *     store.state$.subscribe((s) => console.log(s));
 *     // later: store.close();
 */
export class LiveFeedStore implements WallboardStore {
  readonly snapshots$: Observable<Snapshot>;
  readonly state$: Observable<LiveFeedState>;
  /** Whether the SSE stream or WebSocket is open now (data may still be stale: a quiet server). */
  readonly connected$: Observable<boolean>;
  readonly #snapshot = new BehaviorSubject<Snapshot | null>(null);
  readonly #state = new BehaviorSubject<LiveFeedState>('connecting');
  readonly #connected = new BehaviorSubject(false);
  readonly #options: LiveFeedOptions;
  #settings: WallboardStore['settings'];
  #stream: string | undefined;
  #seq = 0;
  #scopes: Record<string, JsonObject> = {};
  #es: EventSource | undefined;
  #ws: WebSocket | undefined;
  #open = false;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #watchTimer: ReturnType<typeof setInterval> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #lastFreshAt = 0;
  #staleAfterMs: number;
  #closed = false;
  #error: string | null = null;
  #unauthorized = false;
  /** Connections opened so far (for diagnostics and tests). */
  connects = 0;

  constructor(options: LiveFeedOptions) {
    this.#options = options;
    this.#settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.#staleAfterMs = positive(options.staleAfterMs, 10_000);
    this.snapshots$ = this.#snapshot.pipe(filter((s): s is Snapshot => s !== null));
    this.state$ = this.#state.pipe(distinctUntilChanged());
    this.connected$ = this.#connected.pipe(distinctUntilChanged());
    this.#error = feedProblem(options.src, options.transport ?? 'sse');
    if (this.#error) {
      this.#state.next('error');
      return;
    }
    this.#startWatch();
    this.#connect();
  }

  get settings(): WallboardStore['settings'] {
    return this.#settings;
  }

  get state(): LiveFeedState {
    return this.#state.value;
  }

  /** Whether the SSE stream or WebSocket is open now. */
  get connected(): boolean {
    return this.#connected.value;
  }

  /** Why the state is `error` or `unauthorized`, in one sentence; null otherwise. */
  get error(): string | null {
    return this.#error;
  }

  /** The latest snapshot, or null before the first. */
  get snapshot(): Snapshot | null {
    return this.#snapshot.value;
  }

  /** No new snapshot for this long (ms) turns the state to `stale`; may be changed while connected. */
  get staleAfterMs(): number {
    return this.#staleAfterMs;
  }
  set staleAfterMs(ms: number) {
    const next = positive(ms, 10_000);
    if (next === this.#staleAfterMs) return;
    this.#staleAfterMs = next;
    if (this.#watchTimer !== undefined) {
      this.#startWatch();
      this.#watch();
    }
  }

  select<T = number | null>(scope: string, metric: string): Observable<T> {
    const path = metric.split('.');
    return this.snapshots$.pipe(
      map((s) => readMetric(s.scopes[scope], path) as T),
      distinctUntilChanged(),
    );
  }

  /** Disconnects for good. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#disconnect();
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#watchTimer);
    this.#watchTimer = undefined;
    this.#state.next('closed');
    this.#state.complete();
    this.#connected.complete();
    this.#snapshot.complete();
  }

  #startWatch(): void {
    clearInterval(this.#watchTimer);
    this.#watchTimer = setInterval(() => this.#watch(), Math.min(1000, this.#staleAfterMs / 4));
  }

  #query(): Record<string, string | undefined> {
    return {
      token: this.#options.token,
      delta: '1',
      scopes: this.#options.scopes?.join(','),
      since: this.#stream !== undefined ? String(this.#seq) : undefined,
      stream: this.#stream,
    };
  }

  #connect(): void {
    if (this.#closed) return;
    this.connects++;
    const transport = this.#options.transport ?? 'sse';
    const url = feedUrl(this.#options.src, transport, this.#query());
    let opened = false;
    if (transport === 'ws') {
      const WS = this.#options.WebSocket ?? WebSocket;
      const ws = new WS(url);
      this.#ws = ws;
      ws.onopen = () => {
        opened = true;
        this.#open = true;
        this.#connected.next(true);
        // Keeps proxies from closing a quiet connection; the server answers with a pong.
        this.#pingTimer = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), 25_000);
      };
      ws.onmessage = (e) => this.#onMessage(String(e.data));
      // A refused upgrade (401/403) looks like any other failure: ask why when it never opened.
      ws.onclose = () => {
        if (this.#ws === ws) this.#dropped(!opened);
      };
    } else {
      const ES = this.#options.EventSource ?? EventSource;
      const es = new ES(url);
      this.#es = es;
      es.onopen = () => {
        opened = true;
        this.#open = true;
        this.#connected.next(true);
      };
      es.onmessage = (e) => this.#onMessage(String(e.data));
      // EventSource would retry by itself at a fixed pace and without our since/stream: do it ourselves.
      // CLOSED at the error means an HTTP error status (a network error leaves it CONNECTING).
      es.onerror = () => {
        if (this.#es === es) this.#dropped(!opened && es.readyState === 2);
      };
    }
  }

  #disconnect(): void {
    this.#open = false;
    if (!this.#closed) this.#connected.next(false);
    clearInterval(this.#pingTimer);
    if (this.#es) {
      this.#es.onmessage = this.#es.onerror = this.#es.onopen = null;
      this.#es.close();
      this.#es = undefined;
    }
    if (this.#ws) {
      this.#ws.onmessage = this.#ws.onclose = this.#ws.onopen = null;
      this.#ws.close();
      this.#ws = undefined;
    }
  }

  #dropped(askWhy: boolean): void {
    this.#disconnect();
    if (this.#closed) return;
    this.#watch();
    if (askWhy || this.#unauthorized) void this.#retryAfterProbe(false);
    else this.#schedule(backoffDelay(this.#attempt++, this.#options.backoff), false);
  }

  /** Waits `delay`, then connects (or, while refused, first asks whether the token is accepted now). */
  #schedule(delay: number, probeFirst: boolean): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => {
      if (probeFirst) void this.#retryAfterProbe(true);
      else this.#connect();
    }, delay);
  }

  /** Asks the server why; refused: `unauthorized` and the longest delay; otherwise the usual backoff. */
  async #retryAfterProbe(connectNow: boolean): Promise<void> {
    const status = await this.#probe();
    if (this.#closed) return;
    if (status === 401 || status === 403) {
      this.#unauthorized = true;
      this.#error =
        status === 401
          ? 'the server needs a token for this feed (HTTP 401)'
          : 'the server refused the token (HTTP 403)';
      this.#state.next('unauthorized');
      // Capped: one question per longest delay, never a retry storm with a token that will not work.
      this.#schedule(backoffDelay(30, this.#options.backoff), true);
      return;
    }
    if (this.#unauthorized) {
      this.#unauthorized = false;
      this.#error = null;
      this.#state.next('connecting');
      this.#watch();
    }
    if (connectNow) this.#connect();
    else this.#schedule(backoffDelay(this.#attempt++, this.#options.backoff), false);
  }

  /** HTTP status of a `HEAD` of the stream URL with our token, or null when it could not be read. */
  async #probe(): Promise<number | null> {
    const f = this.#options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    try {
      const url = feedUrl(this.#options.src, 'sse', {
        token: this.#options.token,
        scopes: this.#options.scopes?.join(','),
      });
      const res = await f(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
      return res.status;
    } catch {
      return null; // down, or an origin the server does not allow (the browser hides the answer)
    }
  }

  /** A patch that does not follow our state: ask for what we missed now, without waiting. */
  #resync(): void {
    if (this.#ws && this.#open && this.#stream !== undefined) {
      this.#ws.send(JSON.stringify({ type: 'resume', since: this.#seq, stream: this.#stream }));
      return;
    }
    this.#disconnect();
    clearTimeout(this.#reconnectTimer);
    this.#connect();
  }

  #onMessage(data: string): void {
    let m: Wire;
    try {
      m = JSON.parse(data) as Wire;
    } catch {
      return;
    }
    if (m.type === 'snapshot') {
      // A whole state: take it unless it is one we already have (or older) on the same stream.
      if (m.stream === this.#stream && m.seq <= this.#seq) return;
      this.#scopes = m.scopes;
      if (m.settings) this.#settings = { ...this.#settings, ...m.settings };
    } else if (m.type === 'delta') {
      if (m.stream === this.#stream && m.seq <= this.#seq) return; // already applied
      if (m.stream !== this.#stream || m.base !== this.#seq) {
        this.#resync();
        return;
      }
      const scopes = { ...this.#scopes };
      for (const k of m.removed ?? []) delete scopes[k];
      const replaced = new Set(m.replaced ?? []);
      for (const k in m.scopes)
        scopes[k] = replaced.has(k) ? m.scopes[k] : applyPatch(scopes[k], m.scopes[k]);
      this.#scopes = scopes;
    } else return;
    this.#stream = m.stream;
    this.#seq = m.seq;
    this.#attempt = 0;
    this.#unauthorized = false;
    this.#error = null;
    this.#lastFreshAt = Date.now();
    this.#snapshot.next({
      seq: m.seq,
      t: m.t,
      timeZone: m.timeZone ?? this.#snapshot.value?.timeZone ?? this.#settings.timeZone,
      scopes: this.#scopes as unknown as Record<string, ScopeSnapshot>,
    });
    this.#state.next('live');
  }

  #watch(): void {
    if (this.#closed || this.#unauthorized) return;
    const fresh = this.#lastFreshAt > 0 && Date.now() - this.#lastFreshAt <= this.#staleAfterMs;
    if (this.#lastFreshAt > 0 && !fresh) this.#state.next('stale');
    else if (!this.#open || this.#lastFreshAt === 0) this.#state.next('connecting');
  }
}

const positive = (ms: number | undefined, fallback: number): number =>
  ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : fallback;
