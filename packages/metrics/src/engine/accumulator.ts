/**
 * The sums one scope keeps for one window, in a Float64Array so the hot path touches flat memory and
 * windows add up (rolling buckets, report totals) with one loop. Times are in milliseconds; agent times
 * in agent-milliseconds. Figures are derived only when a snapshot is taken.
 */
import type { SlFormula, WindowFigures } from '../types.js';

export const F = {
  /** Calls offered; a short abandon takes its call back out of the window that counted it. */
  offered: 0,
  answered: 1,
  /** Abandons that were not short. */
  abandoned: 2,
  shortAbandoned: 3,
  overflowed: 4,
  answeredWithin: 5,
  /** Abandons (not short) with wait <= T. */
  abandonedWithin: 6,
  waitAnswered: 7,
  waitAbandoned: 8,
  waitOverflowed: 9,
  waitShortAbandoned: 10,
  handled: 11,
  talk: 12,
  hold: 13,
  acw: 14,
  acwCount: 15,
  surveys: 16,
  surveysGood: 17,
  /** Agent time by state (index = AGENT_STATES order: offline, available, on-call, acw, break, other). */
  timeOffline: 18,
  timeAvailable: 19,
  timeOnCall: 20,
  timeAcw: 21,
  timeBreak: 22,
  timeOther: 23,
  /** Window time over which agent time was integrated (denominator of avgStaffed). */
  covered: 24,
} as const;

export const FIELD_COUNT = 25;
/** Offset of agent-state time fields: F.timeOffline + state index. */
export const TIME_BASE = F.timeOffline;

export type Acc = Float64Array;

export function newAcc(): Acc {
  return new Float64Array(FIELD_COUNT);
}

export function addInto(target: Acc, source: Acc): void {
  for (let i = 0; i < FIELD_COUNT; i++) target[i] += source[i];
}

export function isEmpty(acc: Acc): boolean {
  for (let i = 0; i < FIELD_COUNT; i++) if (acc[i] !== 0) return false;
  return true;
}

function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

function clamp01(x: number | null): number | null {
  return x === null ? null : x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Service level under each formula of DESIGN.md "Metrics" (short abandons already excluded). */
export function serviceLevel(
  formula: SlFormula,
  answered: number,
  abandoned: number,
  answeredWithin: number,
  abandonedWithin: number,
): number | null {
  switch (formula) {
    case 'abandons-count-against':
      return ratio(answeredWithin, answered + abandoned);
    case 'answered-only':
      return ratio(answeredWithin, answered);
    case 'ignore-early-abandons':
      return ratio(answeredWithin, answered + abandoned - abandonedWithin);
    case 'early-abandons-count-for':
      return ratio(answeredWithin + abandonedWithin, answered + abandoned);
  }
}

/** Derives the published figures of one window. Every empty ratio is null. */
export function figures(acc: Acc, formula: SlFormula): WindowFigures {
  const answered = acc[F.answered];
  const abandoned = acc[F.abandoned];
  const handled = acc[F.handled];
  const acwCount = acc[F.acwCount];
  const attMs = ratio(acc[F.talk], handled);
  const acwMs = ratio(acc[F.acw], acwCount);
  const busy = acc[F.timeOnCall] + acc[F.timeAcw];
  const staffedTime = agentTimeStaffed(acc);
  // No agent time at all (not even offline): no agent state describes this scope (a CDR feed), so the
  // FTE held is unknown, not 0. An agent known but offline all window does give 0.
  const agentTime = staffedTime + acc[F.timeOffline];
  return {
    offered: acc[F.offered],
    answered,
    abandoned,
    shortAbandoned: acc[F.shortAbandoned],
    overflowed: acc[F.overflowed],
    answeredWithin: acc[F.answeredWithin],
    abandonedWithin: acc[F.abandonedWithin],
    handled,
    surveys: acc[F.surveys],
    serviceLevel: clamp01(
      serviceLevel(formula, answered, abandoned, acc[F.answeredWithin], acc[F.abandonedWithin]),
    ),
    asaSec: sec(ratio(acc[F.waitAnswered], answered)),
    ataSec: sec(ratio(acc[F.waitAbandoned], abandoned)),
    attSec: sec(attMs),
    acwSec: sec(acwMs),
    // Handle time = talk + ACW; where no agent states tell the ACW (a CDR feed), it is talk alone.
    ahtSec: attMs === null ? null : sec(attMs + (acwMs ?? 0)),
    abandonRate: clamp01(ratio(abandoned, answered + abandoned)),
    occupancy: clamp01(ratio(busy, busy + acc[F.timeAvailable])),
    csat: ratio(acc[F.surveysGood], acc[F.surveys]),
    avgStaffed: agentTime > 0 ? ratio(staffedTime, acc[F.covered]) : null,
  };
}

function agentTimeStaffed(acc: Acc): number {
  return acc[F.timeAvailable] + acc[F.timeOnCall] + acc[F.timeAcw] + acc[F.timeBreak] + acc[F.timeOther];
}

function sec(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}

/** All calls' waiting time and all abandons: the estimate of mean patience is their ratio. */
export function patienceSec(acc: Acc): number | null {
  const abandons = acc[F.abandoned] + acc[F.shortAbandoned];
  const wait = acc[F.waitAnswered] + acc[F.waitAbandoned] + acc[F.waitOverflowed] + acc[F.waitShortAbandoned];
  return abandons > 0 ? wait / abandons / 1000 : null;
}
