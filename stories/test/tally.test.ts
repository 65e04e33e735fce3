import type { WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import {
  expectedServiceLevel,
  floorEngine,
  floorEvents,
  MORNING,
  type QueueSpec,
} from '../src/support/floor.js';
import { ServiceLevelTally } from '../src/support/tally.js';

const t0 = Date.UTC(2026, 2, 2, 8, 0);
const at = (sec: number) => t0 + sec * 1000;

describe('ServiceLevelTally', () => {
  it('counts answered within T, late, abandoned and short abandons by hand', () => {
    const events: WallboardEvent[] = [
      { type: 'call.queued', t: at(0), call: 'a', queue: 'q' },
      { type: 'call.answered', t: at(20), call: 'a', queue: 'q', agent: 'x' }, // exactly T: within
      { type: 'call.queued', t: at(1), call: 'b', queue: 'q' },
      { type: 'call.answered', t: at(22), call: 'b', queue: 'q', agent: 'y' }, // 21 s: late
      { type: 'call.queued', t: at(2), call: 'c', queue: 'q' },
      { type: 'call.abandoned', t: at(6), call: 'c', queue: 'q' }, // 4 s: short, left out
      { type: 'call.queued', t: at(3), call: 'd', queue: 'q' },
      { type: 'call.abandoned', t: at(33), call: 'd', queue: 'q' }, // counts against
      { type: 'call.queued', t: at(4), call: 'e', queue: 'q' },
      { type: 'call.overflowed', t: at(64), call: 'e', queue: 'q', to: 'r' }, // neither, in q
      { type: 'call.queued', t: at(64), call: 'e', queue: 'r' },
      { type: 'call.answered', t: at(70), call: 'e', queue: 'r', agent: 'z' }, // 6 s in r: within
    ];
    const tally = new ServiceLevelTally();
    for (const e of events) tally.add(e);
    expect(tally.serviceLevel('q')).toBeCloseTo(1 / 3, 12); // a within; a, b answered; d abandoned
    expect(tally.serviceLevel('r')).toBe(1);
    expect(tally.serviceLevel('none')).toBeNull();
  });

  it('uses each queue threshold', () => {
    const tally = new ServiceLevelTally((q) => (q === 'fast' ? 10 : 30));
    for (const queue of ['fast', 'slow']) {
      tally.add({ type: 'call.queued', t: at(0), call: 'c', queue });
      tally.add({ type: 'call.answered', t: at(15), call: 'c', queue, agent: 'x' });
    }
    expect(tally.serviceLevel('fast')).toBe(0);
    expect(tally.serviceLevel('slow')).toBe(1);
  });
});

describe('the fixed morning of the board stories', () => {
  it('gives the counts it was asked for', () => {
    const tally = new ServiceLevelTally();
    for (const e of floorEvents(MORNING)) tally.add(e);
    for (const q of MORNING) expect(tally.serviceLevel(q.id)).toBeCloseTo(expectedServiceLevel(q)!, 12);
    expect(MORNING.map((q) => expectedServiceLevel(q))).toEqual([18 / 20, 15 / 20, 8 / 16]);
  });

  it('is accepted whole by the metrics engine, which reports the same SL and waiting calls', () => {
    const engine = floorEngine(MORNING);
    const snapshot = engine.snapshot();
    expect(engine.diagnostics().rejected).toBe(0);
    for (const q of MORNING) {
      const scope = snapshot.scopes[`queue:${q.id}`];
      expect(scope.serviceLevel).toBeCloseTo(expectedServiceLevel(q)!, 12);
      expect(scope.waiting).toBe(q.waiting);
      expect(scope.answered).toBe(q.within + q.late);
      expect(scope.abandoned).toBe(q.abandoned);
    }
  });

  it('has no SL for a queue without calls', () => {
    const idle: QueueSpec = {
      id: 'idle',
      name: 'Idle',
      within: 0,
      late: 0,
      abandoned: 0,
      waiting: 0,
      agents: 1,
    };
    expect(expectedServiceLevel(idle)).toBeNull();
    expect(floorEngine([idle]).snapshot().scopes['queue:idle']?.serviceLevel ?? null).toBeNull();
  });
});
