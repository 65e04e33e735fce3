/**
 * The latest state of the stream and a ring of its recent frames, fed by the local publisher or by the
 * Redis subscriber, read by every client connection. A client that comes back with the sequence it last
 * saw gets the frames after it from the ring (no gap); one that is too far behind, or on another stream,
 * gets the whole latest state.
 */
import { applyPatch } from './patch.js';
import type { Frame, Owners, StreamEvent, StreamState } from './types.js';

export interface RingEntry {
  frame: Frame;
  ownersBefore: Owners;
  ownersAfter: Owners;
}

export class StreamHub {
  private current: StreamState | undefined;
  private readonly ring: RingEntry[] = [];
  private readonly listeners = new Set<(e: StreamEvent) => void>();
  /** Wall time of the latest state or frame, to tell a live stream from a silent one. */
  lastUpdateAt = 0;

  constructor(readonly ringSize = 600) {}

  get state(): StreamState | undefined {
    return this.current;
  }

  /** Starts over from a whole state (a new stream, or a consumer that lost its place). */
  reset(state: StreamState, ring: RingEntry[] = []): void {
    this.current = state;
    this.ring.length = 0;
    for (const e of ring) if (e.frame.stream === state.stream && e.frame.seq <= state.seq) this.ring.push(e);
    this.trim();
    this.lastUpdateAt = Date.now();
    this.emit({ kind: 'reset', state });
  }

  /**
   * Advances by one frame. `next` is the state it leads to when the caller already has it (the
   * publisher); otherwise it is computed by applying the frame. Returns false, changing nothing, when the
   * frame does not follow the current state: the caller must reset.
   */
  advance(frame: Frame, next?: StreamState): boolean {
    const cur = this.current;
    if (!cur || frame.stream !== cur.stream || frame.base !== cur.seq) return false;
    const state = next ?? applyFrame(cur, frame);
    const entry: RingEntry = { frame, ownersBefore: cur.owners, ownersAfter: state.owners };
    this.current = state;
    this.ring.push(entry);
    this.trim();
    this.lastUpdateAt = Date.now();
    this.emit({ kind: 'frame', frame, state, ownersBefore: cur.owners });
    return true;
  }

  /**
   * The frames after `since`, in order, when the ring still holds all of them and they belong to
   * `stream`; [] when the consumer is up to date; null when it must start from the whole state.
   */
  framesSince(since: number, stream: string | undefined): RingEntry[] | null {
    const cur = this.current;
    if (!cur || (stream !== undefined && stream !== cur.stream)) return null;
    if (!Number.isInteger(since) || since > cur.seq || since < 1) return null;
    if (since === cur.seq) return [];
    const first = this.ring[0];
    if (!first || first.frame.base > since) return null;
    return this.ring.slice(since - first.frame.base);
  }

  /** The ring, oldest first (for seeding another instance). */
  entries(): readonly RingEntry[] {
    return this.ring;
  }

  subscribe(listener: (e: StreamEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private trim(): void {
    if (this.ring.length > this.ringSize) this.ring.splice(0, this.ring.length - this.ringSize);
  }

  private emit(e: StreamEvent): void {
    for (const l of this.listeners) l(e);
  }
}

/** The state a frame leads to from `state` (which must be the frame's base). */
export function applyFrame(state: StreamState, frame: Frame): StreamState {
  const scopes = { ...state.scopes };
  for (const k of frame.removed) delete scopes[k];
  const replaced = new Set(frame.replaced);
  for (const k in frame.scopes) {
    scopes[k] = replaced.has(k) ? frame.scopes[k] : applyPatch(scopes[k], frame.scopes[k]);
  }
  return {
    ...state,
    seq: frame.seq,
    t: frame.t,
    at: frame.at,
    scopes,
    owners: frame.owners ?? state.owners,
  };
}
