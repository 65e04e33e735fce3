/**
 * Erlang A (M/M/n+M): Poisson arrivals λ, exponential handle time 1/μ, n agents, FIFO, and every waiting
 * caller abandons after an exponential patience of mean 1/θ. Closed forms after Garnett, Mandelbaum &
 * Reiman, "Designing a call center with impatient customers", MSOM 4(3), 2002, with
 *   A = λ/μ, x = nμ/θ, y = λ/θ, J(x, y) = ∫₀¹ u^(x-1) e^(y(1-u)) du   (see special.ts), B = Erlang B(n, A):
 *
 *   P(wait)      = x·J(x,y) / (1/B - 1 + x·J(x,y))                  (PASTA: P(all n agents busy))
 *   P(abandon)   = P(wait)·(1 - J(x+1,y)/J(x,y))
 *   E[W]         = P(abandon)/θ                                      (Little's law on the queue)
 *   P(answered, W <= t) = 1 - P(wait) + P(wait)·[J(x+1,y) - u^(x+1) e^(y(1-u)) J(x+1, y·u)] / J(x,y),
 *                  u = e^(-θt)
 *   occupancy    = A·(1 - P(abandon)) / n
 *
 * The last line comes from the tagged caller: one who finds j callers ahead moves up at rate nμ + iθ with i
 * ahead, so e^(-θV) (V = time to reach an agent) is Beta(x, j+1) distributed, and the caller is answered
 * within t when V <= t and their own patience exceeds V. Summing over the stationary queue gives the
 * bracket. Everything is combined in log space, so the figures stay finite and accurate at 10,000 agents.
 */

import { lnErlangB } from './erlang-b.js';
import { erlangC } from './erlang-c.js';
import { clamp01, IDLE, type QueueFigures, type QueueModel, rates } from './model.js';
import { lnJ } from './special.js';

/**
 * Erlang A figures. Limits are returned exactly rather than approached numerically:
 * patienceSec = Infinity is Erlang C (pAbandon 0); patienceSec = 0 is Erlang B (whoever finds all agents
 * busy hangs up at once: pWait = pAbandon = B(n, A), no wait, every answered call within the threshold);
 * no agents means every call abandons after its patience (occupancy 1, like Erlang C's overload);
 * no calls gives the idle figures.
 */
export function erlangA(m: QueueModel & { patienceSec: number }): QueueFigures {
  const { load, lambda, agents: n, ahtSec, thresholdSec } = rates(m);
  const patience = m.patienceSec;
  if (Number.isNaN(patience) || patience < 0) {
    throw new RangeError(`patienceSec must be a number >= 0 (or Infinity), got ${patience}`);
  }
  if (patience === Number.POSITIVE_INFINITY) return erlangC(m);
  if (load === 0) return { ...IDLE };
  if (n === 0) {
    return {
      pWait: 1,
      pAbandon: 1,
      meanWaitSec: patience,
      slAnsweredWithinOverOffered: 0,
      slAnsweredWithinOverAnswered: 0,
      occupancy: 1,
    };
  }
  const lnB = lnErlangB(load, n);
  const b = Math.exp(lnB);
  if (patience === 0) {
    return {
      pWait: b,
      pAbandon: b,
      meanWaitSec: 0,
      slAnsweredWithinOverOffered: 1 - b,
      slAnsweredWithinOverAnswered: 1,
      occupancy: (load * (1 - b)) / n,
    };
  }

  const x = (n * patience) / ahtSec;
  const y = lambda * patience;
  const lnJx = lnJ(x, y);
  const lnJx1 = lnJ(x + 1, y);
  // P(wait) = 1 / (1 + r) with r = (1/B - 1) / (x·J), formed in logs: 1/B overflows when B underflows.
  const lnR = Math.log1p(-b) - lnB - Math.log(x) - lnJx;
  const pWait = clamp01(1 / (1 + Math.exp(lnR)));
  // Of the callers who wait, the share answered eventually is J(x+1,y)/J(x,y); expm1 keeps small abandon rates exact.
  const lnAnsweredShare = lnJx1 - lnJx;
  const pAbandon = clamp01(-pWait * Math.expm1(lnAnsweredShare));

  const thetaT = thresholdSec / patience;
  const lnLate = -(x + 1) * thetaT - y * Math.expm1(-thetaT) + lnJ(x + 1, y * Math.exp(-thetaT)) - lnJx;
  const answeredWithinAfterWaiting = Math.max(0, Math.exp(lnAnsweredShare) - Math.exp(lnLate));
  const slOffered = clamp01(1 - pWait + pWait * answeredWithinAfterWaiting);
  const answered = 1 - pAbandon;
  return {
    pWait,
    pAbandon,
    meanWaitSec: pAbandon * patience,
    slAnsweredWithinOverOffered: slOffered,
    slAnsweredWithinOverAnswered: answered > 0 ? clamp01(slOffered / answered) : 0,
    occupancy: clamp01((load * answered) / n),
  };
}
