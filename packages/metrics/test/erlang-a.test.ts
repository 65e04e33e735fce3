/**
 * Erlang A against a brute-force birth-death chain with a tagged-caller uniformization (erlang-reference.ts),
 * its exact limits, and its edge cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, type QueueFigures } from '../src/erlang/index.js';
import { type ChainFigures, erlangAChain } from './erlang-reference.js';

const keys: Array<keyof QueueFigures> = [
  'pWait',
  'pAbandon',
  'slAnsweredWithinOverOffered',
  'slAnsweredWithinOverAnswered',
  'occupancy',
];

function expectMatchesChain(f: QueueFigures, c: ChainFigures, tol = 1e-9) {
  for (const k of keys) expect(Math.abs(f[k] - c[k]), `${k}: ${f[k]} vs chain ${c[k]}`).toBeLessThan(tol);
  expect(Math.abs(f.meanWaitSec - c.meanWaitSec)).toBeLessThan(tol * Math.max(1, c.meanWaitSec));
}

describe('Erlang A agrees with the birth-death chain', () => {
  it('on random small centers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.05, max: 1.6, noNaN: true }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 20, max: 900 }),
        fc.integer({ min: 0, max: 60 }),
        (agents, rho, ahtSec, patienceSec, thresholdSec) => {
          const m = {
            callsPerHour: (rho * agents * 3600) / ahtSec,
            ahtSec,
            agents,
            patienceSec,
            thresholdSec,
          };
          expectMatchesChain(erlangA(m), erlangAChain(m));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('at 10,000 agents and 50,000 calls an hour', () => {
    for (const agents of [9_900, 10_000, 10_200]) {
      const m = { callsPerHour: 50_000, ahtSec: 720, agents, patienceSec: 120, thresholdSec: 20 };
      expectMatchesChain(erlangA(m), erlangAChain(m), 1e-8);
    }
  });

  it('deep in overload (25 x the agents)', () => {
    const m = { callsPerHour: 50_000, ahtSec: 180, agents: 100, patienceSec: 60, thresholdSec: 20 };
    const f = erlangA(m);
    expectMatchesChain(f, erlangAChain(m), 1e-8);
    // Fluid limit: the agents carry n of the A = 2500 Erlangs, the rest abandons.
    expect(f.pAbandon).toBeCloseTo(1 - 100 / 2500, 2);
  });
});

describe('Erlang A limits and edges', () => {
  const base = { callsPerHour: 200, ahtSec: 180, agents: 12, thresholdSec: 20 };

  it('patience Infinity is Erlang C exactly', () => {
    expect(erlangA({ ...base, patienceSec: Number.POSITIVE_INFINITY })).toEqual(erlangC(base));
  });

  it('patience 0 is Erlang B: whoever finds all agents busy is lost', () => {
    const b = erlangB(10, 12);
    const f = erlangA({ ...base, patienceSec: 0 });
    expect(f.pWait).toBe(b);
    expect(f.pAbandon).toBe(b);
    expect(f.meanWaitSec).toBe(0);
    expect(f.slAnsweredWithinOverOffered).toBeCloseTo(1 - b, 15);
    expect(f.slAnsweredWithinOverAnswered).toBe(1);
    expect(f.occupancy).toBeCloseTo((10 * (1 - b)) / 12, 15);
  });

  it('no calls: idle figures', () => {
    expect(erlangA({ ...base, callsPerHour: 0, patienceSec: 60 })).toEqual({
      pWait: 0,
      pAbandon: 0,
      meanWaitSec: 0,
      slAnsweredWithinOverOffered: 1,
      slAnsweredWithinOverAnswered: 1,
      occupancy: 0,
    });
  });

  it('no agents: every call waits out its patience and abandons', () => {
    const f = erlangA({ ...base, agents: 0, patienceSec: 90 });
    expect(f).toEqual({
      pWait: 1,
      pAbandon: 1,
      meanWaitSec: 90,
      slAnsweredWithinOverOffered: 0,
      slAnsweredWithinOverAnswered: 0,
      occupancy: 1,
    });
  });

  it('threshold 0: only calls that find a free agent are within it', () => {
    const f = erlangA({ ...base, thresholdSec: 0, patienceSec: 120 });
    expect(f.slAnsweredWithinOverOffered).toBeCloseTo(1 - f.pWait, 14);
  });

  it('rejects bad input with the field named', () => {
    expect(() => erlangA({ ...base, patienceSec: -1 })).toThrow(/patienceSec/);
    expect(() => erlangA({ ...base, patienceSec: Number.NaN })).toThrow(/patienceSec/);
    expect(() => erlangA({ ...base, agents: 2.5, patienceSec: 60 })).toThrow(/agents/);
    expect(() => erlangA({ ...base, ahtSec: 0, patienceSec: 60 })).toThrow(/ahtSec/);
    expect(() => erlangA({ ...base, callsPerHour: -5, patienceSec: 60 })).toThrow(/callsPerHour/);
    expect(() => erlangA({ ...base, thresholdSec: Number.NaN, patienceSec: 60 })).toThrow(/thresholdSec/);
  });
});
