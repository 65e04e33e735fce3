/**
 * A rejected event is dropped whole: it never moves the engine's clock. And one absurd time (a first event
 * decades ahead, a lone event far from the stream) cannot poison the stream that follows it.
 */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../src/engine/engine.js';
import type { EngineOptions } from '../../src/engine/options.js';
import { buildReport } from '../../src/report.js';
import { at, morning } from './fixture.js';

function run(events: unknown[], options: EngineOptions = {}) {
  const engine = new MetricsEngine({ advice: false, ...options });
  for (const e of events) engine.push(e);
  return engine;
}

/** The morning with `extra` inserted after event `after` (index into morning()). */
function withInserted(after: number, ...extra: unknown[]): unknown[] {
  const out: unknown[] = [];
  morning().forEach((e, i) => {
    out.push(e);
    if (i === after) out.push(...extra);
  });
  if (after < 0) out.unshift(...extra);
  return out;
}

function expectSameFigures(dirty: MetricsEngine, extraRejected: number) {
  const clean = run(morning());
  const a = clean.snapshot();
  const b = dirty.snapshot();
  expect(b.t).toBe(a.t);
  expect(Object.keys(b.scopes).sort()).toEqual(Object.keys(a.scopes).sort());
  for (const key of Object.keys(a.scopes)) expect(b.scopes[key], key).toEqual(a.scopes[key]);
  const d = dirty.diagnostics();
  expect(d.accepted).toBe(morning().length);
  expect(d.rejected).toBe(extraRejected);
  return d;
}

describe('a rejected event never moves the clock', () => {
  it('an answer for an unknown call an hour ahead changes no figure and rejects nothing after it', () => {
    const ghost = { type: 'call.answered', t: at(3600), call: 'ghost', queue: 'sales', agent: 'a1' };
    const d = expectSameFigures(run(withInserted(3, ghost)), 1);
    expect(d.reasons).toEqual({ 'unknown-call': 1 });
    expect(d.outOfOrder).toBe(0);
  });

  it("a duplicate answer five minutes later leaves the call's own end in order", () => {
    // c1 is answered at 20 s and ends at 200 s; a second answer at 320 s must not push time past 200 s
    const again = { type: 'call.answered', t: at(320), call: 'c1', queue: 'sales', agent: 'a2' };
    const d = expectSameFigures(run(withInserted(3, again)), 1);
    expect(d.reasons).toEqual({ 'invalid-transition': 1 });
  });

  it('an end in the wrong queue and an abandon of an answered call, both far ahead, change nothing', () => {
    const wrongQueue = { type: 'call.ended', t: at(5000), call: 'c1', queue: 'support', agent: 'a1' };
    const abandonAnswered = { type: 'call.abandoned', t: at(7000), call: 'c1', queue: 'sales' };
    const d = expectSameFigures(run(withInserted(4, wrongQueue, abandonAnswered)), 2);
    expect(d.reasons).toEqual({ 'invalid-transition': 2 });
  });

  it('a call queued twice, far ahead, is rejected without closing intervals', () => {
    const twice = { type: 'call.queued', t: at(4 * 3600), call: 'c1', queue: 'sales' };
    const d = expectSameFigures(run(withInserted(3, twice)), 1);
    expect(d.reasons).toEqual({ 'invalid-transition': 1 });
  });
});

describe('an absurd time cannot poison the stream', () => {
  it('a first event at t = 4e12 (year 2096) is retracted once the stream shows where it is', () => {
    const absurd = { type: 'call.queued', t: 4e12, call: 'x', queue: 'elsewhere' };
    const d = expectSameFigures(run(withInserted(-1, absurd)), 1);
    expect(d.reasons).toEqual({ 'bad-time': 1 });
    expect(d.outOfOrder).toBe(0);
  });

  it('a first event years in the past is retracted the same way', () => {
    const old = {
      type: 'agent.state',
      t: Date.UTC(1995, 0, 1),
      agent: 'zz',
      state: 'available',
      team: 'old',
    };
    const d = expectSameFigures(run(withInserted(-1, old)), 1);
    expect(d.reasons).toEqual({ 'bad-time': 1 });
  });

  it('a lone absurd second event is rejected and the first stands', () => {
    const absurd = { type: 'call.queued', t: 4e12, call: 'x', queue: 'elsewhere' };
    const d = expectSameFigures(run(withInserted(0, absurd)), 1);
    expect(d.reasons).toEqual({ 'bad-time': 1 });
  });

  it('a resent absurd second event is a duplicate, not a second vote against the first', () => {
    const absurd = { id: 'x1', type: 'call.queued', t: 4e12, call: 'x', queue: 'elsewhere' };
    const d = expectSameFigures(run(withInserted(0, absurd, { ...absurd })), 2);
    expect(d.reasons).toEqual({ 'bad-time': 1, duplicate: 1 });
  });

  it('a report of two events that disagree keeps the first and rejects the second', () => {
    const r = buildReport([
      { type: 'call.queued', t: at(0), call: 'a', queue: 'q' },
      { type: 'call.queued', t: 4e12, call: 'b', queue: 'q' },
    ]);
    expect(r.scopes['queue:q'].offered).toBe(1);
    expect(r.diagnostics).toMatchObject({ accepted: 1, rejected: 1, reasons: { 'bad-time': 1 } });
    expect(r.from).toBe(at(0));
  });

  it('the report starts from the stream, not from a retracted first event', () => {
    const r = buildReport(withInserted(-1, { type: 'call.queued', t: 4e12, call: 'x', queue: 'q' }));
    expect(r.from).toBe(at(0));
    expect(r.scopes['queue:q']).toBeUndefined();
    expect(r.diagnostics.reasons).toEqual({ 'bad-time': 1 });
  });

  it('with a clock, an event further ahead of it than maxJumpMs is rejected, the first one too', () => {
    const now = at(0);
    const e = run(
      [
        { type: 'call.queued', t: 4e12, call: 'x', queue: 'q' },
        { type: 'call.queued', t: now, call: 'a', queue: 'q' },
        { type: 'call.queued', t: now + 10 * 60_000, call: 'b', queue: 'q' },
        { type: 'call.queued', t: now + 1000, call: 'c', queue: 'q' },
      ],
      { clock: () => now },
    );
    expect(e.snapshot().scopes['queue:q'].offered).toBe(2);
    expect(e.diagnostics().reasons).toEqual({ 'bad-time': 2 });
    e.dispose();
  });
});
