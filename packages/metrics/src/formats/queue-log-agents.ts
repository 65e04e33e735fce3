/**
 * Agent states synthesized from an Asterisk queue_log, which records logins, queue membership, pauses
 * and calls but never an agent "state". The derived state, in order of precedence:
 *   on a connected call -> `on-call`; not logged in -> `offline`; paused -> `break` (with the pause
 *   reason); otherwise `available`.
 * So an agent paused during a call stays `on-call` until the call completes, then goes to `break`; an
 * unpaused agent goes straight back to `available` (queue_log has no wrap-up record, so no `acw`).
 * An `agent.state` event is emitted only when the state, the reason or the queue list changes.
 */
import type { AgentStateEvent, AgentStateName } from '../events.js';

interface AgentTrack {
  loggedIn: boolean;
  paused: boolean;
  reason: string | undefined;
  queues: string[];
  calls: Set<string>;
  /** Key of the last emitted state, to emit on change only. */
  last: string;
}

export class AgentTracker {
  private readonly agents = new Map<string, AgentTrack>();

  private track(agent: string): AgentTrack {
    let a = this.agents.get(agent);
    if (!a) {
      a = { loggedIn: false, paused: false, reason: undefined, queues: [], calls: new Set(), last: '' };
      this.agents.set(agent, a);
    }
    return a;
  }

  login(agent: string): void {
    this.track(agent).loggedIn = true;
  }

  logoff(agent: string): void {
    const a = this.track(agent);
    a.loggedIn = false;
    a.paused = false;
    a.reason = undefined;
  }

  addQueue(agent: string, queue: string): void {
    const a = this.track(agent);
    if (!a.queues.includes(queue)) a.queues.push(queue);
    a.loggedIn = true;
  }

  /** Leaving the last queue logs the agent off. */
  removeQueue(agent: string, queue: string): void {
    const a = this.track(agent);
    a.queues = a.queues.filter((q) => q !== queue);
    if (a.queues.length === 0) this.logoff(agent);
  }

  pause(agent: string, reason: string | undefined): void {
    const a = this.track(agent);
    a.paused = true;
    a.reason = reason;
  }

  unpause(agent: string): void {
    const a = this.track(agent);
    a.paused = false;
    a.reason = undefined;
  }

  /**
   * A call connected to the agent: proof the agent is logged in even if the login predates the log,
   * and that it serves the call's queue (a static member from queues.conf has no ADDMEMBER line).
   */
  connect(agent: string, call: string, queue: string): void {
    const a = this.track(agent);
    a.loggedIn = true;
    a.calls.add(call);
    if (!a.queues.includes(queue)) a.queues.push(queue);
  }

  release(agent: string, call: string): void {
    this.track(agent).calls.delete(call);
  }

  /** The agent's state event at `t` if it changed since the last one emitted, else null. */
  emitIfChanged(agent: string, t: number): AgentStateEvent | null {
    const a = this.track(agent);
    let state: AgentStateName;
    let reason: string | undefined;
    if (a.calls.size > 0) state = 'on-call';
    else if (!a.loggedIn) state = 'offline';
    else if (a.paused) {
      state = 'break';
      reason = a.reason;
    } else state = 'available';
    const key = `${state}\u0000${reason ?? ''}\u0000${a.queues.join('\u0000')}`;
    if (key === a.last) return null;
    a.last = key;
    const ev: AgentStateEvent = { type: 'agent.state', t, agent, state };
    if (a.queues.length > 0) ev.queues = [...a.queues];
    if (reason !== undefined) ev.reason = reason;
    return ev;
  }
}
