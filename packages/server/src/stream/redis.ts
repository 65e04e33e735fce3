/**
 * Scale-out over Redis: the instance that runs the source publishes every frame of its stream; every
 * other instance subscribes and keeps the same state and ring, so a client can move between instances
 * and resume its sequence. Keys under the channel name `NS` (default `wallboard`):
 *   NS:frames   pub/sub channel of frames (JSON; each carries the owners after it) and reset notices
 *   NS:ring     list of the latest frames (the ring a resuming client is served from), trimmed
 *   NS:state    the whole state at some recent seq (written on reset and every `stateEvery` frames)
 *   NS:health   the publisher's health, refreshed every second, expiring after 5 s
 *   NS:publisher  the publisher's lock (its random id), refreshed every second, expiring after 5 s: a
 *               namespace has one publisher, and a second one refuses to start while the first lives
 *               (after a crash it waits for the lock to expire, at most 5 s)
 * Pub/sub may drop messages (a subscriber's connection blips): a subscriber that sees a frame that does
 * not follow its state re-reads NS:state and NS:ring and carries on from there.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RingEntry, StreamHub } from './hub.js';
import { jsonEqual } from './patch.js';
import type { Frame, Owners, StreamEvent, StreamState } from './types.js';
import { stateJson } from './view.js';

export interface RedisRelayOptions {
  url: string;
  namespace: string;
  ringSize: number;
  /** Write the whole state every this many frames (resyncing subscribers patch forward from it). */
  stateEvery?: number;
  onError?: (message: string) => void;
}

/**
 * A Redis URL fit to print: the password (`redis://user:PASSWORD@host`, `?password=PASSWORD`) becomes
 * `***`. Also for text that is no URL yet (`user:PASSWORD@host:6379`, refused for want of redis://), and
 * for a password with an unescaped `/`, `?`, `#` or `@` in it (a base64 one often has "/"): such text
 * fails to parse as a URL, so it is exactly what an error message would print.
 */
export function redactUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*:)?\/\//i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  // The host follows the last "@" (a host holds none, a password may), looked for before any
  // ?password= so that a query's own "@" is not taken for it.
  const query = rest.search(/[?&]password=/i);
  const at = (query === -1 ? rest : rest.slice(0, query)).lastIndexOf('@');
  const userInfo = at === -1 ? '' : rest.slice(0, at);
  const colon = userInfo.indexOf(':');
  const shown = colon === -1 ? userInfo : `${userInfo.slice(0, colon)}:***`;
  const tail = rest.slice(userInfo.length).replace(/([?&]password=)[^&#]*/gi, '$1***');
  return `${scheme}${shown}${tail}`;
}

/** Redis could not be reached at start (one clear line for the CLI, exit 1). */
export class RedisUnavailableError extends Error {}

/** Another live publisher holds the namespace (one clear line for the CLI, exit 1). */
export class RedisNamespaceBusyError extends Error {}

const LOCK_MS = 5000;
/** Renews the lock if this publisher holds it; 1 when it does. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** The latest connection error of each client (what the first failed connect is reported with). */
const lastErrors = new WeakMap<Redis, string>();

/** Connects `clients`; on failure closes them and throws RedisUnavailableError naming the cause. */
async function connectAll(url: string, clients: Redis[]): Promise<void> {
  try {
    await Promise.all(clients.map((c) => c.connect()));
  } catch (err) {
    for (const c of clients) c.disconnect();
    const cause =
      clients.map((c) => lastErrors.get(c)).find((m) => m !== undefined) ?? (err as Error).message;
    throw new RedisUnavailableError(`cannot reach Redis at ${redactUrl(url)}: ${cause}`);
  }
}

function connect(url: string, onError: (m: string) => void, offlineQueue: boolean): Redis {
  const r = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: offlineQueue,
    maxRetriesPerRequest: 1,
    // Reconnect forever, at most every 2 s: a Redis restart must not need a server restart.
    retryStrategy: (n) => Math.min(2000, 50 * 2 ** Math.min(n, 6)),
  });
  let last = '';
  let everReady = false;
  r.on('error', (err: Error) => {
    lastErrors.set(r, err.message);
    // Before the first connection the failure is start()'s to report (once); after it, a lost
    // connection is logged, once however often ioredis retries.
    if (everReady && err.message !== last) onError(`redis: ${err.message}`);
    last = err.message;
  });
  r.on('ready', () => {
    everReady = true;
    last = '';
  });
  return r;
}

