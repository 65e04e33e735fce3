/** The inputs and outputs shared by Erlang C, Erlang A and staffing, in the units of the `erlang` command. */

export interface QueueModel {
  /** Offered calls per hour (Poisson arrivals). */
  callsPerHour: number;
  /** Mean handle time in seconds (exponential service). */
  ahtSec: number;
  /** Agents (servers), a whole number. */
  agents: number;
  /** Service-level threshold T in seconds; default 20. */
  thresholdSec?: number;
  /** Mean patience in seconds (exponential); Erlang A only. */
  patienceSec?: number;
}

export interface QueueFigures {
  /** P(an arriving call finds every agent busy and has to wait). */
  pWait: number;
  /** P(a call abandons before it is answered); always 0 for Erlang C. */
  pAbandon: number;
  /** E[W]: mean time in queue over all offered calls, answered or abandoned (the ASA of Erlang C). */
  meanWaitSec: number;
  /** P(answered with wait <= T), as a share of offered calls. */
  slAnsweredWithinOverOffered: number;
  /** P(answered with wait <= T | answered). Equal to the above for Erlang C. */
  slAnsweredWithinOverAnswered: number;
  /** Carried load per agent: offered Erlangs x (1 - pAbandon) / agents. */
  occupancy: number;
}

export const DEFAULT_THRESHOLD_SEC = 20;

/** The model checked and converted to per-second rates; throws a RangeError naming the bad field. */
export interface Rates {
  /** Offered load in Erlangs, λ / μ. */
  load: number;
  /** Arrival rate per second. */
  lambda: number;
  agents: number;
  ahtSec: number;
  thresholdSec: number;
}

export function rates(m: QueueModel): Rates {
  const { callsPerHour, ahtSec, agents } = m;
  const thresholdSec = m.thresholdSec ?? DEFAULT_THRESHOLD_SEC;
  if (!Number.isFinite(callsPerHour) || callsPerHour < 0) {
    throw new RangeError(`callsPerHour must be a finite number >= 0, got ${callsPerHour}`);
  }
  if (!Number.isFinite(ahtSec) || ahtSec <= 0) {
    throw new RangeError(`ahtSec must be a finite number > 0, got ${ahtSec}`);
  }
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`agents must be a whole number >= 0, got ${agents}`);
  }
  if (!Number.isFinite(thresholdSec) || thresholdSec < 0) {
    throw new RangeError(`thresholdSec must be a finite number >= 0, got ${thresholdSec}`);
  }
  const lambda = callsPerHour / 3600;
  return { load: lambda * ahtSec, lambda, agents, ahtSec, thresholdSec };
}

/** No calls offered: nobody waits, every (vacuous) call is within the threshold, agents are idle. */
export const IDLE: Readonly<QueueFigures> = Object.freeze({
  pWait: 0,
  pAbandon: 0,
  meanWaitSec: 0,
  slAnsweredWithinOverOffered: 1,
  slAnsweredWithinOverAnswered: 1,
  occupancy: 0,
});

/** Keeps a probability inside [0, 1] against rounding of the last bit. */
export function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
