/**
 * The synchronous heart of the metrics engine: takes validated events in time order (within a tolerance),
 * keeps calls in flight and agents, and adds to each scope's windows. No RxJS here: engine.ts wraps it in
 * streams, snapshot.ts derives figures from it. Memory is O(scopes x intervals + calls in flight + agents).
 *
 * Attribution: a call counts as offered in the windows open when it is queued; an outcome (answered,
 * abandoned, overflowed) counts in the windows open when it happens, and so do talk (at call end) and
 * ACW (when the agent leaves ACW). A short abandon takes its call back out of `offered` in the window
 * that counted it (if that window still exists) and counts as `shortAbandoned` where it happens.
 */
import type { WallboardEvent } from '../events.js';
import { AGENT_STATES } from '../events.js';
import type { Diagnostics } from '../types.js';
import {
  type EventFields,
  findFieldProblem,
  findProblem,
  isJsonObject,
  newEventFields,
  type Rejection,
  type RejectReason,
} from '../validate.js';
import { type Acc, F } from './accumulator.js';
import type { ResolvedOptions } from './options.js';
import { Level, Scope } from './scope.js';
import { newLinks, type WaitingCall } from './wait-list.js';
import { ZoneCalendar } from './zone-calendar.js';

const WAITING = 0;
const ANSWERED = 1;
const OVERFLOWED = 2;

interface CallState extends WaitingCall {
  status: number;
  queue: Scope;
  queueId: string;
  partner: Scope | null;
  thresholdMs: number;
  /** The engine minute whose windows counted the offer at each level (a short abandon takes it back). */
  visitMinute: number;
  partnerMinute: number;
  firstMinute: number;
  answeredAt: number;
  overflowAt: number;
  lastSeen: number;
  /** Bumped each time the object is recycled, so stale references to it can tell. */
  gen: number;
}

interface AgentState {
  state: number;
  since: number;
  team: string | undefined;
  partner: string | undefined;
  queuesKey: string;
  /** The queues the agent serves: from its agent.state events, else the queues it answered calls from. */
  queues: string[];
  /** Whether an agent.state named the agent's queues (then answering elsewhere adds none). */
  queuesStated: boolean;
  scopes: Scope[];
  teamScope: Scope | null;
  /** From a call's end until the agent leaves ACW: when it ended and the scopes its ACW goes to. */
  acwPending: boolean;
  acwFrom: number;
  acwQueue: Scope | null;
  acwPartner: Scope | null;
  acwTeam: Scope | null;
  /** Whether agent.state events describe this agent (else ACW is unknown, not zero). */
  tracked: boolean;
}

/**
 * What every call.queued (and call.rated) of a queue needs, found with one look-up by queue id instead of
 * one per map (scope, configuration, owner, owner's scope).
 */
interface QueueInfo {
  scope: Scope;
  /** Configuration names the owner (then a call.queued's `partner` does not change it). */
  ownerConfigured: boolean;
  thresholdMs: number;
  /** The owner's scope (`partnerScope(queuePartner.get(id))`), resolved on first use; undefined until then. */
  ownerScope: Scope | null | undefined;
}

const STATE_INDEX = new Map<string, number>(AGENT_STATES.map((s, i) => [s, i]));
const S_ONCALL = 2;
const S_ACW = 3;
const S_OFFLINE = 0;

const MAX_SCOPES = 20_000;
const DUPLICATE_GENERATION = 250_000;
const RECENT_REJECTIONS = 20;
const EVICT_EVERY_MIN = 5;
const CALL_POOL_SIZE = 4096;

function newCallState(placeholder: Scope): CallState {
  return {
    status: WAITING,
    queue: placeholder,
    queueId: '',
    partner: null,
    thresholdMs: 0,
    visitAt: 0,
    partnerAt: 0,
    firstAt: 0,
    visitMinute: 0,
    partnerMinute: 0,
    firstMinute: 0,
    answeredAt: 0,
    overflowAt: 0,
    lastSeen: 0,
    gen: 0,
    links: newLinks(),
    inLists: 0,
  };
}

export class EngineCore {
  readonly calendar: ZoneCalendar;
  /** Engine time: the latest event time or clock reading (epoch ms); -Infinity before the first. */
  now = Number.NEGATIVE_INFINITY;
  minute = 0;
  intervalSeq = 0;
  intervalStart = 0;
  nextInterval = 0;
  daySeq = 0;
  dayStart = 0;
  nextDay = 0;
  readonly scopes = new Map<string, Scope>();
  readonly calls = new Map<string, CallState>();
  readonly agents = new Map<string, AgentState>();
  readonly diagnostics: Diagnostics = {
    accepted: 0,
    rejected: 0,
    reasons: {},
    duplicates: 0,
    outOfOrder: 0,
    evicted: 0,
    sourceErrors: 0,
    recent: [],
  };
  /** Bumped whenever any figure may have changed; snapshots compare it. */
  version = 0;
  /** Time of the first accepted event, null before (and after that event is retracted). */
  startedAt: number | null = null;
  /** Called for every rejection with the pushed event's tag (e.g. its source line), retractions too. */
  onReject: ((tag: number, reason: string, detail: string) => void) | undefined;