/** Publishing side: mirrors a hub's stream into Redis. */
export class RedisPublisher {
  private readonly redis: Redis;
  private readonly unsubscribe: () => void;
  private sinceState = 0;
  private healthTimer: ReturnType<typeof setInterval> | undefined;
  private needsState = true;
  private readonly lockId = randomBytes(8).toString('hex');
  private lockLost = false;
  /**
   * Set once the namespace's lock is ours. Until then nothing is written: a second source waiting for
   * the lock (then refused) must not wipe the live publisher's ring and state or reset its subscribers.
   */
  private held = false;
  errors = 0;

  constructor(
    private readonly hub: StreamHub,
    private readonly options: RedisRelayOptions,
    private readonly health: () => unknown,
  ) {
    const onError = options.onError ?? (() => {});
    this.redis = connect(options.url, onError, false);
    // After a reconnect the ring in Redis may have a hole: start it over from the whole state.
    this.redis.on('ready', () => {
      this.needsState = true;
      this.writeState();
    });
    this.unsubscribe = hub.subscribe((e) => this.onStream(e));
  }

  async start(): Promise<void> {
    await connectAll(this.options.url, [this.redis]);
    try {
      await this.acquire();
      this.held = true;
    } catch (err) {
      this.redis.disconnect();
      throw err;
    }
    this.writeState();
    const ns = this.options.namespace;
    const beat = () =>
      this.redis
        .eval(RENEW, 1, `${ns}:publisher`, this.lockId, LOCK_MS)
        .then((held) => {
          if (held !== 1 && !this.lockLost)
            this.options.onError?.(
              `redis: another publisher took namespace "${ns}" while this one was cut off; this one stops writing there`,
            );
          // Lock taken back (the other publisher went): its ring is not ours, so start over from the state.
          if (held === 1 && this.lockLost) this.needsState = true;
          this.lockLost = held !== 1;
          if (!this.lockLost)
            return this.redis.set(`${ns}:health`, JSON.stringify(this.health()), 'PX', LOCK_MS);
        })
        .catch(() => this.errors++);
    await beat();
    this.healthTimer = setInterval(beat, 1000);
  }

  /**
   * Takes the namespace's lock. A lock left by a publisher that died expires within LOCK_MS: wait for
   * it. One that is renewed meanwhile belongs to a live publisher: refuse.
   */
  private async acquire(): Promise<void> {
    const key = `${this.options.namespace}:publisher`;
    const end = Date.now() + LOCK_MS + 1000;
    let lastTtl = Number.POSITIVE_INFINITY;
    for (;;) {
      if ((await this.redis.set(key, this.lockId, 'PX', LOCK_MS, 'NX')) === 'OK') return;
      const ttl = await this.redis.pttl(key);
      if (ttl > lastTtl + 200 || Date.now() > end)
        throw new RedisNamespaceBusyError(
          `another publisher is running on Redis namespace "${this.options.namespace}" at ${redactUrl(this.options.url)}: ` +
            'a namespace has one source; start this instance without a source to serve the same stream, or give it another --redis-namespace',
        );
      if (ttl >= 0) lastTtl = ttl;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    if (this.healthTimer) clearInterval(this.healthTimer);
    if (this.redis.status === 'ready')
      await this.redis.eval(RELEASE, 1, `${this.options.namespace}:publisher`, this.lockId).catch(() => {});
    this.redis.disconnect();
  }

  /** Writes only while the lock is ours (see `held`); a publisher that lost it stops writing. */
  private get writable(): boolean {
    return this.held && !this.lockLost && this.redis.status === 'ready';
  }

  private onStream(e: StreamEvent): void {
    if (!this.writable) return;
    if (e.kind === 'reset' || this.needsState) {
      this.writeState();
      return;
    }
    const ns = this.options.namespace;
    const json = JSON.stringify({ ...e.frame, owners: e.state.owners });
    const m = this.redis.multi().rpush(`${ns}:ring`, json).ltrim(`${ns}:ring`, -this.options.ringSize, -1);
    if (++this.sinceState >= (this.options.stateEvery ?? 10)) {
      m.set(`${ns}:state`, stateJson(e.state));
      this.sinceState = 0;
    }
    m.publish(`${ns}:frames`, json);
    m.exec().catch(() => {
      this.errors++;
      this.needsState = true;
    });
  }

  private writeState(): void {
    const state = this.hub.state;
    if (!state || !this.writable) return;
    const ns = this.options.namespace;
    this.needsState = false;
    this.sinceState = 0;
    this.redis
      .multi()
      .set(`${ns}:state`, stateJson(state))
      .del(`${ns}:ring`)
      .publish(`${ns}:frames`, JSON.stringify({ reset: true, stream: state.stream, seq: state.seq }))
      .exec()
      .catch(() => {
        this.errors++;
        this.needsState = true;
      });
  }
}

/** Subscribing side: keeps a hub in step with the publisher's stream. */
export class RedisSubscriber {
  private readonly sub: Redis;
  private readonly cmd: Redis;
  private resyncing: Promise<void> | undefined;
  private pending: Frame[] = [];
  resyncs = 0;
  lastFrameAt = 0;

