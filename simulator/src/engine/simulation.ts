/**
 * A runnable simulation: the core loop plus scenario incidents, live controls and the summary. Controls
 * take effect at the current simulated time and each one is recorded in the control log (the event schema
 * has no control type, so the log is a separate stream; see README "Live controls").
 */
import { type EventSink, type QueueRuntime, SimulationCore } from './core.js';
import { Sampler } from './distributions.js';
import type { AgentSelector, Model, ModelIncident, OverflowRule } from './model.js';
import { queueStream, Rng, Stream } from './rng.js';
import type { CallTotals, QueueTotals } from './stats.js';
import {
  AF_ABSENT,
  AF_GONE,
  AF_ON_SHIFT,
  AF_PENDING_LOGOFF,
  K_SHIFT_END,
  S_ACW,
  S_AVAILABLE,
  S_BREAK,
  S_OFFLINE,
  S_ONCALL,
} from './storage.js';

/** Names for agents added while running (scenario agents are named when the model is compiled). */
export interface NameSource {
  agentName(): string;
}

/** One applied control or incident, in simulated time. */
export interface ControlRecord {
  /** Epoch ms (simulated) at which it took effect. */
  t: number;
  /** `set-arrival-factor`, `add-agents`, ..., or the incident kind for scenario incidents. */
  control: string;
  source: 'control' | 'incident';
  params: Record<string, unknown>;
  /** Agent ids it acted on, where it acts on agents. */
  agents?: string[];
}

export interface SimulationOptions {
  /** Receives every event; null or absent = summary only (no event objects are created). */
  sink?: EventSink | null;
  /** Stop after this many ms instead of the model's duration. */
  untilMs?: number;
  names?: NameSource;
  /** Receives each control record as it is applied. */
  onControl?: (record: ControlRecord) => void;
}

export interface PartnerTotals {
  partner: string;
  queues: string[];
  offered: number;
  answered: number;
  abandoned: number;
  overflowed: number;
  answeredWithin: number;
  serviceLevel: number | null;
}

export interface SimSummary {
  simulatedMs: number;
  calls: number;
  events: number;
  /** Per call, measured (after warm-up). */
  all: CallTotals;
  queues: Array<QueueTotals & { queue: string; partner: string | undefined }>;
  partners: PartnerTotals[];
  occupancy: number | null;
  /** Measured agent-hours per state. */
  agentHours: Record<string, number>;
}

export class ControlError extends Error {}

export class Simulation extends SimulationCore {
  readonly model: Model;
  readonly controlLog: ControlRecord[] = [];
  private readonly names: NameSource;
  private readonly onControl: ((r: ControlRecord) => void) | undefined;
  private readonly incidentActive: boolean[];
  private addedAgents = 0;

  constructor(model: Model, options: SimulationOptions = {}) {
    const runtimes = model.queues.map((q, i): QueueRuntime => {
      const rng = (offset: number) => new Rng(model.seed, queueStream(i, offset));
      const pieceMs = q.arrivals.pieceMin === null ? Number.POSITIVE_INFINITY : q.arrivals.pieceMin * 60_000;
      return {
        arrivalsRng: rng(Stream.arrivals),
        handleRng: rng(Stream.handle),
        patienceRng: rng(Stream.patience),
        acwRng: rng(Stream.acw),
        holdRng: rng(Stream.hold),
        surveyRng: rng(Stream.survey),
        handle: new Sampler(q.handle),
        acw: q.acw ? new Sampler(q.acw) : null,
        patience: q.patience ? new Sampler(q.patience) : null,
        hold: q.hold ? new Sampler(q.hold.dist) : null,
        holdProbability: q.hold ? q.hold.probability : 0,
        pieceMs,
        ratesPerMs: Float64Array.from(q.arrivals.callsPerHour, (r) => r / 3_600_000),
      };
    });
    const endMs = Math.max(0, options.untilMs ?? model.durationMs);
    super(model, runtimes, options.sink ?? null, endMs);
    this.model = model;
    this.names = options.names ?? { agentName: () => `Agent ${this.agentCount + 1}` };
    this.onControl = options.onControl;
    for (const a of model.agents) {
      const i = this.addAgent(a.id, a.name, a.team, a.partner, a.skills, a.breaks);
      this.planAgent(i, a.shiftStartMs, a.shiftEndMs, a.absent);
    }
    this.incidentActive = model.incidents.map(() => false);
    model.incidents.forEach((inc, i) => {
      if (inc.atMs <= this.endMs) this.scheduleIncident(i, inc.atMs, false);
    });
    this.scheduleWarmup();
    for (let q = 0; q < this.queueCount; q++) this.scheduleArrival(q);
  }

