import { describe, expect, it } from 'vitest';
import { checkParams } from '../src/console/params.js';

const names = ['outage-surge', 'steady-day'];
const check = (q: string) => checkParams(new URLSearchParams(q), names);

describe('console link parameters', () => {
  it('takes good ones', () => {
    expect(check('scenario=steady-day&seed=3&speed=120&at=10:30&paused=1&autostart=0')).toEqual({
      params: { scenario: 'steady-day', seed: '3', speed: 120, at: '10:30', paused: true, autostart: false },
      problems: [],
    });
    expect(check('')).toEqual({ params: { paused: false, autostart: true }, problems: [] });
  });

  it('names each bad one with what is allowed, and unknown names with the known ones', () => {
    const { problems } = check('scenario=nonexistent&speed=abc&seed=-1&at=noon&paused=yes&sped=60');
    expect(problems).toEqual([
      'sped: unknown parameter (known: scenario, seed, speed, at, paused, autostart)',
      'scenario: unknown scenario "nonexistent" (one of outage-surge, steady-day)',
      'seed: must be a whole number from 0 to 4294967295, got "-1"',
      'speed: must be a number above 0 and up to 600, got "abc"',
      'at: must be a center time as HH:MM (e.g. 10:30), got "noon"',
      'paused: must be 0 or 1, got "yes"',
    ]);
    expect(check('speed=601').problems).toHaveLength(1);
    expect(check('at=47:59').problems).toEqual([]);
    expect(check('at=48:00').problems).toHaveLength(1);
    expect(check('speed=').problems).toHaveLength(1);
  });

  it('cuts a very long unknown name in its message, as the floor board does', () => {
    const long = 'x'.repeat(5000);
    expect(check(`${long}=1`).problems).toEqual([
      `${'x'.repeat(60)}…: unknown parameter (known: scenario, seed, speed, at, paused, autostart)`,
    ]);
  });
});
