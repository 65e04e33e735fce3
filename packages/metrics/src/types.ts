import type { Observable } from 'rxjs';
import type { AgentStateName } from './events.js';

/** How abandoned calls count in the service level (DESIGN.md "Metrics"). */
export type SlFormula =
  | 'abandons-count-against'
  | 'answered-only'
  | 'ignore-early-abandons'
  | 'early-abandons-count-for';

export const SL_FORMULAS: readonly SlFormula[] = [
  'abandons-count-against',
  'answered-only',
  'ignore-early-abandons',
  'early-abandons-count-for',
];

/** Human wording of each formula, for "80/20, abandons count against" labels. */
export const SL_FORMULA_LABELS: Readonly<Record<SlFormula, string>> = {
  'abandons-count-against': 'abandons count against',
  'answered-only': 'answered calls only',
  'ignore-early-abandons': 'early abandons ignored',
  'early-abandons-count-for': 'early abandons count for',
};

export type IntervalMinutes = 15 | 30 | 60;

/** The SL settings a figure was computed with; every SL shown says these. */
export interface SlSettings {
  slThresholdSec: number;
  slTarget: number;
  slFormula: SlFormula;
  shortAbandonSec: number;
}

/**
 * Counts and figures of one scope over one window. Key names are the contract of DESIGN.md "Metrics"
 * and of `wallboard-metrics report --json`. Short abandons (wait < shortAbandonSec when it is > 0) are
 * removed from `offered` and `abandoned` and reported on their own in `shortAbandoned`.
 * Every ratio or mean of an empty window is `null`, never NaN.
 */
export interface WindowFigures {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  answeredWithin: number;
  abandonedWithin: number;
  /** Calls whose conversation ended in the window (the denominator of attSec, acwSec, ahtSec). */
  handled: number;
  surveys: number;
  serviceLevel: number | null;
  asaSec: number | null;
  ataSec: number | null;
  attSec: number | null;
  acwSec: number | null;
  ahtSec: number | null;
  abandonRate: number | null;
  occupancy: number | null;
  csat: number | null;
  /** Time-weighted mean of agents not offline over the covered part of the window. */
  avgStaffed: number | null;
}

/** Figures that only make sense now, not over a window. */
export interface LiveFigures {
  staffedAgents: number;
  waiting: number;
  longestWaitSec: number;
  agentsByState: Record<AgentStateName, number>;
}

/** A closed (or, for the current one, open) interval of today. */
export interface IntervalFigures extends WindowFigures {
  /** Epoch ms of the interval start and end (end exclusive). */
  start: number;
  end: number;
  /** Local wall time of the start in the engine's time zone, `YYYY-MM-DDTHH:MM` plus the UTC offset. */
  label: string;
}

/** Live staffing advice for one queue (Erlang A where patience is known, else C). */
export interface StaffingAdvice {
  model: 'A' | 'C';
  callsPerHour: number;
  ahtSec: number;
  patienceSec: number | null;
  agentsNeeded: number | null;
  agentsStaffed: number;
  projectedServiceLevel: number | null;
  target: number;
  thresholdSec: number;
}

/**
 * A scope in a snapshot: today's figures flat at the top level (the same keys as the report), the live
 * figures beside them, and the other windows nested.
 */
export interface ScopeSnapshot extends WindowFigures, LiveFigures {
  scope: string;
  sl: SlSettings;
  interval: IntervalFigures;
  rolling: WindowFigures;
  /** Today's closed intervals, oldest first, for charts. */
  intervals: IntervalFigures[];
  advice?: StaffingAdvice;
}

export interface Snapshot {
  seq: number;
  /** Engine time (epoch ms) the snapshot describes. */
  t: number;
  timeZone: string;
  scopes: Record<string, ScopeSnapshot>;
}

export interface Diagnostics {
  accepted: number;
  rejected: number;
  /** Rejections by reason, e.g. `malformed`, `unknown-type`, `unknown-call`, `duplicate`, `out-of-order`. */
  reasons: Record<string, number>;
  duplicates: number;
  outOfOrder: number;
  evicted: number;
  /** Sources given to `connect` that failed (reason `source-error`; the source ends, the engine goes on). */
  sourceErrors: number;
  /** The latest rejections (and source errors), newest last, bounded. */
  recent: Array<{ reason: string; detail: string }>;
}

/**
 * What a widget needs from a data source. The engine implements it; anything else that can produce
 * snapshots (a live feed client) can too. The object is stable: widgets subscribe, never poll.
 */
export interface WallboardStore {
  readonly snapshots$: Observable<Snapshot>;
  /** Emits the value at `metric` (a dotted path such as `serviceLevel` or `interval.asaSec`) on change. */
  select<T = number | null>(scope: string, metric: string): Observable<T>;
  readonly settings: SlSettings & { timeZone: string; intervalMin: IntervalMinutes };
}