  /** Runs to the end (virtual clock, as fast as possible). */
  runToEnd(): void {
    this.runUntil(this.endMs);
  }

  // ---- incidents ----------------------------------------------------------------------------------------

  protected onIncident(i: number, start: boolean): void {
    const inc = this.model.incidents[i];
    if (start) {
      this.incidentActive[i] = true;
      const agents = this.applyIncidentStart(inc);
      this.log('incident', inc.kind, incidentParams(inc), agents);
      if ('durationMs' in inc && inc.durationMs !== null)
        this.scheduleIncident(i, this.now + inc.durationMs, true);
    } else {
      this.incidentActive[i] = false;
      this.applyIncidentEnd(inc);
      this.log('incident', `${inc.kind}-end`, incidentParams(inc));
    }
  }

  private applyIncidentStart(inc: ModelIncident): string[] | undefined {
    switch (inc.kind) {
      case 'surge':
        this.recomputeSurges(inc.queues);
        return undefined;
      case 'aht-spike':
        this.recomputeAhtSpikes(inc.queues);
        return undefined;
      case 'outage': {
        const hit = this.matching(inc.select, false);
        for (const a of hit) {
          this.aBlocked[a]++;
          this.forceOffline(a, 'outage');
        }
        return hit.map((a) => this.agentIds[a]);
      }
      case 'agents-leave':
        return this.leave(inc.count, inc.select, 'left');
    }
  }

  private applyIncidentEnd(inc: ModelIncident): void {
    switch (inc.kind) {
      case 'surge':
        this.recomputeSurges(inc.queues);
        break;
      case 'aht-spike':
        this.recomputeAhtSpikes(inc.queues);
        break;
      case 'outage':
        for (const a of this.matching(inc.select, false)) {
          if (this.aBlocked[a] > 0) this.aBlocked[a]--;
          if (this.mayWork(a) && this.aState[a] === S_OFFLINE) this.comeBack(a);
        }
        break;
      case 'agents-leave':
        break;
    }
  }

  /** Sets each queue's surge factor to the product of the active surges on it (exact, no drift). */
  private recomputeSurges(queues: number[]): void {
    for (const q of queues.length > 0 ? queues : this.allQueues()) {
      let f = 1;
      this.model.incidents.forEach((inc, i) => {
        if (
          inc.kind === 'surge' &&
          this.incidentActive[i] &&
          (inc.queues.length === 0 || inc.queues.includes(q))
        )
          f *= inc.factor;
      });
      this.qSurge[q] = f;
      this.rateChanged(q);
    }
  }

  private recomputeAhtSpikes(queues: number[]): void {
    for (const q of queues.length > 0 ? queues : this.allQueues()) {
      let f = 1;
      this.model.incidents.forEach((inc, i) => {
        if (
          inc.kind === 'aht-spike' &&
          this.incidentActive[i] &&
          (inc.queues.length === 0 || inc.queues.includes(q))
        )
          f *= inc.factor;
      });
      this.qAhtFactor[q] = f;
    }
  }

  private allQueues(): number[] {
    return Array.from({ length: this.queueCount }, (_, q) => q);
  }

  /** Drops agent a now: a call in progress ends at once (no survey, no ACW). */
  private forceOffline(a: number, reason: string): void {
    const state = this.aState[a];
    if (state === S_OFFLINE) return;
    if (state === S_ONCALL) {
      const s = this.aCall[a];
      this.endCall(a, s, false);
      this.freeCallSlot(s);
    }
    this.goOffline(a, reason);
  }

