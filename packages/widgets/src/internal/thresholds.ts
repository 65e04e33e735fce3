import type { ThresholdLevel } from './events.js';

/** Which way is bad: `above` (waiting calls, longest wait) or `below` (service level). */
export type ThresholdDirection = 'above' | 'below';

export interface Thresholds {
  warn: number | null | undefined;
  critical: number | null | undefined;
  direction: ThresholdDirection;
}

/** What a widget shows: a threshold level, or that its data is stale or missing. */
export type WidgetStatus = ThresholdLevel | 'stale' | 'empty';

export const WIDGET_STATUSES: readonly WidgetStatus[] = ['ok', 'warning', 'critical', 'stale', 'empty'];

const RANK: Record<ThresholdLevel, number> = { ok: 0, warning: 1, critical: 2 };

const beyond = (value: number, level: number | null | undefined, direction: ThresholdDirection): boolean =>
  level != null && Number.isFinite(level) && (direction === 'above' ? value > level : value < level);

/**
 * The level of `value`: `critical` when strictly beyond the critical level, else `warning` when strictly
 * beyond the warn level, else `ok`. A value exactly at a level has not crossed it (SL at its target is met).
 * Null for a missing value.
 */
export function thresholdLevel(value: number | null | undefined, t: Thresholds): ThresholdLevel | null {
  if (value == null || !Number.isFinite(value)) return null;
  if (beyond(value, t.critical, t.direction)) return 'critical';
  if (beyond(value, t.warn, t.direction)) return 'warning';
  return 'ok';
}

/** The worse of two levels (a tile is as bad as its worst figure). */
export function worstLevel(a: ThresholdLevel | null, b: ThresholdLevel | null): ThresholdLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[b] > RANK[a] ? b : a;
}

/** Stale beats everything (the figures may be old), then missing data, then the threshold level. */
export function widgetStatus(level: ThresholdLevel | null, stale: boolean): WidgetStatus {
  if (stale) return 'stale';
  return level ?? 'empty';
}

/** Human words for each status: status is never shown by colour alone. */
export const STATUS_WORDS: Readonly<Record<WidgetStatus, string>> = {
  ok: 'OK',
  warning: 'Warning',
  critical: 'Critical',
  stale: 'Stale',
  empty: 'No data',
};
