/**
 * One scope (`queue:q`, `partner:p`, `team:t`, `all`): its windows, its live agent counts and its waiting
 * calls. Windows are flat accumulators (see accumulator.ts); the engine moves them across interval, day
 * and minute boundaries.
 */
import type { IntervalFigures } from '../types.js';
import { type Acc, addInto, F, newAcc, TIME_BASE } from './accumulator.js';
import { WaitList } from './wait-list.js';

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

const STATE_COUNT = 6;

export class Scope {
  /** Sums of the closed minutes of each window; the open minute lives in `cur` until it closes. */
  readonly total = newAcc();
  today = newAcc();
  interval = newAcc();
  /** Ring of one-minute buckets; `cur` is the open minute's. Events write to `cur` only (one store). */
  readonly buckets: Acc[];
  readonly bucketMinute: Float64Array;
  cur: Acc;
  /** Closed intervals (today's for a live board, all of them for a report), oldest first. */
  readonly closed: ClosedInterval[] = [];
  /** Bumped when `closed` changes, so snapshots can reuse the derived list. */
  closedVersion = 0;
  /** Agents now in each state (AGENT_STATES order). */
  readonly agentCounts = new Int32Array(STATE_COUNT);
  /** Calls waiting, in the order they started waiting at this scope's level. */
  readonly waiting: WaitList;
  /** Engine time up to which agent time has been added. */
  integratedTo: number;

  constructor(
    readonly key: string,
    readonly level: Level,
    rollingMinutes: number,
    now: number,
    minute: number,
  ) {
    this.waiting = new WaitList(level === Level.Team ? Level.All : level);
    this.buckets = Array.from({ length: rollingMinutes }, newAcc);
    this.bucketMinute = new Float64Array(rollingMinutes).fill(-1);
    this.integratedTo = now;
    this.cur = this.bucket(minute);
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

  /** Adds `value` to field `f` of the open minute, and so of every open window. The hot path. */
  add(f: number, value: number): void {
    this.cur[f] += value;
  }

  /** Adds agent time from `integratedTo` up to `t` (within the open minute). */
  integrate(t: number): void {
    const dt = t - this.integratedTo;
    if (dt <= 0) return;
    this.integratedTo = t;
    const cur = this.cur;
    const counts = this.agentCounts;
    for (let s = 0; s < STATE_COUNT; s++) {
      const n = counts[s];
      if (n !== 0) cur[TIME_BASE + s] += n * dt;
    }
    cur[F.covered] += dt;
  }

  /** Closes the open minute into the windows and opens `minute`. */
  nextMinute(minute: number): void {
    const cur = this.cur;
    addInto(this.total, cur);
    addInto(this.today, cur);
    addInto(this.interval, cur);
    this.cur = this.bucket(minute);
  }

  /** A window's sums including the open minute (a new array: for snapshots, not the hot path). */
  view(closedMinutes: Acc): Acc {
    const v = closedMinutes.slice();
    addInto(v, this.cur);
    return v;
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

  /** Longest current wait in ms. */
  longestWaitMs(now: number): number {
    const start = this.waiting.oldestStart();
    return start === null ? 0 : Math.max(0, now - start);
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