  /** `count` logged-in agents matching `select` leave for good (after their current call). */
  private leave(count: number, select: AgentSelector, reason: string): string[] {
    const chosen = this.matching(select, true).slice(0, count);
    for (const a of chosen) {
      this.aFlags[a] |= AF_GONE;
      this.logOff(a, reason);
    }
    return chosen.map((a) => this.agentIds[a]);
  }

  /**
   * Agents matching the selector. With `loggedIn`, only those working now, available ones first (then on
   * break, then busy), each group in agent order: a deterministic choice that disturbs the fewest calls.
   */
  private matching(select: AgentSelector, loggedIn: boolean): number[] {
    const out: number[] = [];
    for (let a = 0; a < this.agentCount; a++) {
      if (select.team !== undefined && this.aTeam[a] !== select.team) continue;
      if (select.partner !== undefined && this.aPartner[a] !== select.partner) continue;
      if (select.queue !== undefined && !this.aQueues[a].includes(this.queueIds[select.queue])) continue;
      if (loggedIn && (this.aState[a] === S_OFFLINE || (this.aFlags[a] & AF_GONE) !== 0)) continue;
      out.push(a);
    }
    if (loggedIn) {
      const rank = (a: number) => {
        const s = this.aState[a];
        return s === S_AVAILABLE ? 0 : s === S_BREAK ? 1 : s === S_ACW ? 2 : 3;
      };
      out.sort((x, y) => rank(x) - rank(y) || x - y);
    }
    return out;
  }

  // ---- live controls ------------------------------------------------------------------------------------

  private queueIndex(id: string, what: string): number {
    const q = this.queueIds.indexOf(id);
    if (q < 0) throw new ControlError(`${what}: unknown queue "${id}" (queues: ${this.queueIds.join(', ')})`);
    return q;
  }

  private selector(o: { queue?: string; team?: string; partner?: string }, what: string): AgentSelector {
    return {
      queue: o.queue === undefined ? undefined : this.queueIndex(o.queue, what),
      team: o.team,
      partner: o.partner,
    };
  }

  private log(
    source: 'control' | 'incident',
    control: string,
    params: Record<string, unknown>,
    agents?: string[],
  ) {
    const r: ControlRecord = { t: this.nowEpochMs, control, source, params };
    if (agents !== undefined) r.agents = agents;
    this.controlLog.push(r);
    this.onControl?.(r);
  }

  /** Records a clock control (speed, pause, resume, step) applied by the driver at the current time. */
  logClockControl(control: string, params: Record<string, unknown> = {}): void {
    this.log('control', control, params);
  }

  /** Multiplies the arrival rate of one queue (or all) by `factor` from now on (1 = the scenario's rate). */
  setArrivalFactor(factor: number, queue?: string): void {
    if (!(Number.isFinite(factor) && factor >= 0 && factor <= 100))
      throw new ControlError(`set-arrival-factor: factor must be a number from 0 to 100, got ${factor}`);
    const qs = queue === undefined ? this.allQueues() : [this.queueIndex(queue, 'set-arrival-factor')];
    for (const q of qs) {
      this.qFactor[q] = factor;
      this.rateChanged(q);
    }
    this.log('control', 'set-arrival-factor', { factor, queue: queue ?? '*' });
  }

