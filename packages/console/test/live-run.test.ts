import type { Snapshot, WallboardEvent } from '@wallboard/metrics';
import { simulate, toNdjsonLine } from '@wallboard/simulator';
import { toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../src/sim/live-run.js';
import type { Reply, RunConfig } from '../src/sim/protocol.js';
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
    expect(recorded[1].atMs - surgeAt).toBe(30 * 60_000);
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
