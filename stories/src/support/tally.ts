/**
 * An independent count of a queue's service level straight from the events, written from DESIGN.md
 * "Metrics" and sharing no code with the metrics engine. Scenario stories compare what the board shows
 * (simulator -> engine -> widgets) with it.
 *
 * Per-queue scope, one day, the default formula: SL = answeredWithin / (answered + abandoned), where a
 * call counts at every queue it visits, abandons shorter than `shortAbandonSec` are left out, and an
 * overflowed call is neither answered nor abandoned in the queue it left.
 */
import type { WallboardEvent } from '@wallboard/metrics';

interface QueueCount {
  answered: number;
  answeredWithin: number;
  abandoned: number;
}

export class ServiceLevelTally {
  readonly #queuedAt = new Map<string, number>();
  readonly #counts = new Map<string, QueueCount>();

  /** `thresholdSec` of each queue (a scenario may set its own per queue). */
  constructor(
    readonly thresholdSec: (queue: string) => number = () => 20,
    readonly shortAbandonSec = 5,
  ) {}

  add(e: WallboardEvent): void {
    if (e.type === 'call.queued') {
      this.#queuedAt.set(`${e.call}@${e.queue}`, e.t);
      return;
    }
    if (e.type !== 'call.answered' && e.type !== 'call.abandoned') return;
    const queuedAt = this.#queuedAt.get(`${e.call}@${e.queue}`);
    if (queuedAt === undefined) return;
    const waitSec = (e.t - queuedAt) / 1000;
    const c = this.#count(e.queue);
    if (e.type === 'call.answered') {
      c.answered++;
      if (waitSec <= this.thresholdSec(e.queue)) c.answeredWithin++;
    } else if (!(this.shortAbandonSec > 0 && waitSec < this.shortAbandonSec)) {
      c.abandoned++;
    }
  }

  serviceLevel(queue: string): number | null {
    const c = this.#counts.get(queue);
    if (!c || c.answered + c.abandoned === 0) return null;
    return c.answeredWithin / (c.answered + c.abandoned);
  }

  #count(queue: string): QueueCount {
    let c = this.#counts.get(queue);
    if (!c) this.#counts.set(queue, (c = { answered: 0, answeredWithin: 0, abandoned: 0 }));
    return c;
  }
}
