/**
 * One live run, as the worker holds it: a paced simulation session feeding a metrics engine, the
 * trainer's controls applied at the current simulated time and recorded for the what-if replay, the
 * event stream kept for export, and snapshots posted to the page at a steady wall-clock rate.
 *
 * No worker globals here (the worker wires `post`), so tests run it in Node.
 */
import { MetricsEngine, type Snapshot } from '@wallboard/metrics';
import { ControlError, realTimer, SimulationSession, type Timer, toNdjsonLine } from '@wallboard/simulator';
import type { Subscription } from 'rxjs';
import { applyControl, handleFactorOf } from './controls.js';
import type {
  ClockState,
  Control,
  Intervention,
  Reply,
  RunConfig,
  RunInfo,
  SimControl,
  TimelineEntry,
} from './protocol.js';
import { AgentRoster, type AgentRow } from './roster.js';
import { compile, engineOptions, runInfo } from './scenario.js';
import { trimSnapshot } from './trim.js';

/** The NDJSON kept for export stops growing here (about 200 MB of text). */
export const MAX_EXPORT_CHARS = 100_000_000;

export type Post = (reply: Reply) => void;

export class LiveRun {
  private session: SimulationSession | null = null;
  private engine: MetricsEngine | null = null;
  private subs: Subscription[] = [];
  private day = 0;
  private stopped = false;
  private finished = false;
  private handle: unknown = null;
  private lastPosted: Snapshot | null = null;
  private lastPostWall = Number.NEGATIVE_INFINITY;
  private readonly interventions: Intervention[] = [];
  /** Arrival factors now in force, per queue id or '*' (for timed surges to restore). */
  private readonly factors = new Map<string, number>();
  /**
   * Timed incidents started from the console that end by themselves: each with its timeline entry (one
   * entry for the whole span, re-posted with the same id when it is cut short) and the control that
   * undoes it at `atMs` (ms from the run start).
   */
  private readonly reverts: Array<{ atMs: number; undo: SimControl; entry: TimelineEntry }> = [];
  /** While > 0, the simulator's own records of a control are not posted (a console incident is). */
  private muted = 0;
  private nextIncident = 0;
  private readonly roster: AgentRoster | null;
  private scopes: string[] | undefined;
  private lastRoster: AgentRow[] | null = null;
  private readonly ndjson: string[] = [];
  private pendingLines: string[] = [];
  private ndjsonChars = 0;
  private events = 0;
  private truncated = false;
  info: RunInfo | null = null;

  constructor(
    private readonly config: RunConfig,
    private readonly post: Post,
    private readonly timer: Timer = realTimer,
  ) {
    this.roster = config.roster ? new AgentRoster() : null;
    this.scopes = config.scopes;
  }

  /** Compiles and starts day 0; on a bad scenario posts the problems and returns false. */
  start(id: number): boolean {
    const ok = this.startDay(0, id);
    if (!ok) return false;
    this.post({ type: 'started', id, info: this.info! });
    this.schedulePost();
    return true;
  }

  private startDay(day: number, id?: number): boolean {
    const compiled = compile(this.config.source, this.config.seed, day);
    if (!compiled.ok) {
      this.post({ type: 'error', id, message: 'The scenario has problems', problems: compiled.problems });
      return false;
    }
    // One engine across days (a floor board runs for weeks; `today` resets at midnight).
    if (this.engine === null) {
      this.engine = new MetricsEngine(engineOptions(compiled.model, this.config.engine));
    }
    const engine = this.engine;
    this.day = day;
    this.info = runInfo(compiled, day, engine.settings);
    const session = new SimulationSession(compiled.model, {
      names: compiled.names,
      speed: this.config.speed,
      timer: this.timer,
    });
    this.session = session;
    this.finished = false;
    const keep = this.config.keepEvents === true;
    const roster = this.roster;
    // Event by event (not batches$): a jump runs the simulation directly, outside the clock's slices.
    this.subs.push(
      session.events$.subscribe((e) => {
        engine.push(e);
        roster?.push(e);
        this.events++;
        if (keep && !this.truncated) this.keep(toNdjsonLine(e));
      }),
      session.time$.subscribe((t) => {
        engine.advanceTo(t);
        this.applyDueReverts();
      }),
      session.controls$.subscribe((r) => {
        if (this.muted === 0) this.post({ type: 'timeline', entry: r });
      }),
      session.controls$.subscribe({ complete: () => this.onSessionEnd(session) }),
    );
    session.start();
    if (this.config.paused) session.paced?.pause();
    return true;
  }

  private keep(line: string): void {
    if (this.ndjsonChars + line.length > MAX_EXPORT_CHARS) {
      this.truncated = true;
      return;
    }
    this.pendingLines.push(line);
    this.ndjsonChars += line.length;
    if (this.pendingLines.length >= 4096) this.flushLines();
  }

  /** Joins the pending lines into one chunk (a few large strings hold far less memory than many small). */
  private flushLines(): void {
    if (this.pendingLines.length === 0) return;
    this.ndjson.push(this.pendingLines.join(''));
    this.pendingLines = [];
  }

