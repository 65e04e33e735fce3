import type { WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { PacedClock, VirtualClock } from '../src/clock.js';
import { Simulation } from '../src/engine/simulation.js';
import { toNdjsonLine } from '../src/ndjson.js';
import { SimulationSession, simulate } from '../src/session.js';
import { FakeTimer } from './support/fake-timer.js';
import { model } from './support/models.js';

const t0 = model().startEpochMs;

describe('PacedClock', () => {
  it('runs simulated time at speed x wall time, pauses, resumes, steps and changes speed, logging each', () => {
    const timer = new FakeTimer();
    const sim = new Simulation(model());
    const clock = new PacedClock(sim, 60, {}, { timer, tickMs: 100 });
    clock.start();
    timer.advance(1000);
    // The clock stands at 60 s; the simulation has run to its last tick, at most one tick (100 ms) behind.
    expect(clock.target()).toBe(60_000);
    expect(sim.now).toBeLessThanOrEqual(60_000);
    expect(sim.now).toBeGreaterThanOrEqual(60_000 - 100 * 60);
    clock.pause();
    expect(sim.now).toBe(60_000);
    timer.advance(5000);
    expect(sim.now).toBe(60_000);
    const before = sim.callCount;
    // A step runs the next instant with events and stops there.
    const next = sim.heap.peekTime();
    expect(clock.step()).toBe(true);
    expect(sim.now).toBe(next);
    expect(sim.callCount).toBeGreaterThanOrEqual(before);
    clock.resume();
    timer.advance(1000);
    expect(clock.target()).toBeCloseTo(next + 60_000, 6);
    clock.setSpeed(600);
    expect(sim.now).toBeCloseTo(next + 60_000, 6);
    timer.advance(1000);
    expect(clock.target()).toBeCloseTo(next + 660_000, 6);
    expect(sim.controlLog.map((r) => r.control)).toEqual(['pause', 'step', 'resume', 'speed']);
    expect(sim.controlLog[0].t).toBe(t0 + 60_000);
    expect(sim.controlLog[3]).toMatchObject({ params: { speed: 600 }, t: t0 + Math.round(next + 60_000) });
  });

  it('delivers each event no earlier than its simulated time on the paced wall clock', () => {
    const timer = new FakeTimer();
    const late: number[] = [];
    const sim = new Simulation(model(), {
      sink: (e) => {
        // Wall time at which the event appears, in simulated ms: never before the event's own time.
        const wallSim = timer.now() * 30;
        if (wallSim + 1 < e.t - t0) late.push(e.t - t0 - wallSim);
      },
    });
    const clock = new PacedClock(sim, 30, {}, { timer, tickMs: 50 });
    clock.start();
    timer.advance(60_000);
    expect(sim.now).toBeGreaterThan(30 * 60_000 - 50 * 30);
    expect(sim.eventCount).toBeGreaterThan(300);
    expect(late).toEqual([]);
  });
});

describe('VirtualClock', () => {
  it('runs to the end in slices, yielding between them, and stop() cancels', () => {
    const timer = new FakeTimer();
    // A fake wall clock that moves 1 ms per reading makes each slice end after a few chunks.
    const ticking = {
      ...timer,
      now: () => (timer.t += 1),
      setTimeout: timer.setTimeout.bind(timer),
      clearTimeout: timer.clearTimeout.bind(timer),
    };
    const sim = new Simulation(model());
    let advances = 0;
    let done = false;
    const clock = new VirtualClock(
      sim,
      { onAdvance: () => advances++, onDone: () => (done = true) },
      { timer: ticking, sliceMs: 5 },
    );
    clock.start();
    expect(sim.finished).toBe(false);
    expect(timer.queued).toBe(1);
    for (let i = 0; i < 1000 && !done; i++) timer.advance(0);
    expect(done).toBe(true);
    expect(sim.finished).toBe(true);
    expect(advances).toBeGreaterThan(1);

    const sim2 = new Simulation(model());
    const c2 = new VirtualClock(sim2, {}, { timer: ticking, sliceMs: 5 });
    c2.start();
    c2.stop();
    timer.advance(1000);
    expect(sim2.finished).toBe(false);
  });
});

describe('simulate() and SimulationSession', () => {
  it('emits the same events as the simulation itself, then completes', async () => {
    const direct: WallboardEvent[] = [];
    new Simulation(model(), { sink: (e) => direct.push(e) }).runToEnd();
    const viaRx: WallboardEvent[] = [];
    await new Promise<void>((resolve, reject) =>
      simulate(model(), { sliceMs: 2 }).subscribe({
        next: (e) => viaRx.push(e),
        complete: resolve,
        error: reject,
      }),
    );
    expect(viaRx).toEqual(direct);
  });

  it('stops running when unsubscribed', async () => {
    const timer = new FakeTimer();
    let n = 0;
    const sub = simulate(model(), { speed: 60, timer }).subscribe(() => n++);
    timer.advance(60_000);
    const seen = n;
    expect(seen).toBeGreaterThan(100);
    sub.unsubscribe();
    timer.advance(60_000);
    expect(n).toBe(seen);
  });

  it('batches$ carries every event once, in order, and controls$ the control log', () => {
    const session = new SimulationSession(model(), { sliceMs: 0 });
    const single: WallboardEvent[] = [];
    const batched: WallboardEvent[] = [];
    const controls: string[] = [];
    session.events$.subscribe((e) => single.push(e));
    session.batches$.subscribe((b) => batched.push(...b));
    session.controls$.subscribe((r) => controls.push(r.control));
    session.sim.runUntil(3_600_000);
    session.sim.setArrivalFactor(2);
    session.start();
    expect(batched).toEqual(single);
    expect(controls).toEqual(['set-arrival-factor']);
  });

  it('reports a bad scenario through the observable with every problem', async () => {
    const err = await new Promise<unknown>((resolve) =>
      simulate({ queues: [] }).subscribe({ error: resolve }),
    );
    expect((err as { problems: string[] }).problems).toEqual([
      'queues must not be empty',
      'agents is required',
    ]);
  });

  it('measuredOnly drops the warm-up', () => {
    const m = model({ warmupMs: 3_600_000 });
    const events: WallboardEvent[] = [];
    const s = new SimulationSession(m, { sliceMs: 0, measuredOnly: true });
    s.events$.subscribe((e) => events.push(e));
    s.start();
    const calls = events.filter((e) => e.type === 'call.queued');
    expect(calls.length).toBeGreaterThan(100);
    expect(calls.every((e) => e.t >= t0 + 3_600_000)).toBe(true);
    // Every measured call event belongs to a call whose call.queued was measured too.
    const known = new Set(calls.map((e) => (e as { call: string }).call));
    expect(events.every((e) => !('call' in e) || known.has(e.call))).toBe(true);
    expect(toNdjsonLine(events[0]).endsWith('}\n')).toBe(true);
  });
});
