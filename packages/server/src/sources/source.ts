/**
 * A source of events for the engine: a paced simulator scenario, NDJSON from a file or stdin, an Asterisk
 * queue_log, or a CDR file replayed at a speed. Each one reports what it read and what it dropped (bad
 * lines are counted with their reason and never stop it) and gives the engine its clock: simulated time
 * for replays, event time carried forward by the wall clock for live feeds.
 */
import type { LineDiagnostic, WallboardEvent } from '@wallboard/metrics';

export interface SourceStatus {
  /** `scenario`, `ndjson`, `queue_log`, `cdr`. */
  kind: string;
  /** What it reads, as the user named it. */
  name: string;
  /** Running and able to produce events (a followed file that is quiet is alive; a replay that ended is not). */
  alive: boolean;
  /** Why it stopped, when it did. */
  ended?: string;
  lines: number;
  events: number;
  bad: number;
  badReasons: Record<string, number>;
  ignored: number;
  /** The latest bad lines, newest last. */
  recentBad: LineDiagnostic[];
}

export type EventSink = (events: WallboardEvent[]) => void;

export interface Source {
  readonly status: SourceStatus;
  /** The engine's clock (NaN until the source knows what time it is). */
  clock(): number;
  /**
   * Starts reading. `onEnd` is told when the source ends (a replay or scenario finished, stdin closed, or
   * stop()), right after its last events went to the sink and its status says so.
   */
  start(sink: EventSink, onEnd?: () => void): Promise<void>;
  stop(): Promise<void>;
}

const RECENT_BAD = 20;

/** Keeps a source's counts. */
export class SourceCounters {
  readonly status: SourceStatus;
  /** Told by end(), once the status says the source has ended. */
  onEnd: (() => void) | undefined;

  constructor(kind: string, name: string) {
    this.status = {
      kind,
      name,
      alive: false,
      lines: 0,
      events: 0,
      bad: 0,
      badReasons: {},
      ignored: 0,
      recentBad: [],
    };
  }

  bad(list: readonly LineDiagnostic[]): void {
    const s = this.status;
    for (const b of list) {
      s.bad++;
      s.badReasons[b.reason] = (s.badReasons[b.reason] ?? 0) + 1;
      s.recentBad.push(b);
    }
    if (s.recentBad.length > RECENT_BAD) s.recentBad.splice(0, s.recentBad.length - RECENT_BAD);
  }

  end(why: string): void {
    this.status.alive = false;
    this.status.ended = why;
    this.onEnd?.();
  }
}

/**
 * Live feeds: the engine's time is the latest event's time carried forward by the wall clock since it
 * arrived, so waits keep growing between events, and an old file replays in its own day instead of being
 * judged against today.
 */
export class FeedClock {
  private lastT = Number.NaN;
  private lastWall = 0;

  observe(events: readonly WallboardEvent[]): void {
    if (events.length === 0) return;
    const wall = Date.now();
    let latest = Number.isNaN(this.lastT) ? Number.NEGATIVE_INFINITY : this.lastT + (wall - this.lastWall);
    for (const e of events) if (e.t > latest) latest = e.t;
    // Never backwards: an event older than the projected time does not move the clock.
    if (latest !== Number.NEGATIVE_INFINITY && (Number.isNaN(this.lastT) || latest > this.now())) {
      this.lastT = latest;
      this.lastWall = wall;
    }
  }

  now = (): number => (Number.isNaN(this.lastT) ? Number.NaN : this.lastT + (Date.now() - this.lastWall));
}
