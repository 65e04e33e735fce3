/**
 * One scope (`queue:q`, `partner:p`, `team:t`, `all`): its windows, its live agent counts and its waiting
 * calls. Windows are flat accumulators (see accumulator.ts); the engine moves them across interval, day
 * and minute boundaries.
 */
import type { IntervalFigures } from '../types.js';
import { type Acc, addInto, F, newAcc, TIME_BASE } from './accumulator.js';

/** Which of a call's times a scope measures waits from (a group counts a call once). */
export const Level = { Queue: 0, Partner: 1, All: 2, Team: 3 } as const;
export type Level = (typeof Level)[keyof typeof Level];

export interface ClosedInterval {
  seq: number;
  start: number;
  end: number;
  acc: Acc;
  /** Derived figures, cached until the record changes (a late short abandon can change it). */
  figures?: IntervalFigures;
}

/** A call in flight as the waiting sets see it. */
export interface WaitingCall {
  visitAt: number;
  partnerAt: number;
  firstAt: number;
}

const STATE_COUNT = 6;

export class Scope {
  readonly total = newAcc();
  today = newAcc();
  interval = newAcc();
  /** Ring of one-minute buckets for the rolling window; `bucketMinute[i]` says which minute bucket i holds. */
  readonly buckets: Acc[];
  readonly bucketMinute: Float64Array;
  /** Closed intervals (today's for a live board, all of them for a report), oldest first. */
  readonly closed: ClosedInterval[] = [];
  /** Bumped when `closed` changes, so snapshots can reuse the derived list. */
  closedVersion = 0;
  /** Agents now in each state (AGENT_STATES order). */
  readonly agentCounts = new Int32Array(STATE_COUNT);
  /** Calls waiting, in the order they started waiting at this scope's level. */
  readonly waiting = new Set<WaitingCall>();
  /** Engine time up to which agent time has been added to the windows. */
  integratedTo: number;

  constructor(
    readonly key: string,
    readonly level: Level,
    rollingMinutes: number,
    now: number,
  ) {
    this.buckets = Array.from({ length: rollingMinutes }, newAcc);
    this.bucketMinute = new Float64Array(rollingMinutes).fill(-1);
    this.integratedTo = now;
  }

  /** The bucket for `minute` (epoch minutes), cleared if it last held an older minute. */
  bucket(minute: number): Acc {
    const i = minute % this.buckets.length;
    const b = this.buckets[i];
    if (this.bucketMinute[i] !== minute) {
      b.fill(0);
      this.bucketMinute[i] = minute;
    }
    return b;
  }

  /** Adds `value` to field `f` of every open window at `minute`. The hot path. */
  add(f: number, value: number, minute: number): void {
    this.total[f] += value;
    this.today[f] += value;
    this.interval[f] += value;
    this.bucket(minute)[f] += value;
  }

  /** Adds agent time from `integratedTo` up to `t`; the caller splits at minute and interval boundaries. */
  integrate(t: number, minute: number): void {
    const dt = t - this.integratedTo;
    if (dt <= 0) return;
    this.integratedTo = t;
    const b = this.bucket(minute);
    const counts = this.agentCounts;
    for (let s = 0; s < STATE_COUNT; s++) {
      const n = counts[s];
      if (n === 0) continue;
      const v = n * dt;
      const f = TIME_BASE + s;
      this.total[f] += v;
      this.today[f] += v;
      this.interval[f] += v;
      b[f] += v;
    }
    this.total[F.covered] += dt;
    this.today[F.covered] += dt;
    this.interval[F.covered] += dt;
    b[F.covered] += dt;
  }

  /** Sum of the buckets of the last `minutes` minutes up to `minute` (inclusive). */
  rolling(minute: number): Acc {
    const sum = newAcc();
    const n = this.buckets.length;
    for (let i = 0; i < n; i++) {
      const m = this.bucketMinute[i];
      if (m > minute - n && m <= minute) addInto(sum, this.buckets[i]);
    }
    return sum;
  }

  /** Wait start of a call at this scope's level. */
  waitStart(c: WaitingCall): number {
    return this.level === Level.Queue ? c.visitAt : this.level === Level.Partner ? c.partnerAt : c.firstAt;
  }

  /** Longest current wait in ms (the oldest waiting call is the first in insertion order). */
  longestWaitMs(now: number): number {
    for (const c of this.waiting) return Math.max(0, now - this.waitStart(c));
    return 0;
  }

  staffed(): number {
    return (
      this.agentCounts[1] +
      this.agentCounts[2] +
      this.agentCounts[3] +
      this.agentCounts[4] +
      this.agentCounts[5]
    );
  }
}
