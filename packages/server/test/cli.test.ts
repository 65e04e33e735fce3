import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runServer as run, tempDir } from './support/servers.js';

const tmp = tempDir();
/** Any existing file stands in for an NDJSON feed where the test is about another flag. */
const FEED = BIN;
afterAll(() => tmp.cleanup());

/** Each test runs the CLI (a Node start-up each, seconds apiece on a busy box), some several times. */
describe('wallboard-server flags', { timeout: 60_000 }, () => {
  it('prints usage with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GET /stream');
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['no source and no redis', [], /nothing to serve/],
    ['two sources', ['--ndjson', FEED, '--queue-log', 'b'], /give one source, not --ndjson and --queue-log/],
    ['unknown flag', ['--ndjson', FEED, '--bogus'], /Unknown option '--bogus'/],
    ['bad port', ['--ndjson', FEED, '--port', 'eighty'], /--port must be a number/],
    ['speed without replay', ['--ndjson', FEED, '--speed', '60'], /--speed goes with --scenario or --cdr/],
    [
      'unknown scenario',
      ['--scenario', 'no-such-day'],
      /no scenario file or built-in scenario named "no-such-day"/,
    ],
    ['cdr without map', ['--cdr', BIN], /--cdr needs a column map/],
    [
      'bad origin',
      ['--ndjson', FEED, '--origins', 'crm.example.com'],
      /--origins: "crm.example.com" is not a URL/,
    ],
    ['bad redis url', ['--redis', 'localhost:6379'], /--redis must be a redis:\/\/ URL/],
    ['bad formula', ['--ndjson', FEED, '--sl-formula', 'magic'], /--sl-formula must be one of/],
    ['bad zone', ['--ndjson', FEED, '--time-zone', 'Mars/Olympus'], /not an IANA time zone/],
    [
      'missing tokens file',
      ['--ndjson', FEED, '--tokens', '/nonexistent/tokens.json'],
      /cannot read tokens file/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('names the entry of a bad tokens file, and lists every problem of a bad scenario', async () => {
    const tokens = join(tmp.dir, 'tokens.json');
    writeFileSync(tokens, '{"abcdefgh12": "partner:acme"}');
    expect((await run(['--ndjson', FEED, '--tokens', tokens])).stderr).toMatch(
      /entry 1 must map to a non-empty list/,
    );
    const scenario = join(tmp.dir, 'bad.json');
    writeFileSync(scenario, JSON.stringify({ queues: [{ id: 'q', handle: { dist: 'nope' } }] }));
    const r = await run(['--scenario', scenario]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a valid scenario/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
