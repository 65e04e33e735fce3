/**
 * A hand-built morning on two queues, with every figure worked out by hand in engine.test.ts.
 * Times are seconds after 09:00:00 UTC on 2026-11-02.
 */
import type { WallboardEvent } from '../../src/events.js';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const at = (sec: number) => T0 + sec * 1000;

export function morning(): WallboardEvent[] {
  const a1 = { agent: 'a1', queues: ['sales', 'support'], team: 'red', name: 'Ada' };
  const a2 = { agent: 'a2', queues: ['sales'], team: 'blue', name: 'Bo' };
  return [
    { type: 'agent.state', t: at(0), ...a1, state: 'available' },
    { type: 'agent.state', t: at(0), ...a2, state: 'available' },
    // c1: answered after 10 s, talk 180 s, ACW 30 s
    { type: 'call.queued', t: at(10), call: 'c1', queue: 'sales' },
    { type: 'call.answered', t: at(20), call: 'c1', queue: 'sales', agent: 'a1' },
    { type: 'agent.state', t: at(20), agent: 'a1', state: 'on-call' },
    // c2: a short abandon after 3 s
    { type: 'call.queued', t: at(60), call: 'c2', queue: 'sales' },
    { type: 'call.abandoned', t: at(63), call: 'c2', queue: 'sales' },
    // c3: abandons after 15 s (within T)
    { type: 'call.queued', t: at(120), call: 'c3', queue: 'sales' },
    { type: 'call.abandoned', t: at(135), call: 'c3', queue: 'sales' },
    { type: 'call.ended', t: at(200), call: 'c1', queue: 'sales', agent: 'a1' },
    { type: 'agent.state', t: at(200), agent: 'a1', state: 'acw' },
    { type: 'agent.state', t: at(230), agent: 'a1', state: 'available' },
    // c4: abandons after 60 s; c5: answered after 40 s, talk 120 s, no ACW
    { type: 'call.queued', t: at(240), call: 'c4', queue: 'sales' },
    { type: 'call.queued', t: at(240), call: 'c5', queue: 'sales' },
    { type: 'call.answered', t: at(280), call: 'c5', queue: 'sales', agent: 'a2' },
    { type: 'agent.state', t: at(280), agent: 'a2', state: 'on-call' },
    // c6: overflows after 30 s to the outsourcer's queue, answered there 15 s later, talk 120 s, ACW 30 s
    { type: 'call.queued', t: at(300), call: 'c6', queue: 'sales' },
    { type: 'call.abandoned', t: at(300), call: 'c4', queue: 'sales' },
    { type: 'call.overflowed', t: at(330), call: 'c6', queue: 'sales', to: 'support' },
    { type: 'call.queued', t: at(330), call: 'c6', queue: 'support', partner: 'acme' },
    { type: 'call.answered', t: at(345), call: 'c6', queue: 'support', agent: 'a1' },
    { type: 'agent.state', t: at(345), agent: 'a1', state: 'on-call' },
    { type: 'call.ended', t: at(400), call: 'c5', queue: 'sales', agent: 'a2' },
    { type: 'agent.state', t: at(400), agent: 'a2', state: 'available' },
    { type: 'call.rated', t: at(401), call: 'c1', queue: 'sales', agent: 'a1', score: 5 },
    { type: 'call.rated', t: at(402), call: 'c5', queue: 'sales', agent: 'a2', score: 2 },
    { type: 'call.ended', t: at(465), call: 'c6', queue: 'support', agent: 'a1' },
    { type: 'agent.state', t: at(465), agent: 'a1', state: 'acw' },
    { type: 'agent.state', t: at(495), agent: 'a1', state: 'available' },
  ] as WallboardEvent[];
}
