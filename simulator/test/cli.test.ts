import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEvent, type WallboardEvent } from '@wallboard/metrics';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { Simulation } from '../src/engine/simulation.js';
import { toNdjsonLine } from '../src/ndjson.js';
import { BUILT_IN_NAMES, builtInScenario } from '../src/scenario/library.js';
import { loadScenario } from '../src/scenario/load.js';
import { parseDuration } from '../src/scenario/time.js';
import { MemoryIo } from './support/memory-io.js';

async function cli(...argv: string[]) {
  const io = new MemoryIo();
  const code = await main(argv, io);
  return { code, io };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('wallboard-sim run', () => {
  it('--summary --json: the report JSON of the metrics engine over post-warm-up events, plus run', async () => {
    const { code, io } = await cli('run', 'steady-day', '--summary', '--json');
    expect(code).toBe(0);
    expect(io.err).toBe('');
    const r = JSON.parse(io.out);
    expect(Object.keys(r)).toEqual(['settings', 'from', 'to', 'scopes', 'intervals', 'diagnostics', 'run']);
    expect(Object.keys(r.run)).toEqual(['calls', 'events', 'wallMs', 'partners']);
    expect(r.run.partners).toEqual([]);
    expect(r.diagnostics.rejected).toBe(0);
    // Independent count from the raw stream: calls first queued after the 30-minute warm-up, less the
    // short abandons (wait < 5 s), are the offered calls of scope "all".
    const loaded = loadScenario(builtInScenario('steady-day'));
    if (!loaded.ok) throw new Error('steady-day invalid');
    const events: WallboardEvent[] = [];
    const sim = new Simulation(loaded.model, { sink: (e) => events.push(e), names: loaded.names });
    sim.runToEnd();
    const warm = loaded.model.startEpochMs + loaded.model.warmupMs;
    const queuedAt = new Map<string, number>();
    for (const e of events) if (e.type === 'call.queued' && e.t >= warm) queuedAt.set(e.call, e.t);
    const short = events.filter(
      (e) => e.type === 'call.abandoned' && queuedAt.has(e.call) && e.t - queuedAt.get(e.call)! < 5000,
    ).length;
    expect(r.scopes.all.offered).toBe(queuedAt.size - short);
    expect(r.scopes.all.shortAbandoned).toBe(short);
    expect(r.run.calls).toBe(sim.callCount);
    expect(r.run.events).toBe(events.length);
    expect(r.scopes['queue:support'].sl).toMatchObject({ slThresholdSec: 20, slTarget: 0.8 });
  });

  it('--events FILE writes the same NDJSON as the library, every line a valid event', async () => {
    const { code, io } = await cli('run', 'outage-surge', '--events', 'out.ndjson');
    expect(code).toBe(0);
    expect(io.out).toBe('');
    const text = io.files.get('out.ndjson')!;
    const loaded = loadScenario(builtInScenario('outage-surge'));
    if (!loaded.ok) throw new Error('invalid');
    let expected = '';
    new Simulation(loaded.model, {
      names: loaded.names,
      sink: (e) => (expected += toNdjsonLine(e)),
    }).runToEnd();
    expect(text).toBe(expected);
    expect(lines(text).every((l) => validateEvent(JSON.parse(l)).ok)).toBe(true);
  });

  it('--events - keeps stdout pure NDJSON and puts the summary on stderr', async () => {
    const { code, io } = await cli('run', 'steady-day', '--events', '-', '--summary', '--until', '1h');
    expect(code).toBe(0);
    expect(lines(io.out).every((l) => l.startsWith('{"type":'))).toBe(true);
    expect(io.err).toContain('scope');
    expect(io.err).toContain('queue:support');
  });

  it('--seed and --until change the run', async () => {
    const a = (await cli('run', 'steady-day', '--events', '-', '--until', '2h')).io.out;
    const b = (await cli('run', 'steady-day', '--events', '-', '--until', '2h', '--seed', '42')).io.out;
    expect(a).not.toBe(b);
    const start = Date.UTC(2025, 2, 3, 8);
    const last = JSON.parse(lines(a).at(-1)!);
    expect(last.t).toBeLessThanOrEqual(start + 2 * 3_600_000);
    expect(last.t).toBeGreaterThan(start + 1.9 * 3_600_000);
  });

  it('takes the report metric flags and reports every partner', async () => {
    const { io } = await cli(
      'run',
      'outsourcer-fte',
      '--json',
      '--sl-threshold',
      '30',
      '--sl-formula',
      'answered-only',
      '--interval',
      '60',
    );
    const r = JSON.parse(io.out);
    expect(r.settings).toMatchObject({
      slThresholdSec: 30,
      slFormula: 'answered-only',
      intervalMin: 60,
      timeZone: 'Europe/London',
    });
    expect(r.scopes['queue:sales-bpo'].sl.slThresholdSec).toBe(30);
    for (const p of ['partner:inhouse', 'partner:bpo']) {
      expect(r.scopes[p].offered).toBeGreaterThan(1000);
      expect(r.scopes[p].serviceLevel).toBeGreaterThan(0);
    }
    expect(r.intervals.length).toBe(8);
  });

  /** The counts of run.partners[i].direct + .overflowIn, for comparison with the engine's partner scope. */
  const COUNTS = ['offered', 'answered', 'abandoned', 'shortAbandoned', 'answeredWithin', 'abandonedWithin'];
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the CLI
  const expectSplitAddsUp = (r: any) => {
    for (const p of r.run.partners) {
      const scope = r.scopes[`partner:${p.partner}`];
      for (const k of COUNTS) expect(p.direct[k] + p.overflowIn[k], `${p.partner} ${k}`).toBe(scope[k]);
      // FTE held: the simulator's staffed time agrees with the engine's time-weighted staffing.
      expect(Math.abs(p.avgStaffed - scope.avgStaffed), p.partner).toBeLessThan(0.05);
    }
  };

  it('--summary --json: run.partners splits each partner into its own calls and the overflow it received', async () => {
    const { code, io } = await cli('run', 'outsourcer-fte', '--summary', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(io.out);
    expect(Object.keys(r)).toEqual(['settings', 'from', 'to', 'scopes', 'intervals', 'diagnostics', 'run']);
    expect(r.run.partners.map((p: { partner: string }) => p.partner)).toEqual(['inhouse', 'bpo']);
    const [inhouse, bpo] = r.run.partners;
    expect(Object.keys(bpo)).toEqual([
      'partner',
      'name',
      'contract',
      'queues',
      'direct',
      'overflowIn',
      'answered',
      'avgStaffed',
      'staffedHours',
      'billed',
    ]);
    expectSplitAddsUp(r);
    expect(inhouse.overflowIn.offered).toBe(0);
    expect(inhouse.direct.overflowed).toBeGreaterThan(100);
    expect(bpo.overflowIn.offered).toBeGreaterThan(100);
    // What the scenario's description says: BPO's own calls about 72%, the overflow about 61%, the
    // engine's mixed partner scope about 71%; 17 FTE billed at 28 an hour; 5 in-house no-shows.
    expect(Math.abs(bpo.direct.serviceLevel - 0.72)).toBeLessThan(0.01);
    expect(Math.abs(bpo.overflowIn.serviceLevel - 0.61)).toBeLessThan(0.01);
    expect(Math.abs(r.scopes['partner:bpo'].serviceLevel - 0.71)).toBeLessThan(0.01);
    expect(bpo.overflowIn.offered).toBe(137);
    expect(bpo).toMatchObject({ name: 'BPO', contract: 'per-fte', avgStaffed: 17, staffedHours: 136 });
    expect(bpo.billed).toEqual({ basis: 'fte-hours', units: 136, rate: 28, cost: 3808 });
    expect(inhouse).toMatchObject({ contract: null, avgStaffed: 19, billed: null });
    expect(bpo.answered).toBe(bpo.direct.answered + bpo.overflowIn.answered);
    const described = (builtInScenario('outsourcer-fte') as { description: string }).description;
    for (const claim of ['about 82%', 'about 72%', 'the 137 calls', 'about 61%', 'about 71%', '5 of its 24'])
      expect(described).toContain(claim);

    // The same day without the overflow rule (same callers): BPO meets 80/20 on its own calls.
    const dir = mkdtempSync(join(tmpdir(), 'wb-sim-fte-'));
    try {
      const doc = builtInScenario('outsourcer-fte') as { queues: Array<{ overflow?: unknown }> };
      doc.queues[0].overflow = undefined;
      const file = join(dir, 'clean.json');
      writeFileSync(file, JSON.stringify(doc));
      const clean = JSON.parse((await cli('run', file, '--json')).io.out);
      const cleanBpo = clean.run.partners[1];
      expect(cleanBpo.overflowIn.offered).toBe(0);
      expect(Math.abs(cleanBpo.direct.serviceLevel - 0.82)).toBeLessThan(0.01);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run.partners: a per-call partner is billed for the calls it answered; the split follows the metric flags', async () => {
    const r = JSON.parse((await cli('run', 'absenteeism-overflow', '--json')).io.out);
    expectSplitAddsUp(r);
    const [inhouse, acme] = r.run.partners;
    expect(acme).toMatchObject({ name: 'Acme', contract: 'per-call', avgStaffed: 7 });
    expect(acme.direct.offered).toBe(0);
    expect(acme.direct.serviceLevel).toBeNull();
    expect(acme.billed).toEqual({
      basis: 'calls',
      units: acme.answered,
      rate: 4.5,
      cost: acme.answered * 4.5,
    });
    expect(inhouse.avgStaffed).toBeCloseTo(31, 6);
    // The description's figures.
    expect(Math.abs(inhouse.direct.serviceLevel - 0.58)).toBeLessThan(0.01);
    expect(acme.overflowIn.offered).toBe(230);
    expect(Math.abs(acme.overflowIn.serviceLevel - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(r.scopes.all.serviceLevel - 0.54)).toBeLessThan(0.01);
    expect(acme.answered).toBe(217);
    const described = (builtInScenario('absenteeism-overflow') as { description: string }).description;
    for (const claim of [
      '7 stay home',
      '31 FTE',
      'about 58%',
      'about 80%',
      'the 230 calls',
      'about 54%',
      '217',
    ])
      expect(described).toContain(claim);

    // Other metric flags: still exactly the engine's partner scopes, under its formula and settings.
    const f = JSON.parse(
      (
        await cli(
          'run',
          'outsourcer-fte',
          '--json',
          '--sl-formula',
          'answered-only',
          '--short-abandon',
          '0',
          '--sl-threshold',
          '30',
        )
      ).io.out,
    );
    expectSplitAddsUp(f);
    const bpo = f.run.partners[1];
    expect(bpo.direct.shortAbandoned).toBe(0);
    expect(bpo.direct.serviceLevel).toBe(bpo.direct.answeredWithin / bpo.direct.answered);
  });

  /** `run.partners` of `--json` and `sim.summary()` of the same scenario document and run length. */
  const bothBills = async (doc: unknown, ...flags: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-sim-bill-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(doc));
      const r = JSON.parse((await cli('run', file, '--json', ...flags)).io.out);
      const loaded = loadScenario(doc);
      if (!loaded.ok) throw new Error(loaded.problems.join('; '));
      const untilAt = flags.indexOf('--until');
      const untilMs = untilAt < 0 ? undefined : (parseDuration(flags[untilAt + 1]) ?? 0) * 1000;
      const answeredBy = new Map<string, string>();
      const sim = new Simulation(loaded.model, {
        untilMs,
        names: loaded.names,
        sink: (e, measured) => {
          if (measured && e.type === 'call.answered') answeredBy.set(e.call, e.agent);
        },
      });
      sim.runToEnd();
      return { r, loaded, summary: sim.summary(), answeredBy };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("one bill: run.partners[].billed is sim.summary()'s, on unrounded staffed hours", async () => {
    // 1h0m1s: 17 BPO agents staffed 17.00472 h. Rounding the hours first (17.005) billed 476.14.
    const { r, summary } = await bothBills(builtInScenario('outsourcer-fte'), '--until', '1h0m1s');
    const bpo = summary.partners.find((p) => p.partner === 'bpo')!;
    expect(bpo.staffedHours).toBeCloseTo((17 * 3601) / 3600, 9);
    expect(bpo.billed).toEqual({ basis: 'fte-hours', units: bpo.staffedHours, rate: 28, cost: 476.13 });
    expect(r.run.partners.map((p: { billed: unknown }) => p.billed)).toEqual(
      summary.partners.map((p) => p.billed),
    );
    // Rounded for reading only: staffedHours and the text table.
    expect(r.run.partners[1].staffedHours).toBe(17.005);
    const text = (await cli('run', 'outsourcer-fte', '--summary', '--until', '1h0m1s')).io.out;
    expect(text).toMatch(/ 17\.0 FTE-h x 28\.00 = 476\.13$/m);
  });

  it('a per-call partner is billed for the calls its agents answered, in whichever queue', async () => {
    // Acme's agents also take in-house calls when they are free: they answer those too.
    const doc = builtInScenario('absenteeism-overflow') as {
      agents: Array<{ partner?: string; skills: string[] }>;
    };
    doc.agents[1].skills = ['care-acme', 'care'];
    const { r, loaded, summary, answeredBy } = await bothBills(doc);
    const acmeAgents = new Set(
      loaded.ok ? loaded.model.agents.filter((a) => a.partner === 'acme').map((a) => a.id) : [],
    );
    const byAcme = [...answeredBy.values()].filter((a) => acmeAgents.has(a)).length;
    const acme = summary.partners.find((p) => p.partner === 'acme')!;
    // Far more than the overflow answered in Acme's queue, which the queue-based count billed.
    expect(byAcme).toBeGreaterThan(acme.answered + 100);
    expect(acme.billed).toEqual({ basis: 'calls', units: byAcme, rate: 4.5, cost: byAcme * 4.5 });
    expect(acme.answeredByAgents).toBe(byAcme);
    const cliAcme = r.run.partners[1];
    expect(cliAcme.billed).toEqual(acme.billed);
    // The split still adds up to the engine's scope; `answered` stays the calls answered in its queues.
    expectSplitAddsUp(r);
    expect(cliAcme.answered).toBe(acme.answered);
  });

  it('the text summary: team rows without call columns, the partner table with contracts and bills', async () => {
    const fte = (await cli('run', 'outsourcer-fte', '--summary')).io.out;
    expect(fte).toMatch(/^team:BPO {2,}\s+\d+\.\d/m);
    expect(fte).toContain('(team rows: agent-side figures only)');
    expect(fte).toMatch(
      /^bpo +per-fte +1,6\d\d +72\.\d% +137 +60\.\d% +0 +[\d,]+ +17\.0 +136\.0 FTE-h x 28\.00 = 3,808\.00$/m,
    );
    expect(fte).toMatch(/^inhouse +- +[\d,]+ +76\.\d% +0 +- +1\d\d +[\d,]+ +19\.0 +-$/m);
    const acme = (await cli('run', 'absenteeism-overflow')).io.out;
    expect(acme).toMatch(/^acme +per-call +0 +- +230 +79\.\d% +0 +217 +7\.0 +217 calls x 4\.50 = 976\.50$/m);
  });

  it('no summary row is empty: every queue and partner scope of every built-in scenario was offered calls', async () => {
    for (const name of BUILT_IN_NAMES) {
      const r = JSON.parse((await cli('run', name, '--json')).io.out);
      for (const [key, scope] of Object.entries(r.scopes) as Array<[string, { offered: number }]>) {
        if (key.startsWith('team:')) continue;
        // Acme only takes overflow: its scope is offered the calls it received.
        expect(scope.offered, `${name} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('paces the stream with --speed', async () => {
    const { code, io } = await cli('run', 'steady-day', '--speed', '200000', '--until', '2h', '--summary');
    expect(code).toBe(0);
    expect(lines(io.out).length).toBeGreaterThan(100);
    expect(io.err).toContain('queue:support');
  });

  it('exits 2 with every problem of a bad scenario, and on bad flags, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-sim-cli-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(
        file,
        JSON.stringify({
          queues: [{ id: 'q', arrivals: { perHour: 1 }, handle: { dist: 'gamma', meanSec: 3 } }],
          agents: [{ count: -1, skills: ['q'] }],
        }),
      );
      const bad = await cli('run', file);
      expect(bad.code).toBe(2);
      expect(bad.io.out).toBe('');
      expect(bad.io.err).toBe(
        `wallboard-sim run: ${file} is not a valid scenario (2 problems):\n  - queues[0].handle.cv is required\n  - agents[0].count must be >= 0\n`,
      );
      writeFileSync(file, '{"queues": [');
      expect((await cli('run', file)).io.err).toMatch(/is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const [argv, msg] of [
      [['run', 'steady-day', '--bogus'], /Unknown option '--bogus'/],
      [['run', 'steady-day', '--speed', '0'], /--speed must be > 0/],
      // A negative number after a space is the flag's value, not an "ambiguous" option.
      [['run', 'steady-day', '--speed', '-3'], /^wallboard-sim run: --speed must be > 0, got -3\n$/],
      [['run', 'steady-day', '--seed', '-1'], /^wallboard-sim run: --seed must be >= 0, got -1\n$/],
      [['run', 'steady-day', '--sl-threshold', '-.5'], /--sl-threshold must be >= 0, got -.5/],
      [['run', 'steady-day', '--until', 'soon'], /--until must be a duration/],
      [['run', 'steady-day', '--interval', '7'], /--interval must be 15, 30 or 60/],
      [['run', 'no-such-scenario'], /no scenario file or built-in scenario named "no-such-scenario"/],
      [['run'], /expected a scenario/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ] as const) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.io.err).toMatch(msg);
      expect(r.io.err).not.toMatch(/\n\s+at /);
    }
  });

  it('with no command prints the usage on stderr and exits 2; --help prints it on stdout', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.io.out).toBe('');
    expect(none.io.err).toMatch(/^Usage: wallboard-sim <command>/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.io.err).toBe('');
    expect(help.io.out).toBe(none.io.err);
  });
});

describe('wallboard-sim scenarios and validate', () => {
  it('lists the built-in scenarios with their descriptions', async () => {
    const { code, io } = await cli('scenarios');
    expect(code).toBe(0);
    // scenario.test.ts ("built-in library") pins the seven names; here each is listed.
    for (const n of BUILT_IN_NAMES) expect(io.out).toMatch(new RegExp(`^${n}$`, 'm'));
    const json = JSON.parse((await cli('scenarios', '--json')).io.out);
    expect(json).toHaveLength(7);
    expect(json[0]).toEqual({ name: 'steady-day', description: expect.stringContaining('Erlang A') });
  });

  it('validate accepts a good scenario and lists the problems of a bad one', async () => {
    expect((await cli('validate', 'floor-1000')).io.out).toBe('floor-1000: valid (30 queues, 1000 agents)\n');
  });
});

describe('the built bin', () => {
  let dir = '';
  let entry = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-sim-bin-'));
    entry = join(dir, 'main.mjs');
    await build({
      stdin: {
        contents: "import { runCli } from './src/cli.ts'; runCli();",
        resolveDir: new URL('..', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: entry,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
      },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on a good run and 2 on a bad scenario, with a one-line reason', () => {
    const ok = execFileSync(process.execPath, [entry, 'run', 'steady-day', '--until', '1h', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok).run.calls).toBeGreaterThan(100);
    const bad = spawnSync(process.execPath, [entry, 'run', join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^wallboard-sim run: no scenario file or built-in scenario named ".*missing.json"/,
    );
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('stops quietly when the reader of stdout goes away', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${entry}" run floor-1000 --events - | head -n 3`],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toHaveLength(3);
    expect(r.stderr).toBe('');
  });
});
