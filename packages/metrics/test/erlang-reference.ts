/**
 * Independent reference computations for the Erlang tests. They share no code with src/erlang and use
 * different methods: direct sums of the stationary distribution (log-sum-exp, ln k! by summing logs) and,
 * for Erlang A, a truncated birth-death chain plus uniformization of the tagged caller's progress through
 * the queue. Slow (O(states x Poisson terms)) but simple enough to trust.
 */

/** ln k! for k = 0..n, by plain summation. */
function lnFactorials(n: number): Float64Array {
  const f = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) f[k] = f[k - 1] + Math.log(k);
  return f;
}

function logSumExp(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) max = Math.max(max, xs[i]);
  let s = 0;
  for (let i = from; i < to; i++) s += Math.exp(xs[i] - max);
  return max + Math.log(s);
}

/** ln of a^k/k! for k = 0..n. */
function lnPoissonTerms(a: number, n: number): Float64Array {
  const lf = lnFactorials(n);
  const t = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) t[k] = k * Math.log(a) - lf[k];
  return t;
}

/** ln Erlang B from its definition, (a^n/n!) / Σ_{k<=n} a^k/k!. */
export function lnErlangBDirect(a: number, n: number): number {
  const t = lnPoissonTerms(a, n);
  return t[n] - logSumExp(t);
}

/** Erlang C P(wait) from the M/M/n stationary distribution, for a < n. */
export function erlangCDirect(a: number, n: number): number {
  const t = lnPoissonTerms(a, n);
  const lnQueue = t[n] + Math.log(n / (n - a)); // Σ_{k>=n} π_k ∝ a^n/n! · n/(n-a)
  const lnBelow = logSumExp(t, 0, n);
  return 1 / (1 + Math.exp(lnBelow - lnQueue));
}

export interface ChainFigures {
  pWait: number;
  pAbandon: number;
  meanWaitSec: number;
  slAnsweredWithinOverOffered: number;
  slAnsweredWithinOverAnswered: number;
  occupancy: number;
}

/** M/M/n+M by brute force. Rates per second. */
export function erlangAChain(p: {
  callsPerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec: number;
  thresholdSec: number;
}): ChainFigures {
  const lambda = p.callsPerHour / 3600;
  const mu = 1 / p.ahtSec;
  const theta = 1 / p.patienceSec;
  const n = p.agents;
  // ln π_k (unnormalised) up to where the queue's terms are negligible.
  const ln: number[] = [0];
  let peak = 0;
  for (let k = 1; ; k++) {
    const death = k <= n ? k * mu : n * mu + (k - n) * theta;
    ln.push(ln[k - 1] + Math.log(lambda / death));
    peak = Math.max(peak, ln[k]);
    // Past the mode the terms only fall; stop once they are e^-60 below it.
    if (k > n && death > lambda && ln[k] < peak - 60) break;
  }
  const lnTotal = logSumExp(ln);
  const pi = ln.map((v) => Math.exp(v - lnTotal));
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  for (let k = 0; k < pi.length; k++) {
    if (k >= n) pWait += pi[k];
    queue += Math.max(0, k - n) * pi[k];
    busy += Math.min(k, n) * pi[k];
  }
  const pAbandon = (theta * queue) / lambda;

  // Tagged caller who finds i callers ahead: moves up at nμ + iθ (served from i = 0), abandons at θ.
  // Uniformize at rate L; the caller is answered within T iff served at jump k and N(T) >= k.
  const ahead = pi.slice(n); // PASTA: P(an arrival finds i ahead) = π_{n+i}
  const maxAhead = ahead.length - 1;
  const rate = n * mu + maxAhead * theta + theta;
  const lt = rate * p.thresholdSec;
  const jumps = Math.ceil(lt + 15 * Math.sqrt(lt) + 40);
  const lf = lnFactorials(jumps);
  const pmf = Array.from({ length: jumps + 1 }, (_, m) =>
    Math.exp(-lt + (m > 0 ? m * Math.log(lt) : 0) - lf[m]),
  );
  const tail = new Float64Array(jumps + 2); // tail[k] = P(N(T) >= k)
  for (let m = jumps; m >= 0; m--) tail[m] = tail[m + 1] + pmf[m];
  let v = ahead.slice();
  let answeredWithin = 0;
  for (let k = 1; k <= jumps; k++) {
    answeredWithin += ((v[0] * n * mu) / rate) * tail[k];
    const next = new Array<number>(v.length).fill(0);
    for (let i = 0; i < v.length; i++) {
      next[i] += v[i] * (1 - (n * mu + i * theta + theta) / rate);
      if (i > 0) next[i - 1] += (v[i] * (n * mu + i * theta)) / rate;
    }
    v = next;
  }
  const sl = 1 - pWait + answeredWithin;
  return {
    pWait,
    pAbandon,
    meanWaitSec: queue / lambda,
    slAnsweredWithinOverOffered: sl,
    slAnsweredWithinOverAnswered: sl / (1 - pAbandon),
    occupancy: busy / n,
  };
}
