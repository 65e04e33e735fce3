/**
 * Queues configured up front (`queues` option) and the partners named as their owners have their scopes
 * from the first snapshot, with the figures of an empty scope, their own SL terms, and intervals on the
 * same boundaries as `all`; streams whose queues all have events give the same figures as without the
 * configuration.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/report.js';
import { MetricsEngine } from '../../src/engine/engine.js';
import type { QueueConfig } from '../../src/engine/options.js';
import { buildReport } from '../../src/report.js';
import type { ScopeSnapshot } from '../../src/types.js';
import { at, morning } from './fixture.js';

const QUEUES: Record<string, QueueConfig> = {
  sales: { slThresholdSec: 30, slTarget: 0.9 },
  support: { partner: 'acme' },
  night: { partner: 'nightco', slThresholdSec: 60 },
};

/** A scope's figures without what names it or its SL terms. */
function figuresOf(s: ScopeSnapshot) {
  const { scope: _scope, sl: _sl, advice: _advice, ...rest } = s;
  return rest;
}

describe('configured queues before any event', () => {
  const engine = new MetricsEngine({ queues: QUEUES, advice: false });
  const snap = engine.snapshot();

  it('are in the first snapshot, with the configured owners', () => {
    expect(Object.keys(snap.scopes).sort()).toEqual([
      'all',
      'partner:acme',
      'partner:nightco',
      'queue:night',
      'queue:sales',
      'queue:support',
    ]);
  });

  it('show what an empty scope shows: zero counts, null ratios, their own SL terms', () => {
    const sales = snap.scopes['queue:sales'];
    expect(sales).toMatchObject({
      offered: 0,
      answered: 0,
      abandoned: 0,
      waiting: 0,
      longestWaitSec: 0,
      staffedAgents: 0,
      serviceLevel: null,
      asaSec: null,
      abandonRate: null,
      avgStaffed: null,
      intervals: [],
    });
    expect(sales.sl).toMatchObject({ slThresholdSec: 30, slTarget: 0.9 });
    expect(snap.scopes['queue:night'].sl).toMatchObject({ slThresholdSec: 60, slTarget: 0.8 });
    expect(snap.scopes['queue:support'].sl).toMatchObject({ slThresholdSec: 20, slTarget: 0.8 });
    const empty = new MetricsEngine({ advice: false }).snapshot().scopes.all;
    for (const key of Object.keys(snap.scopes)) expect(figuresOf(snap.scopes[key])).toEqual(figuresOf(empty));
  });

  it('with advice on, a configured queue gets the advice of a queue with no traffic (no throw)', () => {
    const s = new MetricsEngine({ queues: QUEUES }).snapshot();
    expect(s.scopes['queue:sales'].offered).toBe(0);
  });
});

describe('configured queues once the stream runs', () => {
  it('a live board (clock) shows the idle queue on the intervals of all, from the first time on', () => {
    let now = Date.UTC(2026, 10, 2, 8, 0, 0);
    const engine = new MetricsEngine({ queues: QUEUES, advice: false, clock: () => now });
    const first = engine.snapshot();
    expect(first.scopes['queue:sales'].interval.start).toBe(now);
    now += 31 * 60_000; // 08:31: the 08:00 interval has closed (the board ticks meanwhile)
    engine.snapshot();
    engine.push({ type: 'call.queued', t: now, call: 'c1', queue: 'other' });
    const s = engine.snapshot();
    const all = s.scopes.all.intervals.map((i) => [i.start, i.end]);
    expect(all).toEqual([[Date.UTC(2026, 10, 2, 8, 0), Date.UTC(2026, 10, 2, 8, 30)]]);
    for (const key of ['queue:sales', 'partner:acme']) {
      expect(s.scopes[key].intervals.map((i) => [i.start, i.end])).toEqual(all);
      expect(s.scopes[key].intervals[0]).toMatchObject({ offered: 0, serviceLevel: null });
      expect(s.scopes[key].interval.start).toBe(Date.UTC(2026, 10, 2, 8, 30));
      expect(s.scopes[key].rolling).toMatchObject({ offered: 0, serviceLevel: null });
    }
    expect(s.scopes['queue:other'].offered).toBe(1);
  });

  it("a queue's late first call counts as it would without the configuration", () => {
    const late = [
      { type: 'call.queued', t: at(0), call: 'x', queue: 'other' },
      { type: 'call.queued', t: at(3600), call: 'c1', queue: 'sales' },
      { type: 'call.answered', t: at(3625), call: 'c1', queue: 'sales', agent: 'a' },
      { type: 'call.ended', t: at(3700), call: 'c1', queue: 'sales', agent: 'a' },
    ];
    const withConfig = new MetricsEngine({ queues: { sales: { slThresholdSec: 30 } }, advice: false });
    const without = new MetricsEngine({ slThresholdSec: 30, advice: false });
    for (const e of late) {
      withConfig.push(e);
      without.push(e);
    }
    const a = withConfig.snapshot().scopes['queue:sales'];
    const b = without.snapshot().scopes['queue:sales'];
    const { intervals: ia, ...ra } = figuresOf(a);
    const { intervals: ib, ...rb } = figuresOf(b);
    expect(ra).toEqual(rb);
    expect(a.answeredWithin).toBe(1); // 25 s within its own 30 s
    // The configured scope has the idle intervals before its first call as well; the rest agree.
    expect(ia.slice(ia.length - ib.length)).toEqual(ib);
    expect(ia.map((i) => i.start)).toEqual(withConfig.snapshot().scopes.all.intervals.map((i) => i.start));
  });

  it("a configured owner's scope takes its queue's calls and agents", () => {
    const e = new MetricsEngine({ queues: QUEUES, advice: false });
    expect(e.snapshot().scopes['partner:acme'].offered).toBe(0);
    e.push({ type: 'agent.state', t: at(0), agent: 'o1', state: 'available', queues: ['support'] });
    e.push({ type: 'call.queued', t: at(5), call: 'c1', queue: 'support' });
    const s = e.snapshot().scopes['partner:acme'];
    expect(s).toMatchObject({ offered: 1, waiting: 1, staffedAgents: 1 });
  });

  it('a retracted absurd first event leaves the configured scopes in place, restarted with the stream', () => {
    const absurd = { type: 'call.queued', t: 4e12, call: 'x', queue: 'sales' };
    const r = buildReport([absurd, ...morning()], { queues: { idle: { partner: 'acme' } } });
    expect(r.diagnostics.reasons).toEqual({ 'bad-time': 1 });
    expect(r.from).toBe(at(0));
    expect(r.scopes['queue:idle']).toMatchObject({ offered: 0, serviceLevel: null });
    expect(r.scopes['partner:acme'].offered).toBe(1); // c6 at support names acme
    for (const i of r.intervals) expect(i.start).toBeLessThan(5e12);
  });
});

