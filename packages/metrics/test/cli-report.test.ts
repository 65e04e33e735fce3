/**
 * `wallboard-metrics report` end to end (in process): garbage lines among good ones change no figure and
 * are counted in diagnostics.rejected; --strict exits 1 naming the line; bad flags and files give one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { morning } from './engine/fixture.js';
import { runCli } from './support/run-cli.js';

const good = morning()
  .map((e) => JSON.stringify(e))
  .join('\n');
const GARBAGE = [
  '{"type":"call.queued"',
  'hello',
  '{"type":"call.answered","t":"soon","call":"c9","queue":"sales"}',
  '[]',
];

function withGarbage(): string {
  const lines = good.split('\n');
  lines.splice(5, 0, GARBAGE[0], GARBAGE[1]);
  lines.splice(12, 0, GARBAGE[2], '', GARBAGE[3]);
  return lines.join('\n');
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wb-report-'));
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('wallboard-metrics report', () => {
  it('prints the report JSON with the contract keys', async () => {
    const r = await runCli(['report', '-', '--format', 'ndjson', '--json'], good);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['scopes', 'intervals', 'diagnostics']));
    expect(json.scopes['queue:sales']).toMatchObject({
      offered: 5,
      answered: 2,
      abandoned: 2,
      shortAbandoned: 1,
      overflowed: 1,
    });
    for (const key of [
      'answeredWithin',
      'abandonedWithin',
      'asaSec',
      'ataSec',
      'attSec',
      'acwSec',
      'ahtSec',
      'abandonRate',
      'occupancy',
      'csat',
      'surveys',
      'staffedAgents',
      'avgStaffed',
      'waiting',
      'longestWaitSec',
    ]) {
      expect(json.scopes.all, key).toHaveProperty(key);
    }
    expect(json.diagnostics).toMatchObject({ accepted: morning().length, rejected: 0 });
  });

  it('counts garbage lines as rejected and changes no figure', async () => {
    const clean = JSON.parse((await runCli(['report', '-', '--format', 'ndjson', '--json'], good)).stdout);
    const file = tempFile('calls.ndjson', withGarbage());
    const r = await runCli(['report', file, '--json']);
    expect(r.code).toBe(0);
    const dirty = JSON.parse(r.stdout);
    expect(dirty.scopes).toEqual(clean.scopes);
    expect(dirty.intervals).toEqual(clean.intervals);
    expect(dirty.diagnostics.rejected).toBe(GARBAGE.length);
    expect(dirty.diagnostics.accepted).toBe(clean.diagnostics.accepted);
  });

  it('--strict exits 1 at the first bad line, naming it', async () => {
    const file = tempFile('calls.ndjson', withGarbage());
    const r = await runCli(['report', file, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/calls\.ndjson line 6: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--strict also stops at an event the engine rejects', async () => {
    const lines = good.split('\n');
    lines.splice(
      3,
      0,
      JSON.stringify({ type: 'call.ended', t: morning()[2].t, call: 'nobody', queue: 'sales', agent: 'a1' }),
    );
    const r = await runCli(['report', '-', '--format', 'ndjson', '--strict'], lines.join('\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown-call/);
  });

  it('prints readable tables by default, saying the formula and threshold', async () => {
    const r = await runCli(
      ['report', '-', '--format', 'ndjson', '--sl-formula', 'answered-only', '--sl-threshold', '30'],
      good,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SL 80\/30, answered calls only/);
    expect(r.stdout).toMatch(/queue:sales/);
  });

  it.each([
    [['report', '/no/such/file'], /cannot read input file "\/no\/such\/file": no such file/],
    [['report', '-', '--format', 'xml'], /--format must be one of ndjson, queue_log, cdr/],
    [['report', '-', '--format', 'ndjson', '--interval', '20'], /--interval must be 15, 30 or 60/],
    [['report', '-', '--format', 'ndjson', '--sl-formula', 'best'], /--sl-formula must be one of/],
    [['report', '-', '--format', 'ndjson', '--sl-target', '1.5'], /--sl-target must be <= 1/],
    [['report', '-', '--format', 'ndjson', '--time-zone', 'Mars/Base'], /unknown time zone "Mars\/Base"/],
    [['report', '-', '--format', 'cdr'], /--format cdr needs --map FILE/],
    [['report', '-', '--colour'], /Unknown option '--colour'/],
  ])('%j fails with one clear line', async (argv, message) => {
    const r = await runCli(argv as string[], good);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the shipped sample with its column map', async () => {
    const r = await runCli(['report', 'sample', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.settings.timeZone).toBe('Asia/Jerusalem');
    expect(json.diagnostics.rejected).toBe(0);
    expect(json.scopes.all.offered).toBeGreaterThan(30_000);
  });
});
