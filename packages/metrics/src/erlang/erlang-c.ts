/**
 * Erlang C (M/M/n, infinite patience, FIFO):
 *   C = n·B / (n - A(1 - B))                    P(wait), with B = Erlang B(n, A)
 *   P(W <= t) = 1 - C·e^(-(n - A)·t / AHT)      service level (every call is answered)
 *   E[W] = C·AHT / (n - A)                      mean wait over all calls (ASA)
 *   occupancy = A / n
 */
import { erlangB } from './erlang-b.js';
import { clamp01, IDLE, type QueueFigures, type QueueModel, rates } from './model.js';

/**
 * Erlang C figures. When the load is at or above the agents (A >= n) the queue grows without bound: this
 * returns pWait 1, meanWaitSec Infinity, both service levels 0 and occupancy 1 rather than NaN or negative
 * numbers. With no calls offered it returns the idle figures (pWait 0, SL 1, occupancy 0).
 * `patienceSec` is ignored.
 */
export function erlangC(m: QueueModel): QueueFigures {
  const { load, agents: n, ahtSec, thresholdSec } = rates(m);
  if (load === 0) return { ...IDLE };
  if (load >= n) {
    return {
      pWait: 1,
      pAbandon: 0,
      meanWaitSec: Number.POSITIVE_INFINITY,
      slAnsweredWithinOverOffered: 0,
      slAnsweredWithinOverAnswered: 0,
      occupancy: 1,
    };
  }
  const b = erlangB(load, n);
  const pWait = clamp01((n * b) / (n - load * (1 - b)));
  const sl = clamp01(1 - pWait * Math.exp((-(n - load) * thresholdSec) / ahtSec));
  return {
    pWait,
    pAbandon: 0,
    meanWaitSec: (pWait * ahtSec) / (n - load),
    slAnsweredWithinOverOffered: sl,
    slAnsweredWithinOverAnswered: sl,
    occupancy: load / n,
  };
}
