/**
 * The simulator's own tallies of measured calls (those arriving after the warm-up), kept in flat
 * Float64Arrays so counting costs a few adds per event and nothing is allocated. They make the
 * summary-only mode possible (no event objects at all) and give the validation tests their
 * estimators (P(wait), P(abandon), E[W], SL, occupancy) without going through the metrics engine.
 */

/** Per queue visit (a call that overflows counts in each queue it visits). */
export const Q_OFFERED = 0;
export const Q_ANSWERED = 1;
export const Q_ABANDONED = 2;
export const Q_OVERFLOWED = 3;
/** Answered with a wait (in this queue) <= the queue's SL threshold. */
export const Q_ANSWERED_WITHIN = 4;
/** Visits that could not be answered at once. */
export const Q_WAITED = 5;
export const Q_WAIT_ANSWERED_MS = 6;
export const Q_WAIT_ABANDONED_MS = 7;
export const Q_HANDLED = 8;
export const Q_TALK_MS = 9;
export const Q_SURVEYS = 10;
export const Q_SURVEYS_GOOD = 11;
export const Q_WAIT_OVERFLOWED_MS = 12;
/** The part of the visits above made by calls that overflowed in from another queue. */
export const Q_IN_OFFERED = 13;
export const Q_IN_ANSWERED = 14;
export const Q_IN_ABANDONED = 15;
export const Q_IN_WITHIN = 16;
export const Q_FIELDS = 17;

/** Per call, once, from its first arrival to its final outcome (waits since arrival). */
export const C_OFFERED = 0;
export const C_ANSWERED = 1;
export const C_ABANDONED = 2;
/** Answered within the first queue's SL threshold of the arrival. */
export const C_ANSWERED_WITHIN = 3;
/** Answered the moment it arrived, in its first queue. */
export const C_IMMEDIATE = 4;
export const C_WAIT_ANSWERED_MS = 5;
export const C_WAIT_ABANDONED_MS = 6;
export const C_FIELDS = 7;

/** Visits of one origin: calls that arrived at the queue, or that overflowed into it. */
export interface VisitTotals {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithin: number;
  /** answeredWithin / (answered + abandoned); null when empty. */
  serviceLevel: number | null;
}

export interface QueueTotals {
  offered: number;
  answered: number;
  abandoned: number;
  overflowed: number;
  answeredWithin: number;
  waited: number;
  handled: number;
  /** answeredWithin / (answered + abandoned), abandons count against; null when empty. */
  serviceLevel: number | null;
  asaSec: number | null;
  ataSec: number | null;
  attSec: number | null;
  abandonRate: number | null;
  csat: number | null;
  surveys: number;
  /** Calls that arrived at this queue (its own traffic), and calls that overflowed into it. */
  direct: VisitTotals;
  overflowIn: VisitTotals;
}

export interface CallTotals {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithin: number;
  /** Share of calls that had to wait (Erlang's P(wait)). */
  pWait: number | null;
  /** abandoned / (answered + abandoned) (Erlang A's P(abandon)). */
  pAbandon: number | null;
  /** Mean time in queue over all offered calls, abandons included (Erlang's E[W]). */
  meanWaitSec: number | null;
  /** Answered within the threshold over offered. */
  slAnsweredWithinOverOffered: number | null;
  /** Answered within the threshold over answered. */
  slAnsweredWithinOverAnswered: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function visits(
  offered: number,
  answered: number,
  abandoned: number,
  answeredWithin: number,
): VisitTotals {
  return {
    offered,
    answered,
    abandoned,
    answeredWithin,
    serviceLevel: ratio(answeredWithin, answered + abandoned),
  };
}

export class Stats {
  readonly queue: Float64Array;
  readonly call = new Float64Array(C_FIELDS);
  /** Measured agent time per state (index = state number), in ms, summed over agents. */
  readonly stateMs = new Float64Array(6);

  constructor(readonly queueCount: number) {
    this.queue = new Float64Array(queueCount * Q_FIELDS);
  }

  queueTotals(q: number): QueueTotals {
    const s = this.queue;
    const o = q * Q_FIELDS;
    const answered = s[o + Q_ANSWERED];
    const abandoned = s[o + Q_ABANDONED];
    const handled = s[o + Q_HANDLED];
    return {
      offered: s[o + Q_OFFERED],
      answered,
      abandoned,
      overflowed: s[o + Q_OVERFLOWED],
      answeredWithin: s[o + Q_ANSWERED_WITHIN],
      waited: s[o + Q_WAITED],
      handled,
      serviceLevel: ratio(s[o + Q_ANSWERED_WITHIN], answered + abandoned),
      asaSec: answered > 0 ? s[o + Q_WAIT_ANSWERED_MS] / answered / 1000 : null,
      ataSec: abandoned > 0 ? s[o + Q_WAIT_ABANDONED_MS] / abandoned / 1000 : null,
      attSec: handled > 0 ? s[o + Q_TALK_MS] / handled / 1000 : null,
      abandonRate: ratio(abandoned, answered + abandoned),
      csat: ratio(s[o + Q_SURVEYS_GOOD], s[o + Q_SURVEYS]),
      surveys: s[o + Q_SURVEYS],
      direct: visits(
        s[o + Q_OFFERED] - s[o + Q_IN_OFFERED],
        answered - s[o + Q_IN_ANSWERED],
        abandoned - s[o + Q_IN_ABANDONED],
        s[o + Q_ANSWERED_WITHIN] - s[o + Q_IN_WITHIN],
      ),
      overflowIn: visits(
        s[o + Q_IN_OFFERED],
        s[o + Q_IN_ANSWERED],
        s[o + Q_IN_ABANDONED],
        s[o + Q_IN_WITHIN],
      ),
    };
  }

  /**
   * Call-level ratios over calls with an outcome (answered or abandoned): calls still waiting or talking
   * when the run stops have no outcome yet and would bias every ratio down.
   */
  callTotals(): CallTotals {
    const c = this.call;
    const answered = c[C_ANSWERED];
    const done = answered + c[C_ABANDONED];
    return {
      offered: c[C_OFFERED],
      answered,
      abandoned: c[C_ABANDONED],
      answeredWithin: c[C_ANSWERED_WITHIN],
      pWait: ratio(done - c[C_IMMEDIATE], done),
      pAbandon: ratio(c[C_ABANDONED], done),
      meanWaitSec: done > 0 ? (c[C_WAIT_ANSWERED_MS] + c[C_WAIT_ABANDONED_MS]) / done / 1000 : null,
      slAnsweredWithinOverOffered: ratio(c[C_ANSWERED_WITHIN], done),
      slAnsweredWithinOverAnswered: ratio(c[C_ANSWERED_WITHIN], answered),
    };
  }

  /** (on-call + ACW) / (on-call + ACW + available) over measured agent time. */
  occupancy(): number | null {
    const m = this.stateMs;
    const busy = m[2] + m[3];
    return ratio(busy, busy + m[1]);
  }
}