  private all: Scope;
  /** The first event's time is unconfirmed (see pushProvisional). */
  private provisional = false;
  private anchor: { value: WallboardEvent; tag: number } | null = null;
  private held: { value: WallboardEvent; tag: number; reason: RejectReason; detail: string } | null = null;
  private readonly queueScopes = new Map<string, Scope>();
  private readonly queueInfos = new Map<string, QueueInfo>();
  private readonly partnerScopes = new Map<string, Scope>();
  private readonly teamScopes = new Map<string, Scope>();
  private readonly queuePartner = new Map<string, string>();
  private readonly pool: CallState[] = [];
  /** Overflowed calls waiting for their `call.queued` at the destination, oldest first. */
  private overflowPending: Array<{ c: CallState; gen: number; id: string }> = [];
  private seenIds = new Set<string>();
  private oldIds = new Set<string>();
  private readonly shortMs: number;
  private readonly defaultThresholdMs: number;
  /** The fields of the event being pushed, as the validator read them (see pushChecked). */
  private readonly fields: EventFields = newEventFields();
  /**
   * The call check() looked up for the event being pushed, with its gen then, so apply() needs no second
   * hash look-up (see checkedCall()).
   */
  private lookedUpId: string | undefined = undefined;
  private lookedUp: CallState | undefined = undefined;
  private lookedUpGen = 0;
  /** Likewise the queue record roomFor() found, for onQueued and onRated (records are never removed). */
  private lookedUpQueueId: string | undefined = undefined;
  private lookedUpQueue: QueueInfo | undefined = undefined;

  constructor(readonly options: ResolvedOptions) {
    this.calendar = new ZoneCalendar(options.timeZone);
    this.shortMs = options.shortAbandonSec * 1000;
    this.defaultThresholdMs = options.slThresholdSec * 1000;
    for (const [q, cfg] of Object.entries(options.queues))
      if (cfg.partner) this.queuePartner.set(q, cfg.partner);
    this.all = new Scope('all', Level.All, options.rollingMin, 0, 0);
    this.scopes.set('all', this.all);
    this.addConfiguredScopes(true);
  }

  /**
   * Configured queues, and the partners named as their owners, have their scopes from the start (a board
   * up before a queue's first call shows it with nothing offered and its own SL terms), like `all`: made
   * before the engine's first time, they are restarted with it in start(). Those that do not fit under
   * MAX_SCOPES are left out and said so in diagnostics (`scope-limit`), not thrown.
   */
  private addConfiguredScopes(report: boolean): void {
    const queuesOut: string[] = [];
    const ownersOut = new Set<string>();
    for (const [q, cfg] of Object.entries(this.options.queues)) {
      // The owner's scope is made but not put in the queue's record: ownerScope() then finds it at first
      // use, as it did when it made it.
      if (!this.queueInfo(q)) queuesOut.push(q);
      if (cfg.partner && !this.partnerScope(cfg.partner)) ownersOut.add(cfg.partner);
    }
    for (const s of this.scopes.values()) if (s !== this.all) s.dormant = true;
    const missing = queuesOut.length + ownersOut.size;
    if (missing === 0 || !report) return;
    // Not a rejected event: counted under its own reason (like a source error), said once.
    const d = this.diagnostics;
    d.reasons['scope-limit'] = missing;
    const first = queuesOut.length > 0 ? `queue:${queuesOut[0]}` : `partner:${[...ownersOut][0]}`;
    d.recent.push({
      reason: 'scope-limit',
      detail:
        `the queue configuration needs more scopes than the limit of ${MAX_SCOPES}: ` +
        `${queuesOut.length} queue(s) and ${ownersOut.size} owner(s) left out, the first ${first}; ` +
        'the calls of a queue left out are rejected (bad-field)',
    });
  }

  /**
   * Validates and applies one event. Never throws; returns whether it was accepted (an event held while
   * the stream's start is unconfirmed returns false and is settled later, see `pushProvisional`).
   * `tag` is handed back to `onReject` when this event is rejected (the report CLI passes line numbers).
   */
  push(value: unknown, tag = 0): boolean {
    if (!isJsonObject(value)) {
      const why = findProblem(value) as Rejection; // never null for a value that is not an object
      return this.reject(why.reason, why.detail, tag);
    }
    // `t` is read once, here, for validation and everything after; the other fields go to this.fields
    // (see pushChecked).
    const t = value.t;
    const invalid = findFieldProblem(value, value.type, t, this.fields);
    if (invalid) return this.reject(invalid.reason, invalid.detail, tag);
    const e = value as unknown as WallboardEvent;
    const id = this.fields.id;
    // A held event's id is not in seenIds yet: its resend must not count as a second vote for its time.
    if (id !== undefined && (this.seenIds.has(id) || this.oldIds.has(id) || this.held?.value.id === id))
      return this.reject('duplicate', `id "${id}" seen before`, tag);
    return this.provisional
      ? this.pushProvisional(e, t as number, tag)
      : this.pushChecked(e, t as number, tag);
  }

