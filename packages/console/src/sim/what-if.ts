/**
 * The what-if: the same scenario and seed run to the end twice, as fast as possible, once as scheduled
 * and once with the trainer's interventions replayed at the simulated instants they were applied. A
 * replay runs the simulation exactly to each instant before applying the control, which is where the
 * live run stood when the trainer applied it, so the replay is the live run event for event.
 */
import { MetricsEngine, type Snapshot, type WallboardEvent } from '@wallboard/metrics';
import { SimulationSession } from '@wallboard/simulator';
import { applyControl } from './controls.js';
import type { Intervention, RunConfig, WhatIfResult } from './protocol.js';
import { compile, engineOptions, runInfo } from './scenario.js';

export interface ReplayResult {
  snapshot: Snapshot;
  settings: MetricsEngine['settings'];
  /** Every event of the run, when asked for (tests compare runs with them). */
  events?: WallboardEvent[];
}

/** Runs the scenario of `config` to its end with `interventions` applied in order at their instants. */
export function replay(
  config: Pick<RunConfig, 'source' | 'seed' | 'engine'>,
  interventions: readonly Intervention[],
  options: { keepEvents?: boolean } = {},
): ReplayResult {
  const compiled = compile(config.source, config.seed);
  if (!compiled.ok) throw new Error(`invalid scenario: ${compiled.problems.join('; ')}`);
  const engine = new MetricsEngine(engineOptions(compiled.model, config.engine));
  const session = new SimulationSession(compiled.model, { names: compiled.names });
  const events: WallboardEvent[] | undefined = options.keepEvents ? [] : undefined;
  const sub = session.events$.subscribe((e) => {
    engine.push(e);
    events?.push(e);
  });
  const sim = session.sim;
  for (const i of [...interventions].sort((a, b) => a.atMs - b.atMs)) {
    if (i.atMs > sim.endMs) break;
    sim.runUntil(i.atMs);
    applyControl(sim, i.control);
  }
  sim.runToEnd();
  sub.unsubscribe();
  engine.advanceTo(sim.nowEpochMs);
  const snapshot = engine.snapshot();
  engine.dispose();
  const settings = engine.settings;
  return events === undefined ? { snapshot, settings } : { snapshot, settings, events };
}

export function whatIf(
  config: RunConfig,
  interventions: readonly Intervention[],
  onProgress: (done: number) => void = () => {},
): WhatIfResult {
  const compiled = compile(config.source, config.seed);
  if (!compiled.ok) throw new Error(`invalid scenario: ${compiled.problems.join('; ')}`);
  const baseline = replay(config, []);
  onProgress(1);
  const intervened = replay(config, interventions);
  onProgress(2);
  return {
    baseline: { snapshot: baseline.snapshot, interventions: 0 },
    intervened: { snapshot: intervened.snapshot, interventions: interventions.length },
    info: runInfo(compiled, 0, baseline.settings),
  };
}
