/**
 * A simulation with a clock and RxJS outputs: what the console runs in a Web Worker and what the CLI
 * runs in Node. `events$` emits every event as it happens in simulated time, `batches$` the events of
 * each clock slice or tick as one array (one postMessage per batch from a worker), `controls$` the
 * control log (live controls, clock changes and scenario incidents), `time$` the simulated epoch time
 * after each advance. The controls are the Simulation's own methods, on `session.sim`.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import { Observable, ReplaySubject, Subject } from 'rxjs';
import { type Clock, PacedClock, type Timer, VirtualClock } from './clock.js';
import type { Model } from './engine/model.js';
import { type ControlRecord, type NameSource, Simulation } from './engine/simulation.js';
import type { CompileOptions } from './scenario/compile.js';
import { loadScenario } from './scenario/load.js';

export interface SessionOptions {
  /** Stop at this many ms from the start instead of the scenario's duration. */
  untilMs?: number;
  /** Paced at `speed` x wall clock; absent = virtual clock, as fast as possible. */
  speed?: number;
  /** Virtual clock: wall ms per slice before yielding (default 50; 0 = all at once, synchronously). */
  sliceMs?: number;
  /** Paced clock: the longest sleep between ticks (default 100 ms). */
  tickMs?: number;
  timer?: Timer;
  /** Emit only measured events (after the warm-up), e.g. to feed a metrics engine. */
  measuredOnly?: boolean;
  names?: NameSource;
}

/** A scenario with problems: `problems` lists each by path. */
export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid scenario:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export class SimulationSession {
  readonly sim: Simulation;
  readonly clock: Clock;
  private readonly eventsSubject = new Subject<WallboardEvent>();
  private readonly batchesSubject = new Subject<WallboardEvent[]>();
  private readonly controlsSubject = new ReplaySubject<ControlRecord>(256);
  private readonly timeSubject = new Subject<number>();
  private batch: WallboardEvent[] = [];
  readonly events$: Observable<WallboardEvent> = this.eventsSubject.asObservable();
  readonly batches$: Observable<WallboardEvent[]> = this.batchesSubject.asObservable();
  /** Replays the latest 256 records to a late subscriber. */
  readonly controls$: Observable<ControlRecord> = this.controlsSubject.asObservable();
  readonly time$: Observable<number> = this.timeSubject.asObservable();

  constructor(model: Model, options: SessionOptions = {}) {
    const measuredOnly = options.measuredOnly ?? false;
    this.sim = new Simulation(model, {
      untilMs: options.untilMs,
      names: options.names,
      onControl: (r) => this.controlsSubject.next(r),
      sink: (e, measured) => {
        if (measuredOnly && !measured) return;
        this.eventsSubject.next(e);
        if (this.batchesSubject.observed) this.batch.push(e);
      },
    });
    const callbacks = {
      onAdvance: () => this.flush(),
      onDone: () => this.complete(),
    };
    this.clock =
      options.speed === undefined
        ? new VirtualClock(this.sim, callbacks, { sliceMs: options.sliceMs, timer: options.timer })
        : new PacedClock(this.sim, options.speed, callbacks, {
            timer: options.timer,
            tickMs: options.tickMs,
          });
  }

  /** Builds a session from a scenario document (validated; a ScenarioError lists every problem). */
  static fromScenario(doc: unknown, options: SessionOptions & CompileOptions = {}): SimulationSession {
    const loaded = loadScenario(doc, { seed: options.seed });
    if (!loaded.ok) throw new ScenarioError(loaded.problems);
    return new SimulationSession(loaded.model, { names: loaded.names, ...options });
  }

  start(): void {
    this.clock.start();
  }

  /** Stops the clock and completes every stream (also what unsubscribing from `simulate()` does). */
  stop(): void {
    this.clock.stop();
    this.complete();
  }

  /** The paced clock, when the session has one (pause, resume, step, setSpeed). */
  get paced(): PacedClock | null {
    return this.clock instanceof PacedClock ? this.clock : null;
  }

  private flush(): void {
    if (this.batch.length > 0) {
      const b = this.batch;
      this.batch = [];
      this.batchesSubject.next(b);
    }
    this.timeSubject.next(this.sim.nowEpochMs);
  }

  private completed = false;

  private complete(): void {
    if (this.completed) return;
    this.completed = true;
    this.flush();
    this.eventsSubject.complete();
    this.batchesSubject.complete();
    this.controlsSubject.complete();
    this.timeSubject.complete();
  }
}

/**
 * A cold Observable of a run's events: each subscription runs its own simulation from the start;
 * unsubscribing stops it. `doc` is a scenario document (or a compiled Model).
 */
export function simulate(
  doc: unknown,
  options: SessionOptions & CompileOptions = {},
): Observable<WallboardEvent> {
  return new Observable<WallboardEvent>((subscriber) => {
    let session: SimulationSession;
    try {
      session = isModel(doc)
        ? new SimulationSession(doc, options)
        : SimulationSession.fromScenario(doc, options);
    } catch (err) {
      subscriber.error(err);
      return undefined;
    }
    const sub = session.events$.subscribe(subscriber);
    session.start();
    return () => {
      sub.unsubscribe();
      session.stop();
    };
  });
}

function isModel(v: unknown): v is Model {
  return typeof v === 'object' && v !== null && 'startEpochMs' in v && 'durationMs' in v;
}
