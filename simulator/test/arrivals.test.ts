import type { CallQueuedEvent, WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { model, queue } from './support/models.js';

/** Arrival times (ms from start) of a run with no agents (every call just queues). */
function arrivals(m: ReturnType<typeof model>, act?: (sim: Simulation) => void): number[] {
  const times: number[] = [];
  const sim = new Simulation(m, {
    sink: (e: WallboardEvent) => {
      if (e.type === 'call.queued') times.push(e.t - m.startEpochMs);
    },
  });
  act?.(sim);
  sim.runToEnd();
  return times;
}

/** |observed - expected| within 4.5 Poisson standard deviations. */
function expectPoisson(observed: number, expected: number) {
  expect(Math.abs(observed - expected)).toBeLessThan(4.5 * Math.sqrt(expected) + 1e-9);
}

describe('arrivals', () => {
  it('Poisson at a rate per hour: count and exponential gaps (P(gap > mean) = 1/e)', () => {
    const hours = 200;
    const times = arrivals(
      model({
        durationMs: hours * 3_600_000,
        agents: [],
        queues: [queue({ arrivals: { pieceMin: null, callsPerHour: [300] } })],
      }),
    );
    expectPoisson(times.length, 300 * hours);
    const meanGap = 3_600_000 / 300;
    let longer = 0;
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] > meanGap) longer++;
    const p = Math.exp(-1);
    const n = times.length - 1;
    expect(Math.abs(longer / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('follows an intraday profile per interval, with nothing after it ends', () => {
    const calls = [0, 40, 400, 120, 0, 900, 10];
    const days = 40;
    const counts = new Array(calls.length + 1).fill(0);
    // Many independent seeds of the same profile: each interval's total is Poisson(days * calls[i]).
    for (let seed = 1; seed <= days; seed++) {
      const m = model({
        seed,
        durationMs: (calls.length + 1) * 30 * 60_000,
        agents: [],
        queues: [queue({ arrivals: { pieceMin: 30, callsPerHour: calls.map((c) => c * 2) } })],
      });
      for (const t of arrivals(m)) counts[Math.floor(t / (30 * 60_000))]++;
    }
    calls.forEach((c, i) => {
      expectPoisson(counts[i], days * c);
    });
    expect(counts[0]).toBe(0);
    expect(counts[4]).toBe(0);
    expect(counts[calls.length]).toBe(0);
  });

  it('an arrival factor set while running changes the rate from that moment', () => {
    const m = model({
      durationMs: 400 * 3_600_000,
      agents: [],
      queues: [queue({ arrivals: { pieceMin: null, callsPerHour: [100] } })],
    });
    const times = arrivals(m, (sim) => {
      sim.runUntil(200 * 3_600_000);
      sim.setArrivalFactor(3);
    });
    const before = times.filter((t) => t < 200 * 3_600_000).length;
    expectPoisson(before, 100 * 200);
    expectPoisson(times.length - before, 300 * 200);
  });

  it('carries partner and priority on call.queued', () => {
    const events: CallQueuedEvent[] = [];
    const sim = new Simulation(model({ agents: [], queues: [queue({ partner: 'acme', priority: 2 })] }), {
      sink: (e) => {
        if (e.type === 'call.queued') events.push(e);
      },
    });
    sim.runUntil(3_600_000);
    expect(events.length).toBeGreaterThan(100);
    expect(events[0]).toMatchObject({ queue: 'q', partner: 'acme', priority: 2, call: 'c1' });
  });
});
