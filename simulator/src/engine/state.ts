/**
 * The simulation's state as structure-of-arrays: queues, call slots (reused through a free list), agents
 * and their queue memberships (the idle-agent lists thread through these), plus the small operations on
 * them that the behaviour in core.ts is built from. Nothing here allocates per event except `emit`'s
 * callers' event objects.
 */
import type { AgentStateEvent, WallboardEvent } from '@wallboard/metrics';
import type { Sampler } from './distributions.js';
import { EventHeap } from './heap.js';
import type { Model } from './model.js';
import { Rng } from './rng.js';
import * as St from './stats.js';
import {
  AF_ABSENT,
  AF_GONE,
  AF_ON_SHIFT,
  C_FREE,
  grown,
  K_BITS,
  K_OVERFLOW,
  S_OFFLINE,
  STATE_NAMES,
} from './storage.js';

/** Receives each event; `measured` is false for the warm-up (calls that arrived before it, agent changes before it). */
export type EventSink = (event: WallboardEvent, measured: boolean) => void;

/** Per-queue randomness and distributions, resolved once. */
export interface QueueRuntime {
  arrivalsRng: Rng;
  handleRng: Rng;
  patienceRng: Rng;
  acwRng: Rng;
  holdRng: Rng;
  surveyRng: Rng;
  handle: Sampler;
  acw: Sampler | null;
  patience: Sampler | null;
  hold: Sampler | null;
  holdProbability: number;
  /** Arrival rate per ms in pieces of pieceMs (Infinity = one constant piece). */
  pieceMs: number;
  ratesPerMs: Float64Array;
}

export abstract class SimState {
  /** Simulated time, ms from the start. */
  now = 0;
  readonly heap = new EventHeap(4096);
  readonly stats: St.Stats;
  /** Calls created so far (the next call's number is this + 1). */
  callCount = 0;
  /** Events handed to the sink. */
  eventCount = 0;
  readonly endMs: number;
  readonly warmupMs: number;
  readonly epochMs: number;
  protected sink: EventSink | null;

  // ---- queues ----
  readonly queueCount: number;
  readonly queueIds: string[];
  protected readonly qPartner: Array<string | undefined>;
  protected readonly qRt: QueueRuntime[];
  protected readonly qPriority: Float64Array;
  protected readonly qThresholdMs: Float64Array;
  protected readonly qHead: Int32Array;
  protected readonly qTail: Int32Array;
  readonly qLen: Int32Array;
  protected readonly qIdleHead: Int32Array;
  protected readonly qIdleTail: Int32Array;
  protected readonly qArrivalGen: Int32Array;
  /** Arrival factor set by controls, and the product of active surges. */
  readonly qFactor: Float64Array;
  readonly qSurge: Float64Array;
  /** Handle-time factor of the scenario's aht-spike incidents now active on each queue. */
  readonly qAhtFactor: Float64Array;
  /** Handle-time factor set live (`setHandleFactor`), kept apart so incidents never overwrite it. */
  readonly qHandleFactor: Float64Array;
  readonly qOverflowTo: Int32Array;
  readonly qOverflowAfterMs: Float64Array;
  readonly qOverflowMax: Int32Array;
  /** Whether any queue has a survey (then every arrival draws its survey answer). */
  protected readonly anySurvey: boolean;
  protected readonly seed: number;
  /** Reseeded per call for attributes drawn in a queue other than the arrival queue (callStream). */
  protected readonly callRng = new Rng(0, 0);
  protected readonly qSurvey: Array<{
    responseRate: number;
    meanScore: number;
    dropPerMinute: number;
  } | null>;

  // ---- calls (slots reused through a free list threaded on cNext) ----
  protected cCap = 0;
  protected freeCall = -1;
  protected stamp = 0;
  protected visitSeq = 0;
  protected cNo = new Float64Array(0);
  protected cArrive = new Float64Array(0);
  protected cQueuedAt = new Float64Array(0);
  protected cHoldMs = new Float64Array(0);
  /**
   * The caller's attributes, drawn at arrival (common random numbers, see rng.ts): when the caller hangs
   * up (ms from the start; +Infinity = never), talk before any aht-spike factor, ACW (ms), and the survey
   * answer's uniform (< response rate = answers) and normal noise.
   */
  protected cPatienceAt = new Float64Array(0);
  protected cHandleMs = new Float64Array(0);
  protected cAcwMs = new Float64Array(0);
  protected cSurveyU = new Float64Array(0);
  protected cSurveyZ = new Float64Array(0);
  protected cQueue = new Int32Array(0);
  protected cFirstQueue = new Int32Array(0);
  protected cAgent = new Int32Array(0);
  protected cNext = new Int32Array(0);
  protected cPrev = new Int32Array(0);
  protected cStamp = new Int32Array(0);
  protected cVisit = new Int32Array(0);
  protected cState = new Uint8Array(0);
  protected cFlags = new Uint8Array(0);
  protected cId: string[] = [];

