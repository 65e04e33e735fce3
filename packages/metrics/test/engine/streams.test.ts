/** Marble tests: batching of snapshots per tick, select() emitting only on change, the injectable clock. */
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
});
