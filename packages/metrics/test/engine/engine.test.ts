import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../src/engine/engine.js';
import type { SlFormula } from '../../src/types.js';
import { at, morning } from './fixture.js';

function run(events: unknown[], options: ConstructorParameters<typeof MetricsEngine>[0] = {}) {
  const engine = new MetricsEngine({ advice: false, ...options });
  for (const e of events) engine.push(e);
  return engine;
}

describe('MetricsEngine on the hand-built morning (figures worked out by hand in fixture.ts terms)', () => {
  const snap = run(morning()).snapshot();

  it('counts each visit per queue and the overflowed call as an outcome of its own', () => {
    expect(snap.scopes['queue:sales']).toMatchObject({
      offered: 5, // c1, c3, c4, c5, c6 (c2 is a short abandon, taken back out)
      answered: 2,
      abandoned: 2,
      shortAbandoned: 1,
      overflowed: 1,
      answeredWithin: 1,
      abandonedWithin: 1,
      handled: 2,
      asaSec: 25, // (10 + 40) / 2
      ataSec: 37.5, // (15 + 60) / 2
      attSec: 150, // (180 + 120) / 2
      acwSec: 15, // (30 + 0) / 2
      ahtSec: 165,
      abandonRate: 0.5,
      surveys: 2,
      csat: 0.5,
    });
    expect(snap.scopes['queue:support']).toMatchObject({
      offered: 1,
      answered: 1,
      answeredWithin: 1,
      asaSec: 15,
      serviceLevel: 1,
    });
  });

  it('counts a call once in a group, waiting from its first queue in the group', () => {
    const all = snap.scopes.all;
    expect(all).toMatchObject({
      offered: 5,
      answered: 3,
      abandoned: 2,
      shortAbandoned: 1,
      overflowed: 0,
      answeredWithin: 1, // c6 waited 45 s in all
      handled: 3,
      attSec: 140,
      acwSec: 20,
      ahtSec: 160,
    });
    expect(all.asaSec).toBeCloseTo(95 / 3, 12);
    expect(snap.scopes['partner:acme']).toMatchObject({
      offered: 1,
      answered: 1,
      answeredWithin: 1,
      asaSec: 15,
      handled: 1,
    });
  });

  it.each<[SlFormula, number, number]>([
    ['abandons-count-against', 1 / 4, 1 / 5],
    ['answered-only', 1 / 2, 1 / 3],
    ['ignore-early-abandons', 1 / 3, 1 / 4],
    ['early-abandons-count-for', 2 / 4, 2 / 5],
  ])('service level under %s', (slFormula, sales, all) => {
    const s = run(morning(), { slFormula }).snapshot();
    expect(s.scopes['queue:sales'].serviceLevel).toBeCloseTo(sales, 12);
    expect(s.scopes.all.serviceLevel).toBeCloseTo(all, 12);
    expect(s.scopes.all.sl.slFormula).toBe(slFormula);
  });

  it('keeps short abandons in offered and abandoned when short-abandon is off', () => {
    const s = run(morning(), { shortAbandonSec: 0 }).snapshot();
    expect(s.scopes['queue:sales']).toMatchObject({
      offered: 6,
      abandoned: 3,
      shortAbandoned: 0,
      abandonedWithin: 2,
    });
    expect(s.scopes['queue:sales'].serviceLevel).toBeCloseTo(1 / 5, 12);
  });

  it('integrates agent time by state: occupancy, staffed agents, team figures', () => {
    // a1 busy 360 s, available 135 s; a2 busy 120 s, available 375 s; up to 09:08:15.
    expect(snap.scopes.all.occupancy).toBeCloseTo(480 / 990, 12);
    expect(snap.scopes.all.avgStaffed).toBeCloseTo(2, 12);
    expect(snap.scopes['queue:support'].occupancy).toBeCloseTo(360 / 495, 12);
    expect(snap.scopes['team:red']).toMatchObject({
      handled: 2,
      attSec: 150,
      acwSec: 30,
      ahtSec: 180,
      csat: 1,
    });
    expect(snap.scopes['team:blue']).toMatchObject({
      handled: 1,
      attSec: 120,
      acwSec: 0,
      ahtSec: 120,
      csat: 0,
    });
    expect(snap.scopes.all).toMatchObject({ staffedAgents: 2, waiting: 0, longestWaitSec: 0 });
    expect(snap.scopes.all.agentsByState).toEqual({
      offline: 0,
      available: 2,
      'on-call': 0,
      acw: 0,
      break: 0,
      other: 0,
    });
  });

  it('gives null, never NaN, for an empty window', () => {
    const s = new MetricsEngine().snapshot();
    expect(s.scopes.all).toMatchObject({
      serviceLevel: null,
      asaSec: null,
      occupancy: null,
      abandonRate: null,
      csat: null,
    });
  });
});

