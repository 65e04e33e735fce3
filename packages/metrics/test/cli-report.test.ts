/**
 * `wallboard-metrics report` end to end (in process): garbage lines among good ones change no figure and
 * are counted in diagnostics.rejected; --strict exits 1 naming the line; bad flags and files give one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, morning } from './engine/fixture.js';
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

  it('--strict names the source line of a duplicate id, counting blank lines', async () => {
    const ev = (o: object) => JSON.stringify(o);
    const text = [
      ev({ type: 'call.queued', t: at(0), call: 'a', queue: 'q', id: 'e1' }),
      '',
      ev({ type: 'call.queued', t: at(1), call: 'b', queue: 'q', id: 'e2' }),
      ev({ type: 'call.queued', t: at(2), call: 'c', queue: 'q', id: 'e1' }), // line 4: a repeated id
      '',
      ev({ type: 'call.queued', t: at(3), call: 'd', queue: 'q', id: 'e3' }),
    ].join('\n');
    const r = await runCli(['report', '-', '--format', 'ndjson', '--strict'], text);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('wallboard-metrics report: stdin line 4: duplicate: id "e1" seen before\n');
  });

  it('--strict names the line of a duplicate CDR row, though its events are sorted by time', async () => {
    const map = tempFile(
      'map.json',
      JSON.stringify({
        delimiter: ',',
        header: true,
        callId: 'id',
        queue: 'queue',
        agent: { column: 'agent' },
        timeFormat: 'epoch',
        timeZone: 'UTC',
        times: {
          queued: { column: 'queued' },
          answered: { column: 'answered' },
          abandoned: { column: 'abandoned' },
          ended: { column: 'ended' },
        },
      }),
    );
    const s = (sec: number) => String(at(sec) / 1000);
    const csv = [
      'id,queue,agent,queued,answered,abandoned,ended',
      `c1,sales,a1,${s(0)},${s(10)},,${s(100)}`,
      `c2,sales,a2,${s(50)},${s(60)},,${s(90)}`,
      `c3,sales,a1,${s(200)},${s(210)},,${s(300)}`,
      `c2,sales,a2,${s(50)},${s(60)},,${s(90)}`, // line 5: the same row again
      `c4,sales,a2,${s(400)},${s(405)},,${s(500)}`,
    ].join('\n');
    const file = tempFile('calls.csv', csv);
    const r = await runCli(['report', file, '--map', map, '--strict']);
    expect(r.stderr).toMatch(/calls\.csv line 5: invalid-transition: call "c2" queued twice/);
    expect(r.code).toBe(1);
    const lax = JSON.parse((await runCli(['report', file, '--map', map, '--json'])).stdout);
    expect(lax.scopes['queue:sales']).toMatchObject({ offered: 4, answered: 4 });
  });

  it('--strict names an engine rejection that comes before a malformed line', async () => {
    const ev = (o: object) => JSON.stringify(o);
    const text = [
      ev({ type: 'call.queued', t: at(0), call: 'a', queue: 'q' }),
      ev({ type: 'call.ended', t: at(1), call: 'ghost', queue: 'q', agent: 'x' }), // line 2: unknown call
      ev({ type: 'call.queued', t: at(2), call: 'b', queue: 'q' }),
      '{"type":', // line 4: not JSON
    ].join('\n');
    const r = await runCli(['report', '-', '--format', 'ndjson', '--strict'], text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wallboard-metrics report: stdin line 2: unknown-call: /);
  });

  it('--strict names the line of a first event retracted for an absurd time', async () => {
    const ev = (o: object) => JSON.stringify(o);
    const text = [
      ev({ type: 'call.queued', t: 4e12, call: 'x', queue: 'q' }),
      ev({ type: 'call.queued', t: at(0), call: 'a', queue: 'q' }),
      ev({ type: 'call.queued', t: at(1), call: 'b', queue: 'q' }),
      '{"type":', // line 4
    ].join('\n');
    const r = await runCli(['report', '-', '--format', 'ndjson', '--strict'], text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wallboard-metrics report: stdin line 1: bad-time: /);
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
    [
      ['report', '-', '--format', 'ndjson', '--short-abandon', '-1'],
      /^[^:]+: --short-abandon must be >= 0, got -1$/m,
    ],
    [
      ['report', '-', '--format', 'ndjson', '--sl-threshold', '-20'],
      /--sl-threshold must be >= 0, got -20$/m,
    ],
    [['report', '-', '--format', 'ndjson', '--sl-target', '-.5'], /--sl-target must be >= 0, got -.5$/m],
    [
      ['report', '-', '--format', 'ndjson', '--interval', '-30'],
      /--interval must be 15, 30 or 60, got -30$/m,
    ],
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
    // call records carry no agent states: staffing and occupancy are unknown, not 0
    expect(json.scopes.all).toMatchObject({ avgStaffed: null, occupancy: null, acwSec: null });
  });
});
