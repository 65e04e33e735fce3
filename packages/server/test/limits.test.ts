/**
 * Limits that are flags (WebSocket message size and rate, the stall timeout), client buffers counted in
 * bytes, and one publisher per Redis namespace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerConfig } from '../src/app.js';
import { configFromArgs } from '../src/cli/config.js';
import { RedisNamespaceBusyError } from '../src/stream/redis.js';
import { Encoded } from '../src/stream/view.js';
import { callEvents, toNdjson } from './support/events.js';
import {
  BIN,
  inProcess,
  type RedisServer,
  runServer,
  spawnServer,
  startRedis,
  tempDir,
  until,
} from './support/servers.js';

/** How long a publisher's lock lives in Redis (renewed every second): LOCK_MS in src/stream/redis.ts. */
const LOCK_MS = 5000;

const tmp = tempDir();
let file: string;
beforeAll(() => {
  file = join(tmp.dir, 'events.ndjson');
  writeFileSync(file, toNdjson(callEvents([{ queue: 'q', calls: 2 }])));
});
afterAll(() => tmp.cleanup());

const flags = async (args: string[]) =>
  (await configFromArgs(['--ndjson', BIN, ...args], () => {})) as ServerConfig;

describe('limit flags', () => {
  it('--max-message-bytes, --ws-rate, --ws-burst and --client-stall-sec set the limits', async () => {
    const c = await flags([
      '--max-message-bytes',
      '256',
      '--ws-rate',
      '2',
      '--ws-burst',
      '4',
      '--client-stall-sec',
      '15',
    ]);
    expect(c).toMatchObject({ wsMaxMessageBytes: 256, wsRatePerSec: 2, wsBurst: 4, stallTimeoutMs: 15_000 });
    expect(await flags([])).toMatchObject({
      wsMaxMessageBytes: 1024,
      wsRatePerSec: 5,
      wsBurst: 20,
      stallTimeoutMs: 60_000,
    });
    await expect(flags(['--max-message-bytes', '10'])).rejects.toThrow(
      /--max-message-bytes must be a number from 64 to 1048576, got 10/,
    );
    await expect(flags(['--client-stall-sec', '-3'])).rejects.toThrow(
      /--client-stall-sec must be a number from 1 to 86400, got -3/,
    );
  });

  it('a WebSocket client is held to the configured size and rate', async () => {
    const server = await inProcess({
      source: { kind: 'ndjson', file },
      wsMaxMessageBytes: 64,
      wsRatePerSec: 0.1,
      wsBurst: 2,
    });
    const closeCode = (send: (ws: WebSocket) => void) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
        ws.on('open', () => send(ws));
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => {});
      });
    try {
      await until('a snapshot', () => server.hub.state !== undefined);
      // 80 bytes: under the default 1 KiB, over the configured 64.
      const big = JSON.stringify({ type: 'resume', since: 1, stream: 'x'.repeat(40) });
      expect(big.length).toBeGreaterThan(64);
      expect(await closeCode((ws) => ws.send(big))).toBe(1009);
      // Three pings against a burst of two.
      const pings = (ws: WebSocket) => {
        for (let i = 0; i < 3; i++) ws.send('{"type":"ping"}');
      };
      expect(await closeCode(pings)).toBe(1001);
    } finally {
      await server.close();
    }
  });

  it("a client's buffer counts bytes, not characters", () => {
    const json = JSON.stringify({ queue: 'Kundendienst Zürich — 東京 ☎' });
    const m = new Encoded(json, 1);
    expect(m.size).toBe(Buffer.byteLength(json));
    expect(m.size).toBe(m.text.length);
    expect(m.size).toBeGreaterThan(json.length);
  });
});

/** Child processes and a lock that takes up to 5 s to expire: more than the default 20 s on a busy box. */
describe('one publisher per Redis namespace', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  /** The CLI publishing the test's file on namespace `ns` of this Redis. */
  const publisherArgs = (ns: string) => [
    '--ndjson',
    file,
    '--port',
    '0',
    '--redis',
    redis.url,
    '--redis-namespace',
    ns,
  ];

  it('a second source on the same namespace is refused with one line; after the first stops it may start', async () => {
    const ns = 'one-publisher';
    const first = await inProcess({ source: { kind: 'ndjson', file }, redis: redis.url, redisNamespace: ns });
    // What the refused instance must leave alone: the live publisher's state, and its subscribers (no reset).
    const reader = new Redis(redis.url);
    const listener = new Redis(redis.url);
    const heard: string[] = [];
    listener.on('message', (_channel, message) => heard.push(message));
    try {
      await until('the first publisher state', async () => (await reader.get(`${ns}:state`)) !== null);
      const liveStream = JSON.parse((await reader.get(`${ns}:state`))!).stream;
      await listener.subscribe(`${ns}:frames`);
      // Timed in this process (no Node start-up counted): told as soon as the live publisher renews its
      // lock (every second), well before the wait for a dead one's lock would give up (LOCK_MS + 1 s, 6 s).
      const t0 = Date.now();
      const refused = inProcess({ source: { kind: 'ndjson', file }, redis: redis.url, redisNamespace: ns });
      await expect(refused).rejects.toThrow(RedisNamespaceBusyError);
      await expect(refused).rejects.toThrow(
        /another publisher is running on Redis namespace "one-publisher"/,
      );
      expect(Date.now() - t0).toBeLessThan(LOCK_MS + 1000 - 2000); // 4 s
      // The CLI says so in one line and exits 1 (untimed: its start-up is Node's, not the refusal's).
      // runServer, not spawnSync: the first publisher (in this process) must go on renewing its lock.
      const r = await runServer(publisherArgs(ns));
      expect(r.stderr).toMatch(/another publisher is running on Redis namespace "one-publisher"/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.code).toBe(1);
      // Neither refused instance touched the live publisher's state or reset its subscribers.
      expect(JSON.parse((await reader.get(`${ns}:state`))!).stream).toBe(liveStream);
      expect(heard.filter((m) => m.includes('"reset"'))).toEqual([]);
      // Another namespace is fine.
      const other = await inProcess({
        source: { kind: 'ndjson', file },
        redis: redis.url,
        redisNamespace: `${ns}-2`,
      });
      await other.close();
    } finally {
      reader.disconnect();
      listener.disconnect();
      await first.close();
    }
    const again = await inProcess({ source: { kind: 'ndjson', file }, redis: redis.url, redisNamespace: ns });
    await again.close();
  });

  it('a publisher that died leaves a lock that expires: its replacement takes over when it does', async () => {
    const ns = 'crashed';
    // A real process, so that kill -9 leaves its lock behind as a crash would.
    const dead = await spawnServer(publisherArgs(ns));
    await dead.kill('SIGKILL');
    const reader = new Redis(redis.url);
    try {
      const ttl = await reader.pttl(`${ns}:publisher`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(LOCK_MS);
      // The replacement in this process, timed from here: it waits for the dead one's lock to run out
      // (never taking it early) and takes over within a second of that.
      const t0 = Date.now();
      const next = await inProcess({
        source: { kind: 'ndjson', file },
        redis: redis.url,
        redisNamespace: ns,
      });
      const took = Date.now() - t0;
      try {
        expect(next.role).toBe('publisher');
        expect(took).toBeGreaterThanOrEqual(ttl - 250);
        expect(took).toBeLessThan(ttl + 1000);
      } finally {
        await next.close();
      }
    } finally {
      reader.disconnect();
    }
  });
});
