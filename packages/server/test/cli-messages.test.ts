/**
 * The CLI's one-line messages for file, Redis, host and number mistakes (never "internal error", a
 * stack trace, or a second line saying the same thing).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, tempDir } from './support/servers.js';

const BIN = fileURLToPath(new URL('../bin/wallboard-server.js', import.meta.url));
const tmp = tempDir();
const FEED = BIN;
afterAll(() => tmp.cleanup());

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stderr: r.stderr, lines: r.stderr.trim().split('\n') };
}

function expectOneLine(r: ReturnType<typeof run>, code: number, message: RegExp) {
  expect(r.stderr).toMatch(message);
  expect(r.lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(code);
}

describe('wallboard-server messages', () => {
  it('a directory given as a scenario file is one clear line, exit 2', () => {
    expectOneLine(run(['--scenario', tmp.dir]), 2, /cannot read scenario ".*": it is a directory/);
  });

  it('an unreachable Redis is one line naming the URL and the cause, exit 1', async () => {
    const port = await freePort();
    const r = run(['--redis', `redis://127.0.0.1:${port}`]);
    expectOneLine(r, 1, new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED`));
  });

  it('a Redis URL without a host is refused, not taken for 127.0.0.1:6379', () => {
    expectOneLine(
      run(['--redis', 'redis://']),
      2,
      /--redis must name a host, such as redis:\/\/127\.0\.0\.1:6379/,
    );
    expectOneLine(run(['--ndjson', FEED, '--redis', 'redis://:6379']), 2, /--redis must name a host/);
  });

  it('an error that mentions "redis" without --redis is not a Redis error', () => {
    const r = run(['--ndjson', FEED, '--host', 'redis.invalid', '--port', '0']);
    expectOneLine(r, 2, /--host redis\.invalid is not an address of this machine/);
    expect(r.stderr).not.toMatch(/Redis/);
  });

  it('negative numbers after a space are range-checked like any other', () => {
    expectOneLine(
      run(['--ndjson', FEED, '--port', '-1']),
      2,
      /^wallboard-server: --port must be a number from 1 to 65535 \(or 0 for any free port\), got -1$/m,
    );
    expectOneLine(run(['--ndjson', FEED, '--port', '70000']), 2, /--port must be a number from 1 to 65535/);
    expectOneLine(
      run(['--scenario', 'floor-1000', '--speed', '-2']),
      2,
      /--speed must be a number from 0.001 to 100000, got -2/,
    );
    expectOneLine(
      run(['--ndjson', FEED, '--publish-ms', '-.5']),
      2,
      /--publish-ms must be a number from 20 to 60000, got -.5/,
    );
    expectOneLine(run(['--ndjson', FEED, '--sl-threshold', '-5']), 2, /--sl-threshold must be >= 0, got -5/);
  });

  it('metric flags beyond the engine bounds are told as in wallboard-metrics report, not an internal error', () => {
    expectOneLine(
      run(['--ndjson', FEED, '--sl-threshold', '5000']),
      2,
      /^wallboard-server: --sl-threshold must be <= 3600, got 5000$/m,
    );
    expectOneLine(
      run(['--ndjson', FEED, '--short-abandon', '601']),
      2,
      /^wallboard-server: --short-abandon must be <= 600, got 601$/m,
    );
    expectOneLine(
      run(['--ndjson', FEED, '--sl-target', '1.5']),
      2,
      /^wallboard-server: --sl-target must be <= 1, got 1.5$/m,
    );
  });

  it('a flag followed by another flag instead of its value says so in one line', () => {
    expectOneLine(
      run(['--ndjson', FEED, '--port', '--host', '127.0.0.1']),
      2,
      /^wallboard-server: --port needs a value, got the flag --host \(a value that starts with "-" goes as --port=VALUE\)$/m,
    );
  });

  it('after "--" nothing is joined or taken for a flag', () => {
    expectOneLine(run(['--ndjson', FEED, '--', '--port', '-1']), 2, /unexpected argument "--port"/);
  });
});
