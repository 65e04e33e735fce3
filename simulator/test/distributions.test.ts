import { describe, expect, it } from 'vitest';
import { normal, Sampler } from '../src/engine/distributions.js';
import { Rng } from '../src/engine/rng.js';

const N = 200_000;

/** Sample mean, variance and the share of draws at or below `q` (all in seconds). */
function moments(sampler: Sampler, rng: Rng, q: number) {
  let sum = 0;
  let sum2 = 0;
  let below = 0;
  for (let i = 0; i < N; i++) {
    const x = sampler.sample(rng) / 1000;
    sum += x;
    sum2 += x * x;
    if (x <= q) below++;
  }
  const mean = sum / N;
  return { mean, variance: sum2 / N - mean * mean, below: below / N };
}

/**
 * Checks a sample against the distribution's analytic mean m, variance v, excess kurtosis k and CDF value
 * p at one point, each within 4.5 standard errors (se of the variance from the fourth moment).
 */
function expectMoments(r: ReturnType<typeof moments>, m: number, v: number, kurtosis: number, p: number) {
  const seMean = Math.sqrt(v / N);
  const seVar = v * Math.sqrt((kurtosis + 2) / N);
  const seP = Math.sqrt((p * (1 - p)) / N);
  expect(Math.abs(r.mean - m)).toBeLessThan(4.5 * seMean);
  expect(Math.abs(r.variance - v)).toBeLessThan(4.5 * seVar);
  expect(Math.abs(r.below - p)).toBeLessThan(4.5 * seP);
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, error < 1.5e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Regularized lower incomplete gamma P(k, x) by its series (fine for the moderate x used here). */
function gammaP(k: number, x: number): number {
  let term = 1 / k;
  let sum = term;
  for (let n = 1; n < 500; n++) {
    term *= x / (k + n);
    sum += term;
  }
  let lgamma = 0;
  // ln Gamma(k) via Lanczos (g = 7).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  let a = c[0];
  const t = k - 1 + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (k - 1 + i);
  lgamma = 0.5 * Math.log(2 * Math.PI) + (k - 0.5) * Math.log(t) - t + Math.log(a);
  return Math.exp(k * Math.log(x) - x - lgamma) * sum;
}

describe('Rng (sfc32)', () => {
  it('is reproducible per seed and stream, and streams differ', () => {
    const a = new Rng(42, 3);
    const b = new Rng(42, 3);
    const c = new Rng(42, 4);
    const d = new Rng(43, 3);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
    expect(Array.from({ length: 5 }, () => d.nextU32())).not.toEqual(xs);
  });

  it('matches a direct transcription of the sfc32 step from its state', () => {
    // Reference: the sfc32 round as published in PractRand (sfc32.cpp), written independently here on BigInt.
    const r = new Rng(7, 0);
    const state = r as unknown as { a: number; b: number; c: number; d: number };
    let [a, b, c, d] = [state.a, state.b, state.c, state.d].map((x) => BigInt(x >>> 0));
    const M = (1n << 32n) - 1n;
    for (let i = 0; i < 1000; i++) {
      const t = (a + b + d) & M;
      d = (d + 1n) & M;
      a = b ^ (b >> 9n);
      b = (c + (c << 3n)) & M;
      c = (((c << 21n) | (c >> 11n)) & M) + t;
      c &= M;
      if (r.nextU32() !== Number(t)) throw new Error(`output ${i} differs from the reference`);
    }
  });

  it('gives uniforms in (0,1) that pass a chi-square test on 64 bins', () => {
    const r = new Rng(1, 1);
    const bins = new Array(64).fill(0);
    const n = 640_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u > 0 && u < 1)) outside++;
      bins[Math.floor(u * 64)]++;
    }
    expect(outside).toBe(0);
    const e = n / 64;
    const chi2 = bins.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
    // 63 degrees of freedom: the 0.999 quantile is 103.4.
    expect(chi2).toBeLessThan(103.4);
  });

  it('normal deviates have mean 0, variance 1 and the right tail mass', () => {
    const r = new Rng(5, 9);
    let s = 0;
    let s2 = 0;
    let tail = 0;
    for (let i = 0; i < N; i++) {
      const z = normal(r);
      s += z;
      s2 += z * z;
      if (z > 1.5) tail++;
    }
    expect(Math.abs(s / N)).toBeLessThan(4.5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    const p = 1 - phi(1.5);
    expect(Math.abs(tail / N - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
  });
});

describe('Sampler', () => {
  it('fixed returns its mean', () => {
    const s = new Sampler({ dist: 'fixed', meanSec: 42 });
    expect(s.sample(new Rng(1))).toBe(42_000);
  });

  it('exponential: mean m, variance m^2, P(X <= m) = 1 - 1/e', () => {
    const r = moments(new Sampler({ dist: 'exponential', meanSec: 180 }), new Rng(11, 2), 180);
    expectMoments(r, 180, 180 * 180, 6, 1 - Math.exp(-1));
  });

  it('lognormal by mean and cv: mean, variance (cv m)^2, median exp(mu)', () => {
    const m = 177;
    const cv = 0.8;
    const s2 = Math.log(1 + cv * cv);
    const mu = Math.log(m) - s2 / 2;
    const kurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    const r = moments(new Sampler({ dist: 'lognormal', meanSec: m, cv }), new Rng(12, 2), Math.exp(mu));
    expectMoments(r, m, (cv * m) ** 2, kurt, 0.5);
  });

  for (const cv of [0.5, 1.5]) {
    it(`gamma by mean and cv ${cv} (shape ${(1 / cv ** 2).toFixed(2)}): mean, variance, CDF at the mean`, () => {
      const m = 120;
      const k = 1 / (cv * cv);
      const r = moments(new Sampler({ dist: 'gamma', meanSec: m, cv }), new Rng(13, 2), m);
      expectMoments(r, m, (cv * m) ** 2, 6 / k, gammaP(k, k));
    });
  }

  it('empirical draws each value with its weight', () => {
    const s = new Sampler({ dist: 'empirical', values: [10, 20, 60], weights: [1, 2, 1] });
    expect(s.meanMs).toBe(27_500);
    const r = new Rng(14);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = s.sample(r);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([10_000, 20_000, 60_000]);
    for (const [v, p] of [
      [10_000, 0.25],
      [20_000, 0.5],
      [60_000, 0.25],
    ]) {
      expect(Math.abs((counts.get(v) ?? 0) / N - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
    }
  });
});
