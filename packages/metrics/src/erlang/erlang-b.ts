/**
 * Erlang B (M/M/n/n): the probability that a call finds all n lines busy when `erlangs` of traffic are
 * offered. Computed with the classical recurrence B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)), which is
 * stable and never forms a^n or n! (those overflow past n = 170).
 */
import { lnGamma } from './special.js';

/** Below this B is carried on in log space, where it cannot underflow to 0. */
const LOG_SWITCH = 1e-280;

function checkArgs(erlangs: number, agents: number): void {
  if (!Number.isFinite(erlangs) || erlangs < 0) {
    throw new RangeError(`erlangs must be a finite number >= 0, got ${erlangs}`);
  }
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`agents must be a whole number >= 0, got ${agents}`);
  }
}

/** Blocking probability B(n, A) of Erlang's loss formula. */
export function erlangB(erlangs: number, agents: number): number {
  checkArgs(erlangs, agents);
  return Math.exp(lnErlangB(erlangs, agents));
}

/**
 * ln B(n, A). Exact in floating point even where B itself underflows (many agents, little traffic), which
 * Erlang A needs because it divides by B.
 */
export function lnErlangB(erlangs: number, agents: number): number {
  if (agents === 0) return 0;
  if (erlangs === 0) return Number.NEGATIVE_INFINITY;
  let b = 1;
  for (let k = 1; k <= agents; k++) {
    b = (erlangs * b) / (k + erlangs * b);
    if (b < LOG_SWITCH) {
      // From here a·B(k) < 1e-270 is negligible beside k, so B(n) = B(k) a^(n-k) k!/n! to machine precision.
      return Math.log(b) + (agents - k) * Math.log(erlangs) - (lnGamma(agents + 1) - lnGamma(k + 1));
    }
  }
  return Math.log(b);
}