describe('MetricsEngine live figures and windows', () => {
  it('tracks waiting calls and the longest wait per scope', () => {
    const e = run([
      { type: 'call.queued', t: at(0), call: 'x', queue: 'q' },
      { type: 'call.queued', t: at(10), call: 'y', queue: 'q' },
      { type: 'call.answered', t: at(12), call: 'x', queue: 'q', agent: 'a' },
    ]);
    e.advanceTo(at(40));
    const s = e.snapshot().scopes['queue:q'];
    expect(s.waiting).toBe(1);
    expect(s.longestWaitSec).toBe(30);
  });

  it("closes intervals in the time zone and keeps today's for charts", () => {
    const e = run(
      [
        { type: 'call.queued', t: Date.UTC(2026, 10, 2, 8, 10), call: 'a', queue: 'q' },
        { type: 'call.answered', t: Date.UTC(2026, 10, 2, 8, 10, 5), call: 'a', queue: 'q', agent: 'x' },
        { type: 'call.queued', t: Date.UTC(2026, 10, 2, 9, 40), call: 'b', queue: 'q' },
      ],
      { timeZone: 'Europe/Paris', intervalMin: 60 },
    );
    const s = e.snapshot().scopes['queue:q'];
    expect(s.intervals.map((i) => i.label)).toEqual(['2026-11-02T09:00+01:00']);
    expect(s.intervals[0]).toMatchObject({ offered: 1, answered: 1, start: Date.UTC(2026, 10, 2, 8) });
    expect(s.interval).toMatchObject({ label: '2026-11-02T10:00+01:00', offered: 1 });
    expect(s.offered).toBe(2);
  });

  it('resets today at the daily reset time in the zone', () => {
    const e = run(
      [
        { type: 'call.queued', t: Date.UTC(2026, 10, 2, 22, 50), call: 'a', queue: 'q' }, // 23:50 Paris
        { type: 'call.queued', t: Date.UTC(2026, 10, 2, 23, 10), call: 'b', queue: 'q' }, // 00:10 Paris
      ],
      { timeZone: 'Europe/Paris' },
    );
    const s = e.snapshot().scopes['queue:q'];
    expect(s.offered).toBe(1);
    expect(s.intervals).toEqual([]);
    expect(s.waiting).toBe(2);
  });

  it('takes a short abandon back out of the closed interval that counted its offer', () => {
    const e = run([
      { type: 'call.queued', t: Date.UTC(2026, 10, 2, 9, 29, 58), call: 'a', queue: 'q' },
      { type: 'call.abandoned', t: Date.UTC(2026, 10, 2, 9, 30, 1), call: 'a', queue: 'q' },
    ]);
    const s = e.snapshot().scopes['queue:q'];
    expect(s.intervals[0]).toMatchObject({ offered: 0, shortAbandoned: 0 });
    expect(s.interval).toMatchObject({ offered: 0, shortAbandoned: 1 });
    expect(s).toMatchObject({ offered: 0, shortAbandoned: 1, abandoned: 0 });
  });

  it('makes an overflow that is never queued again the final outcome of its groups', () => {
    const e = run([
      { type: 'call.queued', t: at(0), call: 'x', queue: 'q', partner: 'p' },
      { type: 'call.overflowed', t: at(40), call: 'x', queue: 'q', to: 'voicemail' },
    ]);
    expect(e.snapshot().scopes.all).toMatchObject({ overflowed: 0, waiting: 1 });
    e.advanceTo(at(46));
    const s = e.snapshot().scopes;
    expect(s.all).toMatchObject({ offered: 1, overflowed: 1, waiting: 0, answered: 0 });
    expect(s['partner:p']).toMatchObject({ offered: 1, overflowed: 1, waiting: 0 });
    expect(s['queue:q']).toMatchObject({ offered: 1, overflowed: 1 });
    expect(e.internals.core.calls.size).toBe(0);
  });

  it('sums the last N minutes in the rolling window', () => {
    const events = [];
    for (let m = 0; m < 30; m++)
      events.push({ type: 'call.queued', t: at(m * 60 + 1), call: `c${m}`, queue: 'q' });
    const s = run(events, { rollingMin: 10 }).snapshot().scopes['queue:q'];
    expect(s.rolling.offered).toBe(10);
    expect(s.offered).toBe(30);
  });
});

