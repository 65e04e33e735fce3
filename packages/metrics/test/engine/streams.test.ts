/**
 * Marble tests: batching of snapshots per tick, select() emitting only on change, the injectable clock,
 * interval rollover and the rolling window on that clock, and a failing source.
 */
import { concat, config, map, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../src/engine/engine.js';
import { T0 } from './fixture.js';

function scheduler() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('MetricsEngine streams', () => {
  it('emits one snapshot per tick for a burst of 10,000 events', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const engine = new MetricsEngine({ scheduler: ts, advice: false });
      const offered = engine.snapshots$.pipe();
      // frame 2: a burst; frame 5: one more event
      cold('--a--b|').subscribe((x) => {
        if (x === 'a')
          for (let i = 0; i < 10_000; i++)
            engine.push({ type: 'call.queued', t: T0 + i, call: `c${i}`, queue: 'q' });
        else engine.push({ type: 'call.queued', t: T0 + 20_000, call: 'last', queue: 'q' });
      });
      const counts = offered.pipe();
      expectObservable(counts, '^------!').toBe('a-b--c-', {
        a: expect.objectContaining({ seq: 1 }),
        b: expect.objectContaining({
          seq: 2,
          scopes: expect.objectContaining({ 'queue:q': expect.objectContaining({ offered: 10_000 }) }),
        }),
        c: expect.objectContaining({
          seq: 3,
          scopes: expect.objectContaining({ 'queue:q': expect.objectContaining({ offered: 10_001 }) }),
        }),
      });
    });
  });

  it('select emits only when the value changes', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const engine = new MetricsEngine({ scheduler: ts, advice: false });
      cold('-a-b-c|').subscribe((x) => {
        // a: offered 1; b: an agent event (offered unchanged); c: offered 2
        if (x === 'a') engine.push({ type: 'call.queued', t: T0, call: 'c1', queue: 'q' });
        if (x === 'b') engine.push({ type: 'agent.state', t: T0 + 1, agent: 'x', state: 'available' });
        if (x === 'c') engine.push({ type: 'call.queued', t: T0 + 2, call: 'c2', queue: 'q' });
      });
      expectObservable(engine.select('all', 'offered'), '^------!').toBe('ab---c-', { a: 0, b: 1, c: 2 });
      expectObservable(engine.select('queue:q', 'interval.offered'), '^------!').toBe('ab---c-', {
        a: null,
        b: 1,
        c: 2,
      });
    });
  });

  it('lets live waits grow between events from the injected clock', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const engine = new MetricsEngine({
        scheduler: ts,
        clock: () => T0 + ts.now(),
        tickMs: 1000,
        advice: false,
      });
      engine.push({ type: 'call.queued', t: T0, call: 'c1', queue: 'q' });
      expectObservable(engine.select('queue:q', 'longestWaitSec'), '^ 3500ms !').toBe(
        'a 999ms b 999ms c 999ms d',
        {
          a: 0,
          b: 1,
          c: 2,
          d: 3,
        },
      );
    });
  });

  it('reports diagnostics as they change', () => {
    const engine = new MetricsEngine({ advice: false });
    const seen: number[] = [];
    const sub = engine.diagnostics$.subscribe((d) => seen.push(d.rejected));
    engine.push({ nonsense: true });
    engine.snapshot();
    sub.unsubscribe();
    expect(engine.diagnostics()).toMatchObject({ rejected: 1, reasons: { malformed: 1 } });
    expect(seen[0]).toBe(0);
  });

  it('records an erroring source on diagnostics instead of throwing it out of the engine', () => {
    const unhandled: unknown[] = [];
    const before = config.onUnhandledError;
    config.onUnhandledError = (err) => unhandled.push(err);
    try {
      const ts = scheduler();
      ts.run(({ cold, expectObservable, flush }) => {
        const engine = new MetricsEngine({ scheduler: ts, advice: false });
        const source = concat(
          of({ type: 'call.queued', t: T0, call: 'c1', queue: 'q' }),
          cold('--#', undefined, new Error('feed down')),
        );
        engine.connect(source);
        expectObservable(
          engine.diagnostics$.pipe(map((d) => `${d.accepted}/${d.sourceErrors}`)),
          '^----!',
        ).toBe('a-b--', { a: '1/0', b: '1/1' });
        flush();
        const d = engine.diagnostics();
        expect(d.reasons).toEqual({ 'source-error': 1 });
        expect(d.recent.at(-1)).toEqual({
          reason: 'source-error',
          detail: 'the event source failed: feed down',
        });
        expect(d.rejected).toBe(0);
        // the engine still takes events after its source failed
        expect(engine.push({ type: 'call.queued', t: T0 + 1, call: 'c2', queue: 'q' })).toBe(true);
      });
    } finally {
      config.onUnhandledError = before;
    }
    expect(unhandled).toEqual([]);
  });

  it('rolls the interval over on the clock: the current one empties, the closed one joins the list', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const start = Date.UTC(2026, 10, 2, 9, 14, 58); // two seconds before the 09:15 boundary
      const engine = new MetricsEngine({
        scheduler: ts,
        clock: () => start + ts.now(),
        tickMs: 1000,
        intervalMin: 15,
        advice: false,
      });
      engine.push({ type: 'call.queued', t: start, call: 'c1', queue: 'q' });
      ts.schedule(() => engine.push({ type: 'call.queued', t: start + 2500, call: 'c2', queue: 'q' }), 2500);
      expectObservable(engine.select('queue:q', 'interval.offered'), '^ 4000ms !').toBe(
        'a 1999ms b 499ms c',
        {
          a: 1,
          b: 0,
          c: 1,
        },
      );
      const closed = engine.select<Array<{ label: string; offered: number }>>('queue:q', 'intervals');
      expectObservable(
        closed.pipe(map((list) => list.map((i) => `${i.label}:${i.offered}`).join())),
        '^ 4000ms !',
      ).toBe('a 1999ms b', { a: '', b: '2026-11-02T09:00+00:00:1' });
      expectObservable(engine.select('queue:q', 'offered'), '^ 4000ms !').toBe('a 2499ms b', { a: 1, b: 2 });
    });
  });

  it('drops calls out of the rolling window as its minutes pass', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const start = Date.UTC(2026, 10, 2, 9, 0, 0);
      const engine = new MetricsEngine({
        scheduler: ts,
        clock: () => start + ts.now(),
        tickMs: 1000,
        rollingMin: 2,
        advice: false,
      });
      engine.push({ type: 'call.queued', t: start, call: 'c1', queue: 'q' });
      ts.schedule(
        () => engine.push({ type: 'call.queued', t: start + 30_000, call: 'c2', queue: 'q' }),
        30_000,
      );
      ts.schedule(
        () => engine.push({ type: 'call.queued', t: start + 90_000, call: 'c3', queue: 'q' }),
        90_000,
      );
      // minute 09:00 holds c1 and c2, 09:01 holds c3; a 2-minute window loses 09:00 at 09:02, 09:01 at 09:03
      expectObservable(engine.select('queue:q', 'rolling.offered'), '^ 200s !').toBe(
        'a 29999ms b 59999ms c 29999ms d 59999ms e',
        { a: 1, b: 2, c: 3, d: 1, e: 0 },
      );
      expectObservable(engine.select('queue:q', 'offered'), '^ 200s !').toBe('a 29999ms b 59999ms c', {
        a: 1,
        b: 2,
        c: 3,
      });
    });
  });
});
