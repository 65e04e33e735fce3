/** Growable typed-array helpers for the simulator's structure-of-arrays state. */

type Typed = Float64Array | Int32Array | Uint8Array;

/** A copy of `a` with room for `n` elements (new tail filled with `fill`). */
export function grown<T extends Typed>(a: T, n: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** Agent states, numbered as the names in the event schema (AGENT_STATES of @wallboard/metrics). */
export const S_OFFLINE = 0;
export const S_AVAILABLE = 1;
export const S_ONCALL = 2;
export const S_ACW = 3;
export const S_BREAK = 4;
export const S_OTHER = 5;
export const STATE_NAMES = ['offline', 'available', 'on-call', 'acw', 'break', 'other'] as const;

/** Calendar event kinds (the low 4 bits of the heap's first payload word; the rest is an index). */
export const K_ARRIVAL = 0;
export const K_RATE_CHANGE = 1;
export const K_ABANDON = 2;
export const K_OVERFLOW = 3;
export const K_CALL_END = 4;
export const K_ACW_END = 5;
export const K_SHIFT_START = 6;
export const K_SHIFT_END = 7;
export const K_BREAK_START = 8;
export const K_BREAK_END = 9;
export const K_INCIDENT = 10;
export const K_INCIDENT_END = 11;
export const K_WARMUP = 12;
export const K_BITS = 4;
export const K_MASK = 15;

/** Call slot states and flags. */
export const C_FREE = 0;
export const C_WAITING = 1;
export const C_TALKING = 2;
export const CF_MEASURED = 1;
export const CF_PATIENCE = 2;

/** Agent flags. */
export const AF_ON_SHIFT = 1;
export const AF_GONE = 2;
export const AF_PENDING_LOGOFF = 4;
export const AF_ABSENT = 8;
