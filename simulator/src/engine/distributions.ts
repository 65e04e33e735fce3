/**
 * Duration distributions (seconds in, milliseconds out). One class with a numeric kind rather than a class
 * per distribution: every sampler has the same hidden shape, so the simulator's call sites stay
 * monomorphic and V8 inlines `sample`.
 */
import type { Rng } from './rng.js';

export const DIST_FIXED = 0;
export const DIST_EXPONENTIAL = 1;
export const DIST_LOGNORMAL = 2;
export const DIST_GAMMA = 3;
export const DIST_EMPIRICAL = 4;

/** A resolved distribution: what the scenario validator produces from `{dist, meanSec, cv, ...}`. */
export type DistSpec =
  | { dist: 'fixed'; meanSec: number }
  | { dist: 'exponential'; meanSec: number }
  | { dist: 'lognormal'; meanSec: number; cv: number }
  | { dist: 'gamma'; meanSec: number; cv: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] };

/** Standard normal deviate by Marsaglia's polar method; the pair's second value is kept on the stream. */
export function normal(rng: Rng): number {
  const spare = rng.spareNormal;
  if (!Number.isNaN(spare)) {
    rng.spareNormal = Number.NaN;
    return spare;
  }
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.uniform() - 1;
    v = 2 * rng.uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const f = Math.sqrt((-2 * Math.log(s)) / s);
  rng.spareNormal = v * f;
  return u * f;
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through the u^(1/shape) boost. */
export function standardGamma(rng: Rng, shape: number): number {
  if (shape < 1) return standardGamma(rng, shape + 1) * rng.uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

export class Sampler {
  readonly kind: number;
  /** Mean in ms (fixed, exponential, gamma scale source). */
  readonly meanMs: number;
  /** Lognormal mu (of ms) / gamma shape. */
  private readonly p1: number;
  /** Lognormal sigma / gamma scale (ms). */
  private readonly p2: number;
  /** Empirical: values in ms and their cumulative weights. */
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(spec: DistSpec) {
    let p1 = 0;
    let p2 = 0;
    let values = new Float64Array(0);
    let cumulative = new Float64Array(0);
    let meanMs = 0;
    switch (spec.dist) {
      case 'fixed':
        this.kind = DIST_FIXED;
        meanMs = spec.meanSec * 1000;
        break;
      case 'exponential':
        this.kind = DIST_EXPONENTIAL;
        meanMs = spec.meanSec * 1000;
        break;
      case 'lognormal': {
        // Mean m and coefficient of variation cv give sigma^2 = ln(1 + cv^2), mu = ln m - sigma^2 / 2.
        this.kind = DIST_LOGNORMAL;
        meanMs = spec.meanSec * 1000;
        const s2 = Math.log(1 + spec.cv * spec.cv);
        p1 = Math.log(meanMs) - s2 / 2;
        p2 = Math.sqrt(s2);
        break;
      }
      case 'gamma':
        // Shape k = 1 / cv^2, scale = mean / k.
        this.kind = DIST_GAMMA;
        meanMs = spec.meanSec * 1000;
        p1 = 1 / (spec.cv * spec.cv);
        p2 = meanMs / p1;
        break;
      case 'empirical': {
        this.kind = DIST_EMPIRICAL;
        const n = spec.values.length;
        values = new Float64Array(n);
        cumulative = new Float64Array(n);
        let total = 0;
        for (let i = 0; i < n; i++) {
          values[i] = spec.values[i] * 1000;
          total += spec.weights ? spec.weights[i] : 1;
          cumulative[i] = total;
        }
        for (let i = 0; i < n; i++) {
          cumulative[i] /= total;
          meanMs += values[i] * (spec.weights ? spec.weights[i] : 1);
        }
        meanMs /= total;
        break;
      }
    }
    this.meanMs = meanMs;
    this.p1 = p1;
    this.p2 = p2;
    this.values = values;
    this.cumulative = cumulative;
  }

  /** One draw, in milliseconds (>= 0). */
  sample(rng: Rng): number {
    switch (this.kind) {
      case DIST_EXPONENTIAL:
        return -this.meanMs * Math.log(rng.uniform());
      case DIST_FIXED:
        return this.meanMs;
      case DIST_LOGNORMAL:
        return Math.exp(this.p1 + this.p2 * normal(rng));
      case DIST_GAMMA:
        return standardGamma(rng, this.p1) * this.p2;
      default:
        return this.empirical(rng.uniform());
    }
  }

  private empirical(u: number): number {
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo];
  }
}