  /**
   * Every check first, then time moves, then the event applies: a rejected event is dropped whole and
   * never moves the clock (an answer for an unknown call an hour ahead must not make the rest of the
   * stream out of order).
   *
   * Events come in many shapes, so every read of one of their fields is a megamorphic property load,
   * and reading the number `t` allocates a fresh heap number each time: the hot path reads each field
   * once, in validation, which leaves `t` to push() and the others in `this.fields` (for `e`, see
   * readFields); nothing after reads `e` again.
   */
  private pushChecked(e: WallboardEvent, t: number, tag: number): boolean {
    const f = this.fields;
    const problem = this.timeProblem(f, t) ?? this.check(f, t);
    if (problem) return this.reject(problem[0], problem[1], tag);
    this.advance(t);
    const late = this.apply(f, t);
    if (late) return this.reject(late[0], late[1], tag); // unreachable while check() mirrors apply()
    const id = f.id;
    if (id !== undefined) this.rememberId(id);
    if (this.startedAt === null) {
      this.startedAt = t;
      // With a clock, the clock vouches for the first event's time; without one, the next events do.
      if (!this.options.clock) {
        this.provisional = true;
        this.anchor = { value: e, tag };
      }
    }
    this.diagnostics.accepted++;
    this.version++;
    return true;
  }

  /**
   * Without a clock, nothing vouches for the first event's time: one absurd but finite time (t = 4e12,
   * the year 2096) would make every later event out of order. So the first accepted event fixes the
   * clock provisionally. An event whose time the first would reject (out of order, or more than
   * maxJumpMs ahead) is held, not applied. The next event settles it: if it is accepted next to the
   * first, the first stands and the held one is rejected; if it agrees with the held one instead, two
   * events outvote one, so the first is retracted (counted as `bad-time`, its effects undone) and the
   * stream starts again from the held event. A held event that nothing confirms is rejected at the end
   * (`settleStart`).
   */
  private pushProvisional(e: WallboardEvent, t: number, tag: number): boolean {
    const vsFirst = this.timeProblem(this.fields, t);
    if (!vsFirst) {
      const ok = this.pushChecked(e, t, tag);
      if (ok) this.settleStart();
      return ok;
    }
    const content = this.check(this.fields, t);
    if (content) return this.reject(content[0], content[1], tag);
    const held = this.held;
    this.held = null;
    if (held && this.follows(held.value.t, t)) {
      this.retractFirst(held.value);
      this.readFields(held.value);
      this.pushChecked(held.value, held.value.t, held.tag);
      this.readFields(e);
      return this.provisional ? this.pushProvisional(e, t, tag) : this.pushChecked(e, t, tag);
    }
    if (held) this.reject(held.reason, held.detail, held.tag);
    this.held = { value: e, tag, reason: vsFirst[0], detail: vsFirst[1] };
    return false;
  }

  /** Loads `this.fields` with an event validated before (a held one, pushed again). */
  private readFields(e: WallboardEvent): void {
    findFieldProblem(e as unknown as Record<string, unknown>, e.type, e.t, this.fields);
  }

  /** Ends the first event's probation: it stands, and an event held against it is rejected. */
  settleStart(): void {
    this.provisional = false;
    this.anchor = null;
    const held = this.held;
    this.held = null;
    if (held) this.reject(held.reason, held.detail, held.tag);
  }

  /** Whether an event at `t` could follow one at `prev` (not out of order, not absurdly ahead). */
  private follows(prev: number, t: number): boolean {
    return t >= prev - this.options.outOfOrderToleranceMs && t <= prev + this.options.maxJumpMs;
  }

  /** Why the event's time `t` is unacceptable now, or null (`e`: its fields, for the message). */
  private timeProblem(e: EventFields, t: number): [RejectReason, string] | null {
    const now = this.now;
    if (now !== Number.NEGATIVE_INFINITY) {
      if (t < now - this.options.outOfOrderToleranceMs)
        return ['out-of-order', `${e.type} at ${t} is ${now - t} ms behind the stream`];
      if (t > now + this.options.maxJumpMs)
        return ['bad-time', `${e.type} at ${t} is ${t - now} ms ahead of the stream`];
    }
    const clock = this.options.clock;
    if (clock && t > now) {
      const c = clock();
      if (Number.isFinite(c) && t > c + this.options.maxJumpMs)
        return ['bad-time', `${e.type} at ${t} is ${t - c} ms ahead of the clock`];
    }
    return null;
  }

  /** Undoes the first event (the only one applied): the engine is as new, the event counted as rejected. */
  private retractFirst(by: WallboardEvent): void {
    const first = this.anchor;
    this.resetState();
    if (!first) return;
    this.diagnostics.accepted--;
    const iso = (t: number) => new Date(t).toISOString();
    this.reject(
      'bad-time',
      `${first.value.type} at ${iso(first.value.t)} is far from the stream that follows it (${iso(by.t)})`,
      first.tag,
    );
  }

