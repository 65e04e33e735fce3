/**
 * Figures go on the wire with 6 significant digits: a board shows three at most, the engine computes
 * sixteen, and the digits beyond the sixth are half of every message and change on every tick (a
 * time-weighted occupancy moves in its tenth digit while nothing happens). Counts are integers and pass
 * unchanged. Objects the engine reuses between snapshots (today's closed intervals) are rounded once.
 */
import type { Json, JsonObject } from './patch.js';

const cache = new WeakMap<object, Json>();

export function roundNumber(n: number): number {
  return Number.isInteger(n) || !Number.isFinite(n) ? n : Number(n.toPrecision(6));
}

export function roundFigures<T>(value: T): T {
  return round(value as Json) as T;
}

function round(v: Json): Json {
  if (typeof v === 'number') return roundNumber(v);
  if (typeof v !== 'object' || v === null) return v;
  const hit = cache.get(v);
  if (hit !== undefined) return hit;
  let out: Json;
  if (Array.isArray(v)) out = v.map(round);
  else {
    const o: JsonObject = {};
    for (const k in v) {
      const x = v[k];
      if (x !== undefined) o[k] = round(x);
    }
    out = o;
  }
  cache.set(v, out);
  return out;
}