describe('the order of scopes', () => {
  it('a configured scope waits after `all` and takes its unconfigured place at first use', () => {
    const e = new MetricsEngine({ queues: { b: { partner: 'p' }, a: {} }, advice: false });
    expect(Object.keys(e.snapshot().scopes)).toEqual(['all', 'queue:b', 'partner:p', 'queue:a']);
    e.push({ type: 'call.queued', t: at(0), call: 'c1', queue: 'x' });
    e.push({ type: 'call.queued', t: at(1), call: 'c2', queue: 'a' });
    e.push({ type: 'call.queued', t: at(2), call: 'c3', queue: 'b' });
    expect(Object.keys(e.snapshot().scopes)).toEqual(['all', 'queue:x', 'queue:a', 'queue:b', 'partner:p']);
  });
});

describe('a report with configured queues', () => {
  it('gives the same figures as without the configuration when every queue has events', () => {
    // (An owner in the configuration is not neutral: agents on its queue count for it from the start.)
    const cfg = { support: {}, sales: {} };
    const r = buildReport(morning(), { queues: cfg });
    expect(r).toEqual(buildReport(morning()));
    expect(JSON.stringify(r)).toBe(JSON.stringify(buildReport(morning()))); // the same order too
  });

  it('lists a configured queue with no calls as a row of zeros, and no interval row for it (idle)', () => {
    const r = buildReport(morning(), { queues: { idle: { partner: 'nightco', slThresholdSec: 45 } } });
    expect(r.scopes['queue:idle']).toMatchObject({
      offered: 0,
      answered: 0,
      abandoned: 0,
      handled: 0,
      serviceLevel: null,
      asaSec: null,
      avgStaffed: null,
      sl: { slThresholdSec: 45 },
    });
    expect(r.scopes['partner:nightco']).toMatchObject({ offered: 0, serviceLevel: null });
    expect(r.intervals.length).toBeGreaterThan(0);
    for (const i of r.intervals) {
      expect(i.scopes['queue:idle']).toBeUndefined();
      expect(i.scopes['partner:nightco']).toBeUndefined();
    }
    // The rest is as without it.
    const plain = buildReport(morning());
    const { 'queue:idle': _q, 'partner:nightco': _p, ...rest } = r.scopes;
    expect(rest).toEqual(plain.scopes);
    expect(r.intervals).toEqual(plain.intervals);
    expect(formatReport(r, 'test', 0)).toMatch(/queue:idle\s+0\s+0\s+0\s+0\s+0\s+-/);
  });
});

describe('a configuration beyond the scope limit', () => {
  it('is said in diagnostics, not thrown; the queues that fit work, the others are rejected', () => {
    const queues: Record<string, QueueConfig> = {};
    for (let i = 0; i < 20_000; i++) queues[`q${i}`] = {}; // with `all`, one over the limit of 20,000
    const e = new MetricsEngine({ queues, advice: false, rollingMin: 1 });
    const d = e.diagnostics();
    expect(d.reasons['scope-limit']).toBe(1);
    expect(d.rejected).toBe(0);
    expect(d.recent.at(-1)?.detail).toMatch(
      /limit of 20000: 1 queue\(s\) and 0 owner\(s\) left out, the first queue:q19999/,
    );
    expect(e.push({ type: 'call.queued', t: at(0), call: 'a', queue: 'q0' })).toBe(true);
    expect(e.push({ type: 'call.queued', t: at(1), call: 'b', queue: 'q19999' })).toBe(false);
    expect(e.diagnostics().reasons['bad-field']).toBe(1);
    // The queues fit, the last one's owner does not: its calls still count in the queue and `all`.
    delete queues.q19999;
    queues.q19998 = { partner: 'late' };
    const e2 = new MetricsEngine({ queues, advice: false, rollingMin: 1 });
    expect(e2.diagnostics().recent.at(-1)?.detail).toMatch(
      /0 queue\(s\) and 1 owner\(s\) left out, the first partner:late/,
    );
    expect(e2.push({ type: 'call.queued', t: at(0), call: 'a', queue: 'q19998' })).toBe(true);
    const s = e2.snapshot();
    expect(s.scopes['queue:q19998'].offered).toBe(1);
    expect(s.scopes['partner:late']).toBeUndefined();
  }, 30_000);
});
