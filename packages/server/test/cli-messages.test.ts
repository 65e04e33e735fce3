/**
 * The CLI's one-line messages for file, Redis, host and number mistakes (never "internal error", a
 * stack trace, or a second line saying the same thing).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, freePort, runServer, tempDir } from './support/servers.js';

const tmp = tempDir();
const FEED = BIN;
afterAll(() => tmp.cleanup());

async function run(args: string[]) {
  const r = await runServer(args);
  return { code: r.code, stderr: r.stderr, lines: r.stderr.trim().split('\n') };
}

function expectOneLine(r: Awaited<ReturnType<typeof run>>, code: number, message: RegExp) {
  expect(r.stderr).toMatch(message);
  expect(r.lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(code);
}

/** Each test runs the CLI (a Node start-up each, seconds apiece on a busy box), some five times. */
describe('wallboard-server messages', { timeout: 60_000 }, () => {
  it('a directory given as a scenario file is one clear line, exit 2', async () => {
    expectOneLine(await run(['--scenario', tmp.dir]), 2, /cannot read scenario ".*": it is a directory/);
  });

  it('an unreachable Redis is one line naming the URL and the cause, exit 1', async () => {
    const port = await freePort();
    const r = await run(['--redis', `redis://127.0.0.1:${port}`]);
    expectOneLine(r, 1, new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED`));
  });

  it('a Redis URL without a host is refused, not taken for 127.0.0.1:6379', async () => {
    expectOneLine(
      await run(['--redis', 'redis://']),
      2,
      /--redis must name a host, such as redis:\/\/127\.0\.0\.1:6379/,
    );
    expectOneLine(await run(['--ndjson', FEED, '--redis', 'redis://:6379']), 2, /--redis must name a host/);
    const slash = await run(['--ndjson', FEED, '--redis', 'redis://app:Xk/9+s3cret@10.0.0.5:6379']);
    expectOneLine(
      slash,
      2,
      /--redis: the user name or password holds a \/ \? or # that must be percent-encoded/,
    );
    expect(slash.stderr).not.toContain('s3cret');
  });

  it('an error that mentions "redis" without --redis is not a Redis error', async () => {
    const r = await run(['--ndjson', FEED, '--host', 'redis.invalid', '--port', '0']);
    expectOneLine(r, 2, /--host redis\.invalid is not an address of this machine/);
    expect(r.stderr).not.toMatch(/Redis/);
  });

  it('negative numbers after a space are range-checked like any other', async () => {
    expectOneLine(
      await run(['--ndjson', FEED, '--port', '-1']),
      2,
      /^wallboard-server: --port must be a number from 1 to 65535 \(or 0 for any free port\), got -1$/m,
    );
    expectOneLine(
      await run(['--ndjson', FEED, '--port', '70000']),
      2,
      /--port must be a number from 1 to 65535/,
    );
    expectOneLine(
      await run(['--scenario', 'floor-1000', '--speed', '-2']),
      2,
      /--speed must be a number from 0.001 to 100000, got -2/,
    );
    expectOneLine(
      await run(['--ndjson', FEED, '--publish-ms', '-.5']),
      2,
      /--publish-ms must be a number from 20 to 60000, got -.5/,
    );
    expectOneLine(
      await run(['--ndjson', FEED, '--sl-threshold', '-5']),
      2,
      /--sl-threshold must be >= 0, got -5/,
    );
  });

  it('metric flags beyond the engine bounds are told as in wallboard-metrics report, not an internal error', async () => {
    expectOneLine(
      await run(['--ndjson', FEED, '--sl-threshold', '5000']),
      2,
      /^wallboard-server: --sl-threshold must be <= 3600, got 5000$/m,
    );
    expectOneLine(
      await run(['--ndjson', FEED, '--short-abandon', '601']),
      2,
      /^wallboard-server: --short-abandon must be <= 600, got 601$/m,
    );
    expectOneLine(
      await run(['--ndjson', FEED, '--sl-target', '1.5']),
      2,
      /^wallboard-server: --sl-target must be <= 1, got 1.5$/m,
    );
  });

  it('a flag followed by another flag instead of its value says so in one line', async () => {
    expectOneLine(
      await run(['--ndjson', FEED, '--port', '--host', '127.0.0.1']),
      2,
      /^wallboard-server: --port needs a value, got the flag --host \(a value that starts with "-" goes as --port=VALUE\)$/m,
    );
  });

  it('after "--" nothing is joined or taken for a flag', async () => {
    expectOneLine(await run(['--ndjson', FEED, '--', '--port', '-1']), 2, /unexpected argument "--port"/);
  });
});