  private resetState(): void {
    this.now = Number.NEGATIVE_INFINITY;
    this.minute = this.intervalSeq = this.intervalStart = this.nextInterval = 0;
    this.daySeq = this.dayStart = this.nextDay = 0;
    this.scopes.clear();
    this.queueScopes.clear();
    this.queueInfos.clear();
    this.lookedUpQueueId = this.lookedUpQueue = undefined;
    this.partnerScopes.clear();
    this.teamScopes.clear();
    this.all = new Scope('all', Level.All, this.options.rollingMin, 0, 0);
    this.scopes.set('all', this.all);
    this.calls.clear();
    this.lookedUpId = this.lookedUp = undefined;
    this.agents.clear();
    this.queuePartner.clear();
    for (const [q, cfg] of Object.entries(this.options.queues))
      if (cfg.partner) this.queuePartner.set(q, cfg.partner);
    this.addConfiguredScopes(false);
    this.overflowPending = [];
    this.seenIds = new Set();
    this.oldIds = new Set();
    this.startedAt = null;
    this.provisional = false;
    this.anchor = null;
    this.version++;
  }

  /** A source of events failed: counted under `source-error`, not as a rejected event. */
  sourceFailed(err: unknown): void {
    const d = this.diagnostics;
    d.sourceErrors++;
    d.reasons['source-error'] = (d.reasons['source-error'] ?? 0) + 1;
    const why = err instanceof Error ? err.message : String(err);
    d.recent.push({ reason: 'source-error', detail: `the event source failed: ${why.slice(0, 200)}` });
    if (d.recent.length > RECENT_REJECTIONS) d.recent.shift();
    this.version++;
  }

  private reject(reason: RejectReason | string, detail: string, tag = 0): false {
    const d = this.diagnostics;
    d.rejected++;
    d.reasons[reason] = (d.reasons[reason] ?? 0) + 1;
    if (reason === 'duplicate') d.duplicates++;
    else if (reason === 'out-of-order') d.outOfOrder++;
    d.recent.push({ reason, detail });
    if (d.recent.length > RECENT_REJECTIONS) d.recent.shift();
    this.version++;
    this.onReject?.(tag, reason, detail);
    return false;
  }

  private rememberId(id: string): void {
    // Two generations bound the memory of seen ids while still catching any repeat within the last 250k.
    if (this.seenIds.size >= DUPLICATE_GENERATION) {
      this.oldIds = this.seenIds;
      this.seenIds = new Set();
    }
    this.seenIds.add(id);
  }

  /** Sets the engine's time origin (first event or clock reading). */
  start(t: number): void {
    const { intervalMin, resetMinutes } = this.options;
    this.now = t;
    this.minute = Math.floor(t / 60_000);
    this.intervalStart = this.calendar.intervalStart(t, intervalMin);
    this.nextInterval = this.calendar.nextIntervalStart(t, intervalMin);
    this.dayStart = this.calendar.dayStart(t, resetMinutes);
    this.nextDay = this.calendar.nextDayStart(this.dayStart, resetMinutes);
    for (const s of this.scopes.values()) s.restartMinute(t, this.minute);
  }

  /** Moves engine time forward to t, closing minutes, intervals and days on the way. */
  advance(t: number): void {
    if (this.now === Number.NEGATIVE_INFINITY) {
      this.start(t);
      return;
    }
    if (t <= this.now) return;
    // Interval and day boundaries fall on whole minutes (zone offsets are whole minutes), so closing
    // minutes one by one reaches each of them exactly.
    for (;;) {
      const b = (this.minute + 1) * 60_000;
      if (b > t) break;
      this.minute++;
      for (const s of this.scopes.values()) s.nextMinute(this.minute, b);
      this.now = b;
      if (b >= this.nextInterval) this.closeInterval(b);
      if (b >= this.nextDay) this.closeDay(b);
      if (this.minute % EVICT_EVERY_MIN === 0) this.evictStale();
      this.version++;
    }
    this.now = t;
    if (this.overflowPending.length > 0) this.settleOverflows(t - this.options.outOfOrderToleranceMs);
  }

  /** Adds agent time up to t to every scope (before a boundary or a snapshot). */
  integrateAll(t: number): void {
    for (const s of this.scopes.values()) s.settle(t);
  }

  private closeInterval(b: number): void {
    const keepAll = this.options.keepIntervals === 'all';
    for (const s of this.scopes.values()) {
      if (!(keepAll && isIdle(s.interval))) {
        s.closed.push({ seq: this.intervalSeq, start: this.intervalStart, end: b, acc: s.interval });
        s.closedVersion++;
      }
      s.interval = new Float64Array(s.interval.length);
    }
    this.intervalSeq++;
    this.intervalStart = b;
    this.nextInterval = this.calendar.nextIntervalStart(b, this.options.intervalMin);
  }

  private closeDay(b: number): void {
    for (const s of this.scopes.values()) {
      s.today = new Float64Array(s.today.length);
      if (this.options.keepIntervals === 'today' && s.closed.length > 0) {
        s.closed.length = 0;
        s.closedVersion++;
      }
    }
    this.daySeq++;
    this.dayStart = b;
    this.nextDay = this.calendar.nextDayStart(b, this.options.resetMinutes);
  }

  private evictStale(): void {
    const limit = this.now - this.options.evictAfterMs;
    // forEach, not for-of over entries: that allocates an [id, value] pair per call and agent, every
    // five minutes, which was an eighth of the engine's garbage. (Deleting while iterating is safe.)
    this.calls.forEach((c, id) => {
      if (c.lastSeen >= limit) return;
      this.stopWaiting(c);
      this.calls.delete(id);
      this.release(c);
      this.diagnostics.evicted++;
    });
    this.agents.forEach((a, id) => {
      if (a.state === S_OFFLINE && a.since < limit && !a.acwPending) {
        this.setAgentScopes(a, [], this.now);
        this.agents.delete(id);
      }
    });
  }

