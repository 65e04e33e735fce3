/**
 * The metrics engine on RxJS: events in (push calls or an Observable), snapshots out, batched so that a
 * burst of events yields one snapshot per scheduler tick; `select` emits only on change; diagnostics say
 * what was rejected and why. Time is the events' own plus an optional clock (virtual under the simulator,
 * wall time for live feeds), so live waits keep growing between events.
 */
import {
  asapScheduler,
  auditTime,
  defer,
  distinctUntilChanged,
  EMPTY,
  interval,
  map,
  merge,
  type Observable,
  of,
  type SchedulerLike,
  Subject,
  type Subscription,
  shareReplay,
  takeUntil,
} from 'rxjs';
import type { Diagnostics, IntervalMinutes, SlSettings, Snapshot, WallboardStore } from '../types.js';
import { EngineCore } from './core.js';
import { type EngineOptions, resolveOptions } from './options.js';
import { readMetric, SnapshotBuilder } from './snapshot.js';

export class MetricsEngine implements WallboardStore {
  /** Snapshots, at most one per scheduler tick (and one per `tickMs` while a clock is set). */
  readonly snapshots$: Observable<Snapshot>;
  /** Diagnostics, emitted when they change. */
  readonly diagnostics$: Observable<Diagnostics>;
  readonly settings: SlSettings & { timeZone: string; intervalMin: IntervalMinutes };

  private readonly core: EngineCore;
  private readonly builder: SnapshotBuilder;
  private readonly clock: (() => number) | undefined;
  private readonly changes = new Subject<void>();
  private readonly disposed = new Subject<void>();
  private changePending = false;
  private seq = 0;
  private last: { snapshot: Snapshot; version: number; now: number } | undefined;

  constructor(options: EngineOptions = {}) {
    const resolved = resolveOptions(options);
    this.core = new EngineCore(resolved);
    this.builder = new SnapshotBuilder(this.core);
    this.clock = options.clock;
    this.settings = {
      timeZone: this.core.calendar.timeZone,
      intervalMin: resolved.intervalMin,
      slThresholdSec: resolved.slThresholdSec,
      slTarget: resolved.slTarget,
      slFormula: resolved.slFormula,
      shortAbandonSec: resolved.shortAbandonSec,
    };
    const scheduler: SchedulerLike = options.scheduler ?? asapScheduler;
    const ticks = this.clock ? interval(options.tickMs ?? 1000, scheduler) : EMPTY;
    this.snapshots$ = merge(
      defer(() => of(undefined)),
      this.changes.pipe(auditTime(0, scheduler)),
      ticks,
    ).pipe(
      map(() => this.snapshot()),
      distinctUntilChanged(),
      takeUntil(this.disposed),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.diagnostics$ = this.snapshots$.pipe(
      map(() => this.diagnostics()),
      distinctUntilChanged(
        (a, b) =>
          a.accepted === b.accepted &&
          a.rejected === b.rejected &&
          a.evicted === b.evicted &&
          a.sourceErrors === b.sourceErrors,
      ),
    );
  }

  /** Validates and applies one event; never throws. Returns whether it was accepted. */
  push(event: unknown): boolean {
    const ok = this.core.push(event);
    this.notify();
    return ok;
  }

  /** Applies many events with one snapshot notification. Returns how many were accepted. */
  pushMany(events: Iterable<unknown>): number {
    let n = 0;
    for (const e of events) if (this.core.push(e)) n++;
    this.notify();
    return n;
  }

  /**
   * Feeds the engine from a stream of events (decoded JSON objects). A source that errors ends there:
   * its error is counted on diagnostics (`sourceErrors`, reason `source-error`), never thrown.
   */
  connect(source: Observable<unknown>): Subscription {
    return source.pipe(takeUntil(this.disposed)).subscribe({
      next: (e) => this.push(e),
      error: (err: unknown) => {
        this.core.sourceFailed(err);
        this.notify();
      },
    });
  }

  /** Moves engine time forward without an event (closing intervals on the way). */
  advanceTo(t: number): void {
    if (!Number.isFinite(t)) return;
    this.core.settleStart(); // an explicit time vouches for the stream's start
    this.core.advance(t);
    this.notify();
  }

  /** The current snapshot, computed now (reused while nothing changed). */
  snapshot(): Snapshot {
    if (this.clock) {
      const t = this.clock();
      if (Number.isFinite(t)) this.core.advance(t);
    }
    const { version, now } = this.core;
    this.changePending = false;
    if (this.last && this.last.version === version && this.last.now === now) return this.last.snapshot;
    const snapshot = this.builder.build(++this.seq);
    this.last = { snapshot, version, now };
    return snapshot;
  }

  select<T = number | null>(scope: string, metric: string): Observable<T> {
    const path = metric.split('.');
    return this.snapshots$.pipe(
      map((s) => readMetric(s.scopes[scope], path) as T),
      distinctUntilChanged(),
    );
  }

  /** A copy of the diagnostics so far. */
  diagnostics(): Diagnostics {
    const d = this.core.diagnostics;
    return { ...d, reasons: { ...d.reasons }, recent: [...d.recent] };
  }

  /** Completes every stream; the engine takes no more subscribers. */
  dispose(): void {
    this.disposed.next();
    this.disposed.complete();
    this.changes.complete();
  }

  /** @internal The synchronous core, for the report builder and benchmarks. */
  get internals(): { core: EngineCore; builder: SnapshotBuilder } {
    return { core: this.core, builder: this.builder };
  }

  private notify(): void {
    if (this.changePending) return;
    this.changePending = true;
    this.changes.next();
  }
}
