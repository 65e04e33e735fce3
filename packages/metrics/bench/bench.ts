/**
 * `pnpm bench` for @wallboard/metrics:
 * 1. Engine ingest of a 1,000-agent, 50-queue center with every figure maintained (all scopes, windows,
 *    intervals), events/s on one core, against a reference measured in the same run: a bare loop that
 *    only validates each event and counts it per queue in a Map (the least any engine must do).
 * 2. Heap over 10 million events (after GC at checkpoints): must stay flat.
 * 3. The report CLI on the shipped bank log: wall time.
 * Run with `node --expose-gc dist/bench.js` (the package's bench script does).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MetricsEngine } from '../src/engine/engine.js';
import type { WallboardEvent } from '../src/events.js';
import { validateEvent } from '../src/validate.js';
import { syntheticCenter } from '../test/support/synthetic-center.js';
import { erlangBench } from './erlang.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const START = Date.UTC(2026, 10, 2, 7, 0);

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** A day's stream, replayed lap after lap with times shifted so the engine sees one long stream. */
function makeCycle(): { events: WallboardEvent[]; span: number } {
  const events = syntheticCenter({
    agents: 1000,
    queues: 50,
    calls: 160_000,
    start: START,
    seed: 1,
    meanGapSec: 0.25,
  });
  const span = events[events.length - 1].t - START + 60_000;
  return { events, span };
}

function shift(events: WallboardEvent[], by: number): void {
  for (const e of events) e.t += by;
}

/** CPU time of this process in ms: steadier than wall time on a machine shared with other work. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function baselineRate(events: WallboardEvent[], laps: number, span: number): number {
  const perQueue = new Map<string, number>();
  const t0 = cpuMs();
  for (let lap = 0; lap < laps; lap++) {
    for (const e of events) {
      const v = validateEvent(e);
      if (v.ok && v.event.type !== 'agent.state')
        perQueue.set(v.event.queue, (perQueue.get(v.event.queue) ?? 0) + 1);
    }
    shift(events, span);
  }
  const ms = cpuMs() - t0;
  shift(events, -span * laps);
  return (events.length * laps) / (ms / 1000);
}

function engineRun(events: WallboardEvent[], laps: number, span: number, heapEvery = 0) {
  const engine = new MetricsEngine({ timeZone: 'Europe/Paris', intervalMin: 15 });
  const heap: Array<[number, number]> = [];
  const lapRates: number[] = [];
  let n = 0;
  let ms = 0;
  for (let lap = 0; lap < laps; lap++) {
    const t0 = cpuMs();
    for (const e of events) engine.push(e);
    engine.snapshot();
    const lapMs = cpuMs() - t0;
    ms += lapMs;
    lapRates.push(events.length / (lapMs / 1000));
    n += events.length;
    shift(events, span);
    if (heapEvery && (lap + 1) % heapEvery === 0) heap.push([n, heapMb()]);
  }
  shift(events, -span * laps);
  const d = engine.diagnostics();
  lapRates.sort((a, b) => a - b);
  return {
    rate: n / (ms / 1000),
    medianLap: lapRates[Math.floor(lapRates.length / 2)],
    n,
    heap,
    rejected: d.rejected,
    scopes: Object.keys(engine.snapshot().scopes).length,
  };
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(0);
}

const { events, span } = makeCycle();
console.log(`stream: ${fmt(events.length)} events per simulated day, 1,000 agents, 50 queues`);

// warm up both loops so the JIT has settled before measuring
baselineRate(events, 2, span);
engineRun(events, 2, span);

const base = baselineRate(events, 5, span);
const eng = engineRun(events, 5, span);
console.log(
  `engine ingest:  ${fmt(eng.medianLap)} events/s of CPU time, median of 5 simulated days ` +
    `(${fmt(eng.rate)} over all 5; ${eng.scopes} scopes, every window and figure maintained)`,
);
console.log(
  `reference loop: ${fmt(base)} events/s (validate + count per queue)  -> engine at ${((eng.medianLap / base) * 100).toFixed(0)}% of it`,
);
if (eng.rejected > 0) console.log(`  (warning: ${eng.rejected} events rejected in the benchmark stream)`);

const laps = Math.ceil(10_000_000 / events.length);
const long = engineRun(events, laps, span, Math.max(1, Math.floor(laps / 5)));
console.log(
  `heap over ${fmt(long.n)} events (after GC): ${long.heap.map(([n, mb]) => `${fmt(n)}: ${mb.toFixed(1)} MB`).join(', ')}`,
);
console.log(`  sustained: ${fmt(long.rate)} events/s`);

const bin = fileURLToPath(new URL('../bin/wallboard-metrics.js', import.meta.url));
const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, [bin, 'report', 'sample', '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
  `report CLI on the bank log (33,344 rows): ${times[1].toFixed(0)} ms wall (median of 3, process start included)`,
);

for (const line of erlangBench()) console.log(line);
