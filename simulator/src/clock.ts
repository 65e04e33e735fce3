/**
 * Clocks that drive a Simulation: virtual (as fast as possible, in slices so the host thread stays
 * responsive and a run can be cancelled) and paced (x N wall clock, with pause, resume and single step).
 * They use only setTimeout and performance.now through an injectable Timer, so they run in Node, in a
 * page and in a Web Worker, and tests can drive them with a fake timer.
 */
import type { Simulation } from './engine/simulation.js';

export interface Timer {
  /** Milliseconds on a monotonic wall clock. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ClockCallbacks {
  /** After each slice or tick that ran events (progress, flushing buffers). */
  onAdvance?: () => void;
  /** Once, when the simulation reaches its end. */
  onDone?: () => void;
}

export interface Clock {
  start(): void;
  /** Stops for good (unsubscribe, dispose): no further callbacks. */
  stop(): void;
  readonly running: boolean;
}

/**
 * As fast as possible. Runs the simulation in slices of about `sliceMs` of wall time, yielding to the
 * event loop between slices (0 = run everything synchronously in start()).
 */
export class VirtualClock implements Clock {
  private handle: unknown = null;
  private stopped = false;
  running = false;
  /** Simulated ms per inner step; adapts so each wall-clock check covers a few thousand events. */
  private chunkMs = 60_000;

  constructor(
    private readonly sim: Simulation,
    private readonly callbacks: ClockCallbacks = {},
    private readonly options: { sliceMs?: number; timer?: Timer } = {},
  ) {}

  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    if ((this.options.sliceMs ?? 50) === 0) {
      this.sim.runToEnd();
      this.callbacks.onAdvance?.();
      this.finish();
      return;
    }
    this.slice();
  }

  stop(): void {
    this.stopped = true;
    this.running = false;
    if (this.handle !== null) (this.options.timer ?? realTimer).clearTimeout(this.handle);
    this.handle = null;
  }

  private slice = (): void => {
    this.handle = null;
    if (this.stopped) return;
    const timer = this.options.timer ?? realTimer;
    const budget = this.options.sliceMs ?? 50;
    const t0 = timer.now();
    while (!this.sim.finished && timer.now() - t0 < budget && !this.stopped) {
      const n = this.sim.runUntil(this.sim.now + this.chunkMs);
      if (n < 2000) this.chunkMs *= 2;
      else if (n > 20_000 && this.chunkMs > 1000) this.chunkMs /= 2;
    }
    if (this.stopped) return;
    this.callbacks.onAdvance?.();
    if (this.sim.finished) this.finish();
    else this.handle = timer.setTimeout(this.slice, 0);
  };

  private finish(): void {
    this.running = false;
    if (!this.stopped) this.callbacks.onDone?.();
  }
}

/**
 * Paced: simulated time advances `speed` times as fast as the wall clock. Pause freezes it, resume goes
 * on from where it stood, step runs the next instant's events while paused. Every change of pace is
 * recorded in the simulation's control log at the simulated time it took effect.
 */
export class PacedClock implements Clock {
  private handle: unknown = null;
  private stopped = false;
  private started = false;
  private paused = false;
  private anchorWall = 0;
  private anchorSim = 0;
  private readonly timer: Timer;
  private readonly tickMs: number;

  constructor(
    private readonly sim: Simulation,
    private speedFactor: number,
    private readonly callbacks: ClockCallbacks = {},
    options: { timer?: Timer; tickMs?: number } = {},
  ) {
    if (!(speedFactor > 0 && Number.isFinite(speedFactor)))
      throw new RangeError(`speed must be > 0, got ${speedFactor}`);
    this.timer = options.timer ?? realTimer;
    this.tickMs = options.tickMs ?? 100;
  }

  get running(): boolean {
    return this.started && !this.paused && !this.stopped && !this.sim.finished;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get speed(): number {
    return this.speedFactor;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.anchor();
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  /** Simulated time the clock stands at now (ms from the start). */
  target(): number {
    if (!this.started || this.paused) return this.sim.now;
    return Math.min(this.sim.endMs, this.anchorSim + (this.timer.now() - this.anchorWall) * this.speedFactor);
  }

  setSpeed(speed: number): void {
    if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.catchUp();
    this.speedFactor = speed;
    this.anchor();
    this.sim.logClockControl('speed', { speed });
    this.reschedule();
  }

  pause(): void {
    if (this.paused || this.stopped) return;
    this.catchUp();
    this.paused = true;
    this.cancel();
    this.sim.logClockControl('pause');
  }

  resume(): void {
    if (!this.paused || this.stopped) return;
    this.paused = false;
    this.anchor();
    this.sim.logClockControl('resume');
    this.reschedule();
  }

  /** While paused: runs every event of the next instant and stops there. False when nothing is left. */
  step(): boolean {
    if (!this.paused || this.stopped) return false;
    const more = this.sim.stepOnce();
    this.sim.logClockControl('step');
    this.callbacks.onAdvance?.();
    if (this.sim.finished) this.finish();
    return more;
  }

  private anchor(): void {
    this.anchorWall = this.timer.now();
    this.anchorSim = this.sim.now;
  }

  private catchUp(): void {
    if (this.started && !this.paused) this.sim.runUntil(this.target());
  }

  private cancel(): void {
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
  }

  private reschedule(): void {
    this.cancel();
    if (this.started && !this.paused && !this.stopped) this.handle = this.timer.setTimeout(this.tick, 0);
  }

  private tick = (): void => {
    this.handle = null;
    if (this.stopped || this.paused) return;
    const target = this.target();
    const ran = this.sim.runUntil(target);
    if (ran > 0) this.callbacks.onAdvance?.();
    if (this.sim.finished) {
      this.finish();
      return;
    }
    // Sleep until the next event is due (in wall time), but at most tickMs, so speed changes and a
    // consumer's clock reading stay smooth.
    const next = this.sim.heap.peekTime();
    const wait = Math.max(1, Math.min(this.tickMs, (next - target) / this.speedFactor));
    this.handle = this.timer.setTimeout(this.tick, wait);
  };

  private finish(): void {
    this.cancel();
    if (!this.stopped) {
      this.stopped = true;
      this.callbacks.onDone?.();
    }
  }
}
