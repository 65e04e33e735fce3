/**
 * A Redis password given in --redis (redis://user:PASSWORD@host, ?password=) is never printed: not in
 * flag errors, connection errors, the namespace-busy refusal, the listening line, logs or /health.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/stream/redis.js';
import {
  BIN,
  freePort,
  getJson,
  type RedisServer,
  runServer,
  spawnServer,
  startRedis,
} from './support/servers.js';

/** Any existing file stands in for an NDJSON feed. */
const FEED = BIN;
const SECRET = 's3cret-Pw';

async function run(args: string[]) {
  const r = await runServer(args);
  return { code: r.code, output: r.stdout + r.stderr, lines: r.stderr.trim().split('\n') };
}

describe('redactUrl', () => {
  it.each([
    ['redis://user:s3cret-Pw@host:6379/2', 'redis://user:***@host:6379/2'],
    ['rediss://:s3cret-Pw@host', 'rediss://:***@host'],
    ['redis://user:s3cr@t-Pw@host:6379', 'redis://user:***@host:6379'],
    ['redis://host:6379?db=1&password=s3cret-Pw', 'redis://host:6379?db=1&password=***'],
    ['user:s3cret-Pw@host:6379', 'user:***@host:6379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://user@host:6379', 'redis://user@host:6379'],
    ['localhost:6379', 'localhost:6379'],
    // Unescaped / ? # in a password (a base64 one often has "/"): no URL parser takes these.
    ['redis://app:Xk/9+s3cret-Pw@10.0.0.5:6379', 'redis://app:***@10.0.0.5:6379'],
    ['redis://app:a?b#s3cret-Pw@host:1/0', 'redis://app:***@host:1/0'],
    ['redis://host:1/0?password=s3cret@Pw', 'redis://host:1/0?password=***'],
  ])('%s is shown as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

/** These run the CLI, some several times (a Node start-up each, seconds apiece on a busy box). */
describe('Redis passwords in messages', { timeout: 60_000 }, () => {
  it('an unreachable Redis is named without its password', async () => {
    const port = await freePort();
    const r = await run(['--redis', `redis://wb:${SECRET}@127.0.0.1:${port}`]);
    expect(r.output).toMatch(
      new RegExp(`^wallboard-server: cannot reach Redis at redis://wb:\\*\\*\\*@127\\.0\\.0\\.1:${port}: `),
    );
    expect(r.output).not.toContain(SECRET);
    expect(r.lines).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it('a refused --redis value is shown without its password', async () => {
    for (const url of [`wb:${SECRET}@localhost:6379`, `redis://wb:${SECRET}@`]) {
      const r = await run(['--ndjson', FEED, '--redis', url]);
      expect(r.output).toMatch(/--redis must (be a redis:\/\/ URL|name a host)/);
      expect(r.output).toContain('wb:***@');
      expect(r.output).not.toContain(SECRET);
      expect(r.code).toBe(2);
    }
  });
});

describe('Redis passwords with a live Redis', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis(SECRET);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('never reach the listening line, the namespace refusal, logs or /health', async () => {
    const common = [
      '--port',
      '0',
      '--redis',
      redis.url,
      '--redis-namespace',
      'secrets',
      '--publish-ms',
      '50',
    ];
    const publisher = await spawnServer(['--ndjson', FEED, ...common]);
    const subscriber = await spawnServer(common);
    try {
      expect(subscriber.stdout()).toContain(`the stream in Redis (${redactUrl(redis.url)})`);
      expect(redactUrl(redis.url)).toContain('default:***@');
      for (const s of [publisher, subscriber]) {
        const health = await getJson(`${s.url}/health?detail=1`);
        expect(health.body.detail).toBe(true);
        expect(JSON.stringify(health.body)).not.toContain(SECRET);
      }
      // A second source on the namespace is refused, naming the Redis it found busy.
      const refused = await run(['--ndjson', FEED, ...common]);
      expect(refused.output).toMatch(
        /another publisher is running on Redis namespace "secrets" at redis:\/\/default:\*\*\*@/,
      );
      expect(refused.output).not.toContain(SECRET);
      expect(refused.code).toBe(1);
    } finally {
      await subscriber.kill('SIGTERM');
      await publisher.kill('SIGTERM');
    }
    for (const s of [publisher, subscriber]) expect(s.stdout() + s.stderr()).not.toContain(SECRET);
  });
});
