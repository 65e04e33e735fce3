/**
 * Queueing-math timings for `pnpm bench`: the engine calls staffing live, so it must stay far below a
 * frame at the largest center the design names (10,000 agents, 50,000 calls an hour).
 * Call erlangBench() from bench.ts; it returns the lines to print.
 */
import { erlangA, erlangB, erlangC, staff } from '../src/erlang/index.js';

/** Median wall time of `runs` calls, in ms, after a warm-up. */
function medianMs(fn: () => unknown, runs = 31): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1];
}

export function erlangBench(): string[] {
  // 50,000 calls/h x 720 s = 10,000 Erlangs.
  const center = { callsPerHour: 50_000, ahtSec: 720, thresholdSec: 20 };
  const rows: Array<[string, number]> = [
    ['Erlang B, 10,100 lines', medianMs(() => erlangB(10_000, 10_100))],
    ['Erlang C, 10,100 agents', medianMs(() => erlangC({ ...center, agents: 10_100 }))],
    ['Erlang A, 10,100 agents', medianMs(() => erlangA({ ...center, agents: 10_100, patienceSec: 120 }))],
    ['staff by C, 80/20', medianMs(() => staff({ ...center, target: 0.8 }))],
    [
      'staff by A, 80/20, 1% abandon cap',
      medianMs(() => staff({ ...center, target: 0.8, patienceSec: 120, maxAbandon: 0.01 })),
    ],
    ['staff by A, 80/20, 1 h patience', medianMs(() => staff({ ...center, target: 0.8, patienceSec: 3600 }))],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    'queueing math at 10,000 Erlangs (50,000 calls/h x 720 s), median of 31 calls (target: staffing well under 50 ms):',
    ...rows.map(([name, ms]) => `  ${name.padEnd(width)}  ${ms.toFixed(3)} ms`),
  ];
}
