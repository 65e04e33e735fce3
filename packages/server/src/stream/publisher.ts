/**
 * Turns the engine's snapshots into the stream: every `publishMs` it takes the engine's current snapshot
 * (the engine reuses it while nothing changed), and when it differs from the last one publishes it as the
 * next sequence number with the patch from the previous state. Sampling on a timer rather than on every
 * engine emission bounds the work (one snapshot, one diff, one encoding per view) whatever the event rate.
 */
import { randomBytes } from 'node:crypto';
import type { MetricsEngine, Snapshot } from '@wallboard/metrics';
import type { StreamHub } from './hub.js';
import type { OwnerTracker } from './owners.js';
import { diff, type JsonObject } from './patch.js';
import { roundFigures } from './round.js';
import type { Frame, StreamState } from './types.js';

/** A stream id: sortable by start time, unique across restarts and instances. */
export function newStreamId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export interface PublisherOptions {
  publishMs: number;
  streamId?: string;
  firstSeq?: number;
}

export class EnginePublisher {
  readonly streamId: string;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastSnapshot: Snapshot | undefined;
  private seq: number;
  /** Recent publication costs (ms): building the snapshot, diffing it, handing it to every client. */
  private readonly costs = { buildMs: [] as number[], diffMs: [] as number[], fanoutMs: [] as number[] };

  constructor(
    private readonly engine: MetricsEngine,
    private readonly owners: OwnerTracker,
    private readonly hub: StreamHub,
    private readonly options: PublisherOptions,
  ) {
    this.streamId = options.streamId ?? newStreamId();
    // Sequence numbers start at the wall time in ms, so a restarted server's numbers are all above
    // the previous run's: a Last-Event-ID from before a restart can never be mistaken for one of the
    // new stream (it is below the ring, and gets the whole state).
    this.seq = (options.firstSeq ?? Date.now()) - 1;
  }

  start(): void {
    if (this.timer) return;
    this.publish();
    this.timer = setInterval(() => this.publish(), this.options.publishMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Publishes the engine's current state if it changed; returns whether it did. */
  publish(): boolean {
    const t0 = performance.now();
    const snap = this.engine.snapshot();
    const { owners, changed } = this.owners.take();
    if (snap === this.lastSnapshot && changed.size === 0) return false;
    this.lastSnapshot = snap;
    const prev = this.hub.state;
    const scopes = roundFigures(snap.scopes as unknown as Record<string, JsonObject>);
    const t1 = performance.now();
    let t2 = t1;
    const state: StreamState = {
      stream: this.streamId,
      seq: ++this.seq,
      t: snap.t,
      at: Date.now(),
      timeZone: snap.timeZone,
      settings: this.engine.settings,
      scopes,
      owners,
    };
    if (!prev || prev.stream !== this.streamId) {
      this.hub.reset(state);
      t2 = performance.now();
    } else {
      const frame: Frame = {
        stream: this.streamId,
        seq: state.seq,
        base: prev.seq,
        t: state.t,
        at: state.at,
        scopes: {},
        replaced: [],
        removed: [],
      };
      for (const k in scopes) {
        const before = prev.scopes[k];
        if (before === undefined || changed.has(k)) {
          frame.scopes[k] = scopes[k];
          frame.replaced.push(k);
          continue;
        }
        const d = diff(before, scopes[k]);
        if (d !== undefined) frame.scopes[k] = d;
      }
      for (const k in prev.scopes) if (!(k in scopes)) frame.removed.push(k);
      if (owners !== prev.owners) frame.owners = owners;
      t2 = performance.now();
      this.hub.advance(frame, state);
    }
    this.record(t1 - t0, t2 - t1, performance.now() - t2);
    return true;
  }

  /** Median and worst of the recent costs, for /health and the benchmark. */
  costSummary(): Record<string, { p50: number; max: number }> {
    const out: Record<string, { p50: number; max: number }> = {};
    for (const [k, xs] of Object.entries(this.costs)) {
      const s = [...xs].sort((a, b) => a - b);
      const r = (x: number | undefined) => Math.round((x ?? 0) * 10) / 10;
      out[k] = { p50: r(s[Math.floor(s.length / 2)]), max: r(s[s.length - 1]) };
    }
    return out;
  }

  private record(build: number, diffMs: number, fanout: number): void {
    const c = this.costs;
    c.buildMs.push(build);
    c.diffMs.push(diffMs);
    c.fanoutMs.push(fanout);
    // The last minute or so at the default rate.
    for (const xs of Object.values(c)) if (xs.length > 120) xs.shift();
  }
}
