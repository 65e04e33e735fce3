/** Large centers: finite figures in [0, 1] where naive factorial/power formulas overflow (n > 170). */
import { describe, expect, it } from 'vitest';
import { lnErlangB } from '../src/erlang/erlang-b.js';
import { erlangA, erlangB, erlangC, type QueueFigures, staff } from '../src/erlang/index.js';
import { erlangCDirect, lnErlangBDirect } from './erlang-reference.js';

const probabilities = [
  'pWait',
  'pAbandon',
  'slAnsweredWithinOverOffered',
  'slAnsweredWithinOverAnswered',
  'occupancy',
] as const;

function expectProbabilities(f: QueueFigures) {
  expect(f.meanWaitSec).toBeGreaterThanOrEqual(0);
  for (const k of probabilities) {
    const v = f[k];
    expect(Number.isFinite(v), `${k} = ${v}`).toBe(true);
    expect(v, k).toBeGreaterThanOrEqual(0);
    expect(v, k).toBeLessThanOrEqual(1);
  }
}

describe('10,000 agents and 50,000 calls an hour', () => {
  // 50,000 calls/h x 720 s = 10,000 Erlangs.
  const center = { callsPerHour: 50_000, ahtSec: 720, thresholdSec: 20 };

  it('Erlang B matches the direct log-space sum', () => {
    for (const n of [9_000, 10_000, 10_500, 11_000]) {
      const b = erlangB(10_000, n);
      expect(Number.isFinite(b) && b > 0 && b < 1).toBe(true);
      expect(Math.log(b)).toBeCloseTo(lnErlangBDirect(10_000, n), 8);
    }
    // At 20,000 lines B is about e^-3900: it underflows, its logarithm does not.
    expect(erlangB(10_000, 20_000)).toBe(0);
    expect(lnErlangB(10_000, 20_000)).toBeCloseTo(lnErlangBDirect(10_000, 20_000), 6);
  });

  it('Erlang C is finite, in [0, 1] and matches the direct sum', () => {
    for (const agents of [10_001, 10_050, 10_200, 10_500]) {
      const f = erlangC({ ...center, agents });
      expectProbabilities(f);
      expect(Number.isFinite(f.meanWaitSec)).toBe(true);
      expect(f.pWait).toBeCloseTo(erlangCDirect(10_000, agents), 9);
    }
  });

  it('Erlang C at and beyond saturation reports the documented unstable figures', () => {
    for (const agents of [1, 9_999, 10_000]) {
      expect(erlangC({ ...center, agents })).toEqual({
        pWait: 1,
        pAbandon: 0,
        meanWaitSec: Number.POSITIVE_INFINITY,
        slAnsweredWithinOverOffered: 0,
        slAnsweredWithinOverAnswered: 0,
        occupancy: 1,
      });
    }
  });

  it('Erlang A is finite and in [0, 1] from heavy overload to heavy overstaffing', () => {
    for (const agents of [1, 100, 5_000, 9_900, 10_000, 10_100, 12_000, 50_000]) {
      for (const patienceSec of [1, 120, 3_600, 1e7]) {
        const f = erlangA({ ...center, agents, patienceSec });
        expectProbabilities(f);
        expect(Number.isFinite(f.meanWaitSec)).toBe(true);
      }
    }
  });

  it('staffing by C and by A lands just above the load', () => {
    const c = staff({ ...center, target: 0.8 });
    const a = staff({ ...center, target: 0.8, patienceSec: 120 });
    expectProbabilities(c);
    expectProbabilities(a);
    // Square-root staffing: the safety margin is of the order of sqrt(10,000) = 100 agents, not more.
    expect(c.agents).toBeGreaterThan(10_000);
    expect(c.agents).toBeLessThan(10_100);
    expect(a.agents).toBeLessThanOrEqual(c.agents);
    // Patience (120 s) far below the handle time (720 s): abandons keep the queue short, and 80/20 is met in
    // overload, with the agents fully busy and the excess load abandoning (fluid limit: 1 - n/A).
    expect(a.agents).toBeLessThan(10_000);
    expect(a.occupancy).toBeGreaterThan(0.999);
    expect(a.pAbandon).toBeCloseTo(1 - a.agents / 10_000, 4);
    // Capping abandons brings the answer back near the load.
    const capped = staff({ ...center, target: 0.8, patienceSec: 120, maxAbandon: 0.01 });
    expect(capped.pAbandon).toBeLessThanOrEqual(0.01);
    expect(capped.agents).toBeGreaterThan(9_900);
    expect(capped.agents).toBeLessThanOrEqual(c.agents);
  });
});

describe('extremes', () => {
  it('B underflows gracefully: many lines, little traffic', () => {
    expect(erlangB(1, 10_000)).toBe(0);
    expect(lnErlangB(1, 10_000)).toBeCloseTo(lnErlangBDirect(1, 10_000), 6);
    expect(lnErlangB(0.001, 500)).toBeCloseTo(lnErlangBDirect(0.001, 500), 8);
    const f = erlangA({ callsPerHour: 10, ahtSec: 360, agents: 10_000, patienceSec: 60 });
    expectProbabilities(f);
    expect(f.pWait).toBe(0);
    expect(f.slAnsweredWithinOverOffered).toBe(1);
  });

  it('B at the trivial corners', () => {
    expect(erlangB(5, 0)).toBe(1);
    expect(erlangB(0, 3)).toBe(0);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(1e6, 1)).toBeCloseTo(1e6 / (1 + 1e6), 15);
  });

  it('B rejects bad arguments, naming them', () => {
    expect(() => erlangB(-1, 3)).toThrow(/erlangs/);
    expect(() => erlangB(Number.POSITIVE_INFINITY, 3)).toThrow(/erlangs/);
    expect(() => erlangB(2, 1.5)).toThrow(/agents/);
    expect(() => erlangB(2, -1)).toThrow(/agents/);
  });

  it('C with no calls is idle and with no agents unstable', () => {
    expect(erlangC({ callsPerHour: 0, ahtSec: 180, agents: 3 })).toMatchObject({ pWait: 0, occupancy: 0 });
    expect(erlangC({ callsPerHour: 1, ahtSec: 180, agents: 0 }).meanWaitSec).toBe(Number.POSITIVE_INFINITY);
  });
});
