/**
 * Staffing: the fewest agents whose service level meets a target (and, optionally, whose occupancy and
 * abandon rate stay at or below caps), under Erlang C or Erlang A.
 *
 * Every criterion is monotone in the number of agents (SL rises, occupancy and P(abandon) fall: checked by
 * property tests), so the answer is found by doubling from the offered load and then bisecting: about
 * log2(load) + 2 model evaluations of O(n) each, well under a millisecond at 10,000 agents.
 */
import { erlangA } from './erlang-a.js';
import { erlangC } from './erlang-c.js';
import { DEFAULT_THRESHOLD_SEC, type QueueFigures, rates } from './model.js';

export interface StaffingRequest {
  callsPerHour: number;
  ahtSec: number;
  /** Service-level target as a fraction, 0 < target < 1 (0.8 for 80/20). */
  target: number;
  /** Default 20 s. */
  thresholdSec?: number;
  /** Mean patience in seconds; when given (and finite) the default model is Erlang A. */
  patienceSec?: number;
  /** Optional occupancy cap, 0 < maxOccupancy <= 1. */
  maxOccupancy?: number;
  /**
   * Optional cap on P(abandon), 0 < maxAbandon <= 1 (Erlang A). Worth setting when patience is short
   * against the handle time: then an SL target alone can be met by an overloaded queue whose abandons keep
   * the wait short (e.g. 50,000 calls/h x 720 s with 120 s patience meets 80/20 with 8,769 agents for
   * 10,000 Erlangs, 12% abandoning, 100% occupancy).
   */
  maxAbandon?: number;
  /** Default: 'A' when a finite patienceSec is given, else 'C'. */
  model?: 'A' | 'C';
  /** Which SL the target applies to; default 'offered' (answered within T / offered). */
  slDefinition?: 'offered' | 'answered';
}

export type StaffingResult = { agents: number; model: 'A' | 'C' } & QueueFigures;

/** Offered loads above this would need millions of agents: out of the range these formulas serve live. */
export const MAX_STAFFING_LOAD = 1_000_000;

/**
 * The fewest agents meeting the target, with the figures at that staffing. With no calls offered the answer
 * is 0 agents (and the idle figures).
 */
export function staff(r: StaffingRequest): StaffingResult {
  const { target, maxOccupancy, maxAbandon, slDefinition = 'offered' } = r;
  const thresholdSec = r.thresholdSec ?? DEFAULT_THRESHOLD_SEC;
  const { load } = rates({ callsPerHour: r.callsPerHour, ahtSec: r.ahtSec, agents: 0, thresholdSec });
  if (!(target > 0 && target < 1)) {
    throw new RangeError(`target must be a fraction between 0 and 1 (exclusive), got ${target}`);
  }
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1], got ${maxOccupancy}`);
  }
  if (maxAbandon !== undefined && !(maxAbandon > 0 && maxAbandon <= 1)) {
    throw new RangeError(`maxAbandon must be in (0, 1], got ${maxAbandon}`);
  }
  if (slDefinition !== 'offered' && slDefinition !== 'answered') {
    throw new RangeError(`slDefinition must be 'offered' or 'answered', got ${String(slDefinition)}`);
  }
  if (load > MAX_STAFFING_LOAD) {
    throw new RangeError(`offered load ${load} Erlangs is beyond the supported ${MAX_STAFFING_LOAD}`);
  }
  const patienceSec = r.patienceSec;
  if (patienceSec !== undefined && (Number.isNaN(patienceSec) || patienceSec < 0)) {
    throw new RangeError(`patienceSec must be a number >= 0 (or Infinity), got ${patienceSec}`);
  }
  const model = r.model ?? (patienceSec !== undefined && Number.isFinite(patienceSec) ? 'A' : 'C');
  if (model === 'A' && patienceSec === undefined) throw new RangeError('model A needs patienceSec');

  const figuresAt = (agents: number): QueueFigures => {
    const m = { callsPerHour: r.callsPerHour, ahtSec: r.ahtSec, agents, thresholdSec };
    return model === 'A' ? erlangA({ ...m, patienceSec: patienceSec as number }) : erlangC(m);
  };
  const meets = (f: QueueFigures): boolean =>
    (slDefinition === 'offered' ? f.slAnsweredWithinOverOffered : f.slAnsweredWithinOverAnswered) >= target &&
    (maxOccupancy === undefined || f.occupancy <= maxOccupancy) &&
    (maxAbandon === undefined || f.pAbandon <= maxAbandon);

  if (load === 0) return { agents: 0, model, ...figuresAt(0) };
  // Invariant: `fail` does not meet the target, `pass` does. With no agents SL is 0 (every call waits
  // forever or abandons); under Erlang C every n <= load is unstable, so SL is 0 there too.
  let fail = model === 'C' ? Math.floor(load) : 0;
  let pass = Math.max(fail + 1, Math.ceil(load));
  let passFigures = figuresAt(pass);
  while (!meets(passFigures)) {
    fail = pass;
    pass *= 2;
    passFigures = figuresAt(pass);
  }
  while (pass - fail > 1) {
    const mid = Math.floor((pass + fail) / 2);
    const f = figuresAt(mid);
    if (meets(f)) {
      pass = mid;
      passFigures = f;
    } else {
      fail = mid;
    }
  }
  return { agents: pass, model, ...passFigures };
}
