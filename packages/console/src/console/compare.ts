/**
 * The what-if's difference table: the run as scheduled against the run with the trainer's interventions,
 * figure by figure for the whole center and each queue. Which way is better is said in words too.
 */
import type { ScopeSnapshot, Snapshot } from '@wallboard/metrics';

export type FigureKey = 'serviceLevel' | 'abandoned' | 'abandonRate' | 'occupancy' | 'asaSec' | 'answered';

export interface FigureSpec {
  key: FigureKey;
  label: string;
  format: 'percent' | 'count' | 'duration';
  /** Which direction is an improvement; null where neither is (occupancy: busy agents vs idle ones). */
  better: 'up' | 'down' | null;
}

export const COMPARED: readonly FigureSpec[] = [
  { key: 'serviceLevel', label: 'Service level', format: 'percent', better: 'up' },
  { key: 'abandoned', label: 'Abandoned calls', format: 'count', better: 'down' },
  { key: 'abandonRate', label: 'Abandon rate', format: 'percent', better: 'down' },
  { key: 'occupancy', label: 'Occupancy', format: 'percent', better: null },
  { key: 'asaSec', label: 'Average speed of answer', format: 'duration', better: 'down' },
  { key: 'answered', label: 'Answered calls', format: 'count', better: 'up' },
];

export interface ComparedFigure extends FigureSpec {
  scope: string;
  baseline: number | null;
  intervened: number | null;
  /** intervened - baseline (points of a percent are fractions here), or null when either is empty. */
  delta: number | null;
  verdict: 'better' | 'worse' | 'same' | 'changed' | 'n/a';
}

const value = (s: ScopeSnapshot | undefined, key: FigureKey): number | null => {
  const v = s?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function compareScope(baseline: Snapshot, intervened: Snapshot, scope: string): ComparedFigure[] {
  return COMPARED.map((spec) => {
    const a = value(baseline.scopes[scope], spec.key);
    const b = value(intervened.scopes[scope], spec.key);
    const delta = a === null || b === null ? null : b - a;
    let verdict: ComparedFigure['verdict'] = 'n/a';
    if (delta !== null) {
      const tiny = spec.format === 'percent' ? 5e-4 : spec.format === 'duration' ? 0.05 : 0.5;
      if (Math.abs(delta) < tiny) verdict = 'same';
      else if (spec.better === null) verdict = 'changed';
      else verdict = delta > 0 === (spec.better === 'up') ? 'better' : 'worse';
    }
    return { ...spec, scope, baseline: a, intervened: b, delta, verdict };
  });
}
