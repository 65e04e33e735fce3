/**
 * The figure names a layout's `metric` may read: the numeric keys of a snapshot scope (DESIGN.md
 * "Metrics"), as dotted paths. @wallboard/metrics exports the types but no list of them, so the list is
 * here, typed so that a key added to or removed from `WindowFigures`, `LiveFigures` or `StaffingAdvice`
 * fails the type check, and tested against a real snapshot's keys (test/figures.test.ts).
 */

import { AGENT_STATES, type LiveFigures, type StaffingAdvice, type WindowFigures } from '@wallboard/metrics';
import { figureName } from '../shared/thresholds.js';

const WINDOW: Record<keyof WindowFigures, true> = {
  offered: true,
  answered: true,
  abandoned: true,
  shortAbandoned: true,
  overflowed: true,
  answeredWithin: true,
  abandonedWithin: true,
  handled: true,
  surveys: true,
  serviceLevel: true,
  asaSec: true,
  ataSec: true,
  attSec: true,
  acwSec: true,
  ahtSec: true,
  abandonRate: true,
  occupancy: true,
  csat: true,
  avgStaffed: true,
};

/** `agentsByState` is an object (one count per state), listed below by state. */
const LIVE: Record<Exclude<keyof LiveFigures, 'agentsByState'>, true> = {
  staffedAgents: true,
  waiting: true,
  longestWaitSec: true,
};

/** Numeric fields of a queue's staffing advice (`model` is a letter). */
const ADVICE: Record<Exclude<keyof StaffingAdvice, 'model'>, true> = {
  callsPerHour: true,
  ahtSec: true,
  patienceSec: true,
  agentsNeeded: true,
  agentsStaffed: true,
  projectedServiceLevel: true,
  target: true,
  thresholdSec: true,
};

export const WINDOW_FIGURES = Object.keys(WINDOW) as Array<keyof WindowFigures>;

/** Every metric path a `metric` or `sl-gauge` widget can show. */
export const METRIC_NAMES: readonly string[] = [
  ...WINDOW_FIGURES,
  ...Object.keys(LIVE),
  ...WINDOW_FIGURES.map((k) => `interval.${k}`),
  ...WINDOW_FIGURES.map((k) => `rolling.${k}`),
  ...AGENT_STATES.map((s) => `agentsByState.${s}`),
  ...Object.keys(ADVICE).map((k) => `advice.${k}`),
];

/** The last part of every metric path: the names `thresholds` are keyed by. */
export const FIGURE_NAMES: readonly string[] = [...new Set(METRIC_NAMES.map(figureName))];

/** How the known names are said in a problem: the figures, then the windows and groups over them. */
export const METRIC_HELP = `${[...WINDOW_FIGURES, ...Object.keys(LIVE)].join(', ')}; interval.<figure>, rolling.<figure>, agentsByState.<${AGENT_STATES.join('|')}>, advice.<${Object.keys(ADVICE).join('|')}> (queue scopes)`;
