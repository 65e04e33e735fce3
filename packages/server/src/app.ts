/**
 * Wires one server instance. With a source it runs the engine and publishes the stream (and, with
 * Redis, mirrors it there for other instances); without one it follows the stream from Redis. Either way
 * it serves every client from its own hub.
 */
import { type EngineOptions, MetricsEngine, type QueueConfig, type WallboardEvent } from '@wallboard/metrics';
import { CorsPolicy } from './access/cors.js';
import { HostPolicy } from './access/hosts.js';
import type { TokenTable } from './access/tokens.js';
import { FeedServer, type Health, type HttpOptions } from './http/server.js';
import { StaticFiles } from './http/static.js';
import { CdrReplaySource } from './sources/cdr.js';
import { NdjsonSource } from './sources/ndjson.js';
import { QueueLogSource } from './sources/queue-log.js';
import { loadScenarioArg, ScenarioSource } from './sources/scenario.js';
import type { Source } from './sources/source.js';
import { StreamHub } from './stream/hub.js';
import { OwnerTracker } from './stream/owners.js';
import { EnginePublisher } from './stream/publisher.js';
import { RedisPublisher, RedisSubscriber } from './stream/redis.js';

export type SourceSpec =
  | { kind: 'scenario'; scenario: string; speed: number; seed?: number; skipMs?: number }
  | { kind: 'ndjson'; file: string; stdin?: NodeJS.ReadableStream }
  | { kind: 'queue_log'; file: string }
  | { kind: 'cdr'; file: string; map: unknown; speed: number };

/** The client limits, handed to the HTTP side as they are (HttpOptions says what each one means). */
const CLIENT_LIMITS = [
  'maxBufferBytes',
  'stallTimeoutMs',
  'heartbeatMs',
  'maxClients',
  'wsMaxMessageBytes',
  'wsRatePerSec',
  'wsBurst',
] as const;

export interface ServerConfig extends Pick<HttpOptions, (typeof CLIENT_LIMITS)[number]> {
  source?: SourceSpec;
  host: string;
  port: number;
  tokens?: TokenTable;
  origins: string[];
  redis?: string;
  redisNamespace: string;
  /** Engine settings (time zone, interval, SL); a scenario's zone is the default under a scenario. */
  engine: Pick<
    EngineOptions,
    'timeZone' | 'intervalMin' | 'slThresholdSec' | 'slTarget' | 'slFormula' | 'shortAbandonSec'
  >;
  /**
   * Queue settings (`--queues FILE`): passed to the engine, and each queue's `partner` is its owner for
   * `partner:ID` tokens whatever the events say (a queue_log never names partners).
   */
  queues?: Record<string, QueueConfig>;
  publishMs: number;
  pollMs: number;
  ringSize: number;
  consoleDir?: string;
  log: (line: string) => void;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  redisNamespace: 'wallboard',
  publishMs: 500,
  pollMs: 250,
  ringSize: 600,
  maxBufferBytes: 4 * 1024 * 1024,
  stallTimeoutMs: 60_000,
  heartbeatMs: 15_000,
  maxClients: 20_000,
  wsMaxMessageBytes: 1024,
  wsRatePerSec: 5,
  wsBurst: 20,
} as const;

export interface RunningServer {
  url: string;
  port: number;
  role: 'standalone' | 'publisher' | 'subscriber';
  hub: StreamHub;
  feed: FeedServer;
  /** The source, on the instance that runs one. */
  source?: Source;
  engine?: MetricsEngine;
  close(): Promise<void>;
}

export class ConfigError extends Error {}

function pick<T, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

