/**
 * The snapshot stream that one engine produces and every instance fans out. A stream has an id (new each
 * time a publisher starts, so clients can tell a restarted server from a resumed one) and a sequence
 * number per state. The first state of a stream, and any state a consumer cannot reach by patches, is
 * sent whole; each later state as a Frame: the patch from the state before (seq - 1).
 */
import type { IntervalMinutes, SlSettings } from '@wallboard/metrics';
import type { JsonObject } from './patch.js';

export type StreamSettings = SlSettings & { timeZone: string; intervalMin: IntervalMinutes };

/** Scope key -> the partner that owns it (queues by their calls' `partner`, teams by their agents'). */
export type Owners = Readonly<Record<string, string>>;

export interface StreamState {
  stream: string;
  seq: number;
  /** Engine time the state describes (epoch ms). */
  t: number;
  /** Wall time (epoch ms) the publisher made it: delivery latency is measured from here. */
  at: number;
  timeZone: string;
  settings: StreamSettings;
  /** Scope key -> ScopeSnapshot (as plain JSON). */
  scopes: Readonly<Record<string, JsonObject>>;
  owners: Owners;
}

export interface Frame {
  stream: string;
  seq: number;
  /** Always seq - 1: the state this frame patches. */
  base: number;
  t: number;
  at: number;
  /** Scope key -> patch of that scope (or its whole value, for keys listed in `replaced`). */
  scopes: Record<string, JsonObject>;
  /** Scopes sent whole: new ones, and ones whose owner changed (a client may see them for the first time). */
  replaced: string[];
  removed: string[];
  /** The owners after this frame, when they changed. */
  owners?: Owners;
}

/** What a stream consumer is told: a new state reached by `frame` from the previous one, or a reset. */
export type StreamEvent =
  | { kind: 'frame'; frame: Frame; state: StreamState; ownersBefore: Owners }
  | { kind: 'reset'; state: StreamState };