  private onSessionEnd(session: SimulationSession): void {
    if (this.stopped || session !== this.session) return;
    this.engine?.advanceTo(session.sim.nowEpochMs);
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
    if (this.config.loopDays) {
      this.reverts.length = 0;
      this.factors.clear();
      // Out of the ending session's callback: the next day starts on a fresh stack.
      this.timer.setTimeout(() => {
        if (!this.stopped && this.startDay(this.day + 1)) this.post({ type: 'day', info: this.info! });
      }, 0);
      return;
    }
    this.finished = true;
    this.postSnapshot(true);
    this.post({ type: 'done', clock: this.clockState() });
  }

  clockState(): ClockState {
    const paced = this.session?.paced;
    return {
      paused: paced?.isPaused ?? false,
      speed: paced?.speed ?? this.config.speed,
      finished: this.finished,
      now: this.session?.sim.nowEpochMs ?? 0,
    };
  }

  /** Applies a control now. Returns the agents it acted on; throws ControlError with a clear message. */
  control(c: Control): string[] {
    const session = this.session;
    if (session === null || this.finished) throw new ControlError('the run has ended: start it again');
    if (c.kind === 'surge') {
      checkMinutes('surge', c.minutes);
      this.timedFactor(c, 'set-arrival-factor', () => this.factorOf(c.queue));
      return [];
    }
    if (c.kind === 'outage') {
      checkMinutes('outage', c.minutes);
      const select = { queue: c.queue, team: c.team, partner: c.partner };
      // Every working agent of the selection: available ones at once, busy ones after their call.
      const agents = this.muted1(() =>
        this.apply({
          kind: 'send-on-break',
          minutes: c.minutes,
          count: 1_000_000,
          reason: 'outage',
          ...select,
        }),
      );
      const params = { minutes: c.minutes, ...dropUndefined(select) };
      this.post({ type: 'timeline', entry: this.consoleEntry('outage', params, c.minutes, agents) });
      return agents;
    }
    if (c.kind === 'aht-spike') {
      checkMinutes('aht-spike', c.minutes);
      // Checked here too, so the trainer reads the control's own name, not the simulator's.
      if (!(Number.isFinite(c.factor) && c.factor >= 0.1 && c.factor <= 10))
        throw new ControlError(`aht-spike: factor must be a number from 0.1 to 10, got ${c.factor}`);
      this.timedFactor(c, 'set-handle-factor', () => handleFactorOf(session.sim, c.queue));
      return [];
    }
    // A trainer's own arrival change takes over from any surge on those queues: no revert at its end.
    if (c.kind === 'set-arrival-factor') this.cut('surge', c.queue);
    return this.apply(c);
  }

  /**
   * A surge's arrival factor or a spike's handle factor: set now, put back after `minutes`, one timeline
   * entry for both. One on top of another of its kind on the same queues replaces it, and ends at the
   * factor planned before both (else at `current()`, read after the cut).
   */
  private timedFactor(
    c: Extract<Control, { kind: 'surge' | 'aht-spike' }>,
    set: 'set-arrival-factor' | 'set-handle-factor',
    current: () => number,
  ): void {
    const before = this.cut(c.kind, c.queue) ?? current();
    this.muted1(() => this.apply({ kind: set, factor: c.factor, queue: c.queue }));
    const params = { factor: c.factor, minutes: c.minutes, queue: c.queue ?? '*' };
    const entry = this.consoleEntry(c.kind, params, c.minutes);
    this.reverts.push({
      atMs: this.session!.sim.now + c.minutes * 60_000,
      undo: { kind: set, factor: before, queue: c.queue },
      entry,
    });
    this.post({ type: 'timeline', entry });
  }

  /** A timeline entry for an incident started from the console, spanning `minutes` from now. */
  private consoleEntry(
    control: string,
    params: Record<string, unknown>,
    minutes: number,
    agents?: string[],
  ): TimelineEntry {
    const t = this.session!.sim.nowEpochMs;
    const entry: TimelineEntry = {
      id: `console-${++this.nextIncident}`,
      t,
      until: t + minutes * 60_000,
      control,
      source: 'control',
      params,
    };
    if (agents !== undefined) entry.agents = agents;
    return entry;
  }

  /** Runs `f` with the simulator's own records unposted (the console posts one entry of its own). */
  private muted1<T>(f: () => T): T {
    this.muted++;
    try {
      return f();
    } finally {
      this.muted--;
    }
  }

  /**
   * Ends the pending incidents of `control` (surge or aht-spike) that a change on `queue` (undefined:
   * all queues) covers whole: their reverts are dropped and their entries re-posted, cut at this
   * instant. One on all queues is not cut by a change on one queue (its end must still restore the
   * others). Returns the factor the earliest of them would have restored, or undefined when none did.
   */
  private cut(control: 'surge' | 'aht-spike', queue: string | undefined): number | undefined {
    let restore: number | undefined;
    const now = this.session!.sim.nowEpochMs;
    for (let i = 0; i < this.reverts.length; ) {
      const r = this.reverts[i];
      const q =
        r.undo.kind === 'set-arrival-factor' || r.undo.kind === 'set-handle-factor' ? r.undo.queue : null;
      if (r.entry.control !== control || !(queue === undefined || q === queue)) {
        i++;
        continue;
      }
      this.reverts.splice(i, 1);
      if (restore === undefined && 'factor' in r.undo) restore = r.undo.factor;
      const entry: TimelineEntry = { ...r.entry, until: now, cut: true };
      this.post({ type: 'timeline', entry });
    }
    return restore;
  }

