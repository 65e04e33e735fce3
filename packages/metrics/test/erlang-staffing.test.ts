/** Staffing: the fewest agents meeting the target, checked against the model itself at n and n - 1. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, type QueueFigures, type StaffingRequest, staff } from '../src/erlang/index.js';
import { erlangAChain } from './erlang-reference.js';

function figuresAt(r: StaffingRequest, model: 'A' | 'C', agents: number): QueueFigures {
  const m = { callsPerHour: r.callsPerHour, ahtSec: r.ahtSec, agents, thresholdSec: r.thresholdSec };
  return model === 'A' ? erlangA({ ...m, patienceSec: r.patienceSec as number }) : erlangC(m);
}

function meets(r: StaffingRequest, f: QueueFigures): boolean {
  const sl = r.slDefinition === 'answered' ? f.slAnsweredWithinOverAnswered : f.slAnsweredWithinOverOffered;
  return (
    sl >= r.target &&
    (r.maxOccupancy === undefined || f.occupancy <= r.maxOccupancy) &&
    (r.maxAbandon === undefined || f.pAbandon <= r.maxAbandon)
  );
}

describe('staff', () => {
  it('returns the fewest agents: n meets the target, n - 1 does not', () => {
    fc.assert(
      fc.property(
        fc.record({
          callsPerHour: fc.double({ min: 1, max: 20_000, noNaN: true }),
          ahtSec: fc.integer({ min: 20, max: 900 }),
          target: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
          thresholdSec: fc.integer({ min: 0, max: 120 }),
          patienceSec: fc.option(fc.integer({ min: 5, max: 1200 }), { nil: undefined }),
          maxOccupancy: fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined }),
          maxAbandon: fc.option(fc.double({ min: 0.001, max: 0.3, noNaN: true }), { nil: undefined }),
          slDefinition: fc.constantFrom<'offered' | 'answered'>('offered', 'answered'),
        }),
        (r) => {
          const result = staff(r);
          expect(result.model).toBe(r.patienceSec === undefined ? 'C' : 'A');
          const atN = figuresAt(r, result.model, result.agents);
          expect(result).toEqual({ agents: result.agents, model: result.model, ...atN });
          expect(meets(r, atN)).toBe(true);
          expect(result.agents).toBeGreaterThan(0);
          expect(meets(r, figuresAt(r, result.model, result.agents - 1))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('80/20 at 200 calls/h x 180 s: 14 agents by C; by A, minimal by the independent birth-death chain', () => {
    const base = { callsPerHour: 200, ahtSec: 180, target: 0.8, thresholdSec: 20 };
    expect(staff(base).agents).toBe(14);
    const a = staff({ ...base, patienceSec: 300 });
    expect(a.model).toBe('A');
    expect(a.agents).toBeLessThanOrEqual(14);
    const chain = (agents: number) => erlangAChain({ ...base, agents, patienceSec: 300 });
    expect(chain(a.agents).slAnsweredWithinOverOffered).toBeGreaterThanOrEqual(0.8);
    expect(chain(a.agents - 1).slAnsweredWithinOverOffered).toBeLessThan(0.8);
  });

  it('an occupancy cap adds agents beyond the SL need', () => {
    const base = { callsPerHour: 200, ahtSec: 180, target: 0.8 };
    // 10 Erlangs: occupancy <= 0.6 needs ceil(10 / 0.6) = 17 agents under Erlang C.
    const capped = staff({ ...base, maxOccupancy: 0.6 });
    expect(capped.agents).toBe(17);
    expect(capped.occupancy).toBeLessThanOrEqual(0.6);
  });

  it('model and SL definition can be chosen', () => {
    const r = { callsPerHour: 600, ahtSec: 240, target: 0.9, thresholdSec: 30, patienceSec: 90 };
    expect(staff({ ...r, model: 'C' }).model).toBe('C');
    expect(staff({ ...r, model: 'C' }).agents).toBe(staff({ ...r, patienceSec: undefined }).agents);
    // Abandons remove the longest waits from the answered calls, so the answered-only SL is easier to meet.
    expect(staff({ ...r, slDefinition: 'answered' }).agents).toBeLessThanOrEqual(staff(r).agents);
  });

  it('no calls need no agents', () => {
    expect(staff({ callsPerHour: 0, ahtSec: 180, target: 0.8 })).toMatchObject({ agents: 0, pWait: 0 });
  });

  it('rejects impossible requests, naming the field', () => {
    const r = { callsPerHour: 100, ahtSec: 180 };
    expect(() => staff({ ...r, target: 1 })).toThrow(/target/);
    expect(() => staff({ ...r, target: 0 })).toThrow(/target/);
    expect(() => staff({ ...r, target: Number.NaN })).toThrow(/target/);
    expect(() => staff({ ...r, target: 0.8, maxOccupancy: 0 })).toThrow(/maxOccupancy/);
    expect(() => staff({ ...r, target: 0.8, maxAbandon: 1.5 })).toThrow(/maxAbandon/);
    expect(() => staff({ ...r, target: 0.8, model: 'A' })).toThrow(/patienceSec/);
    expect(() => staff({ ...r, target: 0.8, patienceSec: -3 })).toThrow(/patienceSec/);
    expect(() => staff({ ...r, target: 0.8, ahtSec: -1 })).toThrow(/ahtSec/);
    expect(() => staff({ callsPerHour: 1e9, ahtSec: 3600, target: 0.8 })).toThrow(/load/);
  });
});