  /** Logs in `count` new agents now; they work `forMin` minutes (default: to the end of the run). */
  addAgents(o: {
    count: number;
    skills: string[];
    team?: string;
    partner?: string;
    forMin?: number;
  }): string[] {
    if (!(Number.isInteger(o.count) && o.count >= 1 && o.count <= 10_000))
      throw new ControlError(`add-agents: count must be a whole number from 1 to 10000, got ${o.count}`);
    if (!Array.isArray(o.skills) || o.skills.length === 0)
      throw new ControlError('add-agents: skills must list queues');
    const skills = o.skills.map((id) => this.queueIndex(id, 'add-agents'));
    if (o.forMin !== undefined && !(o.forMin > 0)) throw new ControlError('add-agents: forMin must be > 0');
    const end = o.forMin === undefined ? Number.POSITIVE_INFINITY : this.now + o.forMin * 60_000;
    const ids: string[] = [];
    for (let k = 0; k < o.count; k++) {
      const id = `x${++this.addedAgents}`;
      const a = this.addAgent(id, this.names.agentName(), o.team ?? 'added', o.partner, skills, []);
      this.aShiftEnd[a] = end;
      this.aFlags[a] |= AF_ON_SHIFT;
      if (end < this.endMs) this.schedule(end, K_SHIFT_END, a, this.aShiftStamp[a]);
      this.comeBack(a);
      ids.push(id);
    }
    this.log('control', 'add-agents', { ...o }, ids);
    return ids;
  }

  /** `count` working agents matching the selector log off (idle ones first; busy ones after their call). */
  removeAgents(o: { count: number; queue?: string; team?: string; partner?: string }): string[] {
    if (!(Number.isInteger(o.count) && o.count >= 1))
      throw new ControlError(`remove-agents: count must be a whole number >= 1, got ${o.count}`);
    const ids = this.leave(o.count, this.selector(o, 'remove-agents'), 'removed');
    this.log('control', 'remove-agents', { ...o }, ids);
    return ids;
  }

  /**
   * Sends one agent (`agent`) or `count` working agents matching the selector on a break of `minutes`:
   * available ones at once, busy ones when their call and ACW are over.
   */
  sendOnBreak(o: {
    minutes: number;
    agent?: string;
    count?: number;
    queue?: string;
    team?: string;
    partner?: string;
    reason?: string;
  }): string[] {
    if (!(Number.isFinite(o.minutes) && o.minutes > 0 && o.minutes <= 24 * 60))
      throw new ControlError(`send-on-break: minutes must be from 0 to 1440, got ${o.minutes}`);
    let chosen: number[];
    if (o.agent !== undefined) {
      const a = this.agentIds.indexOf(o.agent);
      if (a < 0) throw new ControlError(`send-on-break: unknown agent "${o.agent}"`);
      chosen = [a];
    } else {
      const count = o.count ?? 1;
      if (!(Number.isInteger(count) && count >= 1))
        throw new ControlError(`send-on-break: count must be a whole number >= 1, got ${count}`);
      chosen = this.matching(this.selector(o, 'send-on-break'), true)
        .filter((a) => this.aState[a] !== S_BREAK)
        .slice(0, count);
    }
    const reason = o.reason ?? 'break';
    for (const a of chosen) this.breakAgent(a, o.minutes * 60_000, reason);
    const ids = chosen.map((a) => this.agentIds[a]);
    this.log('control', 'send-on-break', { ...o }, ids);
    return ids;
  }

  /** Sets (or with null clears) a queue's overflow rule; calls already waiting fall under it. */
  setOverflow(queue: string, rule: OverflowRule | null): void {
    const q = this.queueIndex(queue, 'set-overflow');
    if (rule !== null) {
      const to = this.queueIndex(rule.to, 'set-overflow');
      if (to === q) throw new ControlError('set-overflow: a queue cannot overflow to itself');
      if (rule.afterSec === null && rule.maxWaiting === null)
        throw new ControlError('set-overflow: give afterSec, maxWaiting or both');
      if (rule.afterSec !== null && !(rule.afterSec >= 0))
        throw new ControlError('set-overflow: afterSec must be >= 0');
      if (rule.maxWaiting !== null && !(Number.isInteger(rule.maxWaiting) && rule.maxWaiting >= 0))
        throw new ControlError('set-overflow: maxWaiting must be a whole number >= 0');
      // Overflow chains must end: refuse a rule that would make a cycle.
      for (let at = to, hops = 0; at >= 0; at = this.qOverflowTo[at], hops++) {
        if (at === q || hops > this.queueCount)
          throw new ControlError(`set-overflow: ${queue} -> ${rule.to} makes a cycle`);
      }
      this.applyOverflowRule(q, rule.to, rule.afterSec, rule.maxWaiting);
    } else this.applyOverflowRule(q, null, null, null);
    this.log('control', 'set-overflow', { queue, rule });
  }

