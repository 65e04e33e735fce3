import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { compareScope } from '../src/console/compare.js';

const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);

/** A queue where `answeredFast` of `calls` are answered in 5 s and the rest abandon after 60 s. */
function day(calls: number, answeredFast: number) {
  const events: WallboardEvent[] = [
    { type: 'agent.state', t: T0, agent: 'a', state: 'available', queues: ['q'] },
  ];
  for (let i = 0; i < calls; i++) {
    const t = T0 + (i + 1) * 120_000;
    events.push({ type: 'call.queued', t, call: `c${i}`, queue: 'q' });
    if (i < answeredFast) {
      events.push({ type: 'call.answered', t: t + 5000, call: `c${i}`, queue: 'q', agent: 'a' });
      events.push({ type: 'agent.state', t: t + 5000, agent: 'a', state: 'on-call' });
      events.push({ type: 'call.ended', t: t + 65_000, call: `c${i}`, queue: 'q', agent: 'a' });
      events.push({ type: 'agent.state', t: t + 65_000, agent: 'a', state: 'available' });
    } else events.push({ type: 'call.abandoned', t: t + 60_000, call: `c${i}`, queue: 'q' });
  }
  const engine = new MetricsEngine({ timeZone: 'UTC' });
  engine.pushMany(events);
  engine.advanceTo(T0 + 4 * 3_600_000);
  return engine.snapshot();
}

describe('compareScope', () => {
  it('gives differences and verdicts from the two runs', () => {
    const rows = compareScope(day(20, 12), day(20, 18), 'queue:q');
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.serviceLevel.baseline).toBeCloseTo(12 / 20);
    expect(by.serviceLevel.intervened).toBeCloseTo(18 / 20);
    expect(by.serviceLevel.delta).toBeCloseTo(6 / 20);
    expect(by.serviceLevel.verdict).toBe('better');
    expect(by.abandoned.delta).toBe(-6);
    expect(by.abandoned.verdict).toBe('better');
    expect(by.answered.verdict).toBe('better');
    expect(by.asaSec.verdict).toBe('same');
    // Occupancy (60 s talk per answered call over the 4 h the agent was logged in) changed, but neither
    // way is better on its own.
    expect(by.occupancy.baseline).toBeCloseTo((12 * 60) / (4 * 3600), 6);
    expect(by.occupancy.intervened).toBeCloseTo((18 * 60) / (4 * 3600), 6);
    expect(by.occupancy.verdict).toBe('changed');
    const worse = Object.fromEntries(
      compareScope(day(20, 18), day(20, 12), 'queue:q').map((r) => [r.key, r]),
    );
    expect(worse.serviceLevel.verdict).toBe('worse');
  });

  it('says n/a for a scope one run does not have', () => {
    const rows = compareScope(day(5, 5), day(5, 5), 'queue:none');
    expect(rows.every((r) => r.verdict === 'n/a' && r.delta === null)).toBe(true);
  });
});