describe('MetricsEngine bad input', () => {
  it('rejects with reasons, drops whole events and changes no figure', () => {
    const garbage = [
      'not an object',
      { type: 'call.answered', t: at(20), call: 'ghost', queue: 'sales', agent: 'a1' },
      { type: 'call.queued', t: Number.POSITIVE_INFINITY, call: 'z', queue: 'sales' },
      { type: 'call.teleported', t: at(20) },
      { type: 'call.ended', t: at(20), call: 'c1', queue: 'support', agent: 'a1' },
    ];
    const clean = run(morning()).snapshot();
    const mixed: unknown[] = [];
    morning().forEach((e, i) => {
      mixed.push(e);
      if (i === 3) mixed.push(...garbage);
    });
    const e = run(mixed);
    const s = e.snapshot();
    for (const key of Object.keys(clean.scopes)) {
      const { intervals: _a, ...a } = clean.scopes[key];
      const { intervals: _b, ...b } = s.scopes[key];
      expect(b, key).toEqual(a);
    }
    const d = e.diagnostics();
    expect(d.rejected).toBe(garbage.length);
    expect(d.reasons).toEqual({
      malformed: 1,
      'unknown-call': 1,
      'bad-time': 1,
      'unknown-type': 1,
      'invalid-transition': 1,
    });
    expect(d.accepted).toBe(morning().length);
  });

  it('ignores a repeated id and counts it as a duplicate', () => {
    const ev = { type: 'call.queued', t: at(0), call: 'a', queue: 'q', id: 'e1' };
    const e = run([ev, { ...ev }]);
    expect(e.snapshot().scopes['queue:q'].offered).toBe(1);
    expect(e.diagnostics()).toMatchObject({ duplicates: 1, reasons: { duplicate: 1 } });
  });

  it('accepts events out of order within the tolerance, rejects older ones', () => {
    const e = run([
      { type: 'call.queued', t: at(100), call: 'a', queue: 'q' },
      { type: 'call.queued', t: at(97), call: 'b', queue: 'q' },
      { type: 'call.queued', t: at(90), call: 'c', queue: 'q' },
    ]);
    expect(e.snapshot().scopes['queue:q'].offered).toBe(2);
    expect(e.diagnostics()).toMatchObject({ outOfOrder: 1, reasons: { 'out-of-order': 1 } });
  });

  it('evicts calls unseen for the eviction age', () => {
    const e = run([{ type: 'call.queued', t: at(0), call: 'a', queue: 'q' }], { evictAfterMs: 3_600_000 });
    e.advanceTo(at(2 * 3600));
    expect(e.snapshot().scopes['queue:q'].waiting).toBe(0);
    expect(e.diagnostics().evicted).toBe(1);
  });

  it('names a bad option', () => {
    expect(() => new MetricsEngine({ intervalMin: 20 as 15 })).toThrow(/intervalMin/);
    expect(() => new MetricsEngine({ timeZone: 'Nowhere/Land' })).toThrow(/Nowhere\/Land/);
  });
});

