import { describe, expect, it } from 'vitest';
import type { ScenarioSource } from '../src/sim/protocol.js';
import { compile, engineOptions, runInfo } from '../src/sim/scenario.js';
import { MAX_RESTARTS, RESTART_MAX_MS, restartDelayMs, restartPlan } from '../src/tv/restart.js';

function infoOf(source: ScenarioSource, seed: number | undefined, day: number) {
  const c = compile(source, seed, day);
  if (!c.ok) throw new Error(c.problems.join('\n'));
  const settings = { ...engineOptions(c.model), timeZone: c.model.timeZone } as never;
  return { compiled: c, info: runInfo(c, day, settings) };
}

describe('restarting the floor board’s simulation', () => {
  const source: ScenarioSource = { kind: 'builtin', name: 'monday-peak' };

  for (const day of [0, 1, 3]) {
    it(`continues day ${day} with the same model: start, seed, and the days after it`, () => {
      const before = infoOf(source, undefined, day);
      const plan = restartPlan(source, before.info, day);
      expect(plan).not.toBeNull();
      if (!plan) return;
      expect(plan.dayOffset).toBe(day);
      const after = infoOf(plan.source, plan.seed, 0);
      expect(after.info.startEpochMs).toBe(before.info.startEpochMs);
      expect(after.info.seed).toBe(before.info.seed);
      expect(after.compiled.model).toEqual(before.compiled.model);
      // The new run's next day is the old run's next day.
      expect(infoOf(plan.source, plan.seed, 1).compiled.model).toEqual(
        infoOf(source, undefined, day + 1).compiled.model,
      );
    });
  }

  it('backs off 1 s, 2 s, 4 s ... up to a minute, a bounded number of times', () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(restartDelayMs(20)).toBe(RESTART_MAX_MS);
    expect(MAX_RESTARTS).toBeGreaterThan(3);
  });
});
