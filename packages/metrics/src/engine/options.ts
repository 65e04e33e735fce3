import type { SchedulerLike } from 'rxjs';
import { type IntervalMinutes, SL_FORMULAS, type SlFormula } from '../types.js';
import { parseResetTime } from './zone-calendar.js';

export interface QueueConfig {
  name?: string;
  /** The site or outsourcer owning the queue (when events do not say it). */
  partner?: string;
  /** Overrides of the engine's SL threshold and target for this queue. */
  slThresholdSec?: number;
  slTarget?: number;
}

export interface EngineOptions {
  /** IANA zone of the center: days and intervals follow its wall clock. Default UTC. */
  timeZone?: string;
  /** Local time the `today` window resets, `HH:MM`. Default 00:00. */
  dayStart?: string;
  intervalMin?: IntervalMinutes;
  slThresholdSec?: number;
  slTarget?: number;
  slFormula?: SlFormula;
  /** Abandons with a wait under this many seconds are short and left out of the formulas; 0 = off. */
  shortAbandonSec?: number;
  /** Length of the rolling window in minutes (1-240). Default 15. */
  rollingMin?: number;
  /** Events older than the engine's time by more than this are rejected as out of order. Default 5 s. */
  outOfOrderToleranceMs?: number;
  /** Calls unseen for this long are evicted. Default 4 hours. */
  evictAfterMs?: number;
  /**
   * Events further ahead of the engine's time (and, with a clock, of the clock) than this are rejected
   * as absurd. Default 7 days (with a clock: 5 min).
   */
  maxJumpMs?: number;
  /** Keep `today`'s closed intervals (a live board) or every interval (a report). */
  keepIntervals?: 'today' | 'all';
  queues?: Record<string, QueueConfig>;
  /** Time source besides the events: wall time for live feeds, the simulator's virtual time under it. */
  clock?: () => number;
  /** Scheduler that batches snapshots (one per tick however many events). Default: asapScheduler. */
  scheduler?: SchedulerLike;
  /** With a clock, a snapshot at least this often so live waits grow between events. Default 1000 ms. */
  tickMs?: number;
  /** Live staffing advice per queue (Erlang A/C). Default true. */
  advice?: boolean;
}

export interface ResolvedOptions {
  timeZone: string;
  resetMinutes: number;
  intervalMin: IntervalMinutes;
  slThresholdSec: number;
  slTarget: number;
  slFormula: SlFormula;
  shortAbandonSec: number;
  rollingMin: number;
  outOfOrderToleranceMs: number;
  evictAfterMs: number;
  maxJumpMs: number;
  keepIntervals: 'today' | 'all';
  queues: Record<string, QueueConfig>;
  advice: boolean;
  /** The time source besides the events, when there is one: events far ahead of it are rejected. */
  clock: (() => number) | undefined;
}

/** Checks options, naming the first bad one; throws RangeError (the CLI turns it into one line). */
export function resolveOptions(o: EngineOptions): ResolvedOptions {
  const num = (name: string, v: number | undefined, def: number, min: number, max: number): number => {
    if (v === undefined) return def;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new RangeError(`${name} must be a number from ${min} to ${max}, got ${String(v)}`);
    }
    return v;
  };
  const intervalMin = o.intervalMin ?? 30;
  if (![15, 30, 60].includes(intervalMin))
    throw new RangeError(`intervalMin must be 15, 30 or 60, got ${intervalMin}`);
  const slFormula = o.slFormula ?? 'abandons-count-against';
  if (!SL_FORMULAS.includes(slFormula)) {
    throw new RangeError(`slFormula must be one of ${SL_FORMULAS.join(', ')}, got "${slFormula}"`);
  }
  const keepIntervals = o.keepIntervals ?? 'today';
  if (keepIntervals !== 'today' && keepIntervals !== 'all')
    throw new RangeError('keepIntervals must be today or all');
  return {
    timeZone: o.timeZone ?? 'UTC',
    resetMinutes: parseResetTime(o.dayStart ?? '00:00'),
    intervalMin,
    slThresholdSec: num('slThresholdSec', o.slThresholdSec, 20, 0, 3600),
    slTarget: num('slTarget', o.slTarget, 0.8, 0, 1),
    slFormula,
    shortAbandonSec: num('shortAbandonSec', o.shortAbandonSec, 5, 0, 600),
    rollingMin: Math.round(num('rollingMin', o.rollingMin, 15, 1, 240)),
    outOfOrderToleranceMs: num('outOfOrderToleranceMs', o.outOfOrderToleranceMs, 5000, 0, 3_600_000),
    evictAfterMs: num('evictAfterMs', o.evictAfterMs, 4 * 3_600_000, 60_000, 7 * 86_400_000),
    maxJumpMs: num('maxJumpMs', o.maxJumpMs, o.clock ? 5 * 60_000 : 7 * 86_400_000, 1000, 366 * 86_400_000),
    keepIntervals,
    queues: o.queues ?? {},
    advice: o.advice ?? true,
    clock: o.clock,
  };
}
