/**
 * Sample data for the chart and agent stories, built from plain numbers so each story can put the last
 * interval (what a chart's status follows) exactly where it wants: above target, under it, far under.
 */
import type { IntervalFigures } from '@wallboard/metrics';
import type { AgentRow } from '@wallboard/widgets';
import { FIXED_TIME } from './samples.js';

const HALF_HOUR = 1_800_000;
/** 07:00 in Berlin on the day of FIXED_TIME (CET, UTC+1). */
const DAY_START = Date.UTC(2026, 2, 2, 6, 0);

export interface DayShape {
  /** Offered calls per half hour, from 07:00. */
  offered: readonly number[];
  /** Service level per interval (fraction). */
  sl: readonly number[];
  /** Abandon rate per interval (fraction of answered + abandoned). */
  abandonRate: readonly number[];
}

/** A morning with a dip at the 09:00 peak; the last entries are replaced by the story's own. */
export const MORNING_SHAPE: DayShape = {
  offered: [18, 34, 52, 71, 88, 94, 90, 41],
  sl: [0.95, 0.91, 0.86, 0.78, 0.72, 0.81, 0.84, 0.86],
  abandonRate: [0.01, 0.02, 0.03, 0.05, 0.07, 0.04, 0.03, 0.03],
};

/** Interval figures consistent with each other (answered + abandoned = offered less short abandons). */
function interval(i: number, offered: number, sl: number, rate: number): IntervalFigures {
  const shortAbandoned = i % 3;
  const counted = Math.max(0, offered - shortAbandoned);
  const abandoned = Math.round(counted * rate);
  const answered = counted - abandoned;
  return {
    start: DAY_START + i * HALF_HOUR,
    end: DAY_START + (i + 1) * HALF_HOUR,
    label: '',
    offered: counted,
    answered,
    abandoned,
    shortAbandoned,
    overflowed: 0,
    answeredWithin: Math.round(sl * counted),
    abandonedWithin: 0,
    handled: answered,
    surveys: 0,
    serviceLevel: counted ? sl : null,
    asaSec: 12,
    ataSec: 40,
    attSec: 200,
    acwSec: 20,
    ahtSec: 220,
    abandonRate: counted ? rate : null,
    occupancy: 0.8,
    csat: null,
    avgStaffed: 20,
  };
}

/** Closed intervals plus the open one, whose SL and abandon rate are `last`. */
export function morning(
  last: { sl?: number; abandonRate?: number } = {},
  shape: DayShape = MORNING_SHAPE,
): { intervals: IntervalFigures[]; open: IntervalFigures } {
  const n = shape.offered.length;
  const all = shape.offered.map((o, i) =>
    interval(
      i,
      o,
      i === n - 1 && last.sl !== undefined ? last.sl : shape.sl[i],
      i === n - 1 && last.abandonRate !== undefined ? last.abandonRate : shape.abandonRate[i],
    ),
  );
  return { intervals: all.slice(0, -1), open: all[n - 1] };
}

const NAMES = [
  'Ana Silva',
  'Ben Okafor',
  'Chen Wei',
  'Dana Levi',
  'Emil Novak',
  'Farah Haddad',
  'Gus Berg',
  'Hana Sato',
  'Ivo Petrov',
  'Jill Moss',
  'Kai Lund',
  'Lea Roth',
];
const BUSY = ['on-call', 'on-call', 'acw', 'on-call', 'break', 'on-call', 'other', 'offline'] as const;

/** A team of twelve, `available` of them ready; times in state counted back from FIXED_TIME. */
export function team(available: number, names: readonly string[] = NAMES): AgentRow[] {
  return names.map((name, i) => ({
    id: `a${i}`,
    name,
    team: i % 2 ? 'Billing' : 'Sales',
    state: i < available ? 'available' : BUSY[i % BUSY.length],
    since: FIXED_TIME - ((i * 97) % 900) * 1000 - 15_000,
  }));
}
