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
  /**
   * Made up front from configuration and not yet used by any event: it waits right after `all` in the
   * engine's scope order and takes its place at first use (so outputs list scopes as they did before).
   */
  dormant = false;
  /** Agents now in each state (AGENT_STATES order). */
  readonly agentCounts = new Int32Array(STATE_COUNT);
  /** Calls waiting, in the order they started waiting at this scope's level. */
  readonly waiting: WaitList;
  /**
   * Agent time of the open minute without a loop per event: with n_s agents in state s now and each
   * change of n_s at time t adding -delta * (t - minuteStart) to weight[s], the time agents spent in s
   * since minuteStart is n_s * (T - minuteStart) + weight[s] at any T. A change touches two numbers.
   */
  minuteStart: number;
  private readonly weight = new Float64Array(STATE_COUNT);

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
    this.minuteStart = now;
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

  /** Moves `delta` agents into (or out of) state `s` at time t of the open minute. */
  changeCount(state: number, delta: number, t: number): void {
    this.agentCounts[state] += delta;
    this.weight[state] -= delta * (t - this.minuteStart);
  }

  /**
   * One agent from state `from` to `to` (different) at time t: changeCount(from, -1, t) and
   * changeCount(to, 1, t) in one call, since an agent's every state change does it in each of its scopes.
   */
  moveAgent(from: number, to: number, t: number): void {
    const dt = t - this.minuteStart;
    this.agentCounts[from]--;
    this.agentCounts[to]++;
    this.weight[from] += dt;
    this.weight[to] -= dt;
  }

  /** Writes the open minute's agent time up to t into its bucket (idempotent for a given t). */
  settle(t: number): void {
    const span = t - this.minuteStart;
    if (span < 0) return;
    const cur = this.cur;
    for (let s = 0; s < STATE_COUNT; s++) cur[TIME_BASE + s] = this.agentCounts[s] * span + this.weight[s];
    cur[F.covered] = span;
  }

  /** Opens the minute from `t` (the engine's first time, or a new scope mid-minute). */
  restartMinute(t: number, minute: number): void {
    this.minuteStart = t;
    this.weight.fill(0);
    this.cur = this.bucket(minute);
  }

  /** Closes the open minute at its end `t` into the windows and opens `minute`. */
  nextMinute(minute: number, t: number): void {
    this.settle(t);
    const cur = this.cur;
    addInto(this.total, cur);
    addInto(this.today, cur);
    addInto(this.interval, cur);
    this.restartMinute(t, minute);
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