  // ---- scopes ---------------------------------------------------------------------------------------

  private scope(cache: Map<string, Scope>, prefix: string, id: string, level: Level): Scope | null {
    let s = cache.get(id);
    if (s) {
      if (s.dormant) this.wake(s);
      return s;
    }
    if (this.scopes.size >= MAX_SCOPES) return null;
    const key = `${prefix}:${id}`;
    s = this.scopes.get(key);
    if (!s) {
      // Before the first event (configured scopes), like `all`: start() restarts it at the first time.
      const now = this.now === Number.NEGATIVE_INFINITY ? 0 : this.now;
      s = new Scope(key, level, this.options.rollingMin, now, this.minute);
      this.scopes.set(key, s);
    }
    cache.set(id, s);
    return s;
  }

  /**
   * A configured scope's first use: it moves to the end of the scope order, where it would have been made
   * without the configuration (a stream whose queues all have events lists its scopes as it did).
   */
  private wake(s: Scope): void {
    s.dormant = false;
    this.scopes.delete(s.key);
    this.scopes.set(s.key, s);
  }

  private queueScope(q: string): Scope | null {
    return this.scope(this.queueScopes, 'queue', q, Level.Queue);
  }

  /** The queue's scope with what its calls need from configuration; null when no scope can be added. */
  private queueInfo(q: string): QueueInfo | null {
    let info = q === this.lookedUpQueueId ? this.lookedUpQueue : undefined;
    info ??= this.queueInfos.get(q);
    if (info) {
      if (info.scope.dormant) this.wake(info.scope);
      return info;
    }
    const scope = this.queueScope(q);
    if (!scope) return null;
    const cfg = this.options.queues[q];
    const queueT = cfg?.slThresholdSec;
    info = {
      scope,
      ownerConfigured: Boolean(cfg?.partner),
      thresholdMs: queueT === undefined ? this.defaultThresholdMs : queueT * 1000,
      ownerScope: undefined,
    };
    this.queueInfos.set(q, info);
    return info;
  }

  /**
   * The scope of the partner owning queue `q`. Cached: the owner changes only in onQueued, which clears
   * the cache, and a partner scope refused for want of room stays refused (scopes are never removed).
   */
  private ownerScope(q: string, info: QueueInfo): Scope | null {
    if (info.ownerScope === undefined) info.ownerScope = this.partnerScope(this.queuePartner.get(q));
    return info.ownerScope;
  }

  private partnerScope(p: string | undefined): Scope | null {
    return p === undefined ? null : this.scope(this.partnerScopes, 'partner', p, Level.Partner);
  }

  private teamScope(team: string | undefined): Scope | null {
    return team === undefined ? null : this.scope(this.teamScopes, 'team', team, Level.Team);
  }

  /** The partner owning a queue: configuration, else what its call.queued events said. */
  partnerOf(queue: string): string | undefined {
    return this.queuePartner.get(queue);
  }

  // ---- events ---------------------------------------------------------------------------------------

  /**
   * Why `e` would be rejected by the state it meets, or null: the same decisions `apply` makes, taken
   * before time moves (to `t`, the event's time). A call the advance to `t` would evict or settle counts
   * as gone already. `f`: the event's fields (see pushChecked).
   */
  private check(f: EventFields, t: number): [RejectReason, string] | null {
    const type = f.type;
    if (type === 'agent.state') return null;
    const queue = f.queue;
    if (type === 'call.rated') return this.roomFor(queue);
    const call = f.call;
    const c = this.liveCall(call, t);
    if (type === 'call.queued') {
      if (c && c.status !== OVERFLOWED)
        return ['invalid-transition', `call "${call}" queued twice without overflowing`];
      return this.roomFor(queue);
    }
    if (!c) return ['unknown-call', `${type} for call "${call}" never queued here`];
    if (c.queueId !== queue) {
      return [
        'invalid-transition',
        `${type} for call "${call}" in queue "${queue}", but it is in ${c.queue.key}`,
      ];
    }
    switch (type) {
      case 'call.answered':
        return c.status === WAITING
          ? null
          : ['invalid-transition', `call "${call}" answered but not waiting`];
      case 'call.abandoned':
        return c.status === WAITING
          ? null
          : ['invalid-transition', `call "${call}" abandoned but not waiting`];
      case 'call.overflowed':
        return c.status === WAITING
          ? null
          : ['invalid-transition', `call "${call}" overflowed but not waiting`];
      case 'call.ended':
        return c.status === ANSWERED
          ? null
          : ['invalid-transition', `call "${call}" ended but never answered`];
    }
  }

  /** The call as `advance(t)` would leave it: undefined when eviction or an overflow's settling removes it. */
  private liveCall(id: string, t: number): CallState | undefined {
    const c = this.calls.get(id);
    this.lookedUpId = id;
    this.lookedUp = c;
    this.lookedUpGen = c === undefined ? 0 : c.gen;
    if (!c || !(t > this.now)) return c;
    if (c.status === OVERFLOWED && c.overflowAt < t - this.options.outOfOrderToleranceMs) return undefined;
    const everyMs = EVICT_EVERY_MIN * 60_000;
    const lastEviction = Math.floor(t / everyMs) * everyMs;
    if (lastEviction > this.now && c.lastSeen < lastEviction - this.options.evictAfterMs) return undefined;
    return c;
  }