  // ---- agents ----
  agentCount = 0;
  protected aCap = 0;
  readonly agentIds: string[] = [];
  protected aName: string[] = [];
  protected aTeam: string[] = [];
  protected aPartner: Array<string | undefined> = [];
  protected aQueues: string[][] = [];
  protected aState = new Uint8Array(0);
  protected aFlags = new Uint8Array(0);
  protected aSince = new Float64Array(0);
  /** Measured time each agent was staffed (logged in: any state but offline), closed at its last change. */
  protected aStaffedMs = new Float64Array(0);
  /** Measured calls each agent answered (whatever queue they waited in): what a per-call contract bills. */
  protected aAnswered = new Float64Array(0);
  protected aCall = new Int32Array(0);
  protected aStamp = new Int32Array(0);
  protected aShiftStamp = new Int32Array(0);
  protected aShiftEnd = new Float64Array(0);
  protected aBlocked = new Int32Array(0);
  protected aPendingBreakMs = new Float64Array(0);
  protected aPendingReason: string[] = [];
  protected aMemStart = new Int32Array(0);
  protected aMemCount = new Int32Array(0);
  protected aBreaks: Array<Array<{ startMs: number; durationMs: number; reason: string }>> = [];

  // ---- agent-in-queue memberships: the idle lists thread through these ----
  protected mCount = 0;
  protected mAgent = new Int32Array(0);
  protected mQueue = new Int32Array(0);
  protected mNext = new Int32Array(0);
  protected mPrev = new Int32Array(0);
  protected mLinked = new Uint8Array(0);

  protected constructor(model: Model, queueRuntimes: QueueRuntime[], sink: EventSink | null, endMs: number) {
    this.sink = sink;
    this.endMs = endMs;
    this.warmupMs = model.warmupMs;
    this.epochMs = model.startEpochMs;
    const n = model.queues.length;
    this.queueCount = n;
    this.stats = new St.Stats(n);
    this.queueIds = model.queues.map((q) => q.id);
    this.qPartner = model.queues.map((q) => q.partner);
    this.qRt = queueRuntimes;
    this.qPriority = Float64Array.from(model.queues, (q) => q.priority);
    this.qThresholdMs = Float64Array.from(model.queues, (q) => q.slThresholdSec * 1000);
    this.qHead = new Int32Array(n).fill(-1);
    this.qTail = new Int32Array(n).fill(-1);
    this.qLen = new Int32Array(n);
    this.qIdleHead = new Int32Array(n).fill(-1);
    this.qIdleTail = new Int32Array(n).fill(-1);
    this.qArrivalGen = new Int32Array(n);
    this.qFactor = new Float64Array(n).fill(1);
    this.qSurge = new Float64Array(n).fill(1);
    this.qAhtFactor = new Float64Array(n).fill(1);
    this.qHandleFactor = new Float64Array(n).fill(1);
    this.qOverflowTo = new Int32Array(n).fill(-1);
    this.qOverflowAfterMs = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.qOverflowMax = new Int32Array(n).fill(-1);
    this.qSurvey = model.queues.map((q) => q.survey);
    this.anySurvey = this.qSurvey.some((sv) => sv !== null);
    this.seed = model.seed;
    this.growCalls(1024);
  }

  /** Call slots allocated (grows with the most calls in the system at once, never with the calls simulated). */
  get callCapacity(): number {
    return this.cCap;
  }

  protected schedule(t: number, kind: number, id: number, b: number): void {
    this.heap.push(t, (id << K_BITS) | kind, b);
  }

  protected unlinkCall(s: number): void {
    const q = this.cQueue[s];
    const prev = this.cPrev[s];
    const next = this.cNext[s];
    if (prev >= 0) this.cNext[prev] = next;
    else this.qHead[q] = next;
    if (next >= 0) this.cPrev[next] = prev;
    else this.qTail[q] = prev;
    this.qLen[q]--;
  }

