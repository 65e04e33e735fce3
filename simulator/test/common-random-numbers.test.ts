/**
 * Common random numbers: two runs of one scenario and seed that differ only in staffing (more agents in
 * the scenario, or agents added by a live control) must see the same callers: the same arrival times and
 * the same per-call patience, talk and hold. That is what makes the console's what-if (same seed, with and
 * without interventions) a fair comparison.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { builtInScenario } from '../src/scenario/library.js';
import { loadScenario } from '../src/scenario/load.js';
import type { ScenarioInput } from '../src/scenario/types.js';

interface CallView {
  queuedT: number;
  firstQueue: string;
  answeredT?: number;
  answeredQueue?: string;
  endedT?: number;
  holdMs?: number;
  abandonedT?: number;
}

function run(doc: ScenarioInput, control?: (sim: Simulation) => void): Map<string, CallView> {
  const loaded = loadScenario(doc);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const calls = new Map<string, CallView>();
  const sim = new Simulation(loaded.model, {
    names: loaded.names,
    sink: (e: WallboardEvent) => {
      if (e.type === 'call.queued') {
        if (!calls.has(e.call)) calls.set(e.call, { queuedT: e.t, firstQueue: e.queue });
      } else if (e.type === 'call.answered') {
        const c = calls.get(e.call)!;
        c.answeredT = e.t;
        c.answeredQueue = e.queue;
      } else if (e.type === 'call.ended') {
        const c = calls.get(e.call)!;
        c.endedT = e.t;
        c.holdMs = e.holdMs ?? 0;
      } else if (e.type === 'call.abandoned') calls.get(e.call)!.abandonedT = e.t;
    },
  });
  if (control) {
    sim.runUntil(2 * 3_600_000);
    control(sim);
  }
  sim.runToEnd();
  return calls;
}

/** Compares the callers of two runs; returns how many calls each check covered. */
function expectSameCallers(a: Map<string, CallView>, b: Map<string, CallView>) {
  // Same arrivals: the same call ids at the same times in the same queues.
  expect([...b.keys()]).toEqual([...a.keys()]);
  let talks = 0;
  let patiences = 0;
  let differentFates = 0;
  for (const [id, x] of a) {
    const y = b.get(id)!;
    expect(y.queuedT, id).toBe(x.queuedT);
    expect(y.firstQueue, id).toBe(x.firstQueue);
    // Talk (handle time + hold) of a call answered in its arrival queue in both runs. Event times are
    // rounded to the millisecond at different answer instants, so the difference may be off by 1 ms.
    if (
      x.endedT !== undefined &&
      y.endedT !== undefined &&
      x.answeredQueue === x.firstQueue &&
      y.answeredQueue === y.firstQueue
    ) {
      expect(Math.abs(y.endedT - y.answeredT! - (x.endedT - x.answeredT!)), id).toBeLessThanOrEqual(1);
      expect(y.holdMs, id).toBe(x.holdMs);
      talks++;
    }
    // Patience counts from arrival: a caller who hangs up in both runs hangs up at the same instant.
    if (x.abandonedT !== undefined && y.abandonedT !== undefined) {
      expect(y.abandonedT, id).toBe(x.abandonedT);
      patiences++;
    }
    if ((x.abandonedT === undefined) !== (y.abandonedT === undefined)) differentFates++;
  }
  return { talks, patiences, differentFates };
}

describe('common random numbers', () => {
  // steady-day with hold and after-call work, so every per-call draw is in play.
  const base = builtInScenario('steady-day') as ScenarioInput;
  base.queues[0].hold = { dist: 'exponential', meanSec: 40, probability: 0.3 };
  base.queues[0].acw = { dist: 'exponential', meanSec: 20 };
  base.agents[0].count = 13;

  it('more agents in the scenario: same arrivals, same patience, talk and hold per call id', () => {
    const more = structuredClone(base);
    more.agents[0].count = 16;
    const c = expectSameCallers(run(base), run(more));
    // The comparison covered real work: most calls were answered in both, some abandoned in both, and
    // the staffing did change some outcomes.
    expect(c.talks).toBeGreaterThan(1200);
    expect(c.patiences).toBeGreaterThan(5);
    expect(c.differentFates).toBeGreaterThan(5);
  });

  it('agents added by a live control at 10:00: the same callers, before and after the intervention', () => {
    const c = expectSameCallers(
      run(base, () => {}),
      run(base, (sim) => sim.addAgents({ count: 3, skills: ['support'] })),
    );
    expect(c.talks).toBeGreaterThan(1200);
    expect(c.patiences).toBeGreaterThan(5);
  });

  it('an overflowing scenario: calls answered in the overflow queue keep their own draws too', () => {
    const doc = builtInScenario('absenteeism-overflow') as ScenarioInput;
    const more = structuredClone(doc);
    more.agents[1].count = 10;
    const a = run(doc);
    const b = run(more);
    expectSameCallers(a, b);
    let overflowTalks = 0;
    for (const [id, x] of a) {
      const y = b.get(id)!;
      if (x.answeredQueue === 'care-acme' && y.answeredQueue === 'care-acme') {
        expect(Math.abs(y.endedT! - y.answeredT! - (x.endedT! - x.answeredT!)), id).toBeLessThanOrEqual(1);
        overflowTalks++;
      }
    }
    expect(overflowTalks).toBeGreaterThan(50);
  });
});