  private roomFor(queue: string): [RejectReason, string] | null {
    // The queue's record is kept for apply(), which then needs no look-up of its own.
    const info = this.queueInfos.get(queue);
    this.lookedUpQueueId = queue;
    this.lookedUpQueue = info;
    return info !== undefined || this.queueScopes.has(queue) || this.scopes.size < MAX_SCOPES
      ? null
      : ['bad-field', `too many scopes (limit ${MAX_SCOPES})`];
  }

  /**
   * `this.calls.get(id)` now, for the call check() just looked up, without hashing the id again: the
   * advance() between them only removes calls, and every removal releases the call, bumping its gen.
   */
  private checkedCall(id: string): CallState | undefined {
    if (id !== this.lookedUpId) return this.calls.get(id);
    const c = this.lookedUp;
    return c !== undefined && c.gen === this.lookedUpGen ? c : undefined;
  }

  /**
   * Applies a checked event at its time `t`; a problem here means check() missed one (the event is still
   * rejected). `f`: the event's fields (see pushChecked).
   */
  private apply(f: EventFields, t: number): [RejectReason, string] | null {
    const type = f.type;
    if (type === 'agent.state') return this.onAgentState(f, t);
    if (type === 'call.queued') return this.onQueued(f.call, f.queue, f.partner, t);
    if (type === 'call.rated') return this.onRated(f.queue, f.agent, f.score);
    const call = f.call;
    const c = this.checkedCall(call);
    if (!c || c.queueId !== f.queue) return ['unknown-call', `${type} for call "${call}" gone meanwhile`];
    c.lastSeen = t;
    switch (type) {
      case 'call.answered':
        this.answer(c, t, f.agent);
        return null;
      case 'call.abandoned':
        this.abandon(c, t);
        this.calls.delete(call);
        this.release(c);
        return null;
      case 'call.overflowed':
        this.outcomeAt(c.queue, c, F.overflowed, F.waitOverflowed, t - c.visitAt);
        c.queue.waiting.delete(c);
        c.status = OVERFLOWED;
        c.overflowAt = t;
        this.overflowPending.push({ c, gen: c.gen, id: call });
        return null;
      case 'call.ended':
        this.end(c, t, f.agent, f.holdMs);
        this.calls.delete(call);
        this.release(c);
        return null;
    }
  }

  private onQueued(
    id: string,
    queue: string,
    partnerId: string | undefined,
    t: number,
  ): [RejectReason, string] | null {
    const info = this.queueInfo(queue);
    if (!info) return ['bad-field', `too many scopes (limit ${MAX_SCOPES})`];
    const q = info.scope;
    if (partnerId !== undefined && !info.ownerConfigured && this.queuePartner.get(queue) !== partnerId) {
      this.queuePartner.set(queue, partnerId);
      info.ownerScope = undefined;
      this.queueOwnerChanged(queue);
    }
    const partner = partnerId === undefined ? this.ownerScope(queue, info) : this.partnerScope(partnerId);
    const thresholdMs = info.thresholdMs;
    const existing = this.checkedCall(id);
    const m = this.minute;
    if (existing) {
      if (existing.status !== OVERFLOWED)
        return ['invalid-transition', `call "${id}" queued twice without overflowing`];
      // A new visit after an overflow: the queue counts it again, a group only when the call enters it.
      existing.status = WAITING;
      existing.queue = q;
      existing.queueId = queue;
      existing.visitAt = t;
      existing.visitMinute = m;
      existing.thresholdMs = thresholdMs;
      existing.lastSeen = t;
      q.add(F.offered, 1);
      q.waiting.add(existing);
      if (existing.partner !== partner) {
        if (existing.partner) {
          this.outcomeAt(existing.partner, existing, F.overflowed, F.waitOverflowed, t - existing.partnerAt);
          existing.partner.waiting.delete(existing);
        }
        existing.partner = partner;
        existing.partnerAt = t;
        existing.partnerMinute = m;
        if (partner) {
          partner.add(F.offered, 1);
          partner.waiting.add(existing);
        }
      }
      return null;
    }
    // Call states are recycled: a busy center allocates nothing per call here.
    const c = this.pool.pop() ?? newCallState(this.all);
    c.status = WAITING;
    c.queue = q;
    c.queueId = queue;
    c.partner = partner;
    c.thresholdMs = thresholdMs;
    c.visitAt = c.partnerAt = c.firstAt = c.lastSeen = t;
    c.visitMinute = c.partnerMinute = c.firstMinute = m;
    c.answeredAt = 0;
    this.calls.set(id, c);
    q.add(F.offered, 1);
    q.waiting.add(c);
    if (partner) {
      partner.add(F.offered, 1);
      partner.waiting.add(c);
    }
    this.all.add(F.offered, 1);
    this.all.waiting.add(c);
    return null;
  }

