/**
 * The incomplete-gamma integrals behind Erlang A, against 50-digit values from mpmath 1.3.0 rounded to
 * doubles (J = e^y y^-x gammainc(x, 0, y), H = e^y y^-x gammainc(x, y, inf), loggamma), across both
 * expansions, their boundary y = x + 1, and the extremes staffing reaches (x, y up to 10^6).
 */
import { describe, expect, it } from 'vitest';
import { lnGamma, lnH, lnJ } from '../src/erlang/special.js';

// [x, y, ln J(x, y), ln H(x, y) or null outside lnH's domain x >= 1, y > 0]
const integrals: Array<[number, number, number, number | null]> = [
  [1e-6, 1e-6, 13.815511557963275, null],
  [0.001, 2.5, 9.406237635943867, null],
  [0.5, 1000.0, 997.1184873034337, null],
  [1.0, 0.0, 0.0, null],
  [3.2, 0.7, -0.9875982264507231, 2.7020917973456937],
  [9.0, 10.155669293916898, -0.4811812392414529, -1.2554009480212214],
  [10.0, 0.00034, -2.3025541835050594, 92.66781688362214],
  [10.0, 10.5, -0.7179830974105947, -1.1354101422124274],
  [100.0, 99.0, -2.125796336619806, -2.0189120181672795],
  [100.0, 150.0, 8.070670035391938, -3.9657314945118225],
  [6667.0, 1667.0, -8.517259846978996, 4237.941068976334],
  [10000.0, 10001.0, -4.368738823392703, -4.390015353845951],
  [10000.0, 9500.0, -6.249479771957361, 9.246720369809763],
  [100000.0, 200000.0, 30680.444420639524, -11.512945464170294],
  [1000000.0, 1000003.0, -6.679303265687775, -6.684622493877171],
  [55555.0, 77777.0, 3524.741270141726, -10.008995514828166],
];

const gammas: Array<[number, number]> = [
  [1e-8, 18.42068073818021],
  [0.5, 0.5723649429247001],
  [1, 0.0],
  [2.5, 0.2846828704729192],
  [9.99, 12.779315214350193],
  [10, 12.801827480081469],
  [170.5, 704.0044277342047],
  [10000.0, 82099.71749644238],
  [10000000.0, 151180949.3694739],
];

/** Absolute error in a logarithm = relative error of the value; allow a few ulps of the log's size. */
const tol = (v: number) => 1e-13 * Math.max(1, Math.abs(v));

describe('special functions', () => {
  it.each(integrals)('J and H at x=%d, y=%d', (x, y, j, h) => {
    expect(Math.abs(lnJ(x, y) - j)).toBeLessThan(tol(j));
    if (h !== null) expect(Math.abs(lnH(x, y) - h)).toBeLessThan(tol(h));
  });

  it.each(gammas)('ln Γ(%d)', (x, g) => {
    expect(Math.abs(lnGamma(x) - g)).toBeLessThan(tol(g));
  });

  it('J + H = e^y y^-x Γ(x), J obeys x·J(x,y) - y·J(x+1,y) = 1', () => {
    for (const [x, y] of [
      [2.5, 7],
      [40, 38],
      [40, 45],
      [700, 600],
    ]) {
      const full = y - x * Math.log(y) + lnGamma(x);
      expect(Math.log(Math.exp(lnJ(x, y) - full) + Math.exp(lnH(x, y) - full))).toBeCloseTo(0, 12);
      expect(x * Math.exp(lnJ(x, y)) - y * Math.exp(lnJ(x + 1, y))).toBeCloseTo(1, 9);
    }
  });

  it('rejects arguments outside the domain', () => {
    expect(() => lnJ(0, 1)).toThrow(RangeError);
    expect(() => lnJ(1, -1)).toThrow(RangeError);
    expect(() => lnH(1, 0)).toThrow(RangeError);
    expect(() => lnH(0.5, 2)).toThrow(RangeError);
    expect(() => lnJ(Number.NaN, 1)).toThrow(RangeError);
  });
});
