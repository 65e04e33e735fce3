/**
 * Which partner owns which scope, learnt from the events the engine is fed: a queue belongs to the
 * partner its `call.queued` events name; a team to the partner of its agents (while they all have the
 * same one). Tokens scoped to `partner:ID` see these scopes and nothing else.
 */
import type { QueueConfig } from '@wallboard/metrics';
import type { Owners } from './types.js';

export class OwnerTracker {
  private owners: Record<string, string> = {};
  private readonly teamPartners = new Map<string, Set<string>>();
  /** Queues whose owner is configured (`--queues`): events never change it. */
  private readonly configured = new Set<string>();
  /** Scope keys whose owner changed since the last `take()`. */
  private readonly changed = new Set<string>();

  constructor(queues: Readonly<Record<string, QueueConfig>> = {}) {
    for (const [q, cfg] of Object.entries(queues)) {
      if (!cfg.partner) continue;
      this.configured.add(q);
      this.owners[`queue:${q}`] = cfg.partner;
    }
  }

  /** Looks at one event (already decoded; anything malformed is the engine's to reject). */
  observe(e: unknown): void {
    if (typeof e !== 'object' || e === null) return;
    const ev = e as Record<string, unknown>;
    const partner = ev.partner;
    if (typeof partner !== 'string' || partner === '') return;
    if (ev.type === 'call.queued' && typeof ev.queue === 'string') {
      if (!this.configured.has(ev.queue)) this.set(`queue:${ev.queue}`, partner);
    } else if (ev.type === 'agent.state' && typeof ev.team === 'string' && ev.team !== '') {
      let set = this.teamPartners.get(ev.team);
      if (!set) this.teamPartners.set(ev.team, (set = new Set()));
      if (set.has(partner)) return;
      set.add(partner);
      // A team shared by several partners belongs to none of them.
      if (set.size === 1) this.set(`team:${ev.team}`, partner);
      else this.unset(`team:${ev.team}`);
    }
  }

  /** The current owners and the keys that changed since the previous call. */
  take(): { owners: Owners; changed: ReadonlySet<string> } {
    const changed = new Set(this.changed);
    this.changed.clear();
    return { owners: this.owners, changed };
  }

  private set(key: string, partner: string): void {
    if (this.owners[key] === partner) return;
    // Copy on write: published states keep the map they were made with.
    this.owners = { ...this.owners, [key]: partner };
    this.changed.add(key);
  }

  private unset(key: string): void {
    if (!(key in this.owners)) return;
    const { [key]: _, ...rest } = this.owners;
    this.owners = rest;
    this.changed.add(key);
  }
}
