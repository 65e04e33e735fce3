/**
 * After the simulation worker fails, the floor board starts a new one on the same scenario and seed,
 * on the day it had reached, and jumps to the center time it was showing: the figures come back as
 * they were (the run is deterministic by seed) instead of a board frozen on stale data for weeks.
 */

import { backoffDelay } from '@wallboard/widgets/live';
import type { RunInfo, ScenarioSource } from '../sim/protocol.js';
import { resolveSource, shiftDays } from '../sim/scenario.js';

/** Restart delays: 1 s, 2 s, 4 s ... up to a minute; attempts in a row are bounded (`MAX_RESTARTS`). */
export const RESTART_BASE_MS = 1000;
export const RESTART_MAX_MS = 60_000;
/** Failures in a row after which the board stops restarting and says so (a run that lasted `HEALTHY_MS` resets the count). */
export const MAX_RESTARTS = 8;
export const HEALTHY_MS = 120_000;

/** The delay before restart `attempt` (1 for the first): the live feed's backoff, without jitter (one board, one worker). */
export function restartDelayMs(attempt: number): number {
  return backoffDelay(Math.max(0, attempt - 1), {
    initialMs: RESTART_BASE_MS,
    maxMs: RESTART_MAX_MS,
    jitter: 0,
  });
}

export interface RestartPlan {
  source: ScenarioSource;
  seed: number;
  /** Days before the new run's day 0 (status.day = offset + the run's own day). */
  dayOffset: number;
}

/**
 * What a new run needs to continue where the failed one was: `day` is the absolute day reached (the
 * failed run's offset plus its own day) and `info` that day's run info (its seed is the day's). Day 0
 * is the scenario as is; a later day is the scenario moved by that many days, so the new run's next
 * days follow (seed + 1 each) as the old run's would have.
 */
export function restartPlan(source: ScenarioSource, info: RunInfo, day: number): RestartPlan | null {
  if (day === 0) return { source, seed: info.seed, dayOffset: 0 };
  const resolved = resolveSource(source);
  if (!resolved.ok) return null;
  return {
    source: { kind: 'document', doc: shiftDays(resolved.doc, day), label: resolved.label },
    seed: info.seed,
    dayOffset: day,
  };
}
