/**
 * The console's link parameters, checked: each bad one is named with what it allows, and unknown names
 * are listed with the known ones, like the floor board does. A link with problems starts nothing (it
 * would run something other than what it asks for); the page says why.
 */
import { unknownParams } from '../shared/params.js';
import { parseClock } from '../shared/time.js';

export const CONSOLE_PARAMS = ['scenario', 'seed', 'speed', 'at', 'paused', 'autostart'] as const;
export const MAX_CONSOLE_SPEED = 600;

export interface ConsoleParams {
  scenario?: string;
  seed?: string;
  speed?: number;
  at?: string;
  paused: boolean;
  autostart: boolean;
}

export function checkParams(
  search: URLSearchParams,
  scenarios: readonly string[],
): { params: ConsoleParams; problems: string[] } {
  const problems: string[] = [];
  const params: ConsoleParams = { paused: false, autostart: true };
  const show = (v: string) => JSON.stringify(v);
  for (const { shown } of unknownParams(search, CONSOLE_PARAMS))
    problems.push(`${shown}: unknown parameter (known: ${CONSOLE_PARAMS.join(', ')})`);
  const scenario = search.get('scenario');
  if (scenario !== null) {
    if (scenarios.includes(scenario)) params.scenario = scenario;
    else problems.push(`scenario: unknown scenario ${show(scenario)} (one of ${scenarios.join(', ')})`);
  }
  const seed = search.get('seed');
  if (seed !== null) {
    const n = Number(seed);
    if (seed.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1) params.seed = String(n);
    else problems.push(`seed: must be a whole number from 0 to 4294967295, got ${show(seed)}`);
  }
  const speed = search.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && Number.isFinite(n) && n > 0 && n <= MAX_CONSOLE_SPEED) params.speed = n;
    else problems.push(`speed: must be a number above 0 and up to ${MAX_CONSOLE_SPEED}, got ${show(speed)}`);
  }
  const at = search.get('at');
  if (at !== null) {
    if (parseClock(at) !== null) params.at = at.trim();
    else problems.push(`at: must be a center time as HH:MM (e.g. 10:30), got ${show(at)}`);
  }
  for (const name of ['paused', 'autostart'] as const) {
    const v = search.get(name);
    if (v === null) continue;
    if (v === '0' || v === '1') params[name] = v === '1';
    else problems.push(`${name}: must be 0 or 1, got ${show(v)}`);
  }
  return { params, problems };
}