  protected freeCallSlot(s: number): void {
    this.cState[s] = C_FREE;
    this.stamp = (this.stamp + 1) | 0;
    this.cStamp[s] = this.stamp;
    this.cNext[s] = this.freeCall;
    this.freeCall = s;
  }

  protected allocCall(): number {
    if (this.freeCall < 0) this.growCalls(this.cCap * 2);
    const s = this.freeCall;
    this.freeCall = this.cNext[s];
    return s;
  }

  protected growCalls(cap: number): void {
    const old = this.cCap;
    this.cNo = grown(this.cNo, cap);
    this.cArrive = grown(this.cArrive, cap);
    this.cQueuedAt = grown(this.cQueuedAt, cap);
    this.cHoldMs = grown(this.cHoldMs, cap);
    this.cPatienceAt = grown(this.cPatienceAt, cap);
    this.cHandleMs = grown(this.cHandleMs, cap);
    this.cAcwMs = grown(this.cAcwMs, cap);
    this.cSurveyU = grown(this.cSurveyU, cap);
    this.cSurveyZ = grown(this.cSurveyZ, cap);
    this.cQueue = grown(this.cQueue, cap);
    this.cFirstQueue = grown(this.cFirstQueue, cap);
    this.cAgent = grown(this.cAgent, cap);
    this.cNext = grown(this.cNext, cap);
    this.cPrev = grown(this.cPrev, cap);
    this.cStamp = grown(this.cStamp, cap);
    this.cVisit = grown(this.cVisit, cap);
    this.cState = grown(this.cState, cap);
    this.cFlags = grown(this.cFlags, cap);
    for (let s = cap - 1; s >= old; s--) {
      this.cNext[s] = this.freeCall;
      this.freeCall = s;
    }
    this.cCap = cap;
  }

  /** Adds an agent (not yet logged in); returns its index. Skills are queue indices in preference order. */
  protected addAgent(
    id: string,
    name: string,
    team: string,
    partner: string | undefined,
    skills: number[],
    breaks: Array<{ startMs: number; durationMs: number; reason: string }>,
  ): number {
    const a = this.agentCount++;
    if (a >= this.aCap) this.growAgents(Math.max(64, this.aCap * 2));
    this.agentIds.push(id);
    this.aName.push(name);
    this.aTeam.push(team);
    this.aPartner.push(partner);
    this.aQueues.push(Object.freeze(skills.map((q) => this.queueIds[q])) as string[]);
    this.aPendingReason.push('');
    this.aBreaks.push(breaks);
    this.aCall[a] = -1;
    this.aShiftEnd[a] = Number.POSITIVE_INFINITY;
    this.aMemStart[a] = this.mCount;
    this.aMemCount[a] = skills.length;
    if (this.mCount + skills.length > this.mAgent.length) {
      const cap = Math.max(128, (this.mCount + skills.length) * 2);
      this.mAgent = grown(this.mAgent, cap);
      this.mQueue = grown(this.mQueue, cap);
      this.mNext = grown(this.mNext, cap);
      this.mPrev = grown(this.mPrev, cap);
      this.mLinked = grown(this.mLinked, cap);
    }
    for (const q of skills) {
      const m = this.mCount++;
      this.mAgent[m] = a;
      this.mQueue[m] = q;
    }
    return a;
  }

  protected growAgents(cap: number): void {
    this.aState = grown(this.aState, cap);
    this.aFlags = grown(this.aFlags, cap);
    this.aSince = grown(this.aSince, cap);
    this.aStaffedMs = grown(this.aStaffedMs, cap);
    this.aAnswered = grown(this.aAnswered, cap);
    this.aCall = grown(this.aCall, cap);
    this.aStamp = grown(this.aStamp, cap);
    this.aShiftStamp = grown(this.aShiftStamp, cap);
    this.aShiftEnd = grown(this.aShiftEnd, cap);
    this.aBlocked = grown(this.aBlocked, cap);
    this.aPendingBreakMs = grown(this.aPendingBreakMs, cap);
    this.aMemStart = grown(this.aMemStart, cap);
    this.aMemCount = grown(this.aMemCount, cap);
    this.aCap = cap;
  }

  protected setState(agent: number, state: number): void {
    const since = this.aSince[agent];
    const from = Math.max(since, this.warmupMs);
    if (this.now > from) {
      const prev = this.aState[agent];
      this.stats.stateMs[prev] += this.now - from;
      if (prev !== S_OFFLINE) this.aStaffedMs[agent] += this.now - from;
    }
    this.aState[agent] = state;
    this.aSince[agent] = this.now;
    this.aStamp[agent] = (this.aStamp[agent] + 1) | 0;
  }