  /** Agents now on shift (matching the selector) stay `minutes` longer, including those finishing a last call. */
  extendShifts(o: { minutes: number; queue?: string; team?: string; partner?: string }): string[] {
    if (!(Number.isFinite(o.minutes) && o.minutes > 0))
      throw new ControlError(`extend-shifts: minutes must be > 0, got ${o.minutes}`);
    const ids: string[] = [];
    for (const a of this.matching(this.selector(o, 'extend-shifts'), false)) {
      const flags = this.aFlags[a];
      if ((flags & (AF_GONE | AF_ABSENT)) !== 0) continue;
      const onShift = (flags & AF_ON_SHIFT) !== 0;
      const leavingAfterCall = (flags & AF_PENDING_LOGOFF) !== 0 && this.aPendingReason[a] === 'shift-end';
      if (!onShift && !leavingAfterCall) continue;
      if (this.aShiftEnd[a] === Number.POSITIVE_INFINITY) continue;
      const end = Math.max(this.aShiftEnd[a], this.now) + o.minutes * 60_000;
      this.aShiftEnd[a] = end;
      this.aShiftStamp[a] = (this.aShiftStamp[a] + 1) | 0;
      this.aFlags[a] = (flags | AF_ON_SHIFT) & ~AF_PENDING_LOGOFF;
      if (end < this.endMs) this.schedule(end, K_SHIFT_END, a, this.aShiftStamp[a]);
      ids.push(this.agentIds[a]);
    }
    this.log('control', 'extend-shifts', { ...o }, ids);
    return ids;
  }

  // ---- summary ------------------------------------------------------------------------------------------

  /** The simulator's own measured totals (after warm-up), per call, per queue and per partner. */
  summary(): SimSummary {
    const queues = this.queueIds.map((id, q) => ({
      queue: id,
      partner: this.qPartner[q],
      ...this.stats.queueTotals(q),
    }));
    const byPartner = new Map<string, PartnerTotals>();
    for (const q of queues) {
      if (q.partner === undefined) continue;
      let p = byPartner.get(q.partner);
      if (!p) {
        p = {
          partner: q.partner,
          queues: [],
          offered: 0,
          answered: 0,
          abandoned: 0,
          overflowed: 0,
          answeredWithin: 0,
          serviceLevel: null,
        };
        byPartner.set(q.partner, p);
      }
      p.queues.push(q.queue);
      p.offered += q.offered;
      p.answered += q.answered;
      p.abandoned += q.abandoned;
      p.overflowed += q.overflowed;
      p.answeredWithin += q.answeredWithin;
    }
    for (const p of byPartner.values()) {
      p.serviceLevel = p.answered + p.abandoned > 0 ? p.answeredWithin / (p.answered + p.abandoned) : null;
    }
    // Close the open state spans at the current time (without changing the run's state).
    const stateMs = Float64Array.from(this.stats.stateMs);
    for (let a = 0; a < this.agentCount; a++) {
      const from = Math.max(this.aSince[a], this.warmupMs);
      if (this.now > from) stateMs[this.aState[a]] += this.now - from;
    }
    const busy = stateMs[S_ONCALL] + stateMs[S_ACW];
    const names = ['offline', 'available', 'on-call', 'acw', 'break', 'other'];
    return {
      simulatedMs: this.now,
      calls: this.callCount,
      events: this.eventCount,
      all: this.stats.callTotals(),
      queues,
      partners: [...byPartner.values()],
      occupancy: busy + stateMs[S_AVAILABLE] > 0 ? busy / (busy + stateMs[S_AVAILABLE]) : null,
      agentHours: Object.fromEntries(names.map((n, i) => [n, stateMs[i] / 3_600_000])),
    };
  }
}

function incidentParams(inc: ModelIncident): Record<string, unknown> {
  const { kind: _kind, ...rest } = inc;
  return rest;
}
