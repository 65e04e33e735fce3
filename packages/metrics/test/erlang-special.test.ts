/**
 * The incomplete-gamma integrals behind Erlang A, against 50-digit values from mpmath 1.3.0
 * (J = e^y y^-x gammainc(x, 0, y), H = e^y y^-x gammainc(x, y, inf), loggamma), across both expansions,
 * their boundary y = x + 1, and the extremes staffing reaches (x, y up to 10^6).
 */
import { describe, expect, it } from 'vitest';
import { lnGamma, lnH, lnJ } from '../src/erlang/special.js';

// [x, y, ln J(x, y), ln H(x, y) or null outside lnH's domain x >= 1, y > 0]
const integrals: Array<[number, number, number, number | null]> = [
  [1e-6, 1e-6, 13.815511557963274151, null],
  [0.001, 2.5, 9.4062376359438677554, null],
  [0.5, 1000.0, 997.11848730343363156, null],
  [1.0, 0.0, 0.0, null],
  [3.2, 0.7, -0.98759822645072316945, 2.7020917973456939025],
  [9.0, 10.155669293916898, -0.48118123924145287374, -1.2554009480212213447],
  [10.0, 0.00034, -2.3025541835050592889, 92.667816883622139197],
  [10.0, 10.5, -0.71798309741059476914, -1.1354101422124274593],
  [100.0, 99.0, -2.1257963366198061009, -2.0189120181672793434],
  [100.0, 150.0, 8.0706700353919381323, -3.9657314945118225349],
  [6667.0, 1667.0, -8.517259846978996382, 4237.9410689763332013],
  [10000.0, 10001.0, -4.3687388233927026007, -4.3900153538459511083],
  [10000.0, 9500.0, -6.2494797719573610824, 9.2467203698097636681],
  [100000.0, 200000.0, 30680.44442063952195, -11.512945464170293079],
  [1000000.0, 1000003.0, -6.6793032656877745461, -6.6846224938771715426],
  [55555.0, 77777.0, 3524.7412701417262642, -10.008995514828166815],
];

const gammas: Array<[number, number]> = [
  [1e-8, 18.420680738180208884],
  [0.5, 0.57236494292470008707],
  [1, 0.0],
  [2.5, 0.28468287047291915963],
  [9.99, 12.77931521435019336],
  [10, 12.801827480081469611],
  [170.5, 704.00442773420467079],
  [10000.0, 82099.717496442377273],
  [10000000.0, 151180949.36947391394],
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
