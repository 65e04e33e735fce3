/**
 * A built-in scenario running in the page and feeding a metrics engine, the way the console's board
 * is fed (DESIGN.md: simulator -> metrics -> widgets). Two clocks:
 * - live: the simulator's paced clock at `speed` x wall time, the engine reading the simulator's time;
 * - fixed: the virtual clock run synchronously to `atMin` minutes after the start, so the same seed
 *   always gives the same board (what the stories' tests use).
 */
import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import {
  BUILT_IN_NAMES,
  builtInScenario,
  type ControlRecord,
  loadScenario,
  type Model,
  SimulationSession,
} from '@wallboard/simulator';
import type { TickerMessage } from '@wallboard/widgets';
import type { Subscription } from 'rxjs';
import { ServiceLevelTally } from './tally.js';

export interface RunOptions {
  scenario: string;
  /** Seed; undefined: the scenario's own. */
  seed?: number;
  /** Live at this many times wall clock; ignored when `atMin` is set. */
  speed?: number;
  /** Live: simulate this many minutes at once first, then go on paced (skip a quiet early morning). */
  fromMin?: number;
  /** Live: pause the paced clock as soon as it starts (a trainer's pause; `run.session.paced` resumes). */
  paused?: boolean;
  /** Fixed: simulate this many minutes from the start, at once. */
  atMin?: number;
  /** Called when the control log gets a record (incidents, live controls). */
  onControl?: (messages: TickerMessage[]) => void;
}

export interface ScenarioRun {
  readonly model: Model;
  readonly engine: MetricsEngine;
  readonly session: SimulationSession;
  /** The events' own count of each queue's SL, to check the board against. */
  readonly tally: ServiceLevelTally;
  readonly live: boolean;
  /** Events the engine has been given. */
  readonly events: () => number;
  stop(): void;
}

/** Thrown with every problem of a scenario, or an unknown name with the names there are. */
export class ScenarioLoadError extends Error {}

export function startScenario(options: RunOptions): ScenarioRun {
  const doc = builtInScenario(options.scenario);
  if (doc === undefined) {
    throw new ScenarioLoadError(
      `unknown scenario "${options.scenario}"; built-in scenarios: ${BUILT_IN_NAMES.join(', ')}`,
    );
  }
  const loaded = loadScenario(doc, options.seed === undefined ? {} : { seed: options.seed });
  if (!loaded.ok)
    throw new ScenarioLoadError(`scenario "${options.scenario}": ${loaded.problems.join('; ')}`);
  const { model } = loaded;
  const live = options.atMin === undefined;
  const session = new SimulationSession(
    model,
    live
      ? { names: loaded.names, speed: options.speed ?? 60 }
      : { names: loaded.names, untilMs: options.atMin! * 60_000, sliceMs: 0 },
  );
  const engine = new MetricsEngine({
    timeZone: model.timeZone,
    intervalMin: 30,
    queues: Object.fromEntries(
      model.queues.map((q) => [
        q.id,
        { name: q.name, partner: q.partner, slThresholdSec: q.slThresholdSec, slTarget: q.slTarget },
      ]),
    ),
    // Live waits keep growing between events on the simulator's clock, not the wall clock.
    clock: live ? () => session.sim.nowEpochMs : undefined,
  });
  const thresholds = new Map(model.queues.map((q) => [q.id, q.slThresholdSec]));
  const tally = new ServiceLevelTally((q) => thresholds.get(q) ?? 20);
  let count = 0;
  // Events are buffered and handed to the engine after each clock advance (one snapshot per advance),
  // and right after a fast-forward, before anything reads the engine: the engine reads the simulator's
  // clock, and events it receives after its time has moved on would be rejected as out of order.
  let pending: WallboardEvent[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    count += batch.length;
    for (const e of batch) tally.add(e);
    engine.pushMany(batch);
  };
  const subscriptions: Subscription[] = [
    session.events$.subscribe((e: WallboardEvent) => pending.push(e)),
    session.time$.subscribe(flush),
  ];
  const log: TickerMessage[] = [];
  subscriptions.push(
    session.controls$.subscribe((r) => {
      const message = controlMessage(r, model.timeZone);
      if (!message) return;
      log.unshift(message);
      log.length = Math.min(log.length, 6);
      options.onControl?.([...log]);
    }),
  );
  if (live && options.fromMin) session.sim.runUntil(options.fromMin * 60_000);
  flush();
  session.start();
  if (live && options.paused) session.paced?.pause();
  flush();
  if (!live) engine.advanceTo(session.sim.nowEpochMs);
  return {
    model,
    engine,
    session,
    tally,
    live,
    events: () => count,
    stop() {
      for (const s of subscriptions) s.unsubscribe();
      session.stop();
      engine.dispose();
    },
  };
}

const minutes = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) ? `${Math.round(ms / 60_000)} min` : '';

/** A control-log record as a ticker line ("10:45 Outage: partner south off the phones for 40 min"). */
export function controlMessage(r: ControlRecord, timeZone: string): TickerMessage | null {
  // Pace changes (speed, pause, step) are the viewer's own doing, not news for the floor.
  if (['speed', 'pause', 'resume', 'step'].includes(r.control)) return null;
  const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(r.t);
  const p = r.params;
  const forTime = p.durationMs ? ` for ${minutes(p.durationMs)}` : '';
  const who = (sel: unknown) => {
    const s = (sel ?? {}) as Record<string, unknown>;
    return (
      [s.partner && `partner ${s.partner}`, s.team && `team ${s.team}`].filter(Boolean).join(', ') || 'agents'
    );
  };
  switch (r.control) {
    case 'surge':
      return { text: `${at} Surge: arrivals ×${p.factor}${forTime}`, level: 'warning' };
    case 'aht-spike':
      return { text: `${at} Talk times ×${p.factor}${forTime}`, level: 'warning' };
    case 'outage':
      return { text: `${at} Outage: ${who(p.select)} off the phones${forTime}`, level: 'critical' };
    case 'agents-leave':
      return { text: `${at} ${p.count} agents leave (${who(p.select)})`, level: 'warning' };
    default:
      if (r.control.endsWith('-end')) return { text: `${at} Over: ${r.control.slice(0, -4)}` };
      return { text: `${at} ${r.source === 'control' ? 'Supervisor' : 'Incident'}: ${r.control}` };
  }
}
