import type { AgentStateEvent, WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model.js';
import { Simulation } from '../src/engine/simulation.js';
import { agents, model, queue } from './support/models.js';
import { Replay } from './support/replay.js';

const H = 3_600_000;

function run(m: Model, act?: (sim: Simulation) => void) {
  const events: WallboardEvent[] = [];
  const sim = new Simulation(m, { sink: (e) => events.push(e) });
  act?.(sim);
  sim.runToEnd();
  return { sim, events };
}

function referee(events: WallboardEvent[], priority?: Record<string, number>) {
  const r = new Replay({ priority });
  for (const e of events) r.push(e);
  return r;
}

/** Three queues with priorities, agents with different ordered skills, ACW, hold, patience, surveys. */
function floor(): Model {
  return model({
    durationMs: 6 * H,
    queues: [
      queue({
        id: 'sales',
        arrivals: { pieceMin: null, callsPerHour: [150] },
        patience: { dist: 'exponential', meanSec: 90 },
      }),
      queue({
        id: 'billing',
        priority: 1,
        arrivals: { pieceMin: null, callsPerHour: [90] },
        acw: { dist: 'fixed', meanSec: 20 },
        patience: { dist: 'lognormal', meanSec: 120, cv: 1 },
        hold: { probability: 0.3, dist: { dist: 'exponential', meanSec: 30 } },
      }),
      queue({
        id: 'vip',
        priority: 2,
        partner: 'acme',
        arrivals: { pieceMin: null, callsPerHour: [40] },
        handle: { dist: 'gamma', meanSec: 240, cv: 0.7 },
        survey: { responseRate: 0.5, meanScore: 4.6, dropPerMinute: 0.8 },
      }),
      // Same priority as sales: agents skilled in both serve them in their own preference order.
      queue({
        id: 'care',
        arrivals: { pieceMin: null, callsPerHour: [60] },
        patience: { dist: 'exponential', meanSec: 200 },
      }),
    ],
    agents: [
      ...agents(5, { skills: [0] }),
      ...agents(5, { skills: [1, 0], team: 'u' }, 5),
      ...agents(4, { skills: [2, 1, 0], team: 'v', partner: 'acme' }, 10),
      ...agents(3, { skills: [3, 0], team: 'w' }, 14),
      ...agents(2, { skills: [0, 3], team: 'w' }, 17),
    ],
  });
}

describe('routing and the call life cycle', () => {
  it('follows the event schema, longest-idle routing, FIFO within queue and priority between queues', () => {
    const { events } = run(floor());
    const r = referee(events, { sales: 0, billing: 1, vip: 2, care: 0 });
    expect(r.violations).toEqual([]);
    // The referee saw both kinds of routing decision many times, and abandons.
    expect(r.counts.callDriven).toBeGreaterThan(300);
    expect(r.counts.agentDriven).toBeGreaterThan(300);
    expect(r.counts.abandoned).toBeGreaterThan(10);
  });

  it('gives the same summary with and without an event sink (summary-only mode changes nothing)', () => {
    const m = floor();
    const a = new Simulation(m);
    a.runToEnd();
    const b = run(m).sim;
    expect(a.summary()).toEqual({ ...b.summary(), events: 0 });
    expect(b.summary().events).toBeGreaterThan(1000);
  });

  it('ACW lasts its drawn time; hold is reported on a share of calls and is part of the talk', () => {
    const { events } = run(floor());
    const acwStart = new Map<string, number>();
    let acwChecked = 0;
    let badAcw = 0;
    const answeredAt = new Map<string, number>();
    let ended = 0;
    let held = 0;
    let holdLonger = 0;
    for (const e of events) {
      if (e.type === 'agent.state') {
        const start = acwStart.get(e.agent);
        if (start !== undefined) {
          acwChecked++;
          if (e.t - start !== 20_000) badAcw++;
          acwStart.delete(e.agent);
        }
        if (e.state === 'acw') acwStart.set(e.agent, e.t);
      }
      if (e.type === 'call.answered') answeredAt.set(e.call, e.t);
      if (e.type === 'call.ended' && e.queue === 'billing') {
        ended++;
        if (e.holdMs !== undefined) {
          held++;
          if (e.holdMs > e.t - (answeredAt.get(e.call) ?? 0)) holdLonger++;
        }
      }
      if (e.type === 'call.ended' && e.queue !== 'billing' && e.holdMs !== undefined) holdLonger++;
    }
    expect(acwChecked).toBeGreaterThan(200);
    expect(badAcw).toBe(0);
    expect(Math.abs(held / ended - 0.3)).toBeLessThan(4.5 * Math.sqrt((0.3 * 0.7) / ended));
    expect(holdLonger).toBe(0);
  });

  it('survey answers come at the response rate and fall as the wait grows', () => {
    const m = model({
      durationMs: 200 * H,
      queues: [
        queue({
          arrivals: { pieceMin: null, callsPerHour: [200] },
          survey: { responseRate: 0.4, meanScore: 4.5, dropPerMinute: 1 },
        }),
      ],
      agents: agents(12),
    });
    const { events } = run(m);
    const queuedAt = new Map<string, number>();
    const waitOf = new Map<string, number>();
    let ended = 0;
    const short: number[] = [];
    const long: number[] = [];
    for (const e of events) {
      if (e.type === 'call.queued') queuedAt.set(e.call, e.t);
      if (e.type === 'call.answered') waitOf.set(e.call, e.t - (queuedAt.get(e.call) ?? e.t));
      if (e.type === 'call.ended') ended++;
      if (e.type === 'call.rated') {
        const w = waitOf.get(e.call) ?? 0;
        if (w === 0) short.push(e.score);
        if (w > 120_000) long.push(e.score);
      }
    }
    const rated = events.filter((e) => e.type === 'call.rated').length;
    expect(Math.abs(rated / ended - 0.4)).toBeLessThan(4.5 * Math.sqrt((0.4 * 0.6) / ended));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(short.length).toBeGreaterThan(1000);
    expect(long.length).toBeGreaterThan(50);
    // No wait: mean near 4.5 less what clamping at 5 takes away; a long wait: at least 1.5 points lower.
    expect(mean(short)).toBeGreaterThan(4.0);
    expect(mean(long)).toBeLessThan(mean(short) - 1.5);
  });
});

describe('overflow', () => {
  it('moves a call after N seconds in queue: call.overflowed then call.queued in the target, same instant', () => {
    const m = model({
      queues: [
        queue({
          id: 'a',
          arrivals: { pieceMin: null, callsPerHour: [300] },
          overflow: { afterSec: 30, maxWaiting: null, to: 'b' },
        }),
        queue({ id: 'b', arrivals: { pieceMin: null, callsPerHour: [20] } }),
      ],
      agents: [...agents(14, { skills: [0] }), ...agents(6, { skills: [1] }, 14)],
    });
    const { events } = run(m);
    expect(referee(events).violations).toEqual([]);
    const queuedAt = new Map<string, number>();
    let overflowed = 0;
    let wrong = 0;
    events.forEach((e, i) => {
      if (e.type === 'call.queued' && e.queue === 'a') queuedAt.set(e.call, e.t);
      if (e.type === 'call.overflowed') {
        overflowed++;
        const next = events[i + 1];
        const waited = e.t - (queuedAt.get(e.call) ?? Number.NaN);
        if (Math.abs(waited - 30_000) > 1 || e.to !== 'b') wrong++;
        if (!(next.type === 'call.queued' && next.call === e.call && next.queue === 'b' && next.t === e.t))
          wrong++;
      }
    });
    expect(overflowed).toBeGreaterThan(50);
    expect(wrong).toBe(0);
  });

  it('moves an arriving call when the queue already holds K waiting calls', () => {
    const m = model({
      queues: [
        queue({
          id: 'a',
          arrivals: { pieceMin: null, callsPerHour: [320] },
          overflow: { afterSec: null, maxWaiting: 3, to: 'b' },
        }),
        queue({ id: 'b', arrivals: { pieceMin: null, callsPerHour: [0] } }),
      ],
      agents: [...agents(16, { skills: [0] }), ...agents(5, { skills: [1] }, 16)],
    });
    const { events } = run(m);
    const r = referee(events);
    expect(r.violations).toEqual([]);
    expect(r.maxWaiting.get('a')).toBe(3);
    expect(r.counts.overflowed).toBeGreaterThan(20);
    // Every length overflow happens at the call's arrival instant.
    const queuedAt = new Map<string, number>();
    let late = 0;
    for (const e of events) {
      if (e.type === 'call.queued' && e.queue === 'a') queuedAt.set(e.call, e.t);
      if (e.type === 'call.overflowed' && queuedAt.get(e.call) !== e.t) late++;
    }
    expect(late).toBe(0);
  });
});

describe('shifts, breaks and incidents', () => {
  function agentEvents(events: WallboardEvent[], id: string): AgentStateEvent[] {
    return events.filter((e): e is AgentStateEvent => e.type === 'agent.state' && e.agent === id);
  }

  it('agents log in at shift start, break on schedule (after a call if busy) and leave at shift end', () => {
    const t0 = model().startEpochMs;
    const m = model({
      durationMs: 5 * H,
      agents: [
        ...agents(13),
        ...agents(
          1,
          {
            shiftStartMs: 1 * H,
            shiftEndMs: 3 * H,
            breaks: [{ startMs: 2 * H, durationMs: 15 * 60_000, reason: 'lunch' }],
          },
          13,
        ),
      ],
    });
    const { events } = run(m);
    expect(referee(events).violations).toEqual([]);
    const mine = agentEvents(events, 'a14');
    expect(mine[0]).toMatchObject({ state: 'available', t: t0 + H });
    const brk = mine.find((e) => e.state === 'break');
    expect(brk?.reason).toBe('lunch');
    expect(brk!.t).toBeGreaterThanOrEqual(t0 + 2 * H);
    const back = mine[mine.indexOf(brk!) + 1];
    expect(back).toMatchObject({ state: 'available', t: brk!.t + 15 * 60_000 });
    const off = mine[mine.length - 1];
    expect(off).toMatchObject({ state: 'offline', reason: 'shift-end' });
    expect(off.t).toBeGreaterThanOrEqual(t0 + 3 * H);
    expect(events.some((e) => 'agent' in e && e.agent === 'a14' && e.t > off.t)).toBe(false);
  });

  it("surge multiplies arrivals for its duration; aht-spike lengthens talk; outage drops a queue's agents; agents-leave is for good", () => {
    const t0 = model().startEpochMs;
    const m = model({
      durationMs: 40 * H,
      queues: [
        queue({ id: 'a', arrivals: { pieceMin: null, callsPerHour: [100] } }),
        queue({ id: 'b', arrivals: { pieceMin: null, callsPerHour: [30] } }),
      ],
      agents: [...agents(12, { skills: [0] }), ...agents(4, { skills: [1, 0], team: 'u' }, 12)],
      incidents: [
        { kind: 'surge', atMs: 10 * H, durationMs: 10 * H, queues: [0], factor: 2 },
        { kind: 'aht-spike', atMs: 25 * H, durationMs: 10 * H, queues: [], factor: 2 },
        { kind: 'outage', atMs: 5 * H, durationMs: H, select: { queue: 1 } },
        { kind: 'agents-leave', atMs: 36 * H, count: 3, select: { team: 't' } },
      ],
    });
    const { sim, events } = run(m);
    expect(referee(events).violations).toEqual([]);
    const inWindow = (e: WallboardEvent, from: number, to: number) =>
      e.t >= t0 + from * H && e.t < t0 + to * H;
    const arrivalsA = (from: number, to: number) =>
      events.filter((e) => e.type === 'call.queued' && e.queue === 'a' && inWindow(e, from, to)).length;
    const surge = arrivalsA(10, 20);
    const normal = arrivalsA(0, 10);
    expect(Math.abs(surge - 2000)).toBeLessThan(4.5 * Math.sqrt(2000));
    expect(Math.abs(normal - 1000)).toBeLessThan(4.5 * Math.sqrt(1000));
    // Talk of calls answered during the spike vs before it.
    const answered = new Map<string, number>();
    const talk = { spike: [] as number[], before: [] as number[] };
    for (const e of events) {
      if (e.type === 'call.answered') answered.set(e.call, e.t);
      if (e.type === 'call.ended') {
        const at = answered.get(e.call)!;
        if (at >= t0 + 25 * H && e.t < t0 + 35 * H) talk.spike.push(e.t - at);
        if (at >= t0 + 20 * H && e.t < t0 + 25 * H) talk.before.push(e.t - at);
      }
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length / 1000;
    expect(Math.abs(mean(talk.spike) - 360)).toBeLessThan((4.5 * 360) / Math.sqrt(talk.spike.length));
    expect(Math.abs(mean(talk.before) - 180)).toBeLessThan((4.5 * 180) / Math.sqrt(talk.before.length));
    // Outage: the four agents skilled in b go offline at 5 h and are back at 6 h.
    for (const id of ['a13', 'a14', 'a15', 'a16']) {
      const mine = agentEvents(events, id).filter((e) => inWindow(e, 5, 6.0001));
      expect(mine[0]).toMatchObject({ state: 'offline', reason: 'outage', t: t0 + 5 * H });
      expect(mine.filter((e) => e.state !== 'offline' && e.t < t0 + 6 * H)).toEqual([]);
      const back = agentEvents(events, id).find((e) => e.t >= t0 + 6 * H);
      expect(back).toMatchObject({ state: 'available', t: t0 + 6 * H });
    }
    // agents-leave: three of team t leave and never return.
    const left = events.filter((e): e is AgentStateEvent => e.type === 'agent.state' && e.reason === 'left');
    expect(left.map((e) => e.team)).toEqual(['t', 't', 't']);
    for (const e of left)
      expect(events.some((x) => x.type === 'agent.state' && x.agent === e.agent && x.t > e.t)).toBe(false);
    expect(sim.controlLog.map((r) => [r.source, r.control])).toEqual([
      ['incident', 'outage'],
      ['incident', 'outage-end'],
      ['incident', 'surge'],
      ['incident', 'surge-end'],
      ['incident', 'aht-spike'],
      ['incident', 'aht-spike-end'],
      ['incident', 'agents-leave'],
    ]);
  });
});

describe('memory', () => {
  it('is bounded by agents and calls in the system, not by calls simulated', () => {
    const m = (hours: number) =>
      model({
        durationMs: hours * H,
        queues: [
          queue({
            arrivals: { pieceMin: null, callsPerHour: [1960] },
            patience: { dist: 'exponential', meanSec: 120 },
          }),
        ],
        agents: agents(100),
      });
    const short = new Simulation(m(10));
    short.runToEnd();
    const long = new Simulation(m(400));
    long.runToEnd();
    expect(long.callCount).toBeGreaterThan(700_000);
    // ~100 talking and a few dozen waiting at a time: the slot pool and the calendar never need to grow
    // past what a short run needed.
    expect(long.callCapacity).toBe(short.callCapacity);
    expect(long.heap.capacity).toBe(short.heap.capacity);
    expect(long.callCapacity).toBeLessThanOrEqual(1024);
  });
});