describe('MetricsEngine agent scopes', () => {
  it('counts an agent without a partner of its own in the partners owning its queues', () => {
    const e = run([
      { type: 'agent.state', t: at(0), agent: 'o1', state: 'available', queues: ['outsourced'] },
      { type: 'agent.state', t: at(0), agent: 'h1', state: 'available', queues: ['home'], partner: 'us' },
      // the owner of `outsourced` is learned after its agent came in
      { type: 'call.queued', t: at(60), call: 'c1', queue: 'outsourced', partner: 'acme' },
      { type: 'call.answered', t: at(70), call: 'c1', queue: 'outsourced', agent: 'o1' },
      { type: 'agent.state', t: at(70), agent: 'o1', state: 'on-call' },
      { type: 'call.ended', t: at(130), call: 'c1', queue: 'outsourced', agent: 'o1' },
      { type: 'agent.state', t: at(130), agent: 'o1', state: 'available' },
    ]);
    e.advanceTo(at(180));
    const acme = e.snapshot().scopes['partner:acme'];
    expect(acme.staffedAgents).toBe(1);
    // on-call 60 s of the 120 s counted (from 60 s, when acme became the owner, to 180 s)
    expect(acme.occupancy).toBeCloseTo(60 / 120, 9);
    expect(acme.avgStaffed).not.toBeNull();
    expect(e.snapshot().scopes['partner:us'].staffedAgents).toBe(1);
  });

  it('takes the owner from configuration from the first agent event', () => {
    const e = run([{ type: 'agent.state', t: at(0), agent: 'o1', state: 'available', queues: ['q'] }], {
      queues: { q: { partner: 'acme' } },
    });
    e.advanceTo(at(60));
    expect(e.snapshot().scopes['partner:acme']).toMatchObject({ staffedAgents: 1, avgStaffed: 1 });
  });

  it('makes an agent answering from a queue a member of it (a static member with no ADDMEMBER)', () => {
    const e = run([
      { type: 'agent.state', t: at(0), agent: 'a', state: 'available' },
      { type: 'call.queued', t: at(10), call: 'c1', queue: 'sales' },
      { type: 'call.answered', t: at(20), call: 'c1', queue: 'sales', agent: 'a' },
      { type: 'agent.state', t: at(20), agent: 'a', state: 'on-call' },
      { type: 'call.ended', t: at(80), call: 'c1', queue: 'sales', agent: 'a' },
      { type: 'agent.state', t: at(80), agent: 'a', state: 'available' },
    ]);
    e.advanceTo(at(140));
    const sales = e.snapshot().scopes['queue:sales'];
    expect(sales.staffedAgents).toBe(1);
    expect(sales.occupancy).toBeCloseTo(60 / 120, 9);
  });
});

describe('MetricsEngine avgStaffed', () => {
  it('is null where no agent state was ever seen (a CDR feed), 0 for agents offline all window', () => {
    const calls = run([
      { type: 'call.queued', t: at(0), call: 'c1', queue: 'q' },
      { type: 'call.answered', t: at(10), call: 'c1', queue: 'q', agent: 'a' },
      { type: 'call.ended', t: at(70), call: 'c1', queue: 'q', agent: 'a' },
    ]).snapshot();
    expect(calls.scopes.all).toMatchObject({ avgStaffed: null, occupancy: null, handled: 1 });
    expect(calls.scopes['queue:q'].avgStaffed).toBeNull();

    const offline = run([
      { type: 'agent.state', t: at(0), agent: 'a', state: 'offline', queues: ['q'] },
      { type: 'call.queued', t: at(60), call: 'c1', queue: 'q' },
    ]).snapshot();
    expect(offline.scopes['queue:q'].avgStaffed).toBe(0);
  });
});

describe('MetricsEngine stated membership', () => {
  it('keeps an agent whose events name its queues out of a queue it answers an overflow from', () => {
    const e = run([
      { type: 'agent.state', t: at(0), agent: 'a', state: 'available', queues: ['sales'] },
      { type: 'call.queued', t: at(10), call: 'c1', queue: 'support' },
      { type: 'call.answered', t: at(20), call: 'c1', queue: 'support', agent: 'a' },
      { type: 'agent.state', t: at(20), agent: 'a', state: 'on-call' },
    ]).snapshot();
    expect(e.scopes['queue:sales'].staffedAgents).toBe(1);
    expect(e.scopes['queue:support'].staffedAgents).toBe(0);
  });
});
