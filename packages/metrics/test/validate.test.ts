import { describe, expect, it } from 'vitest';
import { validateEvent } from '../src/validate.js';

const t = Date.UTC(2026, 10, 2, 9, 0, 0);

describe('validateEvent', () => {
  it('accepts every event type of the schema', () => {
    const good = [
      { type: 'call.queued', t, call: 'c1', queue: 'q', partner: 'acme', priority: 1 },
      { type: 'call.answered', t, call: 'c1', queue: 'q', agent: 'a1' },
      { type: 'call.abandoned', t, call: 'c1', queue: 'q' },
      { type: 'call.overflowed', t, call: 'c1', queue: 'q', to: 'q2' },
      { type: 'call.ended', t, call: 'c1', queue: 'q', agent: 'a1', holdMs: 3000 },
      { type: 'call.rated', t, call: 'c1', queue: 'q', agent: 'a1', score: 5 },
      { type: 'agent.state', t, agent: 'a1', state: 'acw', queues: ['q'], team: 'red' },
    ];
    for (const e of good) expect(validateEvent(e), JSON.stringify(e)).toEqual({ ok: true, event: e });
  });

  it.each([
    [null, 'malformed'],
    [[1, 2], 'malformed'],
    ['call.queued', 'malformed'],
    [{ t }, 'malformed'],
    [{ type: 'call.teleported', t, call: 'c' }, 'unknown-type'],
    [{ type: 'call.queued', t: Number.NaN, call: 'c', queue: 'q' }, 'bad-time'],
    [{ type: 'call.queued', t: t / 1000, call: 'c', queue: 'q' }, 'bad-time'],
    [{ type: 'call.queued', t: '2026-11-02', call: 'c', queue: 'q' }, 'bad-time'],
    [{ type: 'call.queued', t, call: 'c' }, 'missing-field'],
    [{ type: 'call.answered', t, call: 'c', queue: 'q' }, 'missing-field'],
    [{ type: 'call.overflowed', t, call: 'c', queue: 'q' }, 'missing-field'],
    [{ type: 'call.rated', t, call: 'c', queue: 'q', agent: 'a', score: 6 }, 'bad-field'],
    [{ type: 'call.ended', t, call: 'c', queue: 'q', agent: 'a', holdMs: -1 }, 'bad-field'],
    [{ type: 'agent.state', t, agent: 'a', state: 'napping' }, 'bad-field'],
    [{ type: 'agent.state', t, agent: 'a', state: 'available', queues: 'q' }, 'bad-field'],
    [{ type: 'call.queued', t, call: 'c', queue: 'q', id: '' }, 'bad-field'],
  ])('rejects %j as %s', (value, reason) => {
    const v = validateEvent(value);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toBe(reason);
      expect(v.detail.length).toBeGreaterThan(3);
    }
  });
});