async function makeSource(
  spec: SourceSpec,
  config: ServerConfig,
): Promise<{ source: Source; zone?: string }> {
  switch (spec.kind) {
    case 'scenario': {
      const loaded = await loadScenarioArg(spec.scenario, spec.seed);
      const source = new ScenarioSource(loaded, spec.scenario, { speed: spec.speed, skipMs: spec.skipMs });
      return { source, zone: source.timeZone };
    }
    case 'ndjson':
      return { source: new NdjsonSource(spec.file, { pollMs: config.pollMs, stdin: spec.stdin }) };
    case 'queue_log':
      return { source: new QueueLogSource(spec.file, { pollMs: config.pollMs }) };
    case 'cdr':
      return { source: new CdrReplaySource(spec.file, spec.map, { speed: spec.speed }) };
  }
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  if (!config.source && !config.redis)
    throw new ConfigError(
      'nothing to serve: give a source (--scenario, --ndjson, --queue-log or --cdr), or --redis to follow another instance',
    );
  const hub = new StreamHub(config.ringSize);
  const role = config.source ? (config.redis ? 'publisher' : 'standalone') : 'subscriber';
  const started = Date.now();
  const closers: Array<() => Promise<void> | void> = [];
  const memory = () => {
    const m = process.memoryUsage();
    return { rssMb: Math.round(m.rss / 2 ** 20), heapUsedMb: Math.round(m.heapUsed / 2 ** 20) };
  };

  let health: () => Health | Promise<Health>;
  let source: Source | undefined;
  let engine: MetricsEngine | undefined;
  try {
    if (config.source) {
      const made = await makeSource(config.source, config);
      source = made.source;
      const src = source;
      engine = new MetricsEngine({
        ...config.engine,
        timeZone: config.engine.timeZone ?? made.zone,
        queues: config.queues,
        clock: () => src.clock(),
        // With a clock the engine rejects events more than 5 min ahead of it. The clock follows the
        // events, so a file read from its start (a night without calls between two days) jumps further:
        // allow a day, which still stops a stray timestamp years ahead.
        maxJumpMs: 86_400_000,
      });
      const eng = engine;
      const owners = new OwnerTracker(config.queues);
      const publisher = new EnginePublisher(eng, owners, hub, { publishMs: config.publishMs });
      // Ownership is learnt only from events the engine accepted: a rejected line cannot claim a queue.
      // (push notifies the engine's subscribers once per batch however many events it is given.)
      const sink = (events: WallboardEvent[]) => {
        for (const e of events) if (eng.push(e)) owners.observe(e);
      };
      // A source that ends (a replay or scenario finished, stdin closed) has its last events published
      // at once rather than at the next tick: /health says it ended in the same turn, and /snapshot must
      // not then lag behind it, still short of the last batch.
      let publishing = true;
      await src.start(sink, () => {
        if (publishing) publisher.publish();
      });
      publisher.start();
      closers.push(
        () => {
          publishing = false;
          publisher.stop();
        },
        () => src.stop(),
      );
      const localHealth = (): Health => {
        const d = eng.diagnostics();
        const st = src.status;
        return {
          ok: st.alive,
          status: st.alive ? 'ok' : 'down',
          role,
          uptimeSec: Math.round((Date.now() - started) / 1000),
          stream: hub.state?.stream ?? null,
          seq: hub.state?.seq ?? 0,
          lastUpdateAgoMs: hub.lastUpdateAt ? Date.now() - hub.lastUpdateAt : null,
          publishCosts: publisher.costSummary(),
          source: st,
          engine: { accepted: d.accepted, rejected: d.rejected, reasons: d.reasons, evicted: d.evicted },
          memory: memory(),
        };
      };
      health = localHealth;
      if (config.redis) {
        const relay = new RedisPublisher(
          hub,
          {
            url: config.redis,
            namespace: config.redisNamespace,
            ringSize: config.ringSize,
            onError: config.log,
          },
          localHealth,
        );
        await relay.start();
        closers.push(() => relay.stop());
      }
    } else {
      const subscriber = new RedisSubscriber(hub, {
        url: config.redis as string,
        namespace: config.redisNamespace,
        ringSize: config.ringSize,
        onError: config.log,
      });
      await subscriber.start();
      closers.push(() => subscriber.stop());
      health = async (): Promise<Health> => {
        const publisher = (await subscriber.publisherHealth()) as Health | null;
        const ok = subscriber.connected && publisher !== null && publisher.ok === true;
        return {
          ok,
          status: ok ? 'ok' : 'down',
          role,
          uptimeSec: Math.round((Date.now() - started) / 1000),
          stream: hub.state?.stream ?? null,
          seq: hub.state?.seq ?? 0,
          lastUpdateAgoMs: hub.lastUpdateAt ? Date.now() - hub.lastUpdateAt : null,
          redis: { connected: subscriber.connected, resyncs: subscriber.resyncs },
          publisher,
          memory: memory(),
        };
      };
    }

    const feed = new FeedServer(
      hub,
      {
        host: config.host,
        port: config.port,
        tokens: config.tokens,
        cors: new CorsPolicy(config.origins),
        hosts: new HostPolicy(config.host, config.origins),
        files: new StaticFiles(config.consoleDir),
        ...pick(config, CLIENT_LIMITS),
      },
      health,
    );
    const { port, url } = await feed.listen();
    closers.unshift(() => feed.close());
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      role,
      hub,
      feed,
      source,
      engine,
      close: () => {
        closing ??= (async () => {
          for (const c of closers) await c();
          engine?.dispose();
        })();
        return closing;
      },
    };
  } catch (err) {
    for (const c of closers) await c();
    throw err;
  }
}
