import { readMetric, type ScopeSnapshot, type Snapshot, type WallboardStore } from '@wallboard/metrics';
import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import { type BackoffOptions, backoffDelay } from './backoff.js';
import { applyPatch, type JsonObject } from './patch.js';

/** `connecting`: no data yet, or reconnecting with data still fresh; `live`: data flowing; `stale`: no new data for `staleAfterMs`; `closed`: `close()` was called. */
export type LiveFeedState = 'connecting' | 'live' | 'stale' | 'closed';

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

/** The URL to connect to for a transport, with the query the server reads. */
export function feedUrl(
  src: string,
  transport: 'sse' | 'ws',
  query: Record<string, string | undefined>,
): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  const u = new URL(src, base);
  if (transport === 'ws') {
    if (u.protocol === 'http:') u.protocol = 'ws:';
    else if (u.protocol === 'https:') u.protocol = 'wss:';
    u.pathname = u.pathname.replace(/\/stream\/?$/, '/ws');
    if (!u.pathname.endsWith('/ws')) u.pathname = `${u.pathname.replace(/\/$/, '')}/ws`;
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
 *     const store = new LiveFeedStore({ src: 'https://wall.example.com/stream', token, transport: 'ws' });
 *     board.store = store;
 *     store.state$.subscribe((s) => console.log(s));
 *     // later: store.close();
 */
export class LiveFeedStore implements WallboardStore {
  readonly snapshots$: Observable<Snapshot>;
  readonly state$: Observable<LiveFeedState>;
  readonly #snapshot = new BehaviorSubject<Snapshot | null>(null);
  readonly #state = new BehaviorSubject<LiveFeedState>('connecting');
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
  #closed = false;
  /** Connections opened so far (for diagnostics and tests). */
  connects = 0;

  constructor(options: LiveFeedOptions) {
    this.#options = options;
    this.#settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.snapshots$ = this.#snapshot.pipe(filter((s): s is Snapshot => s !== null));
    this.state$ = this.#state.pipe(distinctUntilChanged());
    this.#watchTimer = setInterval(() => this.#watch(), Math.min(1000, this.#staleAfter / 4));
    this.#connect();
  }

  get settings(): WallboardStore['settings'] {
    return this.#settings;
  }

  get state(): LiveFeedState {
    return this.#state.value;
  }

  /** The latest snapshot, or null before the first. */
  get snapshot(): Snapshot | null {
    return this.#snapshot.value;
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
    this.#state.next('closed');
    this.#state.complete();
    this.#snapshot.complete();
  }

  get #staleAfter(): number {
    const s = this.#options.staleAfterMs;
    return s !== undefined && s > 0 ? s : 10_000;
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
    if (transport === 'ws') {
      const WS = this.#options.WebSocket ?? WebSocket;
      const ws = new WS(url);
      this.#ws = ws;
      ws.onopen = () => {
        this.#open = true;
        // Keeps proxies from closing a quiet connection; the server answers with a pong.
        this.#pingTimer = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), 25_000);
      };
      ws.onmessage = (e) => this.#onMessage(String(e.data));
      ws.onclose = () => {
        if (this.#ws === ws) this.#dropped();
      };
    } else {
      const ES = this.#options.EventSource ?? EventSource;
      const es = new ES(url);
      this.#es = es;
      es.onopen = () => {
        this.#open = true;
      };
      es.onmessage = (e) => this.#onMessage(String(e.data));
      // EventSource would retry by itself at a fixed pace and without our since/stream: do it ourselves.
      es.onerror = () => {
        if (this.#es === es) this.#dropped();
      };
    }
  }

  #disconnect(): void {
    this.#open = false;
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

  #dropped(): void {
    this.#disconnect();
    if (this.#closed) return;
    this.#watch();
    const delay = backoffDelay(this.#attempt++, this.#options.backoff);
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
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
    if (this.#closed) return;
    const fresh = this.#lastFreshAt > 0 && Date.now() - this.#lastFreshAt <= this.#staleAfter;
    if (this.#lastFreshAt > 0 && !fresh) this.#state.next('stale');
    else if (!this.#open || this.#lastFreshAt === 0) this.#state.next('connecting');
  }
}
