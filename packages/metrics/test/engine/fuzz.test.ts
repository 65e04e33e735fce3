/**
 * 100,000 random and mutated events: the engine never throws, never publishes NaN, keeps every ratio in
 * [0, 1] and every queue's outcomes within its offers, and keeps its memory bounded.
 */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../src/engine/engine.js';
import { ReportBuilder } from '../../src/report.js';
import type { ScopeSnapshot, WindowFigures } from '../../src/types.js';
import { rng, syntheticCenter } from '../support/synthetic-center.js';

const START = Date.UTC(2026, 10, 2, 7, 0);

function mutate(e: Record<string, unknown>, r: () => number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const m = { ...e };
  switch (Math.floor(r() * 14)) {
    case 0:
      return pick([null, 42, 'call.queued', [], [e], true, '', { type: null }]);
    case 1:
      delete m[pick(Object.keys(m))];
      return m;
    case 2:
      m.t = pick([
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -1,
        0,
        1e20,
        '2026-11-02',
        null,
        (e.t as number) / 1000,
      ]);
      return m;
    case 3:
      m.t = (e.t as number) - Math.floor(r() * 3_600_000);
      return m;
    case 4:
      m.t = (e.t as number) + Math.floor(r() * 86_400_000 * 30);
      return m;
    case 5:
      m.type = pick([
        'call.answered',
        'call.ended',
        'call.abandoned',
        'call.overflowed',
        'call.queued',
        'agent.state',
        'call.x',
      ]);
      return m;
    case 6:
      m.call = pick(['ghost', `c${Math.floor(r() * 100)}`, 7, '', 'x'.repeat(500)]);
      return m;
    case 7:
      m.queue = pick(['', 'q999', { evil: true }, `q${Math.floor(r() * 60)}`]);
      return m;
    case 8:
      m.state = pick(['napping', 'on-call', 'offline', 3]);
      m.type = 'agent.state';
      return m;
    case 9:
      m.score = pick([0, 6, 3.5, '5', Number.NaN, 5]);
      m.type = 'call.rated';
      return m;
    case 10:
      m.id = pick(['dup', 'dup', `id${Math.floor(r() * 50)}`, '', 12]);
      return m;
    case 11:
      m.holdMs = pick([-5, Number.NaN, 1e12, 'long']);
      return m;
    case 12:
      m.queues = pick(['q1', [1, 2], ['q1', ''], null]);
      return m;
    default:
      return { ...m, extra: { nested: [1, { deep: 'x' }] } };
  }
}

/** Every problem with one window's figures, as text (checked in bulk: expect() per value is too slow). */
function problems(where: string, f: WindowFigures): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${where}.${k} = ${v}`);
  }
  for (const k of ['serviceLevel', 'abandonRate', 'occupancy', 'csat'] as const) {
    const v = f[k];
    if (v !== null && !(v >= 0 && v <= 1)) out.push(`${where}.${k} = ${v} outside [0, 1]`);
  }
  for (const k of ['asaSec', 'ataSec', 'attSec', 'acwSec', 'ahtSec', 'avgStaffed'] as const) {
    const v = f[k];
    if (v !== null && !(v >= 0)) out.push(`${where}.${k} = ${v} < 0`);
  }
  for (const k of ['offered', 'answered', 'abandoned', 'shortAbandoned', 'overflowed', 'handled'] as const) {
    if (!(f[k] >= 0)) out.push(`${where}.${k} = ${f[k]} < 0`);
  }
  return out;
}

describe('engine fuzz', () => {
  it('survives 100,000 random and mutated events with sane figures and bounded memory', {
    timeout: 60_000,
  }, () => {
    const r = rng(20261122);
    const clean = syntheticCenter({
      agents: 60,
      queues: 8,
      calls: 14_000,
      start: START,
      seed: 7,
      meanGapSec: 2,
    });
    const stream: unknown[] = [];
    for (const e of clean) {
      if (stream.length >= 100_000) break;
      stream.push(e);
      if (r() < 0.3) stream.push(mutate(e as unknown as Record<string, unknown>, r));
    }
    while (stream.length < 100_000) stream.push(mutate(clean[Math.floor(r() * clean.length)] as never, r));

    const engine = new MetricsEngine({ evictAfterMs: 3_600_000 });
    const report = new ReportBuilder();
    let maxCalls = 0;
    const found: string[] = [];
    stream.forEach((e, i) => {
      engine.push(e);
      report.push(e);
      if (i % 2003 === 0) {
        const { core } = engine.internals;
        maxCalls = Math.max(maxCalls, core.calls.size);
        const snap = engine.snapshot();
        for (const [key, s] of Object.entries(snap.scopes)) {
          found.push(...problems(key, s as ScopeSnapshot), ...problems(`${key}.interval`, s.interval));
        }
      }
    });
    const { core } = engine.internals;
    const d = engine.diagnostics();
    expect(d.accepted + d.rejected).toBe(100_000);
    expect(d.rejected).toBeGreaterThan(10_000);
    // Memory: calls in flight stay bounded by the eviction age, scopes by the ids seen, intervals by a day.
    expect(maxCalls).toBeLessThan(5_000);
    expect(core.scopes.size).toBeLessThan(400);
    for (const s of core.scopes.values()) expect(s.closed.length).toBeLessThanOrEqual(100);

    const totals = report.result();
    for (const [key, s] of Object.entries(totals.scopes)) {
      found.push(...problems(key, s));
      if (key.startsWith('queue:') && s.answered + s.abandoned + s.overflowed > s.offered) {
        found.push(`${key}: outcomes ${s.answered + s.abandoned + s.overflowed} > offered ${s.offered}`);
      }
    }
    for (const i of totals.intervals)
      for (const [key, s] of Object.entries(i.scopes)) found.push(...problems(`${i.label} ${key}`, s));
    expect(found.slice(0, 10)).toEqual([]);
  });
});
