/**
 * A plausible event stream of a center (agents, queues, calls with their whole lifecycle), generated
 * from a seed with no dependency on the engine: for fuzzing and benchmarks.
 */
import type { WallboardEvent } from '../../src/events.js';

/** mulberry32: tiny, fast, good enough to drive test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CenterShape {
  agents: number;
  queues: number;
  /** Calls to generate. */
  calls: number;
  start: number;
  seed: number;
  /** Mean seconds between arrivals over the whole center. */
  meanGapSec?: number;
}

/**
 * Events in time order: each call queues, then is answered (talk, ACW, often a survey), abandoned or
 * overflowed to the next queue. Agents go on-call, ACW and back to available around their calls.
 */
export function syntheticCenter(shape: CenterShape): WallboardEvent[] {
  const r = rng(shape.seed);
  const pending: WallboardEvent[] = [];
  const q = (i: number) => `q${i % shape.queues}`;
  for (let a = 0; a < shape.agents; a++) {
    pending.push({
      type: 'agent.state',
      t: shape.start,
      agent: `a${a}`,
      state: 'available',
      queues: [q(a), q(a + 1)],
      team: `team${a % 20}`,
      partner: a % 5 === 0 ? 'acme' : 'inhouse',
    });
  }
  const agentFreeAt = new Float64Array(shape.agents).fill(shape.start);
  let t = shape.start;
  const gap = (shape.meanGapSec ?? 0.2) * 1000;
  for (let c = 0; c < shape.calls; c++) {
    t += -Math.log(1 - r()) * gap;
    const queue = q(Math.floor(r() * shape.queues));
    const call = `c${c}`;
    const at = Math.round(t);
    pending.push({ type: 'call.queued', t: at, call, queue, ...(r() < 0.1 ? { priority: 1 } : {}) });
    const wait = Math.round(-Math.log(1 - r()) * 25_000);
    const u = r();
    if (u < 0.08) {
      pending.push({ type: 'call.abandoned', t: at + wait, call, queue });
      continue;
    }
    let answerQueue = queue;
    if (u < 0.12) {
      answerQueue = q(Number(queue.slice(1)) + 1);
      pending.push({ type: 'call.overflowed', t: at + wait, call, queue, to: answerQueue });
      pending.push({ type: 'call.queued', t: at + wait, call, queue: answerQueue });
    }
    // The earliest free of three random agents: keeps the center loaded but not hopelessly behind.
    let agentIdx = Math.floor(r() * shape.agents);
    for (let k = 0; k < 2; k++) {
      const other = Math.floor(r() * shape.agents);
      if (agentFreeAt[other] < agentFreeAt[agentIdx]) agentIdx = other;
    }
    const agent = `a${agentIdx}`;
    const answered = Math.max(at + wait + (answerQueue === queue ? 0 : 2000), agentFreeAt[agentIdx] + 1);
    const talk = Math.round(30_000 + -Math.log(1 - r()) * 150_000);
    const acw = Math.round(r() * 30_000);
    pending.push({ type: 'call.answered', t: answered, call, queue: answerQueue, agent });
    pending.push({ type: 'agent.state', t: answered, agent, state: 'on-call' });
    pending.push({
      type: 'call.ended',
      t: answered + talk,
      call,
      queue: answerQueue,
      agent,
      holdMs: r() < 0.2 ? 5000 : 0,
    });
    pending.push({ type: 'agent.state', t: answered + talk, agent, state: 'acw' });
    pending.push({ type: 'agent.state', t: answered + talk + acw, agent, state: 'available' });
    if (r() < 0.2) {
      pending.push({
        type: 'call.rated',
        t: answered + talk + 1000,
        call,
        queue: answerQueue,
        agent,
        score: 1 + Math.floor(r() * 5),
      });
    }
    agentFreeAt[agentIdx] = answered + talk + acw;
  }
  // Stable sort keeps each call's same-time events in lifecycle order.
  return pending.sort((x, y) => x.t - y.t);
}
