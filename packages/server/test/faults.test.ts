/**
 * Faults with real processes (the built CLI): a server killed with SIGKILL mid-stream and started
 * again; two instances over Redis with one of them killed. Clients reconnect by themselves.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WallboardEvent } from '@wallboard/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callEvents, expectedCounts, T0, toNdjson } from './support/events.js';
import { FeedClient } from './support/feed-client.js';
import {
  type ChildServer,
  freePort,
  type RedisServer,
  spawnServer,
  startRedis,
  tempDir,
  until,
} from './support/servers.js';

const QUEUES = ['sales', 'support', 'billing'];

/** Appends a minute of traffic per call every `everyMs`, until stopped. Returns everything written. */
function writer(file: string, everyMs: number) {
  const written: WallboardEvent[] = [];
  let minute = 0;
  const timer = setInterval(() => {
    const batch = callEvents(
      QUEUES.map((queue) => ({ queue, calls: 1 })),
      T0 + minute * 60_000,
    );
    minute++;
    written.push(...batch);
    appendFileSync(file, toNdjson(batch));
  }, everyMs);
  return { written, stop: () => clearInterval(timer) };
}

/**
 * Each of these starts several Node processes and waits on clients reconnecting: on a busy 2-core box
 * that takes well over the default 20 s (two timed out at 20 s). Every process is registered as it is
 * spawned (support/processes.ts) and killed after the file even when a test timed out mid-start.
 */
const SLOW = { timeout: 60_000 };
/** How long a server may take to start, and clients to do what is waited for, on a busy box. */
const START_MS = 20_000;
const WAIT_MS = 20_000;

const consecutive = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);

function totalsRight(c: FeedClient, want: ReturnType<typeof expectedCounts>): boolean {
  const scopes = c.state?.scopes;
  if (!scopes) return false;
  return Object.entries(want).every(([k, w]) => {
    const s = scopes[k] as Record<string, unknown> | undefined;
    return s?.offered === w.offered && s?.answered === w.answered && s?.abandoned === w.abandoned;
  });
}

let tmp: ReturnType<typeof tempDir>;
const children: ChildServer[] = [];
beforeAll(() => {
  tmp = tempDir();
});
afterAll(async () => {
  for (const c of children) await c.kill();
  tmp.cleanup();
});

describe('a server killed and restarted', () => {
  it('every client reconnects and shows the right totals', SLOW, async () => {
    const file = join(tmp.dir, 'restart.ndjson');
    writeFileSync(file, '');
    const port = await freePort();
    const args = ['--ndjson', file, '--port', String(port), '--publish-ms', '50', '--time-zone', 'UTC'];
    const first = await spawnServer(args, START_MS);
    children.push(first);
    const w = writer(file, 40);
    const clients = [
      ...[0, 1, 2].map(() => new FeedClient({ urls: [first.url], transport: 'sse', reconnect: true })),
      ...[0, 1, 2].map(() => new FeedClient({ urls: [first.url], transport: 'ws', reconnect: true })),
    ].map((c) => c.start());
    try {
      await until('clients live', () => clients.every((c) => (c.messages.length ?? 0) >= 3), WAIT_MS);
      const before = clients[0].state!.stream;
      await first.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 300)); // traffic goes on while the server is down
      const second = await spawnServer(args, START_MS);
      children.push(second);
      await until(
        'everyone on the new stream',
        () => clients.every((c) => c.state && c.state.stream !== before),
        WAIT_MS,
      );
      await new Promise((r) => setTimeout(r, 200));
      w.stop();
      const want = expectedCounts(w.written);
      for (const c of clients) await c.waitFor('the right totals', () => totalsRight(c, want), WAIT_MS);
      for (const c of clients) {
        expect(c.protocolErrors).toBe(0);
        expect(c.connects).toBeGreaterThanOrEqual(2);
      }
    } finally {
      w.stop();
      for (const c of clients) c.close();
    }
  });
});

describe('two instances over Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('clients move between instances and resume with no gap in sequence', SLOW, async () => {
    const file = join(tmp.dir, 'redis.ndjson');
    writeFileSync(file, '');
    const common = ['--redis', redis.url, '--redis-namespace', 'faults', '--publish-ms', '50'];
    const a = await spawnServer(['--ndjson', file, '--port', '0', '--time-zone', 'UTC', ...common], START_MS);
    children.push(a);
    const b = await spawnServer(['--port', '0', ...common], START_MS);
    children.push(b);
    const w = writer(file, 40);
    const onB = [
      ...[0, 1, 2].map(() => new FeedClient({ urls: [b.url, a.url], transport: 'sse', reconnect: true })),
      ...[0, 1, 2].map(() => new FeedClient({ urls: [b.url, a.url], transport: 'ws', reconnect: true })),
    ];
    const onA = [
      new FeedClient({ urls: [a.url, b.url], transport: 'sse', reconnect: true }),
      new FeedClient({ urls: [a.url, b.url], transport: 'ws', reconnect: true }),
    ];
    const clients = [...onB, ...onA].map((c) => c.start());
    try {
      await until('clients live', () => clients.every((c) => c.messages.length >= 5), WAIT_MS);
      // Both instances serve the one stream.
      expect(new Set(clients.map((c) => c.state?.stream)).size).toBe(1);
      let health: Record<string, unknown> = {};
      await until(
        'B healthy',
        async () => {
          health = (await (await fetch(`${b.url}/health`)).json()) as Record<string, unknown>;
          return health.ok === true;
        },
        WAIT_MS,
      );
      expect(health).toMatchObject({ ok: true, role: 'subscriber', stream: clients[0].state?.stream });

      // A's clients lose their connection and come back on B, which resumes them from its ring.
      for (const c of onA) c.drop();
      await until(
        'A clients on B',
        () => onA.every((c) => c.connects >= 2 && c.messages.length >= 10),
        WAIT_MS,
      );
      // B dies: its clients go to A.
      const seqAtKill = Math.max(...onB.map((c) => c.state?.seq ?? 0));
      await b.kill('SIGKILL');
      await until('B clients on A', () => onB.every((c) => (c.state?.seq ?? 0) >= seqAtKill + 10), WAIT_MS);
      w.stop();
      const want = expectedCounts(w.written);
      for (const c of clients) await c.waitFor('the right totals', () => totalsRight(c, want), WAIT_MS);
      for (const c of clients) {
        const seqs = c.messages.map((m) => m.seq);
        expect(consecutive(seqs), `${c.options.transport} seqs`).toBe(true);
        expect(c.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
        expect(c.protocolErrors).toBe(0);
        expect(c.connects).toBeGreaterThanOrEqual(2);
      }
    } finally {
      w.stop();
      for (const c of clients) c.close();
    }
  });
});
