import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../src/engine/engine.js';
import { erlangA, erlangC } from '../../src/erlang/index.js';
import { T0 } from './fixture.js';

/** 200 calls an hour (one every 18 s), each answered at once and talked 180 s: Erlang C's textbook case. */
function steadyQueue(minutes: number, abandonEvery = 0): unknown[] {
  const events: unknown[] = [];
  for (let a = 0; a < 10; a++)
    events.push({ type: 'agent.state', t: T0, agent: `a${a}`, state: 'available', queues: ['q'] });
  for (let i = 0; (i * 18_000) / 60_000 < minutes; i++) {
    const t = T0 + i * 18_000;
    events.push({ type: 'call.queued', t, call: `c${i}`, queue: 'q' });
    if (abandonEvery && i % abandonEvery === 0) {
      events.push({ type: 'call.abandoned', t: t + 30_000, call: `c${i}`, queue: 'q' });
      continue;
    }
    events.push({ type: 'call.answered', t, call: `c${i}`, queue: 'q', agent: `a${i % 10}` });
    events.push({ type: 'call.ended', t: t + 180_000, call: `c${i}`, queue: 'q', agent: `a${i % 10}` });
  }
  // Stop at the last arrival, so the rolling window is full of arrivals at 200 an hour.
  const lastArrival = T0 + Math.floor((minutes * 60_000 - 1) / 18_000) * 18_000;
  return events
    .filter((e) => (e as { t: number }).t <= lastArrival)
    .sort((x, y) => (x as { t: number }).t - (y as { t: number }).t);
}

describe('live staffing advice', () => {
  it('asks Erlang C for the agents a 200 calls/h, 180 s queue needs for 80/20 (14) and projects SL with 10', () => {
    const engine = new MetricsEngine();
    engine.pushMany(steadyQueue(60));
    const advice = engine.snapshot().scopes['queue:q'].advice;
    expect(advice).toBeDefined();
    expect(advice?.model).toBe('C');
    expect(advice?.callsPerHour).toBeGreaterThan(190);
    expect(advice?.callsPerHour).toBeLessThan(210);
    expect(advice?.ahtSec).toBe(180);
    expect(advice?.agentsStaffed).toBe(10);
    expect(advice?.agentsNeeded).toBe(14);
    const expected = erlangC({
      callsPerHour: advice?.callsPerHour ?? 0,
      ahtSec: 180,
      agents: 10,
      thresholdSec: 20,
    });
    expect(advice?.projectedServiceLevel).toBeCloseTo(expected.slAnsweredWithinOverOffered, 12);
  });

  it('switches to Erlang A once abandons give a patience estimate (abandons / total wait)', () => {
    const engine = new MetricsEngine({ shortAbandonSec: 0 });
    engine.pushMany(steadyQueue(60, 5));
    const advice = engine.snapshot().scopes['queue:q'].advice;
    expect(advice?.model).toBe('A');
    // every fifth call abandons after 30 s; the others wait 0 s: mean patience = total wait / abandons = 30 s
    expect(advice?.patienceSec).toBeCloseTo(30, 9);
    const expected = erlangA({
      callsPerHour: advice?.callsPerHour ?? 0,
      ahtSec: 180,
      agents: 10,
      thresholdSec: 20,
      patienceSec: 30,
    });
    expect(advice?.projectedServiceLevel).toBeCloseTo(expected.slAnsweredWithinOverOffered, 12);
  });
});
