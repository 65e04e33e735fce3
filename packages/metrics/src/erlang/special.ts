/**
 * Special functions for the queueing formulas, all in log space so that nothing overflows at 10,000 agents.
 *
 * The Erlang A (M/M/n+M) formulas reduce to the integrals
 *   J(x, y) = ∫₀¹ u^(x-1) e^(y(1-u)) du = e^y y^(-x) γ(x, y)        (x > 0, y >= 0),
 *   H(x, y) = ∫₁^∞ u^(x-1) e^(y(1-u)) du = e^y y^(-x) Γ(x, y)        (x > 0, y > 0),
 * the lower and upper incomplete gamma functions in the scaling of Garnett, Mandelbaum & Reiman (2002). They
 * are computed with the two classical expansions (Numerical Recipes §6.2): the power series of γ when
 * y < x + 1, the Legendre continued fraction of Γ(x, y) otherwise, each already multiplied by e^y y^(-x)
 * so that no term exceeds the result; the other function of the pair is the complement from Γ(x), which
 * in each region is the larger part, so the subtraction loses nothing.
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
 * ln[e^y y^(-x) Γ(x)] = y - x ln y + ln Γ(x). For large x and y near x it is written around d = y - x so
 * that the huge terms cancel analytically rather than in floating point (log1p(d/x) is only accurate
 * while d/x stays away from -1, hence the bound on |d|).
 */
function lnScaledGamma(x: number, y: number): number {
  const d = y - x;
  if (x < 10 || Math.abs(d) > 0.5 * x) return y - x * Math.log(y) + lnGamma(x);
  return d - x * Math.log1p(d / x) - 0.5 * Math.log(x) + LN_SQRT_2PI + stirlingCorrection(x);
}

function checkArgs(name: string, x: number, y: number): void {
  if (!(x > 0) || !(y >= 0) || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new RangeError(`${name}(x, y) needs x > 0 and y >= 0 finite, got x=${x}, y=${y}`);
  }
}

/** ln J by the power series of γ: J = (1/x) Σ_k Π_{i=1..k} y/(x+i). Use for y < x + 1, where every ratio is below 1. */
function seriesLnJ(x: number, y: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= y / (x + k);
    sum += term;
    if (term <= sum * EPS) break;
  }
  return Math.log(sum) - Math.log(x);
}

/**
 * ln H by the Legendre continued fraction, H = e^y y^(-x) Γ(x, y) = 1/(y+1-x- 1(1-x)/(y+3-x- ...)),
 * evaluated by modified Lentz. Use for y >= x + 1, where it converges in O(sqrt(x)) steps.
 */
function fractionLnH(x: number, y: number): number {
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
  return Math.log(h);
}

/** ln(e^big - e^small) for small < big. */
function lnDiffExp(big: number, small: number): number {
  return big + Math.log(-Math.expm1(small - big));
}

/** ln J(x, y) = ln ∫₀¹ u^(x-1) e^(y(1-u)) du; see the module comment. Requires x > 0, y >= 0. */
export function lnJ(x: number, y: number): number {
  checkArgs('lnJ', x, y);
  if (y < x + 1) return seriesLnJ(x, y);
  // J = e^y y^(-x) Γ(x) - H; here Γ(x, y)/Γ(x) stays well below 1, so the difference loses nothing.
  return lnDiffExp(lnScaledGamma(x, y), fractionLnH(x, y));
}

/**
 * ln H(x, y) = ln ∫₁^∞ u^(x-1) e^(y(1-u)) du = ln[e^y y^(-x) Γ(x, y)], the upper part that complements J:
 * J + H = e^y y^(-x) Γ(x). Requires x >= 1 (Erlang A only needs H(x + 1, ·)): below 1, with y < x + 1, J
 * is nearly all of Γ(x) and the complement would lose digits. Requires y > 0.
 */
export function lnH(x: number, y: number): number {
  checkArgs('lnH', x, y);
  if (!(x >= 1 && y > 0)) throw new RangeError(`lnH(x, y) needs x >= 1 and y > 0, got x=${x}, y=${y}`);
  if (y >= x + 1) return fractionLnH(x, y);
  return lnDiffExp(lnScaledGamma(x, y), seriesLnJ(x, y));
}
