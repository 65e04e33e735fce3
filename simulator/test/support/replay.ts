/**
 * An independent referee for simulator output: rebuilds queues, calls and agents from the event stream
 * alone and records every broken rule (schema, call life cycle, agent states, routing). Tests assert that
 * the list of violations is empty.
 */
import { validateEvent, type WallboardEvent } from '@wallboard/metrics';

interface AgentView {
  state: string;
  queues: string[];
  /** Order in which the agent last became available (smaller = idle longer). */
  idleSeq: number;
  call: string | null;
}

interface CallView {
  queue: string;
  status: 'waiting' | 'talking' | 'ended' | 'abandoned';
  queuedT: number;
  /** Order in which it entered its current queue. */
  seq: number;
  agent: string | null;
}

export interface ReplayOptions {
  /** Queue priorities (default 0). */
  priority?: Record<string, number>;
  /** Check at every new instant that no call waits beside an idle qualified agent (O(agents) each). */
  instants?: boolean;
}

export class Replay {
  readonly violations: string[] = [];
  readonly agents = new Map<string, AgentView>();
  readonly calls = new Map<string, CallView>();
  /** Longest number of calls waiting at once, per queue. */
  readonly maxWaiting = new Map<string, number>();
  counts = { answered: 0, callDriven: 0, agentDriven: 0, abandoned: 0, overflowed: 0, events: 0 };
  private lastT = Number.NEGATIVE_INFINITY;
  private seq = 0;
  private previous: WallboardEvent | null = null;
  /** A call just ended: kept until the next event, which may be its rating. */
  private justEnded: string | null = null;

  constructor(private readonly options: ReplayOptions = {}) {}

  private fail(e: WallboardEvent, msg: string) {
    if (this.violations.length < 50) this.violations.push(`${e.type} t=${e.t} ${JSON.stringify(e)}: ${msg}`);
  }