  private answer(c: CallState, t: number, agentId: string): void {
    this.outcomeAt(c.queue, c, F.answered, F.waitAnswered, t - c.visitAt);
    if (c.partner) this.outcomeAt(c.partner, c, F.answered, F.waitAnswered, t - c.partnerAt);
    this.outcomeAt(this.all, c, F.answered, F.waitAnswered, t - c.firstAt);
    this.stopWaiting(c);
    c.status = ANSWERED;
    c.answeredAt = t;
    const agent = this.agents.get(agentId);
    // An agent whose events never named its queues serves the queues it answers from: its time counts
    // in their occupancy from now on. Stated membership stands (an overflow answered elsewhere does
    // not make the agent a member there).
    if (agent && !agent.queuesStated && !agent.queues.includes(c.queueId)) {
      agent.queues = [...agent.queues, c.queueId];
      agent.queuesKey = agent.queues.join('\u0000');
      this.rescope(agent, t);
    }
    // A new call ends any ACW still pending: the agent can't have been wrapping up.
    if (agent?.acwPending) this.finishAcw(agent, agent.tracked && agent.state === S_ACW ? t : agent.acwFrom);
  }

  private abandon(c: CallState, t: number): void {
    this.abandonAt(c.queue, c, t - c.visitAt, c.visitMinute);
    if (c.partner) this.abandonAt(c.partner, c, t - c.partnerAt, c.partnerMinute);
    this.abandonAt(this.all, c, t - c.firstAt, c.firstMinute);
    this.stopWaiting(c);
  }

  private abandonAt(s: Scope, c: CallState, waitMs: number, offerMinute: number): void {
    const wait = Math.max(waitMs, 0);
    if (wait < this.shortMs) {
      s.add(F.shortAbandoned, 1);
      s.add(F.waitShortAbandoned, wait);
      this.takeBackOffer(s, offerMinute);
      return;
    }
    s.add(F.abandoned, 1);
    s.add(F.waitAbandoned, wait);
    if (wait <= c.thresholdMs) s.add(F.abandonedWithin, 1);
  }

  /** A short abandon is not an offered call: remove it from every window that still holds its offer. */
  private takeBackOffer(s: Scope, minute: number): void {
    if (minute === this.minute) {
      s.cur[F.offered]--;
      return;
    }
    const at = minute * 60_000;
    s.total[F.offered]--;
    if (at >= this.dayStart) s.today[F.offered]--;
    if (at >= this.intervalStart) s.interval[F.offered]--;
    else {
      for (let i = s.closed.length - 1; i >= 0; i--) {
        const rec = s.closed[i];
        if (rec.end <= at) break;
        if (rec.start <= at) {
          rec.acc[F.offered]--;
          rec.figures = undefined;
          s.closedVersion++;
          break;
        }
      }
    }
    const i = minute % s.buckets.length;
    if (s.bucketMinute[i] === minute) s.buckets[i][F.offered]--;
  }

  private outcomeAt(s: Scope, c: CallState, field: number, waitField: number, waitMs: number): void {
    const wait = Math.max(waitMs, 0);
    s.add(field, 1);
    s.add(waitField, wait);
    if (field === F.answered && wait <= c.thresholdMs) s.add(F.answeredWithin, 1);
  }

  /**
   * An overflow whose destination never queued the call (it left for a number or site outside this feed)
   * is the call's final outcome in its groups too, once the destination had the tolerance to say so.
   */
  settleOverflows(limit: number): void {
    let i = 0;
    for (; i < this.overflowPending.length; i++) {
      const { c, gen, id } = this.overflowPending[i];
      if (c.gen !== gen || c.status !== OVERFLOWED) continue; // re-queued or gone meanwhile
      if (c.overflowAt >= limit) break;
      this.version++;
      if (c.partner) this.outcomeAt(c.partner, c, F.overflowed, F.waitOverflowed, c.overflowAt - c.partnerAt);
      this.outcomeAt(this.all, c, F.overflowed, F.waitOverflowed, c.overflowAt - c.firstAt);
      this.stopWaiting(c);
      this.calls.delete(id);
      this.release(c);
    }
    if (i > 0) this.overflowPending = this.overflowPending.slice(i);
  }

  private release(c: CallState): void {
    c.gen++;
    if (this.pool.length < CALL_POOL_SIZE) {
      c.partner = null;
      this.pool.push(c);
    }
  }

  private stopWaiting(c: CallState): void {
    c.queue.waiting.delete(c);
    c.partner?.waiting.delete(c);
    this.all.waiting.delete(c);
  }

  private end(c: CallState, t: number, agentId: string, holdMs: number | undefined): void {
    const talk = Math.max(0, t - c.answeredAt);
    const agent = this.agents.get(agentId);
    const team = agent?.teamScope ?? null;
    // An ACW still pending from an earlier call ends with no ACW (the agent took this call meanwhile).
    if (agent?.acwPending) this.finishAcw(agent, agent.acwFrom);
    handled(c.queue, talk, holdMs);
    handled(this.all, talk, holdMs);
    if (c.partner) handled(c.partner, talk, holdMs);
    if (team) handled(team, talk, holdMs);
    if (agent) {
      // This call's ACW will go to the same scopes.
      agent.acwPending = true;
      agent.acwFrom = t;
      agent.acwQueue = c.queue;
      agent.acwPartner = c.partner;
      agent.acwTeam = team;
    }
  }

