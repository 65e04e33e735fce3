/**
 * Confidence intervals by batch means: each seed's run (after a warm-up) is cut into equal batches of
 * simulated time, each batch gives one estimate of every figure, and the estimates over all batches of
 * all seeds give a mean and a Student-t interval. Batches hours long are far longer than the queue's
 * memory (minutes), so their means are close to independent.
 */
import type { Model } from '../../src/engine/model.js';
import { Simulation } from '../../src/engine/simulation.js';
import * as St from '../../src/engine/stats.js';

export type Figure =
  | 'pWait'
  | 'pAbandon'
  | 'meanWaitSec'
  | 'slAnsweredWithinOverOffered'
  | 'slAnsweredWithinOverAnswered'
  | 'occupancy';

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
    2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Student t quantile by the Cornish-Fisher expansion (accurate to ~1e-4 for df >= 20). */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

export interface Interval {
  mean: number;
  halfWidth: number;
  n: number;
}

/** Runs `seeds` replications of the model, each cut into `batches` batches of `batchHours` after its warm-up. */
export function batchMeans(
  make: (seed: number) => Model,
  seeds: number[],
  batches: number,
  batchHours: number,
  confidence: number,
): Record<Figure, Interval> {
  const samples: Record<Figure, number[]> = {
    pWait: [],
    pAbandon: [],
    meanWaitSec: [],
    slAnsweredWithinOverOffered: [],
    slAnsweredWithinOverAnswered: [],
    occupancy: [],
  };
  for (const seed of seeds) {
    const model = make(seed);
    const sim = new Simulation(model);
    let t = model.warmupMs;
    sim.runUntil(t);
    let prev = snapshot(sim);
    for (let b = 0; b < batches; b++) {
      t += batchHours * 3_600_000;
      sim.runUntil(t);
      const cur = snapshot(sim);
      const d = (i: number) => cur.call[i] - prev.call[i];
      const answered = d(St.C_ANSWERED);
      const done = answered + d(St.C_ABANDONED);
      samples.pWait.push(1 - d(St.C_IMMEDIATE) / done);
      samples.pAbandon.push(d(St.C_ABANDONED) / done);
      samples.meanWaitSec.push((d(St.C_WAIT_ANSWERED_MS) + d(St.C_WAIT_ABANDONED_MS)) / done / 1000);
      samples.slAnsweredWithinOverOffered.push(d(St.C_ANSWERED_WITHIN) / done);
      samples.slAnsweredWithinOverAnswered.push(d(St.C_ANSWERED_WITHIN) / answered);
      const busy = cur.busy - prev.busy;
      samples.occupancy.push(busy / (busy + cur.idle - prev.idle));
      prev = cur;
    }
  }
  const out = {} as Record<Figure, Interval>;
  for (const [k, xs] of Object.entries(samples) as Array<[Figure, number[]]>) {
    const n = xs.length;
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    out[k] = { mean, halfWidth: tQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance / n), n };
  }
  return out;
}

function snapshot(sim: Simulation) {
  const s = sim.summary();
  return {
    call: Float64Array.from(sim.stats.call),
    busy: s.agentHours['on-call'] + s.agentHours.acw,
    idle: s.agentHours.available,
  };
}
