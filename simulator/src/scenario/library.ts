/**
 * The built-in scenarios (simulator/scenarios/*.json), bundled as modules so the CLI, the console and a
 * Web Worker all get them without file access. A scenario name works wherever a file does.
 */
import absenteeismOverflow from '../../scenarios/absenteeism-overflow.json';
import floor1000 from '../../scenarios/floor-1000.json';
import lunchGap from '../../scenarios/lunch-gap.json';
import mondayPeak from '../../scenarios/monday-peak.json';
import outageSurge from '../../scenarios/outage-surge.json';
import outsourcerFte from '../../scenarios/outsourcer-fte.json';
import steadyDay from '../../scenarios/steady-day.json';
import type { ScenarioInput } from './types.js';

const LIBRARY: Record<string, unknown> = {
  'steady-day': steadyDay,
  'monday-peak': mondayPeak,
  'lunch-gap': lunchGap,
  'outage-surge': outageSurge,
  'absenteeism-overflow': absenteeismOverflow,
  'outsourcer-fte': outsourcerFte,
  'floor-1000': floor1000,
};

export interface ScenarioListing {
  name: string;
  description: string;
}

/** The built-in scenarios in teaching order, with their one-paragraph descriptions. */
export function listScenarios(): ScenarioListing[] {
  return Object.entries(LIBRARY).map(([name, s]) => ({
    name,
    description: (s as ScenarioInput).description ?? '',
  }));
}

/** A deep copy of a built-in scenario (callers may edit it), or undefined for an unknown name. */
export function builtInScenario(name: string): unknown {
  const s = LIBRARY[name];
  return s === undefined ? undefined : structuredClone(s);
}

export const BUILT_IN_NAMES: readonly string[] = Object.keys(LIBRARY);
