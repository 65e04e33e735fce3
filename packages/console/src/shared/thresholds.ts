/**
 * The console's status thresholds, in one place: the live board and both what-if boards colour the same
 * figure the same way. A figure with no sensible threshold (a count such as calls offered or abandoned,
 * agents staffed) gets none, and its card shows no status word rather than a "✓ OK" it cannot know.
 */
import type { QueueInfo, RunInfo } from '../sim/protocol.js';

export interface FigureThreshold {
  warn: number | null;
  critical: number | null;
  direction: 'above' | 'below';
}

/** Points (as a fraction) below the SL target at which a service level turns critical. */
export const SL_CRITICAL_POINTS = 0.15;

/** The SL target and threshold T that a scope is judged by. */
export interface SlTerms {
  slTarget: number;
  slThresholdSec: number;
}

export type ThresholdedFigure =
  | 'serviceLevel'
  | 'interval.serviceLevel'
  | 'abandonRate'
  | 'asaSec'
  | 'waiting'
  | 'longestWaitSec'
  | 'occupancy';

/** Warn and critical levels of each figure, from the scope's SL terms. */
export function figureThresholds(sl: SlTerms): Record<ThresholdedFigure, FigureThreshold> {
  const slLevels: FigureThreshold = {
    warn: sl.slTarget,
    critical: Math.max(0, round(sl.slTarget - SL_CRITICAL_POINTS)),
    direction: 'below',
  };
  return {
    serviceLevel: slLevels,
    'interval.serviceLevel': slLevels,
    abandonRate: { warn: 0.05, critical: 0.1, direction: 'above' },
    asaSec: { warn: sl.slThresholdSec, critical: 3 * sl.slThresholdSec, direction: 'above' },
    waiting: { warn: 5, critical: 15, direction: 'above' },
    longestWaitSec: { warn: 60, critical: 120, direction: 'above' },
    occupancy: { warn: 0.9, critical: 0.95, direction: 'above' },
  };
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

/** The level a value is at, as the widgets decide it (a value exactly at a level has not crossed it). */
export function levelOf(value: number, t: FigureThreshold): 'ok' | 'warning' | 'critical' {
  const beyond = (level: number | null) =>
    level !== null && (t.direction === 'above' ? value > level : value < level);
  if (beyond(t.critical)) return 'critical';
  if (beyond(t.warn)) return 'warning';
  return 'ok';
}
