import type { Snapshot, WallboardEvent } from '@wallboard/metrics';
import { SimulationSession, simulate, toNdjsonLine } from '@wallboard/simulator';
import { toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../src/console/describe.js';
import { applyControl } from '../src/sim/controls.js';
import { LiveRun } from '../src/sim/live-run.js';
import type { Reply, RunConfig } from '../src/sim/protocol.js';
import { compile } from '../src/sim/scenario.js';
import { replay } from '../src/sim/what-if.js';
import { FakeTimer } from './support/fake-timer.js';

const SCENARIO = 'absenteeism-overflow';

function harness(config: Partial<RunConfig> = {}) {
  const timer = new FakeTimer();
  const replies: Reply[] = [];
  const full: RunConfig = {
    source: { kind: 'builtin', name: SCENARIO },
    speed: 600,
    keepEvents: true,
    ...config,
  };
  const run = new LiveRun(full, (r) => replies.push(r), timer);
  expect(run.start(1)).toBe(true);
  const simMinutes = () => (run.clockState().now - run.info!.startEpochMs) / 60_000;
  /** Advances wall time in 50 ms steps until the simulated clock reaches `min` minutes from the start. */
  const runTo = (min: number) => {
    while (simMinutes() < min && !run.clockState().finished) timer.advance(50);
  };
  const toEnd = () => {
    while (!replies.some((r) => r.type === 'done')) timer.advance(1000);
  };
  return { run, replies, timer, full, runTo, toEnd, simMinutes };
}

async function liveLines(run: LiveRun): Promise<string[]> {
  const { blob, truncated } = run.exportNdjson();
  expect(truncated).toBe(false);
  return (await blob.text()).split('\n').filter((l) => l !== '');
}

const lastSnapshot = (replies: Reply[]): Snapshot => {
  const s = replies.filter((r) => r.type === 'snapshot').at(-1);
  if (s?.type !== 'snapshot') throw new Error('no snapshot');
  return s.snapshot;
};

describe('LiveRun', () => {
  it('without controls emits exactly what the simulator emits on its own', async () => {
    const h = harness({ speed: 300 });
    h.toEnd();
    const own = await new Promise<WallboardEvent[]>((resolve) =>
      simulate(SCENARIO === 'absenteeism-overflow' ? builtIn() : null, { sliceMs: 0 })
        .pipe(toArray())
        .subscribe(resolve),
    );
    expect(own.length).toBeGreaterThan(1000);
    expect(await liveLines(h.run)).toEqual(own.map((e) => toNdjsonLine(e).trimEnd()));
  });

  it('is reproduced event for event by a replay of its recorded controls', async () => {
    const h = harness();
    h.runTo(95);
    expect(h.run.control({ kind: 'add-agents', count: 10, skills: ['care'] })).toHaveLength(10);
    h.runTo(130);
    h.run.control({ kind: 'surge', factor: 1.8, minutes: 45, queue: 'care' });
    h.run.clock('pause');
    h.run.clock('step');
    h.run.clock('step');
    h.run.control({
      kind: 'set-overflow',
      queue: 'care',
      rule: { afterSec: 30, maxWaiting: null, to: 'care-acme' },
    });
    h.run.clock('resume');
    h.runTo(240);
    expect(h.run.control({ kind: 'send-on-break', count: 3, minutes: 15 }).length).toBeGreaterThan(0);
    h.run.clock('speed', 120);
    h.runTo(250);
    h.run.clock('speed', 600);
    h.run.control({ kind: 'remove-agents', count: 2, queue: 'care' });
    h.run.control({ kind: 'extend-shifts', minutes: 30 });
    h.toEnd();

    const recorded = h.run.recorded();
    // The surge ended on its own: a second arrival-factor change back to 1, 45 simulated minutes later.
    const factors = recorded.filter((i) => i.control.kind === 'set-arrival-factor');
    expect(factors.map((i) => (i.control as { factor: number }).factor)).toEqual([1.8, 1]);
    const lateness = factors[1].atMs - factors[0].atMs - 45 * 60_000;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(60_000);
    expect(recorded).toHaveLength(7);

    const again = replay(h.full, recorded, { keepEvents: true });
    const live = await liveLines(h.run);
    expect(again.events!.map((e) => toNdjsonLine(e).trimEnd())).toEqual(live);
    expect(again.snapshot.scopes.all.serviceLevel).toBe(lastSnapshot(h.replies).scopes.all.serviceLevel);

    // And the controls did change the run: the same seed without them is another stream.
    const baseline = replay(h.full, [], { keepEvents: true });
    expect(baseline.events!.length).not.toBe(live.length);
  });

  it('posts the timeline of controls and incidents, with clear errors for bad controls', () => {
    const h = harness();
    h.runTo(10);
    expect(() => h.run.control({ kind: 'add-agents', count: 0, skills: ['care'] })).toThrow(/count must be/);
    expect(() => h.run.control({ kind: 'set-arrival-factor', factor: 2, queue: 'nope' })).toThrow(
      /unknown queue "nope"/,
    );
    h.run.control({ kind: 'set-arrival-factor', factor: 2 });
    const timeline = h.replies.flatMap((r) => (r.type === 'timeline' ? [r.entry] : []));
    expect(timeline.map((e) => e.control)).toEqual(['set-arrival-factor']);
    expect(h.run.recorded()).toHaveLength(1);
    h.run.stop();
  });
});

describe('LiveRun timed surge', () => {
  const timeline = (replies: Reply[]) => replies.flatMap((r) => (r.type === 'timeline' ? [r.entry] : []));

  it('is one timeline entry for its whole span, and its end adds none', () => {
    const h = harness();
    h.runTo(30);
    h.run.control({ kind: 'surge', factor: 2, minutes: 30 });
    const [entry] = timeline(h.replies);
    expect(entry).toMatchObject({ control: 'surge', source: 'control', params: { factor: 2, minutes: 30 } });
    expect(entry.until! - entry.t).toBe(30 * 60_000);
    expect(entry.id).toMatch(/^console-/);
    h.runTo(90);
    // The arrivals went back to normal at its end (recorded for the replay), logged as no new entry.
    const factors = h.run.recorded().map((i) => (i.control as { factor: number }).factor);
    expect(factors).toEqual([2, 1]);
    expect(timeline(h.replies)).toHaveLength(1);
    h.run.stop();
  });

  it('is cut by a later manual arrival change on its queues, which then stays in force', () => {
    const h = harness();
    h.runTo(30);
    h.run.control({ kind: 'surge', factor: 2, minutes: 30, queue: 'care' });
    h.runTo(40);
    h.run.control({ kind: 'set-arrival-factor', factor: 1.5 });
    h.runTo(120);
    // No revert at the surge's planned end: the trainer's 1.5 is still the rate.
    const controls = h.run.recorded().map((i) => i.control);
    expect(controls).toEqual([
      { kind: 'set-arrival-factor', factor: 2, queue: 'care' },
      { kind: 'set-arrival-factor', factor: 1.5 },
    ]);
    const entries = timeline(h.replies);
    const surge = entries.filter((e) => e.control === 'surge');
    expect(surge).toHaveLength(2); // posted, then re-posted cut (same id: the page replaces it)
    expect(surge[1].id).toBe(surge[0].id);
    expect(surge[1].cut).toBe(true);
    const manual = entries.find((e) => e.control === 'set-arrival-factor')!;
    expect(surge[1].until).toBe(manual.t);
    expect(describeEntry(surge[0])).toBe('Surge ×2 on care for 30 min');
    expect(describeEntry(surge[1])).toMatch(
      /^Surge ×2 on care for 30 min, ended after 10 min by an arrival change$/,
    );
    // A manual change on another queue leaves a surge alone.
    h.run.control({ kind: 'surge', factor: 3, minutes: 20, queue: 'care' });
    h.run.control({ kind: 'set-arrival-factor', factor: 1.2, queue: 'care-acme' });
    h.runTo(150);
    expect(h.run.recorded().at(-1)!.control).toEqual({
      kind: 'set-arrival-factor',
      factor: 1.5,
      queue: 'care',
    });
    h.run.stop();
  });

  it('on all queues is not cut by a change on one queue: it still ends on every queue', () => {
    const h = harness();
    h.runTo(30);
    h.run.control({ kind: 'surge', factor: 2, minutes: 30 });
    h.runTo(40);
    h.run.control({ kind: 'set-arrival-factor', factor: 1.5, queue: 'care' });
    h.runTo(120);
    // The surge's end puts every queue back (care-acme would otherwise stay at ×2 for the rest of the day).
    expect(h.run.recorded().map((i) => i.control)).toEqual([
      { kind: 'set-arrival-factor', factor: 2 },
      { kind: 'set-arrival-factor', factor: 1.5, queue: 'care' },
      { kind: 'set-arrival-factor', factor: 1 },
    ]);
    expect(timeline(h.replies).filter((e) => e.control === 'surge' && e.cut)).toEqual([]);
    h.run.stop();
  });
});

describe('LiveRun outage and handle-time spike (live incidents)', () => {
  const timeline = (replies: Reply[]) => replies.flatMap((r) => (r.type === 'timeline' ? [r.entry] : []));

  it('an outage takes the selection off the phones for N minutes, as one entry, and replays the same', async () => {
    const h = harness();
    h.runTo(90);
    const agents = h.run.control({ kind: 'outage', minutes: 20, queue: 'care' });
    expect(agents.length).toBeGreaterThan(0);
    const entries = timeline(h.replies);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ control: 'outage', params: { minutes: 20, queue: 'care' }, agents });
    expect(entries[0].until! - entries[0].t).toBe(20 * 60_000);
    expect(describeEntry(entries[0])).toMatch(/^Outage: \d+ agents skilled in care drop off for 20 min/);
    h.toEnd();
    const again = replay(h.full, h.run.recorded(), { keepEvents: true });
    expect(again.events!.map((e) => toNdjsonLine(e).trimEnd())).toEqual(await liveLines(h.run));
    const lines = await liveLines(h.run);
    expect(lines.some((l) => l.includes('"reason":"outage"'))).toBe(true);
  });

  it('a handle-time spike lengthens talk for N minutes, survives a scenario aht-spike, and replays the same', async () => {
    // outage-surge has its own aht-spike on mobile from 10:30 to 11:45 (2.5 h to 3.75 h after 08:00).
    const h = harness({ source: { kind: 'builtin', name: 'outage-surge' }, seed: 5 });
    h.runTo(120);
    h.run.control({ kind: 'aht-spike', factor: 2, minutes: 120 });
    const [entry] = timeline(h.replies).filter((e) => e.control === 'aht-spike');
    expect(describeEntry(entry)).toBe('Handle times ×2 on all queues for 120 min');
    h.toEnd();
    const recorded = h.run.recorded().map((i) => i.control);
    expect(recorded).toEqual([
      { kind: 'set-handle-factor', factor: 2 },
      { kind: 'set-handle-factor', factor: 1 },
    ]);
    const live = await liveLines(h.run);
    const again = replay(h.full, h.run.recorded(), { keepEvents: true });
    expect(again.events!.map((e) => toNdjsonLine(e).trimEnd())).toEqual(live);
    // Longer calls: the same seed without the spike answers more within T.
    const baseline = replay(h.full, []);
    expect(again.snapshot.scopes.all.ahtSec!).toBeGreaterThan(baseline.snapshot.scopes.all.ahtSec! * 1.1);
    expect(again.snapshot.scopes.all.serviceLevel!).toBeLessThan(baseline.snapshot.scopes.all.serviceLevel!);
  });

  it("keeps the console's handle factor through a scenario aht-spike's start and end", () => {
    const compiled = compile({ kind: 'builtin', name: 'outage-surge' }, 5);
    if (!compiled.ok) throw new Error('outage-surge does not compile');
    const session = new SimulationSession(compiled.model, {});
    const sim = session.sim;
    const mobile = sim.queueIds.indexOf('mobile');
    // What a call answered on mobile now is multiplied by: the scenario's spikes times the console's.
    const effective = () => sim.qAhtFactor[mobile] * sim.qHandleFactor[mobile];
    sim.runUntil(2 * 3_600_000);
    applyControl(sim, { kind: 'set-handle-factor', factor: 2 });
    expect(effective()).toBe(2);
    sim.runUntil(3 * 3_600_000); // 11:00, inside the scenario's ×1.3 spike on mobile
    expect(effective()).toBeCloseTo(2.6, 12);
    sim.runUntil(4 * 3_600_000); // 12:00, after it
    expect(effective()).toBe(2);
    applyControl(sim, { kind: 'set-handle-factor', factor: 1 });
    expect(sim.queueIds.map((_, q) => sim.qAhtFactor[q] * sim.qHandleFactor[q])).toEqual(
      sim.queueIds.map(() => 1),
    );
  });

  it('refuses a bad spike with a clear message', () => {
    const h = harness();
    h.runTo(10);
    expect(() => h.run.control({ kind: 'aht-spike', factor: 50, minutes: 10 })).toThrow(
      /^aht-spike: factor must be a number from 0.1 to 10/,
    );
    expect(() => h.run.control({ kind: 'aht-spike', factor: 2, minutes: 0 })).toThrow(
      /minutes must be from 1 to 1440/,
    );
    expect(() => h.run.control({ kind: 'outage', minutes: 10, queue: 'nope' })).toThrow(
      /unknown queue "nope"/,
    );
    expect(h.run.recorded()).toHaveLength(0);
    h.run.stop();
  });
});

