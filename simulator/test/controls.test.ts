import type { AgentStateEvent, WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model.js';
import { ControlError, Simulation } from '../src/engine/simulation.js';
import { agents, model, queue } from './support/models.js';
import { Replay } from './support/replay.js';

const H = 3_600_000;
const t0 = model().startEpochMs;

/** Runs to `atMs`, applies `act`, runs to the end; returns the events and the simulation. */
function runWith(m: Model, atMs: number, act: (sim: Simulation) => void) {
  const events: WallboardEvent[] = [];
  const sim = new Simulation(m, { sink: (e) => events.push(e), names: { agentName: () => 'Added Person' } });
  sim.runUntil(atMs);
  act(sim);
  sim.runToEnd();
  const r = new Replay();
  for (const e of events) r.push(e);
  expect(r.violations).toEqual([]);
  return { events, sim };
}

const states = (events: WallboardEvent[], id: string) =>
  events.filter((e): e is AgentStateEvent => e.type === 'agent.state' && e.agent === id);

describe('live controls', () => {
  it('add-agents logs new agents in at the current simulated time, and logs the control', () => {
    const { events, sim } = runWith(model({ durationMs: 4 * H }), 2 * H, (s) => {
      expect(s.addAgents({ count: 3, skills: ['q'], team: 'rescue' })).toEqual(['x1', 'x2', 'x3']);
    });
    for (const id of ['x1', 'x2', 'x3']) {
      expect(states(events, id)[0]).toMatchObject({
        state: 'available',
        t: t0 + 2 * H,
        team: 'rescue',
        name: 'Added Person',
      });
    }
    expect(sim.controlLog).toEqual([
      {
        t: t0 + 2 * H,
        control: 'add-agents',
        source: 'control',
        params: { count: 3, skills: ['q'], team: 'rescue' },
        agents: ['x1', 'x2', 'x3'],
      },
    ]);
  });

  it('remove-agents takes idle agents off at once and busy ones after their call; they do not return', () => {
    const { events, sim } = runWith(model({ durationMs: 4 * H }), 2 * H, (s) => {
      s.removeAgents({ count: 4 });
    });
    const ids = sim.controlLog[0].agents!;
    expect(ids).toHaveLength(4);
    for (const id of ids) {
      const off = states(events, id).filter((e) => e.t >= t0 + 2 * H);
      expect(off.at(-1)).toMatchObject({ state: 'offline', reason: 'removed' });
      expect(off.filter((e) => e.state === 'available')).toEqual([]);
    }
  });

  it('send-on-break: N agents (available first) and one named agent, each back after M minutes', () => {
    const { events, sim } = runWith(model({ durationMs: 4 * H }), 2 * H, (s) => {
      s.sendOnBreak({ agent: 'a14', minutes: 5, reason: 'coaching' });
      s.sendOnBreak({ count: 3, minutes: 10 });
      // Already on break: nothing to do, and the log says so.
      expect(s.sendOnBreak({ agent: 'a14', minutes: 5 })).toEqual([]);
    });
    const [one, group] = sim.controlLog;
    expect(group.agents).toHaveLength(3);
    expect(one.agents).toEqual(['a14']);
    for (const [id, min, reason] of [
      ...group.agents!.map((a) => [a, 10, 'break'] as const),
      ['a14', 5, 'coaching'] as const,
    ]) {
      const mine = states(events, id).filter((e) => e.t >= t0 + 2 * H);
      const i = mine.findIndex((e) => e.state === 'break');
      expect(mine[i].reason).toBe(reason);
      expect(mine[i + 1]).toMatchObject({ state: 'available', t: mine[i].t + min * 60_000 });
    }
  });

  it('set-overflow applies from now (including calls already waiting) and clearing it stops overflows', () => {
    const m = model({
      durationMs: 6 * H,
      queues: [
        queue({ id: 'a', arrivals: { pieceMin: null, callsPerHour: [300] } }),
        queue({ id: 'b', arrivals: { pieceMin: null, callsPerHour: [0] } }),
      ],
      agents: [...agents(15, { skills: [0] }), ...agents(5, { skills: [1] }, 15)],
    });
    const events: WallboardEvent[] = [];
    const sim = new Simulation(m, { sink: (e) => events.push(e) });
    sim.runUntil(2 * H);
    sim.setOverflow('a', { afterSec: 45, maxWaiting: null, to: 'b' });
    sim.runUntil(4 * H);
    sim.setOverflow('a', null);
    sim.runToEnd();
    const queuedAt = new Map<string, number>();
    const overflows: number[] = [];
    let wrongWait = 0;
    for (const e of events) {
      if (e.type === 'call.queued' && e.queue === 'a') queuedAt.set(e.call, e.t);
      if (e.type === 'call.overflowed') {
        overflows.push(e.t);
        if (Math.abs(e.t - Math.max(queuedAt.get(e.call)! + 45_000, t0 + 2 * H)) > 1) wrongWait++;
      }
    }
    expect(overflows.length).toBeGreaterThan(20);
    expect(overflows.every((t) => t >= t0 + 2 * H && t <= t0 + 4 * H)).toBe(true);
    expect(wrongWait).toBe(0);
    expect(sim.controlLog.map((r) => [r.control, r.t])).toEqual([
      ['set-overflow', t0 + 2 * H],
      ['set-overflow', t0 + 4 * H],
    ]);
    expect(() => sim.setOverflow('b', { afterSec: 1, maxWaiting: null, to: 'b' })).toThrow(ControlError);
  });

  it('set-overflow refuses a rule that would make a cycle', () => {
    const sim = new Simulation(model({ queues: [queue({ id: 'a' }), queue({ id: 'b' })] }));
    sim.setOverflow('a', { afterSec: 10, maxWaiting: null, to: 'b' });
    expect(() => sim.setOverflow('b', { afterSec: 10, maxWaiting: null, to: 'a' })).toThrow(/cycle/);
  });

  it('extend-shifts keeps agents on shift longer, including one finishing a last call', () => {
    const m = model({
      durationMs: 6 * H,
      agents: [...agents(10), ...agents(4, { shiftEndMs: 3 * H, team: 'late' }, 10)],
    });
    const { events, sim } = runWith(m, 2.5 * H, (s) => {
      s.extendShifts({ minutes: 30, team: 'late' });
    });
    expect(sim.controlLog[0].agents).toEqual(['a11', 'a12', 'a13', 'a14']);
    for (const id of ['a11', 'a12', 'a13', 'a14']) {
      const off = states(events, id).find((e) => e.state === 'offline')!;
      expect(off.reason).toBe('shift-end');
      expect(off.t).toBeGreaterThanOrEqual(t0 + 3.5 * H);
      expect(off.t).toBeLessThan(t0 + 4.5 * H);
    }
  });

  it('set-handle-factor multiplies the talk of calls answered from then on, and is logged', () => {
    const m = model({ durationMs: 4 * H });
    const talks = (events: WallboardEvent[]) => {
      const answered = new Map<string, number>();
      const out: Array<{ at: number; talk: number }> = [];
      for (const e of events) {
        if (e.type === 'call.answered') answered.set(e.call, e.t);
        else if (e.type === 'call.ended' && answered.has(e.call)) {
          const at = answered.get(e.call)!;
          out.push({ at, talk: e.t - at });
        }
      }
      return out;
    };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const base = talks(runWith(m, 2 * H, () => {}).events);
    const { events, sim } = runWith(m, 2 * H, (s) => s.setHandleFactor(2));
    const spiked = talks(events);
    const talkBefore = (xs: typeof base) => xs.filter((x) => x.at < t0 + 2 * H).map((x) => x.talk);
    const talkAfter = (xs: typeof base) => xs.filter((x) => x.at >= t0 + 2 * H).map((x) => x.talk);
    // Before the control the runs are the same calls; after it, talk is about twice as long.
    expect(talkBefore(spiked)).toEqual(talkBefore(base));
    const ratio = mean(talkAfter(spiked)) / mean(talkAfter(base));
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
    expect(sim.handleFactor()).toBe(2);
    expect(sim.controlLog.map((r) => [r.control, r.params])).toEqual([
      ['set-handle-factor', { factor: 2, queue: '*' }],
    ]);
    expect(() => sim.setHandleFactor(0)).toThrow(/factor must be a number from 0.1 to 10/);
    expect(() => sim.setHandleFactor(2, 'nope')).toThrow(/unknown queue "nope"/);
  });

  it('rejects bad control arguments with a ControlError naming the problem', () => {
    const sim = new Simulation(model());
    expect(() => sim.setArrivalFactor(-1)).toThrow(/factor must be/);
    expect(() => sim.setArrivalFactor(2, 'nope')).toThrow(/unknown queue "nope"/);
    expect(() => sim.addAgents({ count: 0, skills: ['q'] })).toThrow(/count/);
    expect(() => sim.sendOnBreak({ agent: 'zz', minutes: 5 })).toThrow(/unknown agent "zz"/);
    expect(() => sim.extendShifts({ minutes: 0 })).toThrow(ControlError);
    expect(sim.controlLog).toEqual([]);
  });
});
