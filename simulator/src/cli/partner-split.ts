/**
 * Each partner's calls split by origin, from the measured event stream, with the report's SL settings:
 * `direct` are the calls that arrived at the partner's own queues, `overflowIn` those that overflowed in
 * from another partner's (or an unowned) queue. The rules are the metrics engine's for a group scope
 * (DESIGN.md "Scopes"): a call counts once in a partner, offered when it enters the partner's queues,
 * its wait counted from that entry, its outcome the last one inside the partner; short abandons are taken
 * out of offered and abandoned. So direct + overflowIn is exactly the engine's `partner:ID` scope, and a
 * partner paid per FTE can be judged on its own calls (the "clean numbers").
 */
import { type SlFormula, serviceLevel, type WallboardEvent } from '@wallboard/metrics';

/** The calls of one origin in a partner. */
interface OriginCounts {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  /** Left the partner for another partner's queue. */
  overflowed: number;
  answeredWithin: number;
  abandonedWithin: number;
}

export interface OriginFigures extends OriginCounts {
  /** Under the report's SL formula; null when empty. */
  serviceLevel: number | null;
  asaSec: number | null;
}

interface Tally extends OriginCounts {
  waitAnsweredMs: number;
}

const tally = (): Tally => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  overflowed: 0,
  answeredWithin: 0,
  abandonedWithin: 0,
  waitAnsweredMs: 0,
});

interface InFlight {
  /** The tally of the partner the call is in now, and of its origin there; null outside any partner. */
  at: Tally | null;
  partner: string | undefined;
  enteredT: number;
  thresholdMs: number;
}

export interface PartnerSplitOptions {
  /** Owner of each queue (queues without one belong to no partner). */
  queuePartner: Record<string, string | undefined>;
  /** SL threshold of each queue in seconds (the report's: a flag for every queue, else the scenario's). */
  thresholdSec: Record<string, number>;
  shortAbandonSec: number;
  slFormula: SlFormula;
}

export class PartnerSplit {
  private readonly direct = new Map<string, Tally>();
  private readonly overflowIn = new Map<string, Tally>();
  private readonly calls = new Map<string, InFlight>();
  private readonly shortMs: number;

  constructor(private readonly o: PartnerSplitOptions) {
    this.shortMs = o.shortAbandonSec * 1000;
    for (const p of Object.values(o.queuePartner)) {
      if (p === undefined) continue;
      this.direct.set(p, tally());
      this.overflowIn.set(p, tally());
    }
  }

  /** Feed every measured event, in stream order. */
  push(e: WallboardEvent): void {
    switch (e.type) {
      case 'call.queued': {
        const partner = this.o.queuePartner[e.queue];
        const thresholdMs = (this.o.thresholdSec[e.queue] ?? 20) * 1000;
        const c = this.calls.get(e.call);
        if (c === undefined) {
          const at = partner === undefined ? null : this.direct.get(partner)!;
          if (at) at.offered++;
          this.calls.set(e.call, { at, partner, enteredT: e.t, thresholdMs });
          return;
        }
        // A visit after an overflow: a new partner counts the call from now, as overflow it received.
        c.thresholdMs = thresholdMs;
        if (partner === c.partner) return;
        if (c.at) c.at.overflowed++;
        c.partner = partner;
        c.at = partner === undefined ? null : this.overflowIn.get(partner)!;
        c.enteredT = e.t;
        if (c.at) c.at.offered++;
        return;
      }
      case 'call.answered': {
        const c = this.calls.get(e.call);
        if (!c?.at) return;
        const wait = Math.max(0, e.t - c.enteredT);
        c.at.answered++;
        c.at.waitAnsweredMs += wait;
        if (wait <= c.thresholdMs) c.at.answeredWithin++;
        return;
      }
      case 'call.abandoned': {
        const c = this.calls.get(e.call);
        this.calls.delete(e.call);
        if (!c?.at) return;
        const wait = Math.max(0, e.t - c.enteredT);
        if (wait < this.shortMs) {
          c.at.shortAbandoned++;
          c.at.offered--;
          return;
        }
        c.at.abandoned++;
        if (wait <= c.thresholdMs) c.at.abandonedWithin++;
        return;
      }
      case 'call.ended':
        this.calls.delete(e.call);
        return;
      default:
        return;
    }
  }

  /** Direct and overflow-in figures of a partner (zeros for one that owns no queue). */
  of(partner: string): { direct: OriginFigures; overflowIn: OriginFigures } {
    return {
      direct: this.figures(this.direct.get(partner) ?? tally()),
      overflowIn: this.figures(this.overflowIn.get(partner) ?? tally()),
    };
  }

  private figures(t: Tally): OriginFigures {
    const { waitAnsweredMs, ...counts } = t;
    return {
      ...counts,
      serviceLevel: serviceLevel(
        this.o.slFormula,
        t.answered,
        t.abandoned,
        t.answeredWithin,
        t.abandonedWithin,
      ),
      asaSec: t.answered > 0 ? waitAnsweredMs / t.answered / 1000 : null,
    };
  }
}