  /**
   * Emits agent.state. Logins, breaks, log-offs and warm-up restatements carry the agent's name, team,
   * partner and queues; the frequent call-handling changes (on-call, acw, available again) carry only the
   * state, as consumers keep what they learned at login (the metrics engine does). That halves the
   * stream's size and what a consumer parses per call.
   */
  protected emitAgent(agent: number, state: number, reason: string | undefined, full = true): void {
    if (this.sink === null) return;
    const t = this.epochMs + Math.round(this.now);
    const e: AgentStateEvent = full
      ? {
          type: 'agent.state',
          t,
          agent: this.agentIds[agent],
          state: STATE_NAMES[state],
          reason,
          queues: this.aQueues[agent],
          name: this.aName[agent],
          team: this.aTeam[agent],
          partner: this.aPartner[agent],
        }
      : { type: 'agent.state', t, agent: this.agentIds[agent], state: STATE_NAMES[state] };
    this.emit(e, this.now >= this.warmupMs);
  }

  protected emit(e: WallboardEvent, measured: boolean): void {
    this.eventCount++;
    (this.sink as EventSink)(e, measured);
  }

  protected linkIdle(agent: number): void {
    const end = this.aMemStart[agent] + this.aMemCount[agent];
    for (let m = this.aMemStart[agent]; m < end; m++) {
      const q = this.mQueue[m];
      const tail = this.qIdleTail[q];
      this.mPrev[m] = tail;
      this.mNext[m] = -1;
      if (tail >= 0) this.mNext[tail] = m;
      else this.qIdleHead[q] = m;
      this.qIdleTail[q] = m;
      this.mLinked[m] = 1;
    }
  }

  protected unlinkIdle(agent: number): void {
    const end = this.aMemStart[agent] + this.aMemCount[agent];
    for (let m = this.aMemStart[agent]; m < end; m++) {
      if (this.mLinked[m] === 0) continue;
      const q = this.mQueue[m];
      const prev = this.mPrev[m];
      const next = this.mNext[m];
      if (prev >= 0) this.mNext[prev] = next;
      else this.qIdleHead[q] = next;
      if (next >= 0) this.mPrev[next] = prev;
      else this.qIdleTail[q] = prev;
      this.mLinked[m] = 0;
    }
  }

  /** The skill queue whose head agent should take next (highest priority, then preference), or -1. */
  protected pickQueue(agent: number): number {
    let best = -1;
    let bestPriority = Number.NEGATIVE_INFINITY;
    const end = this.aMemStart[agent] + this.aMemCount[agent];
    for (let m = this.aMemStart[agent]; m < end; m++) {
      const q = this.mQueue[m];
      if (this.qHead[q] >= 0 && this.qPriority[q] > bestPriority) {
        best = q;
        bestPriority = this.qPriority[q];
      }
    }
    return best;
  }

  /** Whether agent a may be logged in now (on shift, not absent, gone or blocked by an outage). */
  protected mayWork(a: number): boolean {
    return (this.aFlags[a] & (AF_ON_SHIFT | AF_GONE | AF_ABSENT)) === AF_ON_SHIFT && this.aBlocked[a] === 0;
  }

  // ---- overflow rules -----------------------------------------------------------------------------------

  protected applyOverflowRule(
    q: number,
    to: string | null,
    afterSec: number | null,
    maxWaiting: number | null,
  ): void {
    const target = to === null ? -1 : this.queueIds.indexOf(to);
    this.qOverflowTo[q] = target;
    this.qOverflowAfterMs[q] = target >= 0 && afterSec !== null ? afterSec * 1000 : Number.POSITIVE_INFINITY;
    this.qOverflowMax[q] = target >= 0 && maxWaiting !== null ? maxWaiting : -1;
    // Calls already waiting fall under the new time rule from their own queue entry.
    if (this.qOverflowAfterMs[q] !== Number.POSITIVE_INFINITY) {
      for (let s = this.qHead[q]; s >= 0; s = this.cNext[s]) {
        const due = this.cQueuedAt[s] + this.qOverflowAfterMs[q];
        this.schedule(Math.max(due, this.now), K_OVERFLOW, s, this.cVisit[s]);
      }
    }
  }
}
