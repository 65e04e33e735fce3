/**
 * Seeded pseudo-random numbers: sfc32 ("Small Fast Counter", Chris Doty-Humphrey, the PractRand author).
 *
 * Why sfc32: it passes PractRand and TestU01 BigCrush, has 128 bits of state with a counter that guarantees
 * a period of at least 2^32 from any seed, and needs only 32-bit adds, xors, shifts and rotates. In
 * JavaScript those are exact integer operations (`| 0`, `>>>`), so the stream is bit-identical in every
 * engine (Node, browsers, Web Workers) and it is faster than xoshiro128** (no multiplication) or a
 * Mersenne Twister (no 2.5 KB state refill). Uniforms use 32 bits of one output: plenty for queueing
 * (the smallest uniform is 2^-33, so an exponential tops out at 22.9 means).
 *
 * Each concern (a queue's arrivals, its handle times, ...) draws from its own stream, derived from the
 * scenario seed and a stream number through a murmur3 finalizer. Independent streams give "common random
 * numbers": adding agents does not change which calls arrive when, so two runs differ only by the change.
 * For the same reason every per-call attribute (patience, handle time, hold, ACW, survey answer) is drawn
 * when the call arrives, from its arrival queue's stream for that purpose: call i gets the same draws
 * whatever the staffing, breaks or interventions.
 */

/** murmur3's 32-bit finalizer: a bijective avalanche mix of one word. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;
const INV_2_32 = 1 / TWO_POW_32;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Second normal deviate of the last polar-method pair, or NaN. Part of the stream's state. */
  spareNormal = Number.NaN;

  /**
   * @param seed any safe integer (its low and high 32-bit halves are both used)
   * @param stream which independent stream of that seed
   */
  constructor(seed: number, stream = 0) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(seed, stream);
  }

  /** Restarts this generator as stream `stream` of `seed` (what the constructor does), allocating nothing. */
  reseed(seed: number, stream: number): void {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    const s = mix32(stream ^ 0x5bd1e995);
    this.a = mix32(lo ^ s);
    this.b = mix32(hi ^ mix32(s + 0x9e3779b9));
    this.c = mix32(lo + 0x6a09e667 + s);
    this.d = 1;
    // The recommended warm-up: let the counter push the seeded words apart before the first output.
    for (let i = 0; i < 15; i++) this.nextU32();
    this.spareNormal = Number.NaN;
  }

  /** The next 32-bit output as an unsigned integer. */
  nextU32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so `Math.log(u)` is always finite. */
  uniform(): number {
    return (this.nextU32() + 0.5) * INV_2_32;
  }

  /** Uniform integer in [0, n) for n <= 2^32 (bias below 2^-32 * n: irrelevant here). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A 32-bit seed for another generator (faker's Mersenne Twister) drawn from this stream. */
  seed32(): number {
    return this.nextU32();
  }
}

/** Stream numbers of the concerns that draw randomness, so every stream in a run is distinct. */
export const Stream = {
  /**
   * Agent set-up: who is a no-show (one draw per agent of a group with absenteeism). Nothing else about
   * agents is random: breaks are staggered evenly over their spread, and who leaves or goes on break in
   * an incident or control is chosen by rule (available agents first, in agent order).
   */
  agents: 1,
  /** Faker's seed for names and team names. */
  names: 2,
  /** Per queue q: `queueBase + q * queueStride + offset`. */
  queueBase: 1000,
  queueStride: 8,
  arrivals: 0,
  handle: 1,
  patience: 2,
  acw: 3,
  hold: 4,
  survey: 5,
  /**
   * Base of the per-call streams (callStream): a call answered in another queue than the one it arrived
   * at draws that queue's handle, hold and ACW from a stream of its own, keyed by its call number.
   */
  perCall: 0x7a3c_0000,
} as const;

export function queueStream(queue: number, offset: number): number {
  return Stream.queueBase + queue * Stream.queueStride + offset;
}

/** The stream of call number `no`'s attributes in queue `queue` (see Stream.perCall). */
export function callStream(queue: number, no: number): number {
  return mix32(Math.imul(queue + 1, 0x9e3779b9) ^ mix32(no ^ Stream.perCall));
}