  private onRated(queue: string, agentId: string, score: number): [RejectReason, string] | null {
    const info = this.queueInfo(queue);
    if (!info) return ['bad-field', `too many scopes (limit ${MAX_SCOPES})`];
    const good = score >= 4 ? 1 : 0;
    rate(info.scope, good);
    rate(this.all, good);
    const partner = this.ownerScope(queue, info);
    if (partner) rate(partner, good);
    const team = this.agents.get(agentId)?.teamScope;
    if (team) rate(team, good);
    return null;
  }

  private finishAcw(a: AgentState, until: number): void {
    a.acwPending = false;
    if (!a.tracked || !a.acwQueue) return;
    const acw = Math.max(0, until - a.acwFrom);
    wrappedUp(a.acwQueue, acw);
    wrappedUp(this.all, acw);
    if (a.acwPartner) wrappedUp(a.acwPartner, acw);
    if (a.acwTeam) wrappedUp(a.acwTeam, acw);
  }

  /** An agent.state at time `t`; `e`: its fields (see pushChecked). */
  private onAgentState(e: EventFields, t: number): [RejectReason, string] | null {
    const next = STATE_INDEX.get(e.state) ?? 0;
    const agentId = e.agent;
    let a = this.agents.get(agentId);
    if (!a) {
      a = {
        state: S_OFFLINE,
        since: t,
        team: undefined,
        partner: undefined,
        queuesKey: '',
        queues: [],
        queuesStated: false,
        scopes: [],
        teamScope: null,
        acwFrom: 0,
        acwPending: false,
        acwQueue: null,
        acwPartner: null,
        acwTeam: null,
        tracked: true,
      };
      this.agents.set(agentId, a);
    }
    const prev = a.state;
    // ACW of a call runs from its end until the agent next leaves ACW; straight to another state is none.
    if (a.acwPending) {
      if (prev === S_ACW && next !== S_ACW) this.finishAcw(a, t);
      else if (prev !== S_ACW && next !== S_ACW && next !== S_ONCALL) this.finishAcw(a, a.acwFrom);
    }
    const queues = e.queues;
    if (queues) a.queuesStated = true;
    const queuesKey = queues ? queues.join('\u0000') : a.queuesKey;
    const team = e.team ?? a.team;
    const partner = e.partner ?? a.partner;
    if (queuesKey !== a.queuesKey || team !== a.team || partner !== a.partner || a.scopes.length === 0) {
      a.queuesKey = queuesKey;
      if (queues) a.queues = [...queues];
      a.team = team;
      a.partner = partner;
      this.rescope(a, t);
    }
    if (next !== prev) {
      for (const s of a.scopes) s.moveAgent(prev, next, this.now);
      a.state = next;
      a.since = t;
    }
    return null;
  }

  /**
   * The scopes an agent's time counts in: all, its team, its queues, and its partner: its own
   * `partner`, else the partners owning its queues (so an outsourcer's avgStaffed counts the agents
   * on its queues even when their events do not name it).
   */
  private rescope(a: AgentState, t: number): void {
    const scopes: Scope[] = [this.all];
    const teamScope = this.teamScope(a.team);
    if (teamScope) scopes.push(teamScope);
    if (a.partner !== undefined) {
      const ps = this.partnerScope(a.partner);
      if (ps) scopes.push(ps);
    } else {
      for (const q of a.queues) {
        const ps = this.partnerScope(this.queuePartner.get(q));
        if (ps && !scopes.includes(ps)) scopes.push(ps);
      }
    }
    for (const q of a.queues) {
      const qs = this.queueScope(q);
      if (qs && !scopes.includes(qs)) scopes.push(qs);
    }
    a.teamScope = teamScope;
    this.setAgentScopes(a, scopes, t);
  }

  /** A queue's owner became known or changed: agents on it without a partner of their own follow. */
  private queueOwnerChanged(queue: string): void {
    for (const a of this.agents.values())
      if (a.partner === undefined && a.queues.includes(queue)) this.rescope(a, this.now);
  }

  /** Moves an agent's current state count from its old scopes to new ones. */
  private setAgentScopes(a: AgentState, scopes: Scope[], _t: number): void {
    for (const s of a.scopes) {
      if (scopes.includes(s)) continue;
      s.changeCount(a.state, -1, this.now);
    }
    for (const s of scopes) {
      if (a.scopes.includes(s)) continue;
      s.changeCount(a.state, 1, this.now);
    }
    a.scopes = scopes;
  }
}

function handled(s: Scope, talk: number, holdMs: number | undefined): void {
  s.add(F.handled, 1);
  s.add(F.talk, talk);
  if (holdMs) s.add(F.hold, holdMs);
}

function wrappedUp(s: Scope, acw: number): void {
  s.add(F.acw, acw);
  s.add(F.acwCount, 1);
}

function rate(s: Scope, good: number): void {
  s.add(F.surveys, 1);
  s.add(F.surveysGood, good);
}

/** An interval with no call and no agent time: left out of a whole-stream report (nights, weekends). */
function isIdle(acc: Acc): boolean {
  for (let i = 0; i < F.covered; i++) if (acc[i] !== 0) return false;
  return true;
}
