/**
 * Erlang A (M/M/n+M): Poisson arrivals λ, exponential handle time 1/μ, n agents, FIFO, and every waiting
 * caller abandons after an exponential patience of mean 1/θ. Closed forms after Garnett, Mandelbaum &
 * Reiman, "Designing a call center with impatient customers", MSOM 4(3), 2002, with
 *   A = λ/μ, x = nμ/θ, y = λ/θ, J(x, y) = ∫₀¹ u^(x-1) e^(y(1-u)) du   (see special.ts), B = Erlang B(n, A):
 *
 *   P(wait)      = x·J(x,y) / (1/B - 1 + x·J(x,y))                  (PASTA: P(all n agents busy))
 *   P(abandon)   = P(wait)·(1 - J(x+1,y)/J(x,y)) = P(wait)·((y - x) + 1/J(x,y)) / y
 *   E[W]         = P(abandon)/θ                                      (Little's law on the queue)
 *   P(answered, W <= t) = 1 - P(wait) + P(wait)·K/J(x,y),   K = ∫_u^1 s^x e^(y(1-s)) ds,  u = e^(-θt)
 *                = 1 - P(wait) + P(wait)·[J(x+1,y) - u^(x+1) e^(y(1-u)) J(x+1, y·u)] / J(x,y)
 *                = 1 - P(wait) + P(wait)·[u^(x+1) e^(y(1-u)) H(x+1, y·u) - H(x+1,y)] / J(x,y)
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
import { lnGamma, lnH, lnJ } from './special.js';

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
  // P(wait) = 1/(1 + r) with r = (1/B - 1)/(x·J), formed in logs (1/B overflows when B underflows); the
  // complement r/(1 + r) is formed on its own so that it keeps its digits when P(wait) is close to 1.
  const lnR = Math.log1p(-b) - lnB - Math.log(x) - lnJx;
  const pWait = 1 / (1 + Math.exp(lnR));
  const pNoWait = 1 / (1 + Math.exp(-lnR));

  const thetaT = thresholdSec / patience;
  const u0 = Math.exp(-thetaT);
  // Of the callers who wait: the shares answered (J(x+1,y)/J(x,y)), abandoning, answered within T (K/J) and
  // answered late ((J(x+1,y) - K)/J = ∫_0^{u0} u^x e^(y(1-u)) du / J, which has a closed form of its own).
  const lnLate = -(x + 1) * thetaT - y * Math.expm1(-thetaT) + lnJ(x + 1, y * u0) - lnJx;
  const lateShare = Math.exp(lnLate);
  let answeredShare: number;
  let abandonShare: number;
  let withinShare: number;
  if (y > x + 1) {
    // Overload: J(x,y) is huge and ratios of such values lose digits. x·J(x,y) - y·J(x+1,y) = 1 (by parts)
    // gives the answered share, and K = ∫_{u0}^∞ - ∫_1^∞ is a difference of two moderate H values.
    const invJ = Math.exp(-lnJx);
    answeredShare = (x - invJ) / y;
    abandonShare = (y - x + invJ) / y;
    // When T is many patience means long, u0 underflows and ∫_{u0}^∞ is the whole e^y y^-(x+1) Γ(x+1).
    const lnFromU0 =
      y * u0 > 0
        ? -(x + 1) * thetaT - y * Math.expm1(-thetaT) + lnH(x + 1, y * u0)
        : y - (x + 1) * Math.log(y) + lnGamma(x + 1);
    const lnFromOne = lnH(x + 1, y);
    withinShare = lnFromU0 > lnFromOne ? -Math.exp(lnFromU0 - lnJx) * Math.expm1(lnFromOne - lnFromU0) : 0;
  } else {
    // Underload: the integrand peaks at u = 1, J values are moderate, and K = J(x+1,y) - (the late part).
    const lnAnswered = lnJ(x + 1, y) - lnJx;
    answeredShare = Math.exp(lnAnswered);
    abandonShare = -Math.expm1(lnAnswered);
    withinShare = lnLate < lnAnswered ? -answeredShare * Math.expm1(lnLate - lnAnswered) : 0;
  }
  const pAbandon = clamp01(pWait * abandonShare);
  const answered = pNoWait + pWait * answeredShare;
  const slOffered = clamp01(pNoWait + pWait * withinShare);
  // SL over answered from whichever side is small, so that it keeps its digits near 1 as well as near 0.
  const lateOverAnswered = (pWait * lateShare) / answered;
  const slAnswered = lateOverAnswered < 0.5 ? 1 - lateOverAnswered : slOffered / answered;
  return {
    pWait,
    pAbandon,
    meanWaitSec: pAbandon * patience,
    slAnsweredWithinOverOffered: slOffered,
    slAnsweredWithinOverAnswered: answered > 0 ? clamp01(slAnswered) : 0,
    occupancy: clamp01((load * answered) / n),
  };
}
