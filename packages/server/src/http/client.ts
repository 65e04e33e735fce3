/**
 * One connected client (SSE or WebSocket) and the rule that keeps a slow one from costing the others:
 * messages go out only while the bytes it has not yet taken stay under `maxBufferBytes`. Past that it
 * misses frames (marked behind); once its buffer drains it is sent the whole latest state, so it skips
 * to now instead of replaying the backlog. A client stuck behind for `stallTimeoutMs` is disconnected.
 * Writes never wait for a client: the server's loop only ever appends to bounded buffers.
 */
import type { RingEntry, StreamHub } from '../stream/hub.js';
import type { StreamEvent } from '../stream/types.js';
import type { Encoded, View } from '../stream/view.js';

export interface Transport {
  readonly kind: 'sse' | 'ws';
  /** Queues one message; `done` runs once it has been handed to the kernel (or the socket died). */
  send(msg: Encoded, done: () => void): void;
  close(reason: string): void;
}

export interface ClientOptions {
  /** `delta`: one snapshot, then patches; `full`: the whole (filtered) snapshot every time. */
  mode: 'delta' | 'full';
  maxBufferBytes: number;
  stallTimeoutMs: number;
}

export interface ClientStats {
  sent: number;
  resyncs: number;
  dropped: number;
}

export class ClientConnection {
  readonly stats: ClientStats = { sent: 0, resyncs: 0, dropped: 0 };
  private pendingBytes = 0;
  private behind = false;
  private behindSince = 0;
  /** Stream and seq of the last state this client has (or will have once its buffer flushes). */
  private stream: string | undefined;
  private seq = 0;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly hub: StreamHub,
    readonly view: View,
    private readonly transport: Transport,
    private readonly options: ClientOptions,
    private readonly onClose: (c: ClientConnection) => void,
  ) {
    this.unsubscribe = hub.subscribe((e) => this.onStream(e));
  }

  get kind(): 'sse' | 'ws' {
    return this.transport.kind;
  }

  get isBehind(): boolean {
    return this.behind;
  }

  get buffered(): number {
    return this.pendingBytes;
  }

  /**
   * Brings a (re)connecting client up to date: the frames after `since` when it is on the current stream
   * and they are still in the ring (so it sees every sequence number), otherwise the whole state.
   */
  resume(since: number | undefined, stream: string | undefined): void {
    const state = this.hub.state;
    if (!state) return;
    if (this.options.mode === 'delta' && since !== undefined) {
      const frames = this.hub.framesSince(since, stream);
      if (frames) {
        this.stream = state.stream;
        this.seq = since;
        for (const f of frames) this.sendFrame(f);
        return;
      }
    } else if (
      this.options.mode === 'full' &&
      since === state.seq &&
      (stream ?? state.stream) === state.stream
    ) {
      // Already has the latest state.
      this.stream = state.stream;
      this.seq = since;
      return;
    }
    this.sendSnapshot();
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.transport.close(reason);
    this.onClose(this);
  }

  /** The transport went away by itself. */
  disposed(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.onClose(this);
  }

  /** Called by the server's sweep: a client behind for too long is let go. */
  checkStall(now: number): void {
    if (this.behind && now - this.behindSince > this.options.stallTimeoutMs) this.close('stalled');
  }

  private onStream(e: StreamEvent): void {
    if (this.closed) return;
    if (this.stream === undefined) {
      // Not started yet (connected before the first state): start with the whole state.
      this.sendSnapshot();
      return;
    }
    if (this.pendingBytes > this.options.maxBufferBytes) {
      if (!this.behind) {
        this.behind = true;
        this.behindSince = Date.now();
      }
      this.stats.dropped++;
      return;
    }
    if (e.kind === 'frame' && this.options.mode === 'delta' && !this.behind) {
      const entry: RingEntry = { frame: e.frame, ownersBefore: e.ownersBefore, ownersAfter: e.state.owners };
      if (e.frame.stream === this.stream && e.frame.base === this.seq) {
        this.sendFrame(entry);
        return;
      }
    }
    this.sendSnapshot();
  }

  private sendFrame(entry: RingEntry): void {
    this.write(this.view.delta(entry));
    this.stream = entry.frame.stream;
    this.seq = entry.frame.seq;
  }

  private sendSnapshot(): void {
    const state = this.hub.state;
    if (!state) return;
    if (this.behind || (this.stream !== undefined && this.options.mode === 'delta')) this.stats.resyncs++;
    this.behind = false;
    this.write(this.view.snapshot(state));
    this.stream = state.stream;
    this.seq = state.seq;
  }

  private write(msg: Encoded): void {
    const bytes = msg.size;
    this.pendingBytes += bytes;
    this.stats.sent++;
    this.transport.send(msg, () => {
      this.pendingBytes -= bytes;
      if (this.behind && this.pendingBytes === 0 && !this.closed) this.sendSnapshot();
    });
  }
}