  constructor(
    private readonly hub: StreamHub,
    private readonly options: RedisRelayOptions,
  ) {
    const onError = options.onError ?? (() => {});
    this.sub = connect(options.url, onError, true);
    this.cmd = connect(options.url, onError, false);
    this.sub.on('message', (_channel: string, message: string) => this.onMessage(message));
    // Messages published while the connection was down are gone: read the state again.
    this.sub.on('ready', () => {
      if (this.hub.state) this.resync();
    });
  }

  get connected(): boolean {
    return this.sub.status === 'ready' && this.cmd.status === 'ready';
  }

  async start(): Promise<void> {
    await connectAll(this.options.url, [this.sub, this.cmd]);
    await this.sub.subscribe(`${this.options.namespace}:frames`);
    await this.resync();
  }

  async stop(): Promise<void> {
    this.sub.disconnect();
    this.cmd.disconnect();
  }

  /** The publisher's latest health report, or null when there is no live publisher. */
  async publisherHealth(): Promise<unknown> {
    try {
      const s = await this.cmd.get(`${this.options.namespace}:health`);
      return s === null ? null : JSON.parse(s);
    } catch {
      return null;
    }
  }

  private onMessage(message: string): void {
    let m: Frame & { reset?: boolean };
    try {
      m = JSON.parse(message);
    } catch {
      return;
    }
    this.lastFrameAt = Date.now();
    if (m.reset) {
      this.resync();
      return;
    }
    if (this.resyncing) {
      this.pending.push(m);
      return;
    }
    this.take(m);
  }

  private take(frame: Frame): void {
    const cur = this.hub.state;
    if (cur && frame.stream === cur.stream && frame.seq <= cur.seq) return; // already have it
    if (!this.hub.advance(this.normalize(frame))) this.resync();
  }

  /** Reuses the current owners object when a frame's owners are the same (views then skip their check). */
  private normalize(frame: Frame): Frame {
    const cur = this.hub.state;
    if (frame.owners && cur && jsonEqual(frame.owners, cur.owners)) {
      const { owners: _, ...rest } = frame;
      return rest;
    }
    return frame;
  }

  private resync(): Promise<void> {
    if (this.resyncing) return this.resyncing;
    this.resyncs++;
    this.resyncing = (async () => {
      try {
        const ns = this.options.namespace;
        const [state, ring] = await Promise.all([
          this.cmd.get(`${ns}:state`),
          this.cmd.lrange(`${ns}:ring`, 0, -1),
        ]);
        if (state === null) return;
        const base: StreamState = JSON.parse(state);
        const frames: Frame[] = ring.map((s) => JSON.parse(s)).filter((f: Frame) => f.stream === base.stream);
        // Ring entries for resuming clients: consecutive frames, each with the owners before and after it.
        const entries: RingEntry[] = [];
        let owners: Owners = base.owners;
        for (const f of frames) {
          const prev = entries[entries.length - 1];
          if (prev && f.base !== prev.frame.seq) entries.length = 0;
          const before = prev ? prev.ownersAfter : owners;
          const after = f.owners ?? before;
          entries.push({ frame: f, ownersBefore: before, ownersAfter: after });
          owners = after;
        }
        // The state as of its own seq, then patched forward with the ring's later frames.
        const upTo = entries.filter((e) => e.frame.seq <= base.seq);
        this.hub.reset(base, upTo);
        for (const e of entries) if (e.frame.seq > base.seq) this.hub.advance(this.normalize(e.frame));
      } catch {
        // Redis went away mid-resync: the next frame or reconnect tries again.
      } finally {
        this.resyncing = undefined;
        const queued = this.pending;
        this.pending = [];
        for (const f of queued) this.take(f);
      }
    })();
    return this.resyncing;
  }
}
