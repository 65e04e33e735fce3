/**
 * A small, fixed call-center morning for the board stories: each queue gets calls answered within the
 * SL threshold, answered late, abandoned and still waiting, in counts the story chooses. The figures a
 * board shows are then known in advance (SL = within / (within + late + abandoned) under the default
 * "abandons count against" formula), so a story can check the engine and the widgets against them.
 */
import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import { FIXED_TIME } from './samples.js';

export interface QueueSpec {
  id: string;
  name: string;
  /** Answered within the threshold (waited 8 s). */
  within: number;
  /** Answered after the threshold (waited 45 s). */
  late: number;
  /** Hung up after 40 s (not a short abandon, not within the threshold). */
  abandoned: number;
  /** Still waiting at the end, the oldest for `waiting * 30` seconds. */
  waiting: number;
  agents: number;
}

export const WAIT_WITHIN_SEC = 8;
export const WAIT_LATE_SEC = 45;
export const PATIENCE_SEC = 40;
const TALK_SEC = 180;
const SPACING_MS = 5 * 60_000;

/** The SL the engine must report for a spec (default formula and threshold). */
export function expectedServiceLevel(q: QueueSpec): number | null {
  const denominator = q.within + q.late + q.abandoned;
  return denominator === 0 ? null : q.within / denominator;
}

/** Outcomes spread through the morning in a fixed, mixed order (not all late calls at the end). */
function outcomes(q: QueueSpec): Array<'within' | 'late' | 'abandoned'> {
  const list = [
    ...Array<'within'>(q.within).fill('within'),
    ...Array<'late'>(q.late).fill('late'),
    ...Array<'abandoned'>(q.abandoned).fill('abandoned'),
  ];
  // A fixed permutation: positions ordered by (i * 7) mod a prime larger than the list.
  const p = 101;
  return list
    .map((o, i) => ({ o, k: (i * 7) % p }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.o);
}

/** The events of the morning, in time order, ending at `end`. */
export function floorEvents(queues: readonly QueueSpec[], end = FIXED_TIME): WallboardEvent[] {
  const events: WallboardEvent[] = [];
  for (const q of queues) {
    const list = outcomes(q);
    const start = end - (list.length + 1) * SPACING_MS;
    const agent = (k: number) => `${q.id}-${k % q.agents}`;
    for (let k = 0; k < q.agents; k++) {
      events.push({
        type: 'agent.state',
        t: start - 60_000,
        agent: agent(k),
        state: 'available',
        queues: [q.id],
        name: `${q.name} agent ${k + 1}`,
        team: q.id,
      });
    }
    list.forEach((outcome, k) => {
      const call = `${q.id}-c${k}`;
      const t0 = start + k * SPACING_MS;
      events.push({ type: 'call.queued', t: t0, call, queue: q.id });
      if (outcome === 'abandoned') {
        events.push({ type: 'call.abandoned', t: t0 + PATIENCE_SEC * 1000, call, queue: q.id });
        return;
      }
      const answered = t0 + (outcome === 'within' ? WAIT_WITHIN_SEC : WAIT_LATE_SEC) * 1000;
      const ended = answered + TALK_SEC * 1000;
      events.push({ type: 'call.answered', t: answered, call, queue: q.id, agent: agent(k) });
      events.push({ type: 'agent.state', t: answered, agent: agent(k), state: 'on-call' });
      events.push({ type: 'call.ended', t: ended, call, queue: q.id, agent: agent(k) });
      events.push({ type: 'agent.state', t: ended, agent: agent(k), state: 'acw' });
      events.push({ type: 'agent.state', t: ended + 30_000, agent: agent(k), state: 'available' });
    });
    for (let w = 0; w < q.waiting; w++) {
      events.push({
        type: 'call.queued',
        t: end - (q.waiting - w) * 30_000,
        call: `${q.id}-w${w}`,
        queue: q.id,
      });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

/** A metrics engine that has seen the morning and stands at `end`. */
export function floorEngine(queues: readonly QueueSpec[], end = FIXED_TIME): MetricsEngine {
  const engine = new MetricsEngine({
    timeZone: 'Europe/Berlin',
    intervalMin: 30,
    queues: Object.fromEntries(queues.map((q) => [q.id, { name: q.name }])),
  });
  engine.pushMany(floorEvents(queues, end));
  engine.advanceTo(end);
  return engine;
}

/** Three queues: one ok, one warning (under the 80% target), one critical (under 60%) with callers waiting. */
export const MORNING: readonly QueueSpec[] = [
  { id: 'sales', name: 'Sales', within: 18, late: 2, abandoned: 0, waiting: 0, agents: 3 },
  { id: 'support', name: 'Support', within: 15, late: 4, abandoned: 1, waiting: 2, agents: 3 },
  { id: 'billing', name: 'Billing', within: 8, late: 5, abandoned: 3, waiting: 5, agents: 2 },
];
