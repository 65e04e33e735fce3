/**
 * Which partner owns which scope, for tokens scoped to `partner:ID` (they see these scopes and nothing
 * else). A queue configured with a partner (`--queues`) is that partner's whatever the events say;
 * otherwise a queue belongs to the partner its `call.queued` events name, and a team to the partner of
 * its agents, while they all name the same one: a queue or team seen with two partners belongs to
 * neither (only `*`, an exact `queue:ID`/`team:ID` grant or a prefix grant shows it), so its owner never
 * flips from call to call. Only events the engine accepted are observed.
 */
import type { QueueConfig } from '@wallboard/metrics';
import type { Owners } from './types.js';

export class OwnerTracker {
  private owners: Record<string, string> = {};
  /** Partners seen per unconfigured queue (`queue:ID`) and per team (`team:ID`). */
  private readonly seen = new Map<string, Set<string>>();
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

  /** Looks at one event the engine accepted. */
  observe(e: unknown): void {
    if (typeof e !== 'object' || e === null) return;
    const ev = e as Record<string, unknown>;
    const partner = ev.partner;
    if (typeof partner !== 'string' || partner === '') return;
    if (ev.type === 'call.queued' && typeof ev.queue === 'string') {
      if (!this.configured.has(ev.queue)) this.saw(`queue:${ev.queue}`, partner);
    } else if (ev.type === 'agent.state' && typeof ev.team === 'string' && ev.team !== '')
      this.saw(`team:${ev.team}`, partner);
  }

  private saw(key: string, partner: string): void {
    let set = this.seen.get(key);
    if (!set) this.seen.set(key, (set = new Set()));
    if (set.has(partner)) return;
    set.add(partner);
    // Shared by several partners: it belongs to none of them (and stays so).
    if (set.size === 1) this.set(key, partner);
    else this.unset(key);
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
