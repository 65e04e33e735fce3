/**
 * The public simulation: a scenario run plus the live controls (each takes effect at the current
 * simulated time and is recorded in the control log) and the simulator's own summary.
 */
import type { Model, ModelPartner, OverflowRule } from './model.js';
import { ControlError, ScenarioRun, type SimulationOptions } from './scenario-run.js';
import { type CallTotals, type QueueTotals, type VisitTotals, visits } from './stats.js';
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

export type { ControlRecord, NameSource, SimulationOptions } from './scenario-run.js';
export { ControlError } from './scenario-run.js';

export interface PartnerTotals {
  partner: string;
  queues: string[];
  offered: number;
  answered: number;
  abandoned: number;
  overflowed: number;
  answeredWithin: number;
  serviceLevel: number | null;
  /**
   * The partner's own traffic (calls that arrived at its queues) and what other queues overflowed into
   * them: a partner paid per FTE is judged on `direct`, not on overflow it absorbed.
   */
  direct: VisitTotals;
  overflowIn: VisitTotals;
  /** Display name (the contract's `name`, else the id). */
  name: string;
  /** How the partner is paid (scenario `partners[]`), or null (in-house, no contract). */
  contract: 'per-call' | 'per-fte' | null;
  /** Agent-hours its agents were staffed (logged in, any state but offline) after the warm-up. */
  staffedHours: number;
  /** staffedHours over the measured time: the FTE it held on the phones; null before any measured time. */
  avgStaffed: number | null;
  /**
   * Measured calls its agents answered, in whichever queue the call waited. The same as `answered` unless
   * agents take calls of another partner's queues.
   */
  answeredByAgents: number;
  /**
   * What its contract bills, for what its agents did: the calls they answered (per call) or the hours they
   * were staffed (per FTE), unrounded. This is the one bill of a run: `run.partners[].billed` of the CLI
   * summary is this object.
   */
  billed: Billing | null;
}

/**
 * A contract's bill: `units` calls answered or FTE hours held (unrounded), times the rate when one is
 * given; `cost` is rounded to the cent.
 */
export interface Billing {
  basis: 'calls' | 'fte-hours';
  units: number;
  rate: number | null;
  cost: number | null;
}

/** The bill of a partner's contract for `answered` calls and `staffedHours` (null without a contract). */
function billing(contract: ModelPartner | undefined, answered: number, staffedHours: number): Billing | null {
  if (contract === undefined) return null;
  const perCall = contract.contract === 'per-call';
  const units = perCall ? answered : staffedHours;
  const rate = perCall ? contract.ratePerCall : contract.ratePerFteHour;
  return {
    basis: perCall ? 'calls' : 'fte-hours',
    units,
    rate,
    cost: rate === null ? null : Math.round(units * rate * 100) / 100,
  };
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

export class Simulation extends ScenarioRun {
  constructor(model: Model, options: SimulationOptions = {}) {
    super(model, options);
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

  /**
   * Multiplies the handle time of calls answered from now on in one queue (or all) by `factor`
   * (1 = the scenario's own). Independent of the scenario's aht-spike incidents: both multiply.
   */
  setHandleFactor(factor: number, queue?: string): void {
    if (!(Number.isFinite(factor) && factor >= 0.1 && factor <= 10))
      throw new ControlError(`set-handle-factor: factor must be a number from 0.1 to 10, got ${factor}`);
    const qs = queue === undefined ? this.allQueues() : [this.queueIndex(queue, 'set-handle-factor')];
    for (const q of qs) this.qHandleFactor[q] = factor;
    this.log('control', 'set-handle-factor', { factor, queue: queue ?? '*' });
  }

  /** The live handle-time factor of a queue (of the first queue when none is named). */
  handleFactor(queue?: string): number {
    return this.qHandleFactor[queue === undefined ? 0 : this.queueIndex(queue, 'handle-factor')];
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
    // Offline agents, agents already on break and agents about to log off are left alone.
    const affected = chosen.filter((a) => this.breakAgent(a, o.minutes * 60_000, reason));
    const ids = affected.map((a) => this.agentIds[a]);
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
    const contracts = new Map((this.model.partners ?? []).map((p) => [p.id, p]));
    const byPartner = new Map<string, PartnerTotals>();
    const partnerOf = (id: string): PartnerTotals => {
      let p = byPartner.get(id);
      if (!p) {
        const contract = contracts.get(id);
        const none = visits(0, 0, 0, 0);
        p = {
          partner: id,
          queues: [],
          offered: 0,
          answered: 0,
          abandoned: 0,
          overflowed: 0,
          answeredWithin: 0,
          serviceLevel: null,
          direct: none,
          overflowIn: none,
          name: contract?.name ?? id,
          contract: contract?.contract ?? null,
          staffedHours: 0,
          avgStaffed: null,
          answeredByAgents: 0,
          billed: null,
        };
        byPartner.set(id, p);
      }
      return p;
    };
    const add = (a: VisitTotals, b: VisitTotals) =>
      visits(
        a.offered + b.offered,
        a.answered + b.answered,
        a.abandoned + b.abandoned,
        a.answeredWithin + b.answeredWithin,
      );
    for (const q of queues) {
      if (q.partner === undefined) continue;
      const p = partnerOf(q.partner);
      p.queues.push(q.queue);
      p.offered += q.offered;
      p.answered += q.answered;
      p.abandoned += q.abandoned;
      p.overflowed += q.overflowed;
      p.answeredWithin += q.answeredWithin;
      p.serviceLevel = p.answered + p.abandoned > 0 ? p.answeredWithin / (p.answered + p.abandoned) : null;
      p.direct = add(p.direct, q.direct);
      p.overflowIn = add(p.overflowIn, q.overflowIn);
    }
    // One walk over the agents: the open state spans closed at the current time (without changing the
    // run's state), and each partner's staffed time and answered calls, by the agents' partner.
    const stateMs = Float64Array.from(this.stats.stateMs);
    for (let a = 0; a < this.agentCount; a++) {
      const from = Math.max(this.aSince[a], this.warmupMs);
      const openMs = this.now > from ? this.now - from : 0;
      stateMs[this.aState[a]] += openMs;
      const id = this.aPartner[a];
      if (id === undefined) continue;
      const p = partnerOf(id);
      p.staffedHours += (this.aStaffedMs[a] + (this.aState[a] !== S_OFFLINE ? openMs : 0)) / 3_600_000;
      p.answeredByAgents += this.aAnswered[a];
    }
    for (const c of contracts.values()) partnerOf(c.id);
    const measuredMs = Math.max(0, this.now - this.warmupMs);
    for (const p of byPartner.values()) {
      p.avgStaffed = measuredMs > 0 ? (p.staffedHours * 3_600_000) / measuredMs : null;
      p.billed = billing(contracts.get(p.partner), p.answeredByAgents, p.staffedHours);
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
