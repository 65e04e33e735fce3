/** The erlang, erlang-b and staff commands, run in process through main() with a fake CliIo. */
import { describe, expect, it } from 'vitest';
import { erlangB as blocking } from '../src/erlang/index.js';
import { erlangCDirect } from './erlang-reference.js';
import { runCli } from './support/run-cli.js';

const run = (...argv: string[]) => runCli(argv);

async function runJson(...argv: string[]) {
  const r = await run(...argv, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  return JSON.parse(r.stdout) as Record<string, number | null>;
}

const C_KEYS = [
  'pWait',
  'meanWaitSec',
  'slAnsweredWithinOverOffered',
  'slAnsweredWithinOverAnswered',
  'occupancy',
];
const A_KEYS = ['pWait', 'pAbandon', ...C_KEYS.slice(1)];

describe('wallboard-metrics erlang', () => {
  it('--json prints exactly the Erlang C keys, with the published values', async () => {
    const out = await runJson('erlang', '--calls-per-hour', '200', '--aht-sec', '180', '--agents', '14');
    expect(Object.keys(out)).toEqual(C_KEYS);
    // CRAN ErlangC README: 10 Erlangs on 14 agents, 80/20.
    expect(out.pWait).toBeCloseTo(0.1741319, 7);
    expect(out.slAnsweredWithinOverOffered).toBeCloseTo(0.88835, 5);
    expect(out.meanWaitSec).toBeCloseTo(7.835937, 6);
    expect(out.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('--patience-sec switches to Erlang A and adds pAbandon', async () => {
    const out = await runJson(
      'erlang',
      '--calls-per-hour=1960',
      '--aht-sec=180',
      '--agents=100',
      '--patience-sec=120',
      '--threshold-sec=20',
    );
    expect(Object.keys(out)).toEqual(A_KEYS);
    expect(out.pWait).toBeCloseTo(0.392282, 5);
    expect(out.pAbandon).toBeCloseTo(0.034738, 5);
    expect(out.slAnsweredWithinOverAnswered).toBeCloseTo(0.945869, 5);
  });

  it('--threshold-sec changes the SL, not P(wait)', async () => {
    const base = ['erlang', '--calls-per-hour', '600', '--aht-sec', '120', '--agents', '25'];
    const t20 = await runJson(...base);
    const t60 = await runJson(...base, '--threshold-sec', '60');
    expect(t60.pWait).toBe(t20.pWait);
    expect(t20.pWait).toBeCloseTo(erlangCDirect(20, 25), 12);
    // Erlang C: SL(t) = 1 - C·e^-(n-A)t/AHT with n - A = 5, AHT = 120.
    expect(t60.slAnsweredWithinOverOffered).toBeCloseTo(
      1 - (t20.pWait as number) * Math.exp((-5 * 60) / 120),
      12,
    );
  });

  it('an unstable queue prints null for the unbounded wait and says so in the table', async () => {
    const args = ['erlang', '--calls-per-hour', '200', '--aht-sec', '180', '--agents', '10'];
    const out = await runJson(...args);
    expect(out).toEqual({
      pWait: 1,
      meanWaitSec: null,
      slAnsweredWithinOverOffered: 0,
      slAnsweredWithinOverAnswered: 0,
      occupancy: 1,
    });
    const table = await run(...args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/unstable/);
    expect(table.stdout).toMatch(/unbounded/);
  });

  it('prints a readable table by default', async () => {
    const r = await run('erlang', '--calls-per-hour', '200', '--aht-sec', '180', '--agents', '14');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Erlang C: 200 calls\/h x 180 s = 10 Erlangs on 14 agents\n/);
    expect(r.stdout).toMatch(/waits \(all agents busy\)\s+17\.41%/);
    expect(r.stdout).toMatch(/answered within 20 s \/ offered\s+88\.84%/);
    expect(r.stdout).toMatch(/mean wait, all calls\s+7\.84 s/);
    expect(r.stdout).not.toMatch(/abandons/);
    const a = await run(
      'erlang',
      '--calls-per-hour',
      '200',
      '--aht-sec',
      '180',
      '--agents',
      '14',
      '--patience-sec',
      '300',
    );
    expect(a.stdout).toMatch(/^Erlang A \(mean patience 300 s\)/);
    expect(a.stdout).toMatch(/abandons\s+1\.40%/);
  });
});

describe('wallboard-metrics erlang-b', () => {
  it('--json prints blocking', async () => {
    const out = await runJson('erlang-b', '--erlangs', '10', '--agents', '17');
    expect(Object.keys(out)).toEqual(['blocking']);
    expect(out.blocking).toBeCloseTo(0.0129489, 6);
  });

  it('prints a table by default', async () => {
    const r = await run('erlang-b', '--erlangs', '1', '--agents', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/blocking\s+0\.2 \(20\.00%\)/);
    expect(blocking(1, 2)).toBe(0.2);
  });
});

describe('wallboard-metrics staff', () => {
  it('--json prints the agents and the figures at that staffing', async () => {
    const out = await runJson('staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '0.8');
    expect(Object.keys(out)).toEqual(['agents', ...C_KEYS]);
    expect(out.agents).toBe(14);
    expect(out.pWait).toBeCloseTo(0.1741319, 7);
  });

  it('--patience-sec staffs by Erlang A; --max-occupancy caps occupancy', async () => {
    const a = await runJson(
      'staff',
      '--calls-per-hour=200',
      '--aht-sec=180',
      '--target=0.8',
      '--patience-sec=300',
    );
    expect(Object.keys(a)).toEqual(['agents', ...A_KEYS]);
    expect(a.agents).toBeLessThanOrEqual(14);
    expect(a.slAnsweredWithinOverOffered).toBeGreaterThanOrEqual(0.8);
    const capped = await runJson(
      'staff',
      '--calls-per-hour=200',
      '--aht-sec=180',
      '--target=0.8',
      '--max-occupancy=0.6',
    );
    expect(capped.agents).toBe(17); // ceil(10 Erlangs / 0.6)
  });

  it('--threshold-sec tightens the target', async () => {
    const base = ['staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '0.8'];
    const loose = await runJson(...base, '--threshold-sec', '60');
    const tight = await runJson(...base, '--threshold-sec', '5');
    expect(tight.agents as number).toBeGreaterThan(loose.agents as number);
  });

  it('prints a table by default', async () => {
    const r = await run('staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '0.8');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SL target 80\.00% within 20 s/);
    expect(r.stdout).toMatch(/agents needed\s+14\n/);
  });
});

describe('bad input: exit 2 and one line naming the flag', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['missing --agents', ['erlang', '--calls-per-hour', '200', '--aht-sec', '180'], /missing --agents/],
    [
      'fractional agents',
      ['erlang', '--calls-per-hour', '200', '--aht-sec', '180', '--agents', '2.5'],
      /--agents/,
    ],
    [
      'zero AHT',
      ['erlang', '--calls-per-hour', '200', '--aht-sec', '0', '--agents', '3'],
      /--aht-sec must be > 0/,
    ],
    [
      'not a number',
      ['erlang', '--calls-per-hour', 'lots', '--aht-sec', '180', '--agents', '3'],
      /--calls-per-hour must be a number, got "lots"$/m,
    ],
    [
      'negative calls',
      ['erlang', '--calls-per-hour', '-5', '--aht-sec', '180', '--agents', '3'],
      /--calls-per-hour must be >= 0, got -5$/m,
    ],
    [
      'negative patience',
      ['erlang', '--calls-per-hour', '5', '--aht-sec', '180', '--agents', '3', '--patience-sec', '-1'],
      /--patience-sec must be >= 0, got -1$/m,
    ],
    [
      'negative threshold',
      ['erlang', '--calls-per-hour', '5', '--aht-sec', '180', '--agents', '3', '--threshold-sec', '-1'],
      /--threshold-sec must be >= 0, got -1$/m,
    ],
    [
      'unknown flag',
      ['erlang', '--calls-per-hour', '5', '--aht-sec', '180', '--agents', '3', '--foo'],
      /--foo/,
    ],
    ['stray argument', ['erlang-b', '--erlangs', '1', '--agents', '2', 'extra'], /extra/],
    ['missing --erlangs', ['erlang-b', '--agents', '2'], /missing --erlangs/],
    ['huge --agents', ['erlang-b', '--erlangs', '1', '--agents', '1e9'], /--agents must be <=/],
    [
      'target as a percent',
      ['staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '80'],
      /--target/,
    ],
    [
      'negative target',
      ['staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '-0.8'],
      /--target must be a fraction between 0 and 1 \(0.8 for 80%\), got -0.8$/m,
    ],
    [
      'negative max occupancy',
      ['staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '0.8', '--max-occupancy', '-1'],
      /--max-occupancy must be a fraction in \(0, 1\], got -1$/m,
    ],
    ['negative agents', ['erlang-b', '--erlangs', '1', '--agents', '-2'], /--agents must be >= 0, got -2$/m],
    ['missing --target', ['staff', '--calls-per-hour', '200', '--aht-sec', '180'], /missing --target/],
    [
      'occupancy above 1',
      ['staff', '--calls-per-hour', '200', '--aht-sec', '180', '--target', '0.8', '--max-occupancy', '1.5'],
      /--max-occupancy/,
    ],
    [
      'load out of range',
      ['staff', '--calls-per-hour', '1e9', '--aht-sec', '3600', '--target', '0.8'],
      /Erlangs/,
    ],
    ['flag without value', ['erlang', '--calls-per-hour'], /--calls-per-hour/],
    // Said "--agents must not be negative, got --json" before the flags were parsed in one place.
    [
      'flag followed by a flag',
      ['erlang', '--calls-per-hour', '100', '--aht-sec', '180', '--agents', '--json'],
      /--agents needs a value, got the flag --json/,
    ],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints the usage and exits 0', async () => {
    for (const cmd of ['erlang', 'erlang-b', 'staff']) {
      const r = await run(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: wallboard-metrics ${cmd} `));
    }
  });
});