  private waiting(queue: string): CallView[] {
    const out: CallView[] = [];
    for (const c of this.calls.values()) if (c.status === 'waiting' && c.queue === queue) out.push(c);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** At each new instant: no call may wait while an agent skilled in its queue is available. */
  private checkInstant(e: WallboardEvent) {
    const waitingQueues = new Set<string>();
    for (const c of this.calls.values()) if (c.status === 'waiting') waitingQueues.add(c.queue);
    for (const [id, a] of this.agents) {
      if (a.state !== 'available') continue;
      for (const q of a.queues) {
        if (waitingQueues.has(q)) this.fail(e, `before t: ${id} available while a call waits in ${q}`);
      }
    }
    for (const q of waitingQueues) {
      const n = this.waiting(q).length;
      if (n > (this.maxWaiting.get(q) ?? 0)) this.maxWaiting.set(q, n);
    }
  }

  push(e: WallboardEvent): void {
    this.counts.events++;
    if (this.justEnded !== null && !(e.type === 'call.rated' && e.call === this.justEnded)) {
      this.calls.delete(this.justEnded);
    }
    this.justEnded = null;
    const v = validateEvent(JSON.parse(JSON.stringify(e)));
    if (!v.ok) this.fail(e, `schema: ${v.detail}`);
    if (e.t < this.lastT) this.fail(e, 'time went backwards');
    if (e.t > this.lastT && this.lastT !== Number.NEGATIVE_INFINITY && this.options.instants !== false)
      this.checkInstant(e);
    this.lastT = e.t;
    switch (e.type) {
      case 'call.queued': {
        const c = this.calls.get(e.call);
        if (c && !(c.status === 'waiting' && this.previous?.type === 'call.overflowed')) {
          this.fail(e, 'queued again without an overflow');
        }
        this.calls.set(e.call, {
          queue: e.queue,
          status: 'waiting',
          queuedT: e.t,
          seq: this.seq++,
          agent: null,
        });
        break;
      }
      case 'call.overflowed': {
        const c = this.calls.get(e.call);
        if (c?.status !== 'waiting' || c.queue !== e.queue)
          this.fail(e, 'overflow of a call not waiting there');
        this.counts.overflowed++;
        break;
      }
      case 'call.abandoned': {
        const c = this.calls.get(e.call);
        if (c?.status !== 'waiting' || c.queue !== e.queue)
          this.fail(e, 'abandon of a call not waiting there');
        else c.status = 'abandoned';
        this.counts.abandoned++;
        this.calls.delete(e.call);
        break;
      }
      case 'call.answered':
        this.answered(e);
        break;
      case 'call.ended': {
        const c = this.calls.get(e.call);
        const a = this.agents.get(e.agent);
        if (c?.status !== 'talking' || c.agent !== e.agent)
          this.fail(e, 'end of a call not in talk with that agent');
        if (!a || a.call !== e.call) this.fail(e, 'agent was not on this call');
        if (a) a.call = null;
        if (c) c.status = 'ended';
        this.justEnded = e.call;
        break;
      }
      case 'call.rated': {
        const c = this.calls.get(e.call);
        if (c?.status !== 'ended' || this.previous?.type !== 'call.ended')
          this.fail(e, 'rating not right after its end');
        this.calls.delete(e.call);
        break;
      }
      case 'agent.state':
        this.agentState(e);
        break;
    }
    this.previous = e;
  }

  private answered(e: Extract<WallboardEvent, { type: 'call.answered' }>) {
    this.counts.answered++;
    const c = this.calls.get(e.call);
    const a = this.agents.get(e.agent);
    if (c?.status !== 'waiting' || c.queue !== e.queue) {
      this.fail(e, 'answer of a call not waiting in that queue');
      return;
    }
    if (!a) {
      this.fail(e, 'unknown agent');
      return;
    }
    if (!a.queues.includes(e.queue)) this.fail(e, `${e.agent} is not skilled in ${e.queue}`);
    if (a.call !== null) this.fail(e, `${e.agent} is already on ${a.call}`);
    const prev = this.previous;
    const callDriven = prev?.type === 'call.queued' && prev.call === e.call && prev.t === e.t;
    if (callDriven) {
      // The call just arrived: it must go to the longest-idle available agent skilled in its queue.
      this.counts.callDriven++;
      if (a.state !== 'available') this.fail(e, 'a new call went to an agent who was not available');
      let best: string | null = null;
      let bestSeq = Number.POSITIVE_INFINITY;
      for (const [id, other] of this.agents) {
        if (other.state === 'available' && other.queues.includes(e.queue) && other.idleSeq < bestSeq) {
          best = id;
          bestSeq = other.idleSeq;
        }
      }
      if (best !== e.agent) this.fail(e, `longest-idle qualified agent was ${best}`);
    } else {
      // The agent just became free: it must take the oldest call of its best queue (priority, then skill order).
      this.counts.agentDriven++;
      const prio = this.options.priority ?? {};
      let bestQueue: string | null = null;
      for (const q of a.queues) {
        if (this.waiting(q).length === 0) continue;
        if (bestQueue === null || (prio[q] ?? 0) > (prio[bestQueue] ?? 0)) bestQueue = q;
      }
      if (bestQueue !== e.queue) this.fail(e, `agent should have served ${bestQueue}`);
      else if (this.waiting(e.queue)[0] !== c) this.fail(e, 'not the oldest waiting call of its queue');
    }
    c.status = 'talking';
    c.agent = e.agent;
    a.call = e.call;
  }

  private agentState(e: Extract<WallboardEvent, { type: 'agent.state' }>) {
    let a = this.agents.get(e.agent);
    if (!a) {
      a = { state: 'offline', queues: e.queues ?? [], idleSeq: 0, call: null };
      this.agents.set(e.agent, a);
    }
    // Logins, breaks and log-offs say who the agent is; call-handling changes may leave it out.
    const routine =
      e.state === 'on-call' ||
      e.state === 'acw' ||
      (e.state === 'available' && a.state !== 'offline' && a.state !== 'break');
    if (!routine && (!e.name || !e.team || !e.queues))
      this.fail(e, 'agent.state without name, team and queues');
    if (e.queues) a.queues = e.queues;
    // The same state again restates it (the warm-up does so for measuring consumers): nothing changes.
    if (e.state === a.state && e.state !== 'on-call') return;
    if (
      e.state === 'on-call' &&
      a.state === 'on-call' &&
      a.call !== null &&
      this.previous?.type !== 'call.answered'
    )
      return;
    if (e.state === 'on-call') {
      const prev = this.previous;
      if (!(prev?.type === 'call.answered' && prev.agent === e.agent))
        this.fail(e, 'on-call not right after an answer');
    } else if (a.call !== null && e.state !== 'offline') {
      this.fail(e, `${e.state} while still on ${a.call}`);
    }
    if (
      e.state === 'acw' &&
      !(this.previous?.type === 'call.ended' || this.previous?.type === 'call.rated')
    ) {
      this.fail(e, 'acw not right after a call end');
    }
    if (e.state === 'offline' && a.call !== null) this.fail(e, 'offline while on a call');
    if (e.state === 'available' && a.state !== 'available') a.idleSeq = this.seq++;
    a.state = e.state;
  }
}
