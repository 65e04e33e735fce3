/**
 * The simulator against queueing theory: the published Erlang A (M/M/n+M) and Erlang C (M/M/n) vectors of
 * packages/metrics/test/fixtures/erlang-vectors.json (the project's one copy of the data of
 * ../shared/truth/erlang-vectors.json, sources inside, the same file the Erlang formulas are tested against),
 * each figure inside a 99.9% batch-means confidence interval over several seeds, and each interval
 * narrow enough that a biased simulator would fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchMeans, type Figure, type Interval } from './support/batch-means.js';
import { erlangModel } from './support/models.js';

interface Vector {
  callsPerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  thresholdSec: number;
  expect: Partial<Record<Figure, number>>;
}

const vectors = JSON.parse(
  readFileSync(new URL('../../packages/metrics/test/fixtures/erlang-vectors.json', import.meta.url), 'utf8'),
) as {
  erlangA: Vector[];
  erlangC: Vector[];
};

const CONFIDENCE = 0.999;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const BATCHES = 10;

/** Erlang C from its formulas (independent of the simulator and of @wallboard/metrics). */
function erlangC(callsPerHour: number, ahtSec: number, n: number, t: number) {
  const a = (callsPerHour / 3600) * ahtSec;
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  const pWait = (n * b) / (n - a * (1 - b));
  return {
    pWait,
    slAnsweredWithinOverOffered: 1 - pWait * Math.exp((-(n - a) * t) / ahtSec),
    meanWaitSec: (pWait * ahtSec) / (n - a),
    occupancy: a / n,
  };
}

/** Batch hours so that each batch holds about `calls` calls. */
const hoursFor = (v: Vector, calls: number) => Math.max(2, Math.round(calls / v.callsPerHour));

/** Batch-means intervals of a vector's model: batches of about 16,000 calls after a 2-hour warm-up. */
function simulatedIntervals(v: Vector): Record<Figure, Interval> {
  const hours = hoursFor(v, 16_000);
  return batchMeans(
    (seed) => erlangModel({ ...v, hours: hours * BATCHES, warmupHours: 2, seed }),
    SEEDS,
    BATCHES,
    hours,
    CONFIDENCE,
  );
}

function check(name: string, ci: Record<Figure, Interval>, expected: Partial<Record<Figure, number>>) {
  const outside: string[] = [];
  for (const [k, want] of Object.entries(expected) as Array<[Figure, number]>) {
    const { mean, halfWidth } = ci[k];
    if (Math.abs(mean - want) > halfWidth) {
      outside.push(`${name} ${k}: expected ${want}, simulated ${mean.toFixed(5)} +- ${halfWidth.toFixed(5)}`);
    }
    // The interval must be informative: within 10% of the value (or 0.002 absolute for small shares).
    if (halfWidth > Math.max(0.1 * Math.abs(want), 0.002)) {
      outside.push(`${name} ${k}: interval too wide (+- ${halfWidth.toFixed(5)} around ${mean.toFixed(5)})`);
    }
  }
  if (process.env.SHOW_CI)
    console.log(
      name,
      JSON.stringify(
        Object.fromEntries(
          Object.keys(expected).map((k) => [
            k,
            [expected[k as Figure], +ci[k as Figure].mean.toFixed(5), +ci[k as Figure].halfWidth.toFixed(5)],
          ]),
        ),
      ),
    );
  expect(outside).toEqual([]);
}

describe('Erlang A (M/M/n+M) by simulation', () => {
  for (const v of vectors.erlangA) {
    it(`${v.callsPerHour}/h, AHT ${v.ahtSec} s, ${v.agents} agents, patience ${v.patienceSec} s`, () => {
      check('erlangA', simulatedIntervals(v), v.expect);
    });
  }
});

describe('Erlang C (M/M/n) by simulation', () => {
  it('the formulas used here reproduce the published Erlang C vectors', () => {
    for (const v of vectors.erlangC) {
      const f = erlangC(v.callsPerHour, v.ahtSec, v.agents, v.thresholdSec);
      const tol = (v as Vector & { tol: Record<string, number> }).tol;
      for (const [k, want] of Object.entries(v.expect)) {
        expect(Math.abs(f[k as keyof typeof f] - want), `${v.agents} agents ${k}`).toBeLessThanOrEqual(
          tol[k] + 1e-12,
        );
      }
    }
  });

  // The two lighter loads of the vectors; at rho = 0.91 (11 agents) waits are so correlated that a
  // tight interval needs far more simulated time than a unit test should spend.
  for (const v of vectors.erlangC.filter((x) => x.agents === 14 || x.agents === 26)) {
    it(`${v.callsPerHour}/h, AHT ${v.ahtSec} s, ${v.agents} agents`, () => {
      check('erlangC', simulatedIntervals(v), erlangC(v.callsPerHour, v.ahtSec, v.agents, v.thresholdSec));
    });
  }
});
