/**
 * Status thresholds, in one place: the console's live board, both what-if boards and the floor board
 * colour the same figure of the same scope the same way (a floor board's layout file may override them,
 * per metric or per widget). Levels that depend on the queue follow its SL terms: a service level warns
 * below the scope's target and is critical 15 points under it; ASA warns over the scope's SL threshold T
 * and is critical over 3T. A figure with no sensible threshold (a count such as calls offered or
 * abandoned, agents staffed) gets none, and shows no status word rather than a "✓ OK" it cannot know.
 * The level itself is the widgets' `thresholdLevel` (a value exactly at a level has not crossed it).
 */
import type { Thresholds } from '@wallboard/widgets';
import type { QueueInfo, RunInfo } from '../sim/protocol.js';

/** Points (as a fraction) below the SL target at which a service level turns critical. */
const SL_CRITICAL_POINTS = 0.15;

/** The SL target and threshold T that a scope is judged by. */
export interface SlTerms {
  slTarget: number;
  slThresholdSec: number;
}

/** The figures with thresholds, by name (the last part of a metric path: `interval.asaSec` is `asaSec`). */
type ThresholdedFigure =
  | 'serviceLevel'
  | 'abandonRate'
  | 'asaSec'
  | 'waiting'
  | 'longestWaitSec'
  | 'occupancy';

/** Warn and critical levels of each figure, from the scope's SL terms. */
export function figureThresholds(sl: SlTerms): Record<ThresholdedFigure, Thresholds> {
  return {
    serviceLevel: {
      warn: sl.slTarget,
      critical: Math.max(0, round(sl.slTarget - SL_CRITICAL_POINTS)),
      direction: 'below',
    },
    abandonRate: { warn: 0.05, critical: 0.1, direction: 'above' },
    asaSec: { warn: sl.slThresholdSec, critical: 3 * sl.slThresholdSec, direction: 'above' },
    waiting: { warn: 5, critical: 15, direction: 'above' },
    longestWaitSec: { warn: 60, critical: 120, direction: 'above' },
    occupancy: { warn: 0.9, critical: 0.95, direction: 'above' },
  };
}

/** Which way is bad for a figure, as the table says (SL terms move levels, never the direction); above for one it lacks. */
export function directionOf(metric: string): 'above' | 'below' {
  return thresholdsOf(metric, { slTarget: 0.8, slThresholdSec: 20 })?.direction ?? 'above';
}

/** The thresholds of a metric path (`asaSec`, `interval.serviceLevel`, `rolling.asaSec`), or null for none. */
export function thresholdsOf(metric: string, sl: SlTerms): Thresholds | null {
  const all: Record<string, Thresholds> = figureThresholds(sl);
  const name = figureName(metric);
  return Object.hasOwn(all, name) ? all[name] : null;
}

/** The name a metric path's thresholds are keyed by: its last part. */
export function figureName(metric: string): string {
  return metric.slice(metric.lastIndexOf('.') + 1);
}

/**
 * Whether a figure's trend is neither better nor worse (wb-metric `neutral-trend`): occupancy up or down
 * is not good or bad in itself ("▲ +17 pts" in red read as a fault).
 */
export function neutralTrend(metric: string): boolean {
  return figureName(metric) === 'occupancy';
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The SL terms of a scope: a queue's own, else the run's group settings (the queues' common target and
 * T, or the defaults when they differ).
 */
export function slTermsOf(scope: string, info: Pick<RunInfo, 'queues' | 'settings'>): SlTerms {
  const q: QueueInfo | undefined = scope.startsWith('queue:')
    ? info.queues.find((x) => x.id === scope.slice(6))
    : undefined;
  if (q) return { slTarget: q.slTarget, slThresholdSec: q.slThresholdSec };
  return { slTarget: info.settings.slTarget, slThresholdSec: info.settings.slThresholdSec };
}
