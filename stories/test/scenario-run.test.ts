import { BUILT_IN_NAMES, type ControlRecord } from '@wallboard/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  controlMessage,
  ScenarioLoadError,
  type ScenarioRun,
  startScenario,
} from '../src/support/scenario-run.js';

let run: ScenarioRun | undefined;
afterEach(() => {
  run?.stop();
  run = undefined;
});

describe('startScenario', () => {
  it('names the built-in scenarios when asked for an unknown one', () => {
    expect(() => startScenario({ scenario: 'tuesday-calm', atMin: 10 })).toThrow(ScenarioLoadError);
    expect(() => startScenario({ scenario: 'tuesday-calm', atMin: 10 })).toThrow(
      /built-in scenarios: steady-day/,
    );
  });

  it('at a fixed minute: every event reaches the engine, accepted, at the same time as the simulator', () => {
    run = startScenario({ scenario: 'outage-surge', atMin: 190 });
    const { engine, session, model } = run;
    expect(session.sim.nowEpochMs).toBe(model.startEpochMs + 190 * 60_000);
    expect(run.events()).toBeGreaterThan(1000);
    expect(engine.diagnostics().accepted).toBe(run.events());
    expect(engine.snapshot().t).toBe(session.sim.nowEpochMs);
  });

  it('is the same board for the same seed, and another for another seed', () => {
    const sl = (seed?: number) => {
      const r = startScenario({ scenario: 'steady-day', atMin: 130, seed });
      const value = r.engine.snapshot().scopes['queue:support'].serviceLevel;
      r.stop();
      return value;
    };
    expect(sl()).toBe(sl());
    expect(sl(12345)).not.toBe(sl());
  });

  it.each(BUILT_IN_NAMES)('%s: the engine SL of every queue equals the count from the events', (scenario) => {
    run = startScenario({ scenario, atMin: 120 });
    const scopes = run.engine.snapshot().scopes;
    for (const q of run.model.queues) {
      const expected = run.tally.serviceLevel(q.id);
      const shown = scopes[`queue:${q.id}`]?.serviceLevel ?? null;
      if (expected === null) expect(shown).toBeNull();
      else expect(shown).toBeCloseTo(expected, 9);
    }
    expect(run.engine.diagnostics().rejected).toBe(0);
  });

  it('live, after a fast-forward: the skipped hours are in the engine before it reads the clock', () => {
    run = startScenario({ scenario: 'floor-1000', fromMin: 590, speed: 60, paused: true });
    expect(run.session.paced?.isPaused).toBe(true);
    expect(run.events()).toBeGreaterThan(50_000);
    // The engine reads the simulator's clock in every snapshot; nothing may be behind it.
    expect(run.engine.snapshot().t).toBe(run.session.sim.nowEpochMs);
    expect(run.engine.diagnostics().rejected).toBe(0);
    expect(run.engine.diagnostics().accepted).toBe(run.events());
  });
});

describe('controlMessage', () => {
  const record = (
    control: string,
    params: Record<string, unknown>,
    source: ControlRecord['source'] = 'incident',
  ) => ({
    t: Date.UTC(2025, 2, 5, 10, 45),
    control,
    source,
    params,
  });

  it('words incidents in the center time zone, with a level', () => {
    expect(
      controlMessage(
        record('outage', { durationMs: 40 * 60_000, select: { partner: 'south' } }),
        'Europe/London',
      ),
    ).toEqual({
      text: '10:45 Outage: partner south off the phones for 40 min',
      level: 'critical',
    });
    expect(controlMessage(record('surge', { factor: 2.5, durationMs: 3_600_000 }), 'Europe/Berlin')).toEqual({
      text: '11:45 Surge: arrivals ×2.5 for 60 min',
      level: 'warning',
    });
    expect(controlMessage(record('surge-end', {}), 'UTC')).toEqual({ text: '10:45 Over: surge' });
  });

  it('leaves out the viewer’s own pace changes and names supervisor controls', () => {
    expect(controlMessage(record('pause', {}, 'control'), 'UTC')).toBeNull();
    expect(controlMessage(record('speed', { speed: 60 }, 'control'), 'UTC')).toBeNull();
    expect(controlMessage(record('add-agents', { count: 10 }, 'control'), 'UTC')?.text).toBe(
      '10:45 Supervisor: add-agents',
    );
  });
});
