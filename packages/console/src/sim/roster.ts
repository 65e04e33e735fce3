/**
 * Every agent's current state, from the `agent.state` events, for the agent board (the engine keeps
 * counts only). Lean events carry just the agent and state, so names, teams and skills are kept from the
 * agent's earlier full events. Memory is one row per agent.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import type { AgentRow } from '@wallboard/widgets';

/** The shape `wb-agent-board` takes as `agents` (the widget's own type: a type import, nothing in the worker). */
export type { AgentRow };

export class AgentRoster {
  private readonly rows = new Map<string, AgentRow>();
  private version = 0;
  private cached: { version: number; rows: AgentRow[] } | null = null;

  push(e: WallboardEvent): void {
    if (e.type !== 'agent.state') return;
    const prev = this.rows.get(e.agent);
    const next: AgentRow = {
      id: e.agent,
      name: e.name ?? prev?.name ?? e.agent,
      state: e.state,
      since: prev && prev.state === e.state ? prev.since : e.t,
    };
    const team = e.team ?? prev?.team;
    const partner = e.partner ?? prev?.partner;
    const queues = e.queues ?? prev?.queues;
    if (team !== undefined) next.team = team;
    if (partner !== undefined) next.partner = partner;
    if (queues !== undefined) next.queues = queues;
    this.rows.set(e.agent, next);
    this.version++;
  }

  /** The rows, in agent order; the same array while nothing changed. */
  list(): AgentRow[] {
    if (this.cached?.version !== this.version)
      this.cached = { version: this.version, rows: [...this.rows.values()] };
    return this.cached.rows;
  }

  get size(): number {
    return this.rows.size;
  }
}
