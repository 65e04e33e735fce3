/**
 * A view is what one kind of client may see: its token's grants narrowed by the scopes it asked for.
 * Clients with the same view share its encodings, so each message is filtered and serialized once per
 * view, not once per client; each scope's JSON is made once per state whatever the number of views.
 *
 * Messages (one JSON object each; `id:` of an SSE event = seq):
 *   {"type":"snapshot","stream","seq","t","at","timeZone","settings","scopes":{...}}   the whole state
 *   {"type":"delta","stream","seq","base","t","at","scopes":{...},"replaced":[...],"removed":[...]}
 * A delta applies to the state `base` (= seq - 1): each scope's patch is merged into the client's copy,
 * scopes in `replaced` are taken whole, scopes in `removed` deleted (patch.ts has the merge rules).
 */
import { type Grants, scopeAllowed } from '../access/tokens.js';
import type { RingEntry } from './hub.js';
import type { JsonObject } from './patch.js';
import type { Owners, StreamState } from './types.js';

const jsonOf = new WeakMap<object, string>();

/**
 * One message as sent: its JSON, and the bytes for each transport made once and shared by every client
 * of the view (encoding a string per client costs more than writing it).
 */
export class Encoded {
  #sse: Buffer | undefined;
  #text: Buffer | undefined;
  #size: number | undefined;
  constructor(
    readonly json: string,
    readonly seq: number,
  ) {}

  /** An SSE event: `id:` = seq. */
  get sse(): Buffer {
    this.#sse ??= Buffer.from(`id: ${this.seq}\ndata: ${this.json}\n\n`);
    return this.#sse;
  }

  /** A WebSocket text message. */
  get text(): Buffer {
    this.#text ??= Buffer.from(this.json);
    return this.#text;
  }

  /** Its size in bytes (UTF-8), what a client's buffer bound counts. */
  get size(): number {
    this.#size ??= Buffer.byteLength(this.json);
    return this.#size;
  }
}

/** JSON of an object, made once per object (states and frames share unchanged objects). */
function cachedJson(value: JsonObject): string {
  let s = jsonOf.get(value);
  if (s === undefined) {
    s = JSON.stringify(value);
    jsonOf.set(value, s);
  }
  return s;
}

export class View {
  readonly key: string;
  /** Clients using this view (the registry drops a view with none). */
  users = 0;
  private full: { stream: string; seq: number; msg: Encoded } | undefined;
  private readonly deltas = new Map<string, Encoded>();

  constructor(
    readonly grants: Grants,
    readonly requested: ReadonlySet<string> | null,
    private readonly maxCachedDeltas = 64,
  ) {
    this.key = viewKey(grants, requested);
  }

  allows(scope: string, owners: Owners): boolean {
    return (this.requested === null || this.requested.has(scope)) && scopeAllowed(this.grants, scope, owners);
  }

  /** The whole state as this view sees it. */
  snapshot(state: StreamState): Encoded {
    const f = this.full;
    if (f && f.stream === state.stream && f.seq === state.seq) return f.msg;
    const parts: string[] = [];
    for (const k in state.scopes) {
      if (this.allows(k, state.owners)) parts.push(`${JSON.stringify(k)}:${cachedJson(state.scopes[k])}`);
    }
    const json =
      `{"type":"snapshot","stream":${JSON.stringify(state.stream)},"seq":${state.seq},"t":${state.t},` +
      `"at":${state.at},"timeZone":${JSON.stringify(state.timeZone)},"settings":${JSON.stringify(state.settings)},` +
      `"scopes":{${parts.join(',')}}}`;
    const msg = new Encoded(json, state.seq);
    this.full = { stream: state.stream, seq: state.seq, msg };
    return msg;
  }

  /** One frame as this view sees it. */
  delta(entry: RingEntry): Encoded {
    const { frame, ownersBefore, ownersAfter } = entry;
    const cacheKey = `${frame.stream}/${frame.seq}`;
    const cached = this.deltas.get(cacheKey);
    if (cached !== undefined) return cached;
    const parts: string[] = [];
    const replaced: string[] = [];
    const removed: string[] = [];
    const replacedSet = new Set(frame.replaced);
    for (const k in frame.scopes) {
      if (!this.allows(k, ownersAfter)) continue;
      parts.push(`${JSON.stringify(k)}:${cachedJson(frame.scopes[k])}`);
      if (replacedSet.has(k)) replaced.push(k);
    }
    for (const k of frame.removed) if (this.allows(k, ownersBefore)) removed.push(k);
    if (frame.owners) {
      // Scopes this view could see before and cannot any more (a team that gained another partner).
      for (const k in ownersBefore) {
        if (!removed.includes(k) && this.allows(k, ownersBefore) && !this.allows(k, ownersAfter))
          removed.push(k);
      }
    }
    const json =
      `{"type":"delta","stream":${JSON.stringify(frame.stream)},"seq":${frame.seq},"base":${frame.base},` +
      `"t":${frame.t},"at":${frame.at},"scopes":{${parts.join(',')}},` +
      `"replaced":${JSON.stringify(replaced)},"removed":${JSON.stringify(removed)}}`;
    const msg = new Encoded(json, frame.seq);
    this.deltas.set(cacheKey, msg);
    if (this.deltas.size > this.maxCachedDeltas) {
      const oldest = this.deltas.keys().next().value;
      if (oldest !== undefined) this.deltas.delete(oldest);
    }
    return msg;
  }
}

export function viewKey(grants: Grants, requested: ReadonlySet<string> | null): string {
  return `${grants.join('\u0000')}|${requested ? [...requested].sort().join('\u0000') : '*'}`;
}

/** Shares views between clients with the same grants and requested scopes. */
export class ViewRegistry {
  private readonly views = new Map<string, View>();

  acquire(grants: Grants, requested: ReadonlySet<string> | null): View {
    const key = viewKey(grants, requested);
    let v = this.views.get(key);
    if (!v) this.views.set(key, (v = new View(grants, requested)));
    v.users++;
    return v;
  }

  release(view: View): void {
    if (--view.users <= 0) this.views.delete(view.key);
  }

  get size(): number {
    return this.views.size;
  }
}

/** The whole state as JSON (owners included), for Redis; each scope's JSON is shared with the views. */
export function stateJson(state: StreamState): string {
  const parts: string[] = [];
  for (const k in state.scopes) parts.push(`${JSON.stringify(k)}:${cachedJson(state.scopes[k])}`);
  return (
    `{"stream":${JSON.stringify(state.stream)},"seq":${state.seq},"t":${state.t},"at":${state.at},` +
    `"timeZone":${JSON.stringify(state.timeZone)},"settings":${JSON.stringify(state.settings)},` +
    `"owners":${JSON.stringify(state.owners)},"scopes":{${parts.join(',')}}}`
  );
}