import { builtInScenario } from '@wallboard/simulator';

function builtIn(): unknown {
  return builtInScenario(SCENARIO);
}

describe('LiveRun.jump', () => {
  it('runs to the time and pauses, ends a surge on the way at its exact instant, and replays the same', async () => {
    const h = harness();
    h.runTo(60);
    h.run.control({ kind: 'surge', factor: 2, minutes: 30 });
    const surgeAt = h.run.recorded()[0].atMs;
    const to = h.run.info!.startEpochMs + 180 * 60_000;
    h.run.jump(to);
    const clock = h.run.clockState();
    expect(clock.paused).toBe(true);
    expect(clock.now).toBe(to);
    const recorded = h.run.recorded();
    expect(recorded).toHaveLength(2);
    // Exactly 30 minutes later (to the float rounding of adding 30 minutes to a fractional instant).
    expect(Math.abs(recorded[1].atMs - surgeAt - 30 * 60_000)).toBeLessThan(1e-6);
    expect(() => h.run.jump(to - 60_000)).toThrow(/already passed/);
    expect(() => h.run.jump(h.run.info!.endEpochMs + 1)).toThrow(/after the end/);
    h.run.clock('resume');
    h.toEnd();
    const again = replay(h.full, recorded, { keepEvents: true });
    expect(again.events!.map((e) => toNdjsonLine(e).trimEnd())).toEqual(await liveLines(h.run));
  });
});

describe('localClockToEpoch', () => {
  it('finds a local time of the same day in the zone', async () => {
    const { localClockToEpoch } = await import('../src/shared/time.js');
    // 2025-03-05 08:00 in London is 08:00 UTC (GMT); in New York it is 03:00 EST.
    const now = Date.UTC(2025, 2, 5, 8, 0, 0);
    expect(localClockToEpoch(now, 'Europe/London', '10:40')).toBe(Date.UTC(2025, 2, 5, 10, 40));
    expect(localClockToEpoch(now, 'America/New_York', '10:40')).toBe(Date.UTC(2025, 2, 5, 15, 40));
    expect(localClockToEpoch(now, 'Europe/London', '25:99')).toBeNull();
    expect(localClockToEpoch(now, 'Europe/London', 'noon')).toBeNull();
  });
});
