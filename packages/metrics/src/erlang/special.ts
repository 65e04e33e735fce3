/**
 * Special functions for the queueing formulas, all in log space so that nothing overflows at 10,000 agents.
 *
 * The Erlang A (M/M/n+M) formulas reduce to one integral,
 *   J(x, y) = ∫₀¹ u^(x-1) e^(y(1-u)) du = e^y y^(-x) γ(x, y)        (x > 0, y >= 0),
 * the lower incomplete gamma function in the scaling of Garnett, Mandelbaum & Reiman (2002). It is computed
 * with the two classical expansions of γ (Numerical Recipes §6.2): the power series when y < x + 1, the
 * Legendre continued fraction for Γ(x, y) otherwise, each already multiplied by e^y y^(-x) so that no term
 * exceeds the result.
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Relative accuracy at which the series and continued fraction stop. */
const EPS = 1e-16;
/** A hard stop far above the O(sqrt(x)) terms either expansion needs, so bad input cannot hang a caller. */
const MAX_TERMS = 50_000_000;

/** Stirling's series for ln Γ(x) - [(x - 1/2) ln x - x + ln sqrt(2π)], accurate to 1e-15 for x >= 10. */
function stirlingCorrection(x: number): number {
  const z = 1 / (x * x);
  return (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z / 1188)))) / x;
}

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  // Shift small arguments up with Γ(x) = Γ(x + 1) / x until Stirling's series is accurate.
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x) - shift;
}

/**
 * ln[e^y y^(-x) Γ(x)] = y - x ln y + ln Γ(x). For large x it is written around d = y - x so that the
 * huge terms cancel analytically rather than in floating point.
 */
function lnScaledGamma(x: number, y: number): number {
  if (x < 10) return y - x * Math.log(y) + lnGamma(x);
  const d = y - x;
  return d - x * Math.log1p(d / x) - 0.5 * Math.log(x) + LN_SQRT_2PI + stirlingCorrection(x);
}

/** ln J(x, y); see the module comment. Requires x > 0 and y >= 0. */
export function lnJ(x: number, y: number): number {
  if (!(x > 0) || !(y >= 0) || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new RangeError(`lnJ(x, y) needs x > 0 and y >= 0 finite, got x=${x}, y=${y}`);
  }
  if (y < x + 1) {
    // J = (1/x) Σ_k Π_{i=1..k} y/(x+i): every ratio is below 1, so the terms only fall.
    let term = 1;
    let sum = 1;
    for (let k = 1; k < MAX_TERMS; k++) {
      term *= y / (x + k);
      sum += term;
      if (term <= sum * EPS) break;
    }
    return Math.log(sum) - Math.log(x);
  }
  // Γ(x, y) e^y y^(-x) = 1/(y+1-x- 1(1-x)/(y+3-x- 2(2-x)/(y+5-x- ...))), by modified Lentz.
  const tiny = 1e-300;
  let b = y + 1 - x;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - x);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 4 * EPS) break;
  }
  // J = e^y y^(-x) [Γ(x) - Γ(x, y)]; with y >= x + 1, Γ(x, y)/Γ(x) stays well below 1, so no cancellation.
  const lnFull = lnScaledGamma(x, y);
  return lnFull + Math.log(-Math.expm1(Math.log(h) - lnFull));
}