  private apply(c: SimControl): string[] {
    const sim = this.session!.sim;
    const agents = applyControl(sim, c);
    this.interventions.push({ atMs: sim.now, control: structuredClone(c) });
    if (c.kind === 'set-arrival-factor') {
      if (c.queue === undefined) this.factors.clear();
      this.factors.set(c.queue ?? '*', c.factor);
    }
    this.postSnapshot(true);
    return agents;
  }

  private factorOf(queue: string | undefined): number {
    return (queue === undefined ? undefined : this.factors.get(queue)) ?? this.factors.get('*') ?? 1;
  }

  private applyDueReverts(): void {
    const sim = this.session?.sim;
    if (!sim || this.reverts.length === 0) return;
    for (let i = 0; i < this.reverts.length; ) {
      const r = this.reverts[i];
      if (sim.now >= r.atMs && !sim.finished) {
        this.reverts.splice(i, 1);
        this.muted1(() => this.apply(r.undo));
      } else i++;
    }
  }

  /**
   * Runs as fast as possible to `toEpochMs` (simulated) and pauses there: skips a quiet morning, or
   * puts a class at the start of an incident. Timed surges end on the way at their exact instants.
   */
  jump(toEpochMs: number): void {
    const session = this.session;
    const paced = session?.paced;
    if (!session || !paced || this.finished) throw new ControlError('the run has ended: start it again');
    const sim = session.sim;
    const target = toEpochMs - this.info!.startEpochMs;
    if (!(Number.isFinite(target) && target > sim.now))
      throw new ControlError('jump: that time has already passed in this run');
    if (target >= sim.endMs) throw new ControlError('jump: that time is after the end of the run');
    if (!paced.isPaused) paced.pause();
    for (;;) {
      const due = this.reverts.filter((r) => r.atMs <= target).map((r) => r.atMs);
      if (due.length === 0) break;
      sim.runUntil(Math.min(...due));
      this.applyDueReverts();
    }
    sim.runUntil(target);
    sim.logClockControl('jump', { to: sim.nowEpochMs });
    this.postSnapshot(true);
  }

  clock(action: 'pause' | 'resume' | 'step' | 'speed', speed?: number): void {
    const paced = this.session?.paced;
    if (!paced) throw new ControlError('no run');
    if (action === 'pause') paced.pause();
    else if (action === 'resume') paced.resume();
    else if (action === 'step') paced.step();
    else if (speed !== undefined) paced.setSpeed(speed);
    this.postSnapshot(true);
  }

  /** Only these scopes reach the page from now on (null: all). */
  setScopes(scopes: string[] | null): void {
    this.scopes = scopes ?? undefined;
    this.lastRoster = null; // the next snapshot carries the agents again
    this.postSnapshot(true);
  }

  /** The controls applied so far, for the what-if replay. */
  recorded(): Intervention[] {
    return this.interventions.map((i) => structuredClone(i));
  }

  exportNdjson(): { blob: Blob; events: number; truncated: boolean } {
    this.flushLines();
    return {
      blob: new Blob(this.ndjson, { type: 'application/x-ndjson' }),
      events: this.events,
      truncated: this.truncated,
    };
  }

  private schedulePost(): void {
    this.handle = this.timer.setTimeout(this.tick, this.config.snapshotEveryMs ?? 250);
  }

  private tick = (): void => {
    this.handle = null;
    if (this.stopped) return;
    this.postSnapshot(false);
    this.schedulePost();
  };

  /** Posts the latest snapshot when it changed (or `force`), else a heartbeat at most once a second. */
  private postSnapshot(force: boolean): void {
    const engine = this.engine;
    const session = this.session;
    if (!engine || !session) return;
    engine.advanceTo(session.sim.nowEpochMs);
    const snapshot = engine.snapshot();
    const wall = this.timer.now();
    if (force || snapshot !== this.lastPosted) {
      this.lastPosted = snapshot;
      this.lastPostWall = wall;
      const reply: Reply = {
        type: 'snapshot',
        snapshot: trimSnapshot(snapshot, this.scopes),
        clock: this.clockState(),
      };
      const rows = this.roster?.list();
      if (rows && rows !== this.lastRoster) {
        this.lastRoster = rows;
        reply.agents = rows;
      }
      this.post(reply);
    } else if (wall - this.lastPostWall >= 1000) {
      this.lastPostWall = wall;
      this.post({ type: 'alive', clock: this.clockState() });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
    this.session?.stop();
    this.engine?.dispose();
  }
}

function checkMinutes(what: string, minutes: number): void {
  if (!(Number.isFinite(minutes) && minutes > 0 && minutes <= 24 * 60))
    throw new ControlError(`${what}: minutes must be from 1 to 1440, got ${minutes}`);
}

function dropUndefined(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
